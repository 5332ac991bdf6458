import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { OrderDetailResponse } from './detail-types';

/** `GET /api/orders/{id}` (`accountId` picks the account when ids repeat across accounts). */
export function getOrder(id: string, accountId: string | undefined, signal?: AbortSignal): Promise<OrderDetailResponse> {
  return api.get<OrderDetailResponse>(`/api/orders/${encodeURIComponent(id)}`, {
    query: { accountId },
    ...(signal ? { signal } : {}),
  });
}

export function orderQueryOptions(id: string, accountId: string | undefined) {
  return queryOptions({
    queryKey: ['data', '/api/orders', 'detail', id, accountId ?? null] as const,
    queryFn: ({ signal }) => getOrder(id, accountId, signal),
  });
}

export function useOrder(id: string, accountId: string | undefined) {
  return useQuery(orderQueryOptions(id, accountId));
}
