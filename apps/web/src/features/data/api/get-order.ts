import { useQuery } from '@tanstack/react-query';
import { detailQueryOptions, getDetail } from './detail-query';
import type { OrderDetailResponse } from './detail-types';

/** `GET /api/orders/{id}` (`accountId` picks the account when ids repeat across accounts). */
export function getOrder(id: string, accountId: string | undefined, signal?: AbortSignal): Promise<OrderDetailResponse> {
  return getDetail<OrderDetailResponse>('/api/orders', id, { accountId }, signal);
}

export function orderQueryOptions(id: string, accountId: string | undefined) {
  return detailQueryOptions<OrderDetailResponse>('/api/orders', id, { accountId });
}

export function useOrder(id: string, accountId: string | undefined) {
  return useQuery(orderQueryOptions(id, accountId));
}
