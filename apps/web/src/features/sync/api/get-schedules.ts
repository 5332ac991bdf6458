import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SyncSchedule } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

export const schedulesQueryKey = ['sync', 'schedules'] as const;

/** `GET /api/ebay/sync/schedules`: interval and enabled flag per account and resource. */
export function getSchedules(signal?: AbortSignal) {
  return api.get<{ schedules: SyncSchedule[] }>('/api/ebay/sync/schedules', signal ? { signal } : {});
}

export function schedulesQueryOptions() {
  return queryOptions({ queryKey: schedulesQueryKey, queryFn: ({ signal }) => getSchedules(signal) });
}

export function useSchedules() {
  return useQuery(schedulesQueryOptions());
}
