import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/**
 * Optional query parameters of a detail route (`accountId` picks the account when ids repeat across accounts),
 * always with the same keys in the same order: their values are part of the cache key.
 */
export type DetailQuery = Readonly<Record<string, string | undefined>>;

/** One record of a data detail route: `GET {path}/{id}`. */
export function getDetail<T>(path: string, id: string, query: DetailQuery, signal?: AbortSignal): Promise<T> {
  return api.get<T>(`${path}/${encodeURIComponent(id)}`, { query, ...(signal ? { signal } : {}) });
}

/** A detail as a query; every endpoint file binds it to its path and response type. */
export function detailQueryOptions<T>(path: string, id: string, query: DetailQuery) {
  return queryOptions({
    queryKey: ['data', path, 'detail', id, ...Object.values(query).map((v) => v ?? null)] as const,
    queryFn: ({ signal }) => getDetail<T>(path, id, query, signal),
  });
}
