import type { SellerDataset } from './seller-dataset';
import { SHIP_MAX, shipDelayOf } from './order-lifecycle';
import { payoutCount } from './finance-records';
import { INBOX_STREAMS, addBuyerMessage } from './message-records';
import { walkStreams } from './event-streams';
import { hashInts, labelCode } from '../util/prng';
import { DAY, HOUR } from '../util/time';

/**
 * The shop keeps going after the generated history ends (`liveOrdersPerDay` per seller): a seller's sales do not
 * stop at the day the emulator first started.
 *
 * - New orders: live order k of a seller is due at `anchor + (k + 1) * interval - jitter(k)`
 *   (`0 <= jitter < interval / 2`, so the due times increase with k). Each is appended to the seller's timeline like
 *   an order created through the control API: line items, buyer, totals and a SALE transaction, no fated events
 *   (cancellation, refund, dispute).
 * - Buyer messages: one for every `LIVE_ORDERS_PER_MESSAGE` orders, due on its own seeded schedule, a buyer writes
 *   again in one of the `MESSAGE_CONVERSATIONS` newest member conversations (as `POST /sellers/{id}/messages` does).
 * - Payouts: made up to the time the activity reached (`liveAsOf`), so live sales are paid out like the history's.
 * - Shipments: a live order ships `LIVE_SHIP_MIN` to `LIVE_SHIP_MAX` after its creation, and an order of the history
 *   that was still waiting for shipment at the anchor (not cancelled) ships at the time its generated delay gives. It
 *   becomes FULFILLED and its lastModifiedDate moves to that time.
 *
 * The schedule depends only on the seed, the seller and the anchor. Events are applied lazily, in date order, when
 * the emulator handles a request (`advanceLiveActivity` with the virtual clock's now): nothing is ever dated before
 * an answer the emulator already gave, and after a restart that kept the overlay (state file) it goes on where it
 * stopped.
 */
const LIVE_SHIP_MIN = 1 * HOUR;
const LIVE_SHIP_MAX = 12 * HOUR;

/** Live buyer messages come at this fraction of the orders' rate. */
const LIVE_ORDERS_PER_MESSAGE = 8;
/** A live message goes to one of this many newest member conversations, in turn. */
const MESSAGE_CONVERSATIONS = 20;

const ORDER_DUE = labelCode('live-order-due');
const MESSAGE_DUE = labelCode('live-message-due');
const LIVE_SHIP = labelCode('live-order-ship');

/**
 * When event `k` of a schedule (`label`) of `ds` with `perDay` events a day is due: `anchor + (k + 1) * interval -
 * jitter(k)`, `0 <= jitter < interval / 2`, so the due times increase with k.
 */
function dueAt(ds: SellerDataset, label: number, perDay: number, k: number): number {
  const interval = Math.max(2, Math.floor(DAY / perDay));
  const jitter = hashInts(ds.seed, ds.number, label, k) % Math.floor(interval / 2);
  return ds.asOf + (k + 1) * interval - jitter;
}

function liveShipDelay(ds: SellerDataset, k: number): number {
  return LIVE_SHIP_MIN + (hashInts(ds.seed, ds.number, LIVE_SHIP, k) % (LIVE_SHIP_MAX - LIVE_SHIP_MIN));
}

/** A shipment to come: [time, timeline index]. The pending ones form a binary min-heap on the time. */
type Shipment = [at: number, index: number];

function heapPush(heap: Shipment[], item: Shipment): void {
  heap.push(item);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent] as Shipment;
    if (p[0] <= item[0]) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = item;
}

function heapPop(heap: Shipment[]): void {
  const last = heap.pop();
  if (last === undefined || heap.length === 0) return;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= heap.length) break;
    const right = left + 1;
    const child = right < heap.length && (heap[right] as Shipment)[0] < (heap[left] as Shipment)[0] ? right : left;
    const c = heap[child] as Shipment;
    if (c[0] >= last[0]) break;
    heap[i] = c;
    i = child;
  }
  heap[i] = last;
}

/**
 * The shipments still to come, built at the first advance: orders of the history created within `SHIP_MAX` of the
 * anchor whose generated shipment falls after it, and live orders (restored from a state file) not shipped yet. An
 * order already FULFILLED (shipped, or through the control API) has none.
 */
function pendingShipments(ds: SellerDataset): Shipment[] {
  if (ds.pendingShipments) return ds.pendingShipments;
  const heap: Shipment[] = [];
  const t = ds.timeline;
  for (let i = t.lowerBound(ds.asOf - SHIP_MAX); i < t.baseCount; i += 1) {
    const at = t.created(i) + shipDelayOf(ds.seed, ds.number, i);
    if (at > ds.asOf && ds.fates.fateOf(i) !== 'cancelled' && ds.lifecycle(i).status !== 'FULFILLED') heapPush(heap, [at, i]);
  }
  ds.liveOrders.forEach((i, k) => {
    if (ds.lifecycle(i).status !== 'FULFILLED') heapPush(heap, [t.created(i) + liveShipDelay(ds, k), i]);
  });
  ds.pendingShipments = heap;
  return heap;
}

/**
 * Applies every live event of `ds` due at or before `now`, in date order: new orders, shipments and buyer messages as
 * they come, then the payouts due. Returns how many events (orders, shipments, messages, payouts) it applied. An order that became FULFILLED
 * otherwise (through the control API) is not shipped again.
 */
export function advanceLiveActivity(ds: SellerDataset, perDay: number, now: number): number {
  if (perDay <= 0) return 0;
  const pending = pendingShipments(ds);
  let applied = 0;
  for (;;) {
    const nextNew = dueAt(ds, ORDER_DUE, perDay, ds.liveOrders.length);
    const nextMessage = dueAt(ds, MESSAGE_DUE, perDay / LIVE_ORDERS_PER_MESSAGE, ds.liveMessages);
    const ship = pending[0];
    if (ship !== undefined && ship[0] <= now && ship[0] < nextNew && ship[0] <= nextMessage) {
      heapPop(pending);
      const [at, index] = ship;
      const life = ds.lifecycle(index);
      if (life.status !== 'FULFILLED') {
        ds.overrides.set(index, { lastModified: Math.max(at, life.lastModified), status: 'FULFILLED' });
      }
      applied += 1;
      continue;
    }
    if (nextMessage <= now && nextMessage < nextNew) {
      const [conversation] = walkStreams(ds, INBOX_STREAMS, -Infinity, ds.asOf, 'desc', ds.liveMessages % MESSAGE_CONVERSATIONS, 1);
      if (conversation) addBuyerMessage(ds, conversation.index, nextMessage);
      ds.liveMessages += 1;
      applied += 1;
      continue;
    }
    if (nextNew > now) {
      // Every sale up to now exists: the payouts due by now can be made (never taken back if the clock is set back).
      const payouts = payoutCount(ds);
      ds.liveAsOf = Math.max(ds.liveAsOf, now);
      return applied + (payoutCount(ds) - payouts);
    }
    const created = Math.max(nextNew, ds.timeline.lastCreated() + 1);
    const [index] = ds.timeline.append([created]);
    if (index === undefined) return applied;
    heapPush(pending, [created + liveShipDelay(ds, ds.liveOrders.length), index]);
    ds.liveOrders.push(index);
    applied += 1;
  }
}
