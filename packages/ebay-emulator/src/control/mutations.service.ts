import type { SellerDataset } from '../data/seller-dataset';
import type { FulfillmentStatus } from '../data/order-lifecycle';
import { INBOX_STREAMS, addBuyerMessage } from '../data/message-records';
import { walkStreams } from '../data/event-streams';
import { memberConversationId } from '../message/conversation.records';
import { Rng, hashInts, labelCode } from '../util/prng';
import { iso, DAY } from '../util/time';

const NEXT_STATUS: Record<FulfillmentStatus, FulfillmentStatus> = { NOT_STARTED: 'IN_PROGRESS', IN_PROGRESS: 'FULFILLED', FULFILLED: 'FULFILLED' };

export interface OrderChange {
  orderId: string;
  creationDate: string;
  lastModifiedDate: string;
  orderFulfillmentStatus: FulfillmentStatus;
}

function change(ds: SellerDataset, index: number): OrderChange {
  const life = ds.lifecycle(index);
  return { orderId: ds.orderId(index), creationDate: iso(life.created), lastModifiedDate: iso(life.lastModified), orderFulfillmentStatus: life.status };
}

/** Append `count` new orders created at the current virtual time (1 ms apart, never before the last order). */
export function createOrders(ds: SellerDataset, count: number, now: number): OrderChange[] {
  const last = ds.timeline.lastCreated();
  const times = Array.from({ length: count }, (_, k) => Math.max(last + 1 + k, now - (count - 1) + k));
  return ds.timeline.append(times).map((i) => change(ds, i));
}

/**
 * Modify orders: lastModifiedDate moves to now and the fulfillment status advances
 * (NOT_STARTED -> IN_PROGRESS -> FULFILLED). With `count`, orders created in the last 90 days are drawn from the
 * seed and a mutation counter.
 */
export function modifyOrders(ds: SellerDataset, now: number, target: { count: number } | { indices: number[] }, counter: number): OrderChange[] {
  let indices: number[];
  if ('indices' in target) indices = target.indices;
  else {
    const lo = ds.timeline.lowerBound(now - 90 * DAY);
    const hi = ds.timeline.total;
    const span = hi - lo;
    const rng = new Rng(hashInts(ds.seed, ds.number, labelCode('modify'), counter));
    const picked = new Set<number>();
    while (picked.size < Math.min(target.count, span)) picked.add(lo + Math.floor(rng.next() * span));
    indices = [...picked].sort((a, b) => a - b);
  }
  for (const i of indices) {
    const life = ds.lifecycle(i);
    ds.overrides.set(i, { lastModified: Math.max(now, life.created), status: life.cancelledAt !== undefined ? life.status : NEXT_STATUS[life.status] });
  }
  return indices.map((i) => change(ds, i));
}

export interface MessageChange {
  messageId: string;
  conversationId: string;
  createdDate: string;
}

/**
 * Buyers write again in existing member conversations (their order indices, or the `count` newest ones): one unread
 * inbox message each, dated now, seen by GetMyMessages and by the REST Message API as the conversation's latest.
 */
export function addMessages(ds: SellerDataset, now: number, target: { count: number } | { indices: number[] }): MessageChange[] {
  const indices = 'indices' in target
    ? target.indices
    : walkStreams(ds, INBOX_STREAMS, -Infinity, ds.liveAsOf, 'desc', 0, target.count).map((ev) => ev.index);
  return indices.map((i) => {
    const m = addBuyerMessage(ds, i, now);
    return { messageId: m.messageId, conversationId: memberConversationId(ds, i), createdDate: iso(m.date) };
  });
}
