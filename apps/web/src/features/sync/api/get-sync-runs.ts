import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { SyncResourceName, SyncRunListResponse, SyncRunStatus } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

export interface RunFilters {
  accountId?: string | undefined;
  resource?: SyncResourceName | undefined;
  status?: SyncRunStatus | undefined;
}

export const syncRunsQueryKey = ['sync', 'runs'] as const;

/** `GET /api/ebay/sync/runs`: newest first, keyset pages via `cursor`. */
export function getSyncRuns(filters: RunFilters, cursor: string | null, signal?: AbortSignal) {
  return api.get<SyncRunListResponse>('/api/ebay/sync/runs', {
    query: { ...filters, limit: 20, cursor },
    ...(signal ? { signal } : {}),
  });
}

export function syncRunsQueryOptions(filters: RunFilters, live: boolean) {
  return infiniteQueryOptions({
    queryKey: [...syncRunsQueryKey, filters],
    queryFn: ({ pageParam, signal }) => getSyncRuns(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: live ? 2000 : false,
  });
}

export function useSyncRuns(filters: RunFilters, live: boolean) {
  return useInfiniteQuery(syncRunsQueryOptions(filters, live));
}

/** The newest page of succeeded runs of any account: whether anything has synced yet (one keyset page, no counting). */
export function succeededRunsQueryOptions() {
  return queryOptions({
    queryKey: [...syncRunsQueryKey, 'succeeded'],
    queryFn: ({ signal }) => getSyncRuns({ status: 'succeeded' }, null, signal),
  });
}

export function useSucceededRuns() {
  return useQuery(succeededRunsQueryOptions());
}
