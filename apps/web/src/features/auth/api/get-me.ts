import { queryOptions, useQuery, useQueryClient, type Query } from '@tanstack/react-query';
import type { MeResponse } from '@ebay-connector/contract';
import { api, isApiError } from '../../../lib/api-client';

export const meQueryKey = ['auth', 'me'] as const;

export function getMe(signal?: AbortSignal): Promise<MeResponse> {
  return api.get<MeResponse>('/api/auth/me', signal ? { signal } : {});
}

/** `false` once the server said nobody is signed in: asking again would only get the same 401. */
function unlessSignedOut(query: Query<MeResponse>): boolean {
  return !(isApiError(query.state.error) && query.state.error.status === 401);
}

/**
 * Asked once per page load. A 401 is an answer, kept until sign-in replaces it (`useLogin` writes the user into
 * this query): it is not retried, nor asked again when the login page mounts or the tab regains focus. Other
 * failures keep the usual focus and reconnect refetches; the session guard offers a retry button for them.
 */
export function meQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 5 * 60_000,
    retry: false,
    retryOnMount: false,
    refetchOnWindowFocus: unlessSignedOut,
    refetchOnReconnect: unlessSignedOut,
  });
}

/**
 * The session bootstrap: who is signed in (401 when nobody). While nobody is known to be signed in, a 401 is the
 * answer, read by the session guard and the login page; it does not go through the app's "session ended" handler,
 * whose cache clearing would drop this query and have it asked again. Once a user is known, a 401 means their
 * session ended, and that handler runs as for any other request.
 */
export function useMe() {
  const queryClient = useQueryClient();
  const known = queryClient.getQueryData(meQueryKey) !== undefined;
  return useQuery({ ...meQueryOptions(), meta: { skipAuthRedirect: !known } });
}
