import type { SellerDataset } from './seller-dataset';
import type { StreamSpec } from './event-streams';
import { MESSAGE_SUBJECTS } from './catalog';
import { MESSAGE_DELAY, REPLY_DELAY } from './order-lifecycle';
import { numericId, parseNumericId } from '../util/ids';
import { hashInts } from '../util/prng';
import { DAY } from '../util/time';

export type MessageKey = 'INBOX_REPLIED' | 'INBOX_OPEN' | 'SENT';

/** Buyers write about an order one day after it; the seller answers some of them 3 hours later. */
export const OPEN_STREAM: StreamSpec<MessageKey> = { key: 'INBOX_OPEN', fate: 'messagedOpen', delayMs: MESSAGE_DELAY };
export const REPLIED_STREAM: StreamSpec<MessageKey> = { key: 'INBOX_REPLIED', fate: 'messagedReplied', delayMs: MESSAGE_DELAY };
export const INBOX_STREAMS: readonly StreamSpec<MessageKey>[] = [REPLIED_STREAM, OPEN_STREAM];
export const SENT_STREAMS: readonly StreamSpec<MessageKey>[] = [{ key: 'SENT', fate: 'messagedReplied', delayMs: REPLY_DELAY }];
/** Unanswered messages younger than this (at the time the activity reached) are unread. */
export const UNREAD_WINDOW = 7 * DAY;

export interface MessageRecord {
  messageId: string;
  externalMessageId: string;
  folderId: 0 | 1;
  index: number;
  sender: string;
  recipient: string;
  subject: string;
  text: string;
  date: number;
  read: boolean;
  replied: boolean;
  itemId: string;
  itemTitle: string;
  messageType: string;
}

export function messageRecord(ds: SellerDataset, key: MessageKey, index: number): MessageRecord {
  const m = ds.money(index);
  const line = m.lines[0];
  const buyer = ds.buyerOf(index);
  const created = ds.timeline.created(index);
  const subject = MESSAGE_SUBJECTS[hashInts(ds.seed, ds.number, index, 21) % MESSAGE_SUBJECTS.length] ?? 'Question';
  const title = line?.item.title ?? '';
  if (key === 'SENT') {
    return {
      messageId: numericId(4, ds.number, index, 10),
      externalMessageId: numericId(4, ds.number, index, 10),
      folderId: 1,
      index,
      sender: ds.profile.username,
      recipient: buyer,
      subject: `Re: ${subject}`,
      text: `<p>Hello ${buyer}, thank you for your message about order ${ds.orderId(index)}. It ships within 2 business days.</p>`,
      date: created + REPLY_DELAY,
      read: true,
      replied: false,
      itemId: line?.listingId ?? '',
      itemTitle: title,
      messageType: 'ResponseToASQQuestion',
    };
  }
  const date = created + MESSAGE_DELAY;
  const replied = key === 'INBOX_REPLIED';
  return {
    messageId: numericId(3, ds.number, index, 10),
    externalMessageId: numericId(3, ds.number, index, 10),
    folderId: 0,
    index,
    sender: buyer,
    recipient: ds.profile.username,
    subject,
    text: `<p>Hi, I bought "${title}" (order ${ds.orderId(index)}). ${subject}</p>`,
    date,
    read: replied || ds.liveAsOf - date > UNREAD_WINDOW,
    replied,
    itemId: line?.listingId ?? '',
    itemTitle: title,
    messageType: 'AskSellerQuestion',
  };
}

/** Values of message ids added through the control API start here (10 digits, inbox prefix, like generated ones). */
const ADDED_BASE = 9_000_000_000;

/** Appends a follow-up from the buyer of conversation `index` (an order with a buyer message), written at `at`. */
export function addBuyerMessage(ds: SellerDataset, index: number, at: number): MessageRecord {
  const base = messageRecord(ds, 'INBOX_OPEN', index);
  const id = numericId(3, ds.number, ADDED_BASE + ds.addedMessages.length, 10);
  const added: MessageRecord = {
    ...base,
    messageId: id,
    externalMessageId: id,
    subject: `Re: ${base.subject}`,
    text: `<p>Hello again, any news about order ${ds.orderId(index)}?</p>`,
    date: at,
    read: false,
    replied: false,
  };
  ds.addedMessages.push(added);
  return added;
}

/** Messages added to conversation `index`, oldest first. */
export function addedMessagesOf(ds: SellerDataset, index: number): MessageRecord[] {
  return ds.addedMessages.filter((m) => m.index === index).sort((a, b) => a.date - b.date);
}

/** Resolve a message id to its record, or undefined when it does not exist. */
export function messageById(ds: SellerDataset, id: string): MessageRecord | undefined {
  const added = ds.addedMessages.find((m) => m.messageId === id);
  if (added) return added;
  for (const [prefix, keys] of [[3, ['INBOX_REPLIED', 'INBOX_OPEN']], [4, ['SENT']]] as const) {
    const p = parseNumericId(id, prefix, 10);
    if (!p || p.sellerNumber !== ds.number || p.value >= ds.timeline.total) continue;
    const fate = ds.fates.fateOf(p.value);
    const key = prefix === 4 ? (fate === 'messagedReplied' ? 'SENT' : undefined) : fate === 'messagedReplied' ? 'INBOX_REPLIED' : fate === 'messagedOpen' ? 'INBOX_OPEN' : undefined;
    if (!key || !keys.some((k) => k === key)) continue;
    const rec = messageRecord(ds, key, p.value);
    return rec.date <= ds.liveAsOf ? rec : undefined;
  }
  return undefined;
}
