import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TransactionDetailResponse } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

/** `GET /api/finances/transactions/{id}` (`accountId` picks the account when ids repeat across accounts). */
export function getTransaction(id: string, accountId: string | undefined, signal?: AbortSignal): Promise<TransactionDetailResponse> {
  return api.get<TransactionDetailResponse>(`/api/finances/transactions/${encodeURIComponent(id)}`, {
    query: { accountId },
    ...(signal ? { signal } : {}),
  });
}

export function transactionQueryOptions(id: string, accountId: string | undefined) {
  return queryOptions({
    queryKey: ['data', '/api/finances/transactions', 'detail', id, accountId ?? null] as const,
    queryFn: ({ signal }) => getTransaction(id, accountId, signal),
  });
}

export function useTransaction(id: string, accountId: string | undefined) {
  return useQuery(transactionQueryOptions(id, accountId));
}
