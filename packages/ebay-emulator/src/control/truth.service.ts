import { createHash } from 'node:crypto';
import type { SellerDataset } from '../data/seller-dataset';
import { permuteIndex, unpermuteIndex } from '../util/ids';
import { iso } from '../util/time';
import { VISIBILITY } from '../fulfillment/orders.query';
import { inventoryItem } from '../data/inventory.generator';
import { TX_STREAMS, payoutCount, payoutIdOf, transactionIdOf, TX_TYPE } from '../data/finance-records';
import { walkStreams } from '../data/event-streams';
import { DISPUTE_STREAM, disputeStatus } from '../data/dispute-records';
import { disputeIdOf } from '../data/finance-records';
import { INBOX_STREAMS, SENT_STREAMS, messageRecord } from '../data/message-records';
import { memberConversationId, memberConversationMessages } from '../message/conversation.records';

export const TRUTH_RESOURCES = ['orders', 'inventory', 'transactions', 'payouts', 'disputes', 'messages', 'conversations'] as const;
export type TruthResource = (typeof TRUTH_RESOURCES)[number];

export interface Truth {
  resource: TruthResource;
  count: number;
  checksum: string;
  definition: string;
}

/**
 * Orders: every order getOrders can return (created within the last 2 years of the virtual clock). Lines are
 * `${orderId}|${lastModifiedDate}` sorted by orderId (byte order); checksum = hex(sha256(lines joined by "\n")).
 * Sorting uses the numeric permutation behind the ids, so memory stays at 8 bytes per order.
 */
function orderTruth(ds: SellerDataset, now: number): Truth {
  const lo = ds.timeline.lowerBound(now - VISIBILITY);
  const total = ds.timeline.total;
  const keys = new Float64Array(total - lo);
  for (let i = lo; i < total; i += 1) keys[i - lo] = Number(permuteIndex(i));
  keys.sort();
  const hash = createHash('sha256');
  for (let k = 0; k < keys.length; k += 1) {
    const index = unpermuteIndex(String(keys[k]).padStart(10, '0'));
    hash.update(`${k > 0 ? '\n' : ''}${ds.orderId(index)}|${iso(ds.lifecycle(index).lastModified)}`);
  }
  return { resource: 'orders', count: keys.length, checksum: hash.digest('hex'), definition: 'sha256 hex of lines `${orderId}|${lastModifiedDate}` sorted by orderId, joined by "\\n"' };
}

function sortedTruth(resource: TruthResource, lines: string[], definition: string): Truth {
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { resource, count: lines.length, checksum: createHash('sha256').update(lines.join('\n')).digest('hex'), definition };
}

export function computeTruth(ds: SellerDataset, resource: TruthResource, now: number): Truth {
  switch (resource) {
    case 'orders':
      return orderTruth(ds, now);
    case 'inventory': {
      const lines: string[] = [];
      for (let j = 0; j < ds.inventoryCount; j += 1) {
        const item = inventoryItem(ds.seed, ds.number, j);
        lines.push(`${item.sku}|${item.quantity}`);
      }
      return sortedTruth(resource, lines, 'sha256 hex of lines `${sku}|${availability.shipToLocationAvailability.quantity}` sorted, joined by "\\n"');
    }
    case 'transactions': {
      const lines = walkStreams(ds, TX_STREAMS, -Infinity, now, 'asc', 0, Number.MAX_SAFE_INTEGER).map((ev) => `${TX_TYPE[ev.key]}|${transactionIdOf(ds, ev)}|${iso(ev.date)}`);
      return sortedTruth(resource, lines, 'sha256 hex of lines `${transactionType}|${transactionId}|${transactionDate}` sorted, joined by "\\n"');
    }
    case 'payouts': {
      const lines: string[] = [];
      for (let p = 0; p < payoutCount(ds); p += 1) lines.push(payoutIdOf(ds, p));
      return sortedTruth(resource, lines, 'sha256 hex of payoutIds sorted, joined by "\\n"');
    }
    case 'messages': {
      const lines = walkStreams(ds, [...INBOX_STREAMS, ...SENT_STREAMS], -Infinity, ds.liveAsOf, 'asc', 0, Number.MAX_SAFE_INTEGER).map((ev) => {
        const m = messageRecord(ds, ev.key, ev.index);
        return `${m.messageId}|${iso(m.date)}`;
      });
      for (const m of ds.addedMessages) lines.push(`${m.messageId}|${iso(m.date)}`);
      return sortedTruth(resource, lines, 'sha256 hex of lines `${messageId}|${createdDate}` of every member message (GetMyMessages inbox and sent, REST FROM_MEMBERS conversations) sorted, joined by "\\n"');
    }
    case 'conversations': {
      const lines: string[] = [];
      for (const ev of walkStreams(ds, INBOX_STREAMS, -Infinity, ds.liveAsOf, 'asc', 0, Number.MAX_SAFE_INTEGER)) {
        const id = memberConversationId(ds, ev.index);
        for (const m of memberConversationMessages(ds, ev.index)) lines.push(`${id}|${String(m['messageId'])}`);
      }
      return sortedTruth(resource, lines, 'sha256 hex of lines `${conversationId}|${messageId}` of every FROM_MEMBERS conversation sorted, joined by "\\n"');
    }
    case 'disputes': {
      const lines = walkStreams(ds, [DISPUTE_STREAM], -Infinity, now, 'asc', 0, Number.MAX_SAFE_INTEGER).map((ev) => `${disputeIdOf(ds, ev.index)}|${disputeStatus(ds, ev.index).status}`);
      return sortedTruth(resource, lines, 'sha256 hex of lines `${paymentDisputeId}|${paymentDisputeStatus}` sorted, joined by "\\n" (all disputes, regardless of the 18-month search limit)');
    }
  }
}
