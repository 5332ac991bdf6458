import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DbHealthResponse } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

/** `/healthz/db` answers 503 with the same body when the database is down or migrating: that is data, not an error. */
export function getDbHealth(signal?: AbortSignal): Promise<DbHealthResponse> {
  return api.get<DbHealthResponse>('/healthz/db', { acceptStatuses: [503], ...(signal ? { signal } : {}) });
}

export function dbHealthQueryOptions() {
  return queryOptions({
    queryKey: ['system', 'db-health'],
    queryFn: ({ signal }) => getDbHealth(signal),
    refetchInterval: 30_000,
  });
}

export function useDbHealth() {
  return useQuery(dbHealthQueryOptions());
}
