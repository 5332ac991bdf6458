import { queryOptions, useQuery } from '@tanstack/react-query';
import type { VersionResponse } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

export function getVersion(signal?: AbortSignal): Promise<VersionResponse> {
  return api.get<VersionResponse>('/api/version', signal ? { signal } : {});
}

export function versionQueryOptions() {
  return queryOptions({
    queryKey: ['system', 'version'],
    queryFn: ({ signal }) => getVersion(signal),
    staleTime: 10 * 60_000,
  });
}

/** The running build: version, commit and build time. */
export function useVersion() {
  return useQuery(versionQueryOptions());
}
