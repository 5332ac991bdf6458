import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { InventoryDetailResponse } from './detail-types';

/** `GET /api/inventory/{id}` (`accountId` picks the account when ids repeat across accounts). */
export function getInventoryItem(id: string, accountId: string | undefined, signal?: AbortSignal): Promise<InventoryDetailResponse> {
  return api.get<InventoryDetailResponse>(`/api/inventory/${encodeURIComponent(id)}`, {
    query: { accountId },
    ...(signal ? { signal } : {}),
  });
}

export function inventoryItemQueryOptions(id: string, accountId: string | undefined) {
  return queryOptions({
    queryKey: ['data', '/api/inventory', 'detail', id, accountId ?? null] as const,
    queryFn: ({ signal }) => getInventoryItem(id, accountId, signal),
  });
}

export function useInventoryItem(id: string, accountId: string | undefined) {
  return useQuery(inventoryItemQueryOptions(id, accountId));
}
