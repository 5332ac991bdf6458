import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api-client';
import type { RequestMeta } from '../lib/query-meta';

export interface QueryClientHooks {
  /** A request answered 401: the session ended; the app sends the user to the login page. */
  onUnauthenticated: () => void;
}

function handleError(error: unknown, meta: RequestMeta | undefined, hooks: QueryClientHooks) {
  if (isApiError(error) && error.status === 401 && !meta?.skipAuthRedirect) hooks.onUnauthenticated();
}

export function createQueryClient(hooks: QueryClientHooks): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => handleError(error, query.meta, hooks) }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => handleError(error, mutation.meta, hooks),
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // Only failures that may pass on their own are retried: no answer, or a 5xx.
        retry: (failureCount, error) =>
          failureCount < 2 && isApiError(error) && (error.status === 0 || error.status >= 500),
      },
    },
  });
}
