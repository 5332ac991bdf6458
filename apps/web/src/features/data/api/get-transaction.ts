import { useQuery } from '@tanstack/react-query';
import { detailQueryOptions, getDetail } from './detail-query';
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
  return getDetail<TransactionDetailResponse>('/api/finances/transactions', id, { accountId, type }, signal);
}

export function transactionQueryOptions(id: string, accountId: string | undefined, type: string | undefined) {
  return detailQueryOptions<TransactionDetailResponse>('/api/finances/transactions', id, { accountId, type });
}

export function useTransaction(id: string, accountId: string | undefined, type: string | undefined) {
  return useQuery(transactionQueryOptions(id, accountId, type));
}
