import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { PayoutDetailResponse } from './detail-types';

/** `GET /api/finances/payouts/{id}` (`accountId` picks the account when ids repeat across accounts). */
export function getPayout(id: string, accountId: string | undefined, signal?: AbortSignal): Promise<PayoutDetailResponse> {
  return api.get<PayoutDetailResponse>(`/api/finances/payouts/${encodeURIComponent(id)}`, {
    query: { accountId },
    ...(signal ? { signal } : {}),
  });
}

export function payoutQueryOptions(id: string, accountId: string | undefined) {
  return queryOptions({
    queryKey: ['data', '/api/finances/payouts', 'detail', id, accountId ?? null] as const,
    queryFn: ({ signal }) => getPayout(id, accountId, signal),
  });
}

export function usePayout(id: string, accountId: string | undefined) {
  return useQuery(payoutQueryOptions(id, accountId));
}
