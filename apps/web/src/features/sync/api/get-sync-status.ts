import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SyncStatusResponse } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

export const syncStatusQueryKey = ['sync', 'status'] as const;

/** `GET /api/ebay/sync/status`: last run, schedule, watermark and record count per account and resource. */
export function getSyncStatus(signal?: AbortSignal): Promise<SyncStatusResponse> {
  return api.get<SyncStatusResponse>('/api/ebay/sync/status', signal ? { signal } : {});
}

const isActive = (data: SyncStatusResponse | undefined) =>
  data?.status.some((s) => s.lastRun?.status === 'queued' || s.lastRun?.status === 'running') ?? false;

/** Polls every 2 s while a run is queued or running (the live stream fills in between), else every 30 s. */
export function syncStatusQueryOptions() {
  return queryOptions({
    queryKey: syncStatusQueryKey,
    queryFn: ({ signal }) => getSyncStatus(signal),
    refetchInterval: (query) => (isActive(query.state.data) ? 2000 : 30_000),
  });
}

export function useSyncStatus() {
  return useQuery(syncStatusQueryOptions());
}
