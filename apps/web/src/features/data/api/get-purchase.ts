import { useQuery } from '@tanstack/react-query';
import { detailQueryOptions, getDetail } from './detail-query';
import type { PurchaseDetailResponse } from './detail-types';

/** `GET /api/purchases/{id}` (`accountId` picks the account when ids repeat across accounts). */
export function getPurchase(id: string, accountId: string | undefined, signal?: AbortSignal): Promise<PurchaseDetailResponse> {
  return getDetail<PurchaseDetailResponse>('/api/purchases', id, { accountId }, signal);
}

export function purchaseQueryOptions(id: string, accountId: string | undefined) {
  return detailQueryOptions<PurchaseDetailResponse>('/api/purchases', id, { accountId });
}

export function usePurchase(id: string, accountId: string | undefined) {
  return useQuery(purchaseQueryOptions(id, accountId));
}
