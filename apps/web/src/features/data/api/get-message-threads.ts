import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MessageThreadsResponse } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

/** The server answers at most this many threads (newest first) and has no cursor for threads. */
export const THREAD_LIMIT = 200;

/** `GET /api/messages/threads`: conversations with message and unread counts, newest first. */
export function getMessageThreads(accountId: string | undefined, signal?: AbortSignal): Promise<MessageThreadsResponse> {
  return api.get<MessageThreadsResponse>('/api/messages/threads', {
    query: { accountId, limit: THREAD_LIMIT },
    ...(signal ? { signal } : {}),
  });
}

export function messageThreadsQueryOptions(accountId: string | undefined) {
  return queryOptions({
    queryKey: ['data', '/api/messages/threads', accountId ?? null] as const,
    queryFn: ({ signal }) => getMessageThreads(accountId, signal),
  });
}

export function useMessageThreads(accountId: string | undefined) {
  return useQuery(messageThreadsQueryOptions(accountId));
}
