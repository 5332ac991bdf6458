import { formatEbayDate } from '../../sell/fulfillment/order-filter';
import { Transport } from '../../core/http';
import { followPages } from '../../core/paginate';
import { pathSegment, type QueryInput } from '../../core/query';
import type { CallOptions } from '../../core/types';
import type { ConversationMessagesPage, ConversationPage, ConversationType } from './message.types';

const API = 'commerce.message';
const BASE = '/commerce/message/v1';

export interface GetConversationsParams extends CallOptions {
  readonly conversationType: ConversationType;
  readonly conversationStatus?: string | undefined;
  readonly otherPartyUsername?: string | undefined;
  readonly referenceId?: string | undefined;
  readonly referenceType?: string | undefined;
  /** FROM_MEMBERS only. */
  readonly startTime?: Date | string | undefined;
  readonly endTime?: Date | string | undefined;
  /** 1-50 (eBay default 25). */
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

export interface GetConversationParams extends CallOptions {
  readonly conversationType: ConversationType;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

export interface MessageClient {
  getConversations(params: GetConversationsParams): Promise<ConversationPage>;
  iterateConversations(params: GetConversationsParams): AsyncGenerator<ConversationPage, void, undefined>;
  /** Messages of one conversation. */
  getConversation(conversationId: string, params: GetConversationParams): Promise<ConversationMessagesPage>;
  iterateConversationMessages(
    conversationId: string,
    params: GetConversationParams,
  ): AsyncGenerator<ConversationMessagesPage, void, undefined>;
}

export function buildConversationsQuery(params: GetConversationsParams): QueryInput {
  if (params.limit !== undefined && (!Number.isInteger(params.limit) || params.limit < 1 || params.limit > 50)) {
    throw new RangeError(`limit must be an integer in [1, 50], got ${params.limit}`);
  }
  return {
    conversation_type: params.conversationType,
    conversation_status: params.conversationStatus,
    other_party_username: params.otherPartyUsername,
    reference_id: params.referenceId,
    reference_type: params.referenceType,
    start_time: params.startTime === undefined ? undefined : formatEbayDate(params.startTime),
    end_time: params.endTime === undefined ? undefined : formatEbayDate(params.endTime),
    limit: params.limit,
    offset: params.offset,
  };
}

export function createMessageClient(transport: Transport): MessageClient {
  const conversations = (query: QueryInput, options: CallOptions) =>
    transport
      .request(
        {
          api: API,
          operation: 'getConversations',
          method: 'GET',
          host: 'api',
          path: `${BASE}/conversation`,
          query,
          auth: 'user',
          parse: Transport.json<ConversationPage>({ api: API, operation: 'getConversations' }),
        },
        options,
      )
      .then((page): ConversationPage => ({ ...page, conversations: page?.conversations ?? [] }));

  const messages = (conversationId: string, query: QueryInput, options: CallOptions) =>
    transport
      .request(
        {
          api: API,
          operation: 'getConversation',
          method: 'GET',
          host: 'api',
          path: `${BASE}/conversation/${pathSegment(conversationId)}`,
          query,
          auth: 'user',
          parse: Transport.json<ConversationMessagesPage>({ api: API, operation: 'getConversation' }),
        },
        options,
      )
      .then((page): ConversationMessagesPage => ({ ...page, messages: page?.messages ?? [] }));

  const messagesQuery = (params: GetConversationParams): QueryInput => ({
    conversation_type: params.conversationType,
    limit: params.limit,
    offset: params.offset,
  });

  return {
    getConversations: (params) => conversations(buildConversationsQuery(params), params),
    iterateConversations: (params) =>
      followPages<ConversationPage>({
        first: buildConversationsQuery(params),
        fetchPage: (query) => conversations(query, params),
        count: (page) => page.conversations.length,
        links: (page) => page,
        offsetFallback: true,
      }),
    getConversation: (conversationId, params) => messages(conversationId, messagesQuery(params), params),
    iterateConversationMessages: (conversationId, params) =>
      followPages<ConversationMessagesPage>({
        first: messagesQuery(params),
        fetchPage: (query) => messages(conversationId, query, params),
        count: (page) => page.messages.length,
        links: (page) => page,
        offsetFallback: true,
      }),
  };
}
