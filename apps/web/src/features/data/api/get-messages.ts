import { useInfiniteQuery } from '@tanstack/react-query';
import type { MessageListItem } from '@ebay-connector/contract';
import { getListPage, listQueryOptions } from './list-query';

export const messagesPath = '/api/messages';

/** `GET /api/messages`: one keyset page of messages with the page's filters, newest first. */
export function getMessages(query: Record<string, string>, cursor: string | null, signal?: AbortSignal) {
  return getListPage<MessageListItem>(messagesPath, query, cursor, signal);
}

export function messagesQueryOptions(query: Record<string, string>) {
  return listQueryOptions<MessageListItem>(messagesPath, query);
}

export function useMessages(query: Record<string, string>, enabled = true) {
  return useInfiniteQuery({ ...messagesQueryOptions(query), enabled });
}
