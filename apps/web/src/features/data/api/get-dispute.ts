import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { DisputeDetailResponse } from './detail-types';

/** `GET /api/disputes/{id}` (`accountId` picks the account when ids repeat across accounts). */
export function getDispute(id: string, accountId: string | undefined, signal?: AbortSignal): Promise<DisputeDetailResponse> {
  return api.get<DisputeDetailResponse>(`/api/disputes/${encodeURIComponent(id)}`, {
    query: { accountId },
    ...(signal ? { signal } : {}),
  });
}

export function disputeQueryOptions(id: string, accountId: string | undefined) {
  return queryOptions({
    queryKey: ['data', '/api/disputes', 'detail', id, accountId ?? null] as const,
    queryFn: ({ signal }) => getDispute(id, accountId, signal),
  });
}

export function useDispute(id: string, accountId: string | undefined) {
  return useQuery(disputeQueryOptions(id, accountId));
}
