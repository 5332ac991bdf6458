import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { MessageThreadsPage } from './detail-types';

export const THREAD_PAGE_SIZE = 50;

/** `GET /api/messages/threads`: one keyset page of conversations, newest last message first. */
export function getMessageThreads(
  accountId: string | undefined,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<MessageThreadsPage> {
  return api.get<MessageThreadsPage>('/api/messages/threads', {
    // The first page also counts the conversations ("50 of 70 conversations shown").
    query: { accountId, limit: THREAD_PAGE_SIZE, cursor: cursor ?? undefined, withTotal: cursor === null ? 'true' : undefined },
    ...(signal ? { signal } : {}),
  });
}

/** "Load more" pages of conversations (`cursor` = the previous page's `nextCursor`). */
export function messageThreadsQueryOptions(accountId: string | undefined) {
  return infiniteQueryOptions({
    queryKey: ['data', '/api/messages/threads', accountId ?? null] as const,
    queryFn: ({ pageParam, signal }) => getMessageThreads(accountId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: MessageThreadsPage) => last.nextCursor,
  });
}

export function useMessageThreads(accountId: string | undefined, enabled = true) {
  return useInfiniteQuery({ ...messageThreadsQueryOptions(accountId), enabled });
}
