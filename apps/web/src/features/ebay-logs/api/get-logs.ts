import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { EbayCallListResponse } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

export interface LogFilters {
  accountId?: string | undefined;
  /** `401`, `4xx`, or `error` (no HTTP status: network failure). */
  status?: string | undefined;
  requestId?: string | undefined;
  runId?: string | undefined;
}

export const PAGE_SIZE = 50;

/** `GET /api/ebay/logs`: newest first, keyset pages (`cursor` = the previous page's `nextCursor`). */
export function getLogs(filters: LogFilters, cursor: string | null, signal?: AbortSignal): Promise<EbayCallListResponse> {
  return api.get<EbayCallListResponse>('/api/ebay/logs', {
    query: { limit: PAGE_SIZE, cursor: cursor ?? undefined, ...filters },
    ...(signal ? { signal } : {}),
  });
}

export function logsQueryOptions(filters: LogFilters) {
  return infiniteQueryOptions({
    queryKey: ['ebay', 'logs', filters] as const,
    queryFn: ({ pageParam, signal }) => getLogs(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useLogs(filters: LogFilters) {
  return useInfiniteQuery(logsQueryOptions(filters));
}
