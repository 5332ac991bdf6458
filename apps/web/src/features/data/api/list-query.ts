import { infiniteQueryOptions } from '@tanstack/react-query';
import type { DataListResponse } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

export const PAGE_SIZE = 50;

/**
 * One keyset page of a data list (`cursor` = the previous page's `nextCursor`). The first page also asks how many
 * rows match (`total`); the pages after it do not count again.
 */
export function getListPage<T>(
  path: string,
  query: Record<string, string>,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<DataListResponse<T>> {
  return api.get<DataListResponse<T>>(path, {
    query: { ...query, limit: PAGE_SIZE, cursor: cursor ?? undefined, withTotal: cursor === null ? 'true' : undefined },
    ...(signal ? { signal } : {}),
  });
}

/** "Load more" pages of a list; every endpoint file binds it to its path. */
export function listQueryOptions<T>(path: string, query: Record<string, string>) {
  return infiniteQueryOptions({
    queryKey: ['data', path, query] as const,
    queryFn: ({ pageParam, signal }) => getListPage<T>(path, query, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: DataListResponse<T>) => last.nextCursor,
  });
}
