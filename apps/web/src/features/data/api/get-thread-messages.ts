import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DataListResponse, MessageListItem } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

export const messagesPath = '/api/messages';

/** `GET /api/messages?threadId=…`: one conversation, oldest first (up to 200 messages). */
export function getThreadMessages(
  accountId: string,
  threadId: string,
  signal?: AbortSignal,
): Promise<DataListResponse<MessageListItem>> {
  return api.get<DataListResponse<MessageListItem>>(messagesPath, {
    query: { accountId, threadId, sort: 'receivedAt', order: 'asc', limit: 200 },
    ...(signal ? { signal } : {}),
  });
}

export function threadMessagesQueryOptions(accountId: string, threadId: string) {
  return queryOptions({
    queryKey: ['data', messagesPath, 'thread', accountId, threadId] as const,
    queryFn: ({ signal }) => getThreadMessages(accountId, threadId, signal),
  });
}

export function useThreadMessages(thread: { accountId: string; threadId: string } | null) {
  return useQuery({
    ...threadMessagesQueryOptions(thread?.accountId ?? '', thread?.threadId ?? ''),
    enabled: thread !== null,
  });
}
