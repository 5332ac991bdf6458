import { useQuery } from '@tanstack/react-query';
import { detailQueryOptions, getDetail } from './detail-query';
import type { DisputeDetailResponse } from './detail-types';

/** `GET /api/disputes/{id}` (`accountId` picks the account when ids repeat across accounts). */
export function getDispute(id: string, accountId: string | undefined, signal?: AbortSignal): Promise<DisputeDetailResponse> {
  return getDetail<DisputeDetailResponse>('/api/disputes', id, { accountId }, signal);
}

export function disputeQueryOptions(id: string, accountId: string | undefined) {
  return detailQueryOptions<DisputeDetailResponse>('/api/disputes', id, { accountId });
}

export function useDispute(id: string, accountId: string | undefined) {
  return useQuery(disputeQueryOptions(id, accountId));
}
