import { useInfiniteQuery } from '@tanstack/react-query';
import type { PayoutListItem } from '@ebay-connector/contract';
import { getListPage, listQueryOptions } from './list-query';

export const payoutsPath = '/api/finances/payouts';

/** `GET /api/finances/payouts`: one keyset page with the page's filters and sort. */
export function getPayouts(query: Record<string, string>, cursor: string | null, signal?: AbortSignal) {
  return getListPage<PayoutListItem>(payoutsPath, query, cursor, signal);
}

export function payoutsQueryOptions(query: Record<string, string>) {
  return listQueryOptions<PayoutListItem>(payoutsPath, query);
}

export function usePayouts(query: Record<string, string>, enabled = true) {
  return useInfiniteQuery({ ...payoutsQueryOptions(query), enabled });
}
