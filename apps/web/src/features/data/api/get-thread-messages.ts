import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { MessageThreadDetailResponse } from './detail-types';

/** `GET /api/messages/threads/{threadId}?accountId=`: one conversation with its messages, oldest first. */
export function getThreadMessages(
  accountId: string,
  threadId: string,
  signal?: AbortSignal,
): Promise<MessageThreadDetailResponse> {
  return api.get<MessageThreadDetailResponse>(`/api/messages/threads/${encodeURIComponent(threadId)}`, {
    query: { accountId },
    ...(signal ? { signal } : {}),
  });
}

export function threadMessagesQueryOptions(accountId: string, threadId: string) {
  return queryOptions({
    queryKey: ['data', '/api/messages/threads', 'detail', accountId, threadId] as const,
    queryFn: ({ signal }) => getThreadMessages(accountId, threadId, signal),
  });
}

export function useThreadMessages(thread: { accountId: string; threadId: string } | null) {
  return useQuery({
    ...threadMessagesQueryOptions(thread?.accountId ?? '', thread?.threadId ?? ''),
    enabled: thread !== null,
  });
}
