import type { SellerDataset } from './seller-dataset';
import { SHIP_MAX, shipDelayOf } from './order-lifecycle';
import { payoutCount } from './finance-records';
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
export const LIVE_SHIP_MIN = 1 * HOUR;
export const LIVE_SHIP_MAX = 12 * HOUR;

const DUE_JITTER = labelCode('live-order-due');
const LIVE_SHIP = labelCode('live-order-ship');

/** When live order `k` of `ds` is due (epoch ms). */
export function liveOrderDue(ds: SellerDataset, perDay: number, k: number): number {
  const interval = Math.max(2, Math.floor(DAY / perDay));
  const jitter = hashInts(ds.seed, ds.number, DUE_JITTER, k) % Math.floor(interval / 2);
  return ds.asOf + (k + 1) * interval - jitter;
}

function liveShipDelay(ds: SellerDataset, k: number): number {
  return LIVE_SHIP_MIN + (hashInts(ds.seed, ds.number, LIVE_SHIP, k) % (LIVE_SHIP_MAX - LIVE_SHIP_MIN));
}

/**
 * The shipments still to come (timeline index -> time), built at the first advance: orders of the history created
 * within `SHIP_MAX` of the anchor whose generated shipment falls after it, and live orders (restored from a state
 * file) not shipped yet. An order already FULFILLED (shipped, or through the control API) has none.
 */
function pendingShipments(ds: SellerDataset): Map<number, number> {
  if (ds.pendingShipments) return ds.pendingShipments;
  const pending = new Map<number, number>();
  const t = ds.timeline;
  for (let i = t.lowerBound(ds.asOf - SHIP_MAX); i < t.baseCount; i += 1) {
    const at = t.created(i) + shipDelayOf(ds.seed, ds.number, i);
    if (at > ds.asOf && ds.fates.fateOf(i) !== 'cancelled' && ds.lifecycle(i).status !== 'FULFILLED') pending.set(i, at);
  }
  ds.liveOrders.forEach((i, k) => {
    if (ds.lifecycle(i).status !== 'FULFILLED') pending.set(i, t.created(i) + liveShipDelay(ds, k));
  });
  ds.pendingShipments = pending;
  return pending;
}

/**
 * Applies every live event of `ds` due at or before `now`, in date order: new orders, and shipments as they come,
 * then the payouts due. Returns how many events (orders, shipments, payouts) it applied. An order that became FULFILLED otherwise (the control API) is not shipped again.
 */
export function advanceLiveActivity(ds: SellerDataset, perDay: number, now: number): number {
  if (perDay <= 0) return 0;
  const pending = pendingShipments(ds);
  let applied = 0;
  for (;;) {
    const nextNew = liveOrderDue(ds, perDay, ds.liveOrders.length);
    let ship: { index: number; at: number } | undefined;
    for (const [index, at] of pending) if (ship === undefined || at < ship.at) ship = { index, at };
    if (ship !== undefined && ship.at <= now && ship.at < nextNew) {
      pending.delete(ship.index);
      const life = ds.lifecycle(ship.index);
      if (life.status !== 'FULFILLED') {
        ds.overrides.set(ship.index, { lastModified: Math.max(ship.at, life.lastModified), status: 'FULFILLED' });
      }
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
    pending.set(index, created + liveShipDelay(ds, ds.liveOrders.length));
    ds.liveOrders.push(index);
    applied += 1;
  }
}
