import { useQuery } from '@tanstack/react-query';
import { detailQueryOptions, getDetail } from './detail-query';
import type { PayoutDetailResponse } from './detail-types';

/** `GET /api/finances/payouts/{id}` (`accountId` picks the account when ids repeat across accounts). */
export function getPayout(id: string, accountId: string | undefined, signal?: AbortSignal): Promise<PayoutDetailResponse> {
  return getDetail<PayoutDetailResponse>('/api/finances/payouts', id, { accountId }, signal);
}

export function payoutQueryOptions(id: string, accountId: string | undefined) {
  return detailQueryOptions<PayoutDetailResponse>('/api/finances/payouts', id, { accountId });
}

export function usePayout(id: string, accountId: string | undefined) {
  return useQuery(payoutQueryOptions(id, accountId));
}
