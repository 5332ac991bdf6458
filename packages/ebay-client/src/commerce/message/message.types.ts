import type { PagedCollection } from '../../core/rest.types';

export type ConversationType = 'FROM_MEMBERS' | 'FROM_EBAY';

export interface ConversationMessage {
  messageId: string;
  messageBody?: string;
  subject?: string;
  senderUsername?: string;
  recipientUsername?: string;
  createdDate?: string;
  readStatus?: boolean;
  messageMedia?: Array<{ mediaName?: string; mediaType?: string; mediaUrl?: string }>;
}

export interface Conversation {
  conversationId: string;
  conversationStatus?: string;
  conversationTitle?: string;
  conversationType?: ConversationType | (string & {});
  createdDate?: string;
  referenceId?: string;
  referenceType?: string;
  unreadCount?: number;
  latestMessage?: ConversationMessage;
}

export interface ConversationPage extends PagedCollection {
  conversations: Conversation[];
}

export interface ConversationMessagesPage extends PagedCollection {
  conversationStatus?: string;
  conversationTitle?: string;
  conversationType?: string;
  messages: ConversationMessage[];
}
