import type { SellerDataset } from '../data/seller-dataset';
import { EBAY_NOTICE_TITLES } from '../data/catalog';
import { INBOX_STREAMS, REPLIED_STREAM, addedMessagesOf, messageRecord, type MessageRecord } from '../data/message-records';
import { streamCount, walkStreams } from '../data/event-streams';
import { MESSAGE_DELAY, REPLY_DELAY } from '../data/order-lifecycle';
import { numericId, parseNumericId } from '../util/ids';
import { DAY, iso } from '../util/time';

/** eBay writes to every seller every 30 days of history. */
export const NOTICE_PERIOD = 30 * DAY;

export function memberConversationId(ds: SellerDataset, index: number): string {
  return numericId(2, ds.number, index, 10);
}

export function ebayConversationId(ds: SellerDataset, k: number): string {
  return numericId(1, ds.number, k, 6);
}

export function noticeDate(ds: SellerDataset, k: number): number {
  return ds.timeline.start + (k + 1) * NOTICE_PERIOD;
}

export function noticeCount(ds: SellerDataset): number {
  return Math.max(0, Math.floor((ds.asOf - ds.timeline.start) / NOTICE_PERIOD));
}

function restMessage(m: MessageRecord): Record<string, unknown> {
  return {
    messageId: m.messageId,
    messageBody: m.text.replace(/<[^>]+>/g, ''),
    subject: m.subject,
    senderUsername: m.sender,
    recipientUsername: m.recipient,
    createdDate: iso(m.date),
    readStatus: m.read,
    messageMedia: [],
  };
}

export function memberConversationMessages(ds: SellerDataset, index: number): Record<string, unknown>[] {
  const replied = ds.fates.fateOf(index) === 'messagedReplied';
  const first = messageRecord(ds, replied ? 'INBOX_REPLIED' : 'INBOX_OPEN', index);
  const out = [restMessage(first)];
  if (replied) {
    const reply = messageRecord(ds, 'SENT', index);
    if (reply.date <= ds.liveAsOf) out.push(restMessage(reply));
  }
  for (const m of addedMessagesOf(ds, index)) out.push(restMessage(m));
  return out;
}

export function memberConversation(ds: SellerDataset, index: number): Record<string, unknown> {
  const messages = memberConversationMessages(ds, index);
  const first = messageRecord(ds, ds.fates.fateOf(index) === 'messagedReplied' ? 'INBOX_REPLIED' : 'INBOX_OPEN', index);
  return {
    conversationId: memberConversationId(ds, index),
    conversationStatus: 'ACTIVE',
    conversationTitle: first.subject,
    conversationType: 'FROM_MEMBERS',
    createdDate: iso(first.date),
    referenceId: first.itemId,
    referenceType: 'LISTING',
    unreadCount: (first.read ? 0 : 1) + addedMessagesOf(ds, index).filter((m) => !m.read).length,
    latestMessage: messages[messages.length - 1],
  };
}

/**
 * Conversations that started before `from` but have a message within [from, to]: the seller's answer (3 hours after
 * the buyer's first message) or a buyer's follow-up (dated at the virtual now, after the dataset's `liveAsOf`: bounded by
 * `addedTo`). Newest first by their first message.
 */
function earlierConversationsWithin(ds: SellerDataset, from: number, to: number, addedTo: number): number[] {
  const found = new Set<number>();
  const gap = REPLY_DELAY - MESSAGE_DELAY;
  for (const ev of walkStreams(ds, [REPLIED_STREAM], from - gap, from - 1, 'desc', 0, Infinity)) {
    if (ev.date + gap <= to) found.add(ev.index);
  }
  for (const m of ds.addedMessages) {
    if (m.date >= from && m.date <= addedTo && ds.timeline.created(m.index) + MESSAGE_DELAY < from) found.add(m.index);
  }
  return [...found].sort((a, b) => b - a);
}

/**
 * getConversations' FROM_MEMBERS list for `start_time`/`end_time`: the conversations with a message sent within
 * [from, to] ("only messages sent after this time will be retrieved"), so a conversation in which someone wrote
 * again is listed however old it is. Those that started within the range come first, newest first, then the older
 * ones. `addedTo` bounds the follow-ups added through the control API (the request's end_time, else none). The
 * indices of one page and the total.
 */
export function memberConversationsWithin(
  ds: SellerDataset,
  from: number,
  to: number,
  addedTo: number,
  offset: number,
  limit: number,
): { total: number; indices: number[] } {
  const started = INBOX_STREAMS.reduce((s, spec) => s + streamCount(ds, spec, from, to), 0);
  const earlier = from === -Infinity ? [] : earlierConversationsWithin(ds, from, to, addedTo);
  const indices: number[] = [];
  if (offset < started) {
    const events = walkStreams(ds, INBOX_STREAMS, from, to, 'desc', offset, Math.min(limit, started - offset));
    for (const ev of events) indices.push(ev.index);
  }
  const skip = Math.max(0, offset - started);
  indices.push(...earlier.slice(skip, skip + limit - indices.length));
  return { total: started + earlier.length, indices };
}

export function ebayNoticeMessage(ds: SellerDataset, k: number): Record<string, unknown> {
  const title = EBAY_NOTICE_TITLES[k % EBAY_NOTICE_TITLES.length] ?? 'Notice';
  return {
    messageId: numericId(9, ds.number, k, 10),
    messageBody: `${title}. Sign in to Seller Hub for details.`,
    subject: title,
    senderUsername: 'eBay',
    recipientUsername: ds.profile.username,
    createdDate: iso(noticeDate(ds, k)),
    readStatus: ds.asOf - noticeDate(ds, k) > 7 * DAY,
    messageMedia: [],
  };
}

export function ebayConversation(ds: SellerDataset, k: number): Record<string, unknown> {
  const message = ebayNoticeMessage(ds, k);
  return {
    conversationId: ebayConversationId(ds, k),
    conversationStatus: 'ACTIVE',
    conversationTitle: message['subject'],
    conversationType: 'FROM_EBAY',
    createdDate: message['createdDate'],
    unreadCount: message['readStatus'] ? 0 : 1,
    latestMessage: message,
  };
}

export function parseConversationId(ds: SellerDataset, id: string): { type: 'FROM_MEMBERS'; index: number } | { type: 'FROM_EBAY'; k: number } | undefined {
  const member = parseNumericId(id, 2, 10);
  if (member && member.sellerNumber === ds.number && member.value < ds.timeline.total) {
    const fate = ds.fates.fateOf(member.value);
    const date = ds.timeline.created(member.value) + DAY;
    if ((fate === 'messagedReplied' || fate === 'messagedOpen') && date <= ds.liveAsOf) return { type: 'FROM_MEMBERS', index: member.value };
  }
  const notice = parseNumericId(id, 1, 6);
  if (notice && notice.sellerNumber === ds.number && notice.value < noticeCount(ds)) return { type: 'FROM_EBAY', k: notice.value };
  return undefined;
}
