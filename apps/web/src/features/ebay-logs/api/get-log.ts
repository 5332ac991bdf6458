import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EbayCallDetailResponse } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

/** `GET /api/ebay/logs/{id}`: one call with its (server-redacted) bodies. */
export function getLog(id: string, signal?: AbortSignal): Promise<EbayCallDetailResponse> {
  return api.get<EbayCallDetailResponse>(`/api/ebay/logs/${encodeURIComponent(id)}`, signal ? { signal } : {});
}

export function logQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['ebay', 'logs', 'detail', id] as const,
    queryFn: ({ signal }) => getLog(id, signal),
    staleTime: Infinity,
  });
}

export function useLog(id: string | null) {
  return useQuery({ ...logQueryOptions(id ?? ''), enabled: id !== null });
}
