import { useInfiniteQuery } from '@tanstack/react-query';
import type { PurchaseListItem } from '@ebay-connector/contract';
import { getListPage, listQueryOptions } from './list-query';

export const purchasesPath = '/api/purchases';

/** `GET /api/purchases`: one keyset page with the page's filters and sort. */
export function getPurchases(query: Record<string, string>, cursor: string | null, signal?: AbortSignal) {
  return getListPage<PurchaseListItem>(purchasesPath, query, cursor, signal);
}

export function purchasesQueryOptions(query: Record<string, string>) {
  return listQueryOptions<PurchaseListItem>(purchasesPath, query);
}

export function usePurchases(query: Record<string, string>, enabled = true) {
  return useInfiniteQuery({ ...purchasesQueryOptions(query), enabled });
}
