import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AdminSystemResponse } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

/** `GET /api/admin/system` (admin): database, queue, workers, flags and settings. */
export function getAdminSystem(signal?: AbortSignal) {
  return api.get<AdminSystemResponse>('/api/admin/system', signal ? { signal } : {});
}

export function adminSystemQueryOptions() {
  return queryOptions({ queryKey: ['admin', 'system'], queryFn: ({ signal }) => getAdminSystem(signal), refetchInterval: 5000 });
}

export function useAdminSystem() {
  return useQuery(adminSystemQueryOptions());
}
