import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SyncRun } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

/** `GET /api/ebay/sync/runs/{id}`: whether the run the terminal shows is still going (same key as the sync page). */
export function getSyncRun(id: string, signal?: AbortSignal) {
  return api.get<{ run: SyncRun }>(`/api/ebay/sync/runs/${encodeURIComponent(id)}`, signal ? { signal } : {});
}

export function syncRunQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['sync', 'run', id],
    queryFn: ({ signal }) => getSyncRun(id, signal),
    refetchInterval: (query) => {
      const status = query.state.data?.run.status;
      return status === 'queued' || status === 'running' ? 2000 : false;
    },
  });
}

export function useSyncRun(id: string | null) {
  return useQuery({ ...syncRunQueryOptions(id ?? ''), enabled: id !== null });
}
