import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SyncRun } from '@ebay-connector/contract';
import { api } from '../api-client';

/** `GET /api/ebay/sync/runs/{id}`, read by the sync page's run detail and the terminal's run view (one cache entry). */
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
