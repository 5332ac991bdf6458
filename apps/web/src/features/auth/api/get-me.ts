import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MeResponse } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

export const meQueryKey = ['auth', 'me'] as const;

export function getMe(signal?: AbortSignal): Promise<MeResponse> {
  return api.get<MeResponse>('/api/auth/me', signal ? { signal } : {});
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The session bootstrap: who is signed in (401 when nobody). */
export function useMe(options: { skipAuthRedirect?: boolean } = {}) {
  return useQuery({ ...meQueryOptions(), meta: { skipAuthRedirect: options.skipAuthRedirect ?? false } });
}
