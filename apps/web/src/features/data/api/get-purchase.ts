import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { PurchaseDetailResponse } from './detail-types';

/** `GET /api/purchases/{id}` (`accountId` picks the account when ids repeat across accounts). */
export function getPurchase(id: string, accountId: string | undefined, signal?: AbortSignal): Promise<PurchaseDetailResponse> {
  return api.get<PurchaseDetailResponse>(`/api/purchases/${encodeURIComponent(id)}`, {
    query: { accountId },
    ...(signal ? { signal } : {}),
  });
}

export function purchaseQueryOptions(id: string, accountId: string | undefined) {
  return queryOptions({
    queryKey: ['data', '/api/purchases', 'detail', id, accountId ?? null] as const,
    queryFn: ({ signal }) => getPurchase(id, accountId, signal),
  });
}

export function usePurchase(id: string, accountId: string | undefined) {
  return useQuery(purchaseQueryOptions(id, accountId));
}
