import { useInfiniteQuery } from '@tanstack/react-query';
import type { InventoryListItem } from '@ebay-connector/contract';
import { getListPage, listQueryOptions } from './list-query';

export const inventoryPath = '/api/inventory';

/** `GET /api/inventory`: one keyset page with the page's filters and sort. */
export function getInventory(query: Record<string, string>, cursor: string | null, signal?: AbortSignal) {
  return getListPage<InventoryListItem>(inventoryPath, query, cursor, signal);
}

export function inventoryQueryOptions(query: Record<string, string>) {
  return listQueryOptions<InventoryListItem>(inventoryPath, query);
}

export function useInventory(query: Record<string, string>, enabled = true) {
  return useInfiniteQuery({ ...inventoryQueryOptions(query), enabled });
}
