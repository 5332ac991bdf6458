import type { Fate } from './order-fates';
import { DAY, HOUR } from '../util/time';
import { hashInts, labelCode } from '../util/prng';

export const CANCEL_DELAY = 2 * HOUR;
export const REFUND_DELAY = 4 * DAY;
export const DISPUTE_DELAY = 12 * DAY;
export const MESSAGE_DELAY = 1 * DAY;
export const REPLY_DELAY = MESSAGE_DELAY + 3 * HOUR;
const SHIP_MIN = 4 * HOUR;
export const SHIP_MAX = 3 * DAY;
/** Upper bound of (lastModifiedDate - creationDate) for orders not touched by the control API. */
export const MAX_LASTMOD_DELTA = REFUND_DELAY;

const SHIP = labelCode('ship-delay');

/** How long after its creation a generated order ships (unless it is cancelled first). */
export function shipDelayOf(seed: number, seller: number, index: number): number {
  return SHIP_MIN + (hashInts(seed, seller, SHIP, index) % (SHIP_MAX - SHIP_MIN));
}

const LIVE_SHIP_MIN = 1 * HOUR;
const LIVE_SHIP_MAX = 12 * HOUR;
const LIVE_SHIP = labelCode('live-order-ship');

/** How long after its creation live order k ships (unless it is cancelled first): 1 to 12 hours. */
export function liveShipDelayOf(seed: number, seller: number, k: number): number {
  return LIVE_SHIP_MIN + (hashInts(seed, seller, LIVE_SHIP, k) % (LIVE_SHIP_MAX - LIVE_SHIP_MIN));
}

export type FulfillmentStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'FULFILLED';

export interface OrderLifecycle {
  fate: Fate;
  created: number;
  cancelledAt: number | undefined;
  refundedAt: number | undefined;
  disputedAt: number | undefined;
  shippedAt: number | undefined;
  status: FulfillmentStatus;
  lastModified: number;
}

/**
 * The time of an event `delay` after `created`, or undefined when it comes after `asOf` (not happened yet).
 * Module-level rather than a closure per order: tsx (esbuild keepNames) renames each named closure it creates.
 */
function happenedAt(created: number, delay: number, asOf: number): number | undefined {
  return created + delay <= asOf ? created + delay : undefined;
}

/**
 * The state of an order as of `asOf` (the time the activity reached: the dataset's start, or later with live
 * activity). Events scheduled after `asOf` have not happened. `shipDelay` is undefined for an order that does not ship
 * by itself (one created through the control API); `multiLine` lets an order be IN_PROGRESS (some line items shipped)
 * while it awaits shipment.
 */
export function orderLifecycle(
  fate: Fate,
  created: number,
  asOf: number,
  shipDelay: number | undefined,
  multiLine: boolean,
): OrderLifecycle {
  const cancelledAt = fate === 'cancelled' ? happenedAt(created, CANCEL_DELAY, asOf) : undefined;
  const shippedAt = fate === 'cancelled' || shipDelay === undefined ? undefined : happenedAt(created, shipDelay, asOf);
  const refundedAt = fate === 'refunded' ? happenedAt(created, REFUND_DELAY, asOf) : undefined;
  const disputedAt = fate === 'disputed' ? happenedAt(created, DISPUTE_DELAY, asOf) : undefined;
  const halfway = multiLine && shipDelay !== undefined ? happenedAt(created, Math.floor(shipDelay / 2), asOf) : undefined;
  let status: FulfillmentStatus = 'NOT_STARTED';
  if (shippedAt !== undefined) status = 'FULFILLED';
  else if (cancelledAt === undefined && halfway !== undefined) status = 'IN_PROGRESS';
  const lastModified = Math.max(
    created,
    cancelledAt ?? 0,
    shippedAt ?? 0,
    refundedAt ?? 0,
    status === 'IN_PROGRESS' ? (halfway ?? 0) : 0,
  );
  return { fate, created, cancelledAt, refundedAt, disputedAt, shippedAt, status, lastModified };
}
