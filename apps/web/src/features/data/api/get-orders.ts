import { useInfiniteQuery } from '@tanstack/react-query';
import type { OrderListItem } from '@ebay-connector/contract';
import { getListPage, listQueryOptions } from './list-query';

export const ordersPath = '/api/orders';

/** `GET /api/orders`: one keyset page with the page's filters and sort. */
export function getOrders(query: Record<string, string>, cursor: string | null, signal?: AbortSignal) {
  return getListPage<OrderListItem>(ordersPath, query, cursor, signal);
}

export function ordersQueryOptions(query: Record<string, string>) {
  return listQueryOptions<OrderListItem>(ordersPath, query);
}

export function useOrders(query: Record<string, string>, enabled = true) {
  return useInfiniteQuery({ ...ordersQueryOptions(query), enabled });
}
