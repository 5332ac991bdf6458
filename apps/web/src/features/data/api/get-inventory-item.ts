import { useQuery } from '@tanstack/react-query';
import { detailQueryOptions, getDetail } from './detail-query';
import type { InventoryDetailResponse } from './detail-types';

/** `GET /api/inventory/{id}` (`accountId` picks the account when ids repeat across accounts). */
export function getInventoryItem(id: string, accountId: string | undefined, signal?: AbortSignal): Promise<InventoryDetailResponse> {
  return getDetail<InventoryDetailResponse>('/api/inventory', id, { accountId }, signal);
}

export function inventoryItemQueryOptions(id: string, accountId: string | undefined) {
  return detailQueryOptions<InventoryDetailResponse>('/api/inventory', id, { accountId });
}

export function useInventoryItem(id: string, accountId: string | undefined) {
  return useQuery(inventoryItemQueryOptions(id, accountId));
}
