import { useInfiniteQuery } from '@tanstack/react-query';
import type { DisputeListItem } from '@ebay-connector/contract';
import { getListPage, listQueryOptions } from './list-query';

export const disputesPath = '/api/disputes';

/** `GET /api/disputes`: one keyset page with the page's filters and sort. */
export function getDisputes(query: Record<string, string>, cursor: string | null, signal?: AbortSignal) {
  return getListPage<DisputeListItem>(disputesPath, query, cursor, signal);
}

export function disputesQueryOptions(query: Record<string, string>) {
  return listQueryOptions<DisputeListItem>(disputesPath, query);
}

export function useDisputes(query: Record<string, string>, enabled = true) {
  return useInfiniteQuery({ ...disputesQueryOptions(query), enabled });
}
