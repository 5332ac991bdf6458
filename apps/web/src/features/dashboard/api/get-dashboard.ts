import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { DashboardResponse } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

/** `GET /api/dashboard?accountId=&days=`: figures of the synced data; all accounts without `accountId`. */
export function getDashboard(params: { accountId?: string | undefined; days: number }, signal?: AbortSignal) {
  return api.get<DashboardResponse>('/api/dashboard', {
    query: { accountId: params.accountId, days: params.days },
    ...(signal ? { signal } : {}),
  });
}

export function dashboardQueryOptions(params: { accountId?: string | undefined; days: number }) {
  return queryOptions({
    queryKey: ['dashboard', params],
    queryFn: ({ signal }) => getDashboard(params, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

export function useDashboard(params: { accountId?: string | undefined; days: number }) {
  return useQuery(dashboardQueryOptions(params));
}
