import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { TransactionDetailResponse } from './detail-types';

/**
 * `GET /api/finances/transactions/{id}` (`accountId` picks the account when ids repeat across accounts; eBay's
 * transaction ids are unique together with their `type`).
 */
export function getTransaction(
  id: string,
  accountId: string | undefined,
  type: string | undefined,
  signal?: AbortSignal,
): Promise<TransactionDetailResponse> {
  return api.get<TransactionDetailResponse>(`/api/finances/transactions/${encodeURIComponent(id)}`, {
    query: { accountId, type },
    ...(signal ? { signal } : {}),
  });
}

export function transactionQueryOptions(id: string, accountId: string | undefined, type: string | undefined) {
  return queryOptions({
    queryKey: ['data', '/api/finances/transactions', 'detail', id, accountId ?? null, type ?? null] as const,
    queryFn: ({ signal }) => getTransaction(id, accountId, type, signal),
  });
}

export function useTransaction(id: string, accountId: string | undefined, type: string | undefined) {
  return useQuery(transactionQueryOptions(id, accountId, type));
}
