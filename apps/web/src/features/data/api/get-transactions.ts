import { useInfiniteQuery } from '@tanstack/react-query';
import type { TransactionListItem } from '@ebay-connector/contract';
import { getListPage, listQueryOptions } from './list-query';

export const transactionsPath = '/api/finances/transactions';

/** `GET /api/finances/transactions`: one keyset page with the page's filters and sort. */
export function getTransactions(query: Record<string, string>, cursor: string | null, signal?: AbortSignal) {
  return getListPage<TransactionListItem>(transactionsPath, query, cursor, signal);
}

export function transactionsQueryOptions(query: Record<string, string>) {
  return listQueryOptions<TransactionListItem>(transactionsPath, query);
}

export function useTransactions(query: Record<string, string>, enabled = true) {
  return useInfiniteQuery({ ...transactionsQueryOptions(query), enabled });
}
