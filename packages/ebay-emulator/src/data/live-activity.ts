import type { SellerDataset } from './seller-dataset';
import { SHIP_MAX, liveShipDelayOf, shipDelayOf } from './order-lifecycle';
import { TX_STREAMS, payoutCount } from './finance-records';
import { INBOX_STREAMS, SENT_STREAMS, addBuyerMessage } from './message-records';
import { streamCount, walkStreams } from './event-streams';
import { lineCountOf } from './order-money';
import { dayVolume, hourVolume } from './order-timeline';
import { hashInts, labelCode, unit } from '../util/prng';
import { DAY, HOUR } from '../util/time';

/**
 * The shop keeps going after the generated history ends (`liveOrdersPerDay` per seller): a seller's sales do not
 * stop at the day the emulator first started.
 *
 * - New orders: they come as the history's did, more on some weekdays, days and hours than others (the history's
 *   day volume and hour-of-day volume, without its trend), `liveOrdersPerDay` a day on average over a year. Live order
 *   k of a seller is due where the expected orders since the anchor reach `k + 1 - jitter(k) / 2` (`0 <= jitter < 1`,
 *   so the due times increase with k; see `LiveSchedule`). Each is appended to the seller's timeline like
 *   an order created through the control API (line items, buyer, totals and a SALE transaction) and gets a fate like
 *   the history's orders, with the same proportions per block of 64 live orders (`OrderFates`).
 * - Scheduled events: the orders' events (shipment, cancellation, partial refund, dispute, buyer message and answer,
 *   with their finance transactions) happen when the activity reaches them (`liveAsOf`), those of the history that
 *   fall after the anchor as well as the live orders'. They are derived from `liveAsOf`, not stored: a live order
 *   ships 1 to 12 hours after it arrives (`liveShipDelayOf`), a history order still waiting at the anchor at the time
 *   its generated delay gives; a shipped order becomes FULFILLED and its lastModifiedDate moves to that time.
 * - Buyer follow-ups: one for every `LIVE_ORDERS_PER_MESSAGE` orders, due on its own seeded schedule, a buyer writes
 *   again in one of the `MESSAGE_CONVERSATIONS` newest member conversations of the history (as
 *   `POST /sellers/{id}/messages` does).
 * - Payouts: made up to `liveAsOf`, so live sales, refunds and disputes are paid out like the history's.
 *
 * The schedule depends only on the seed, the seller and the anchor. Events are applied lazily, in date order, when
 * the emulator handles a request (`advanceLiveActivity` with the virtual clock's now): nothing is ever dated before
 * an answer the emulator already gave, and after a restart that kept the overlay (state file) it goes on where it
 * stopped.
 */
/** Live buyer messages come at this fraction of the orders' rate. */
const LIVE_ORDERS_PER_MESSAGE = 8;
/** A live message goes to one of this many newest member conversations, in turn. */
const MESSAGE_CONVERSATIONS = 20;

const ORDER_DUE = labelCode('live-order-due');
const MESSAGE_DUE = labelCode('live-message-due');

/**
 * When live buyer message `k` of `ds` is due, with `perDay` messages a day: evenly spaced, `anchor + (k + 1) *
 * interval - jitter(k)` (`interval = DAY / perDay`, `0 <= jitter < interval / 2`, so the due times increase with k).
 */
function messageDueAt(ds: SellerDataset, perDay: number, k: number): number {
  const interval = Math.max(2, Math.floor(DAY / perDay));
  const jitter = hashInts(ds.seed, ds.number, MESSAGE_DUE, k) % Math.floor(interval / 2);
  return ds.asOf + (k + 1) * interval - jitter;
}

/**
 * When live orders are due: the expected orders since the anchor, per UTC hour, cumulated as far as asked (a year
 * is 8,760 numbers). The rate of an hour is `perDay / 24` times its volume (day volume x hour-of-day volume) over the
 * mean volume of the year after the anchor, so a year brings `perDay` orders a day on average.
 */
class LiveSchedule {
  /** `expected[b]`: the orders expected from the anchor to the start of hour b (hour 0 holds the anchor). */
  private readonly expected: number[] = [0];
  /** `rates[b]`: the orders expected per ms in hour b, for every hour `expected` covers (one entry fewer). */
  private readonly rates: number[] = [];
  /** Relative volume of the hours of the year after the anchor (hour 0 holds the anchor). */
  private readonly volumes: number[] = [];
  private readonly firstHour: number;
  private readonly scale: number;

  constructor(
    private readonly seed: number,
    private readonly seller: number,
    private readonly anchor: number,
    readonly perDay: number,
  ) {
    this.firstHour = Math.floor(anchor / HOUR) * HOUR;
    let sum = 0;
    const hours = 365 * 24;
    for (let b = 0; b < hours; b += 1) {
      const volume = this.volume(b);
      this.volumes.push(volume);
      sum += volume;
    }
    this.scale = perDay / 24 / (sum / hours);
  }

  /** When order `k` is due: where the expected orders reach `target` (`k + 1 - jitter / 2`). */
  dueAt(target: number): number {
    const { expected, rates } = this;
    while ((expected[expected.length - 1] ?? 0) < target) {
      const b = expected.length - 1;
      const rate = (this.scale * (this.volumes[b] ?? this.volume(b))) / HOUR;
      rates.push(rate);
      expected.push((expected[b] ?? 0) + rate * this.length(b));
    }
    // The hour b with expected[b] < target <= expected[b + 1].
    let lo = 0;
    let hi = expected.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((expected[mid] ?? 0) < target) lo = mid;
      else hi = mid;
    }
    const from = Math.max(this.anchor, this.firstHour + lo * HOUR);
    return from + Math.ceil((target - (expected[lo] ?? 0)) / (rates[lo] ?? 0));
  }

  /** Relative volume of hour b. */
  private volume(b: number): number {
    const at = this.firstHour + b * HOUR;
    return dayVolume(this.seed, this.seller, Math.floor(at / DAY)) * hourVolume(at);
  }

  /** How much of hour b is after the anchor (ms). */
  private length(b: number): number {
    return b === 0 ? this.firstHour + HOUR - this.anchor : HOUR;
  }
}

const schedules = new WeakMap<SellerDataset, LiveSchedule>();

/** When live order `k` of `ds` is due, with `perDay` live orders a day on average. */
export function liveOrderDueAt(ds: SellerDataset, perDay: number, k: number): number {
  let schedule = schedules.get(ds);
  if (schedule?.perDay !== perDay) {
    schedule = new LiveSchedule(ds.seed, ds.number, ds.asOf, perDay);
    schedules.set(ds, schedule);
  }
  const jitter = unit(ds.seed, ds.number, ORDER_DUE, k);
  return schedule.dueAt(k + 1 - jitter / 2);
}

/** Whether `t` is in (from, to]. */
function within(t: number, from: number, to: number): boolean {
  return t > from && t <= to;
}

/**
 * How many scheduled events of `ds` happen in (from, to] (`ds.liveAsOf` >= to): fated events with their
 * transactions, and shipments (or the first line items shipped) of the orders created within SHIP_MAX before.
 * Counted only to know that the state file must record the new `liveAsOf`; cheap: arithmetic for the fated events, a
 * scan of a few days of orders for the shipments.
 */
function eventsBetween(ds: SellerDataset, from: number, to: number): number {
  let n = 0;
  for (const spec of [...TX_STREAMS, ...INBOX_STREAMS, ...SENT_STREAMS]) {
    if (spec.fate !== 'all') n += streamCount(ds, spec, from + 1, to);
  }
  const t = ds.timeline;
  for (let i = t.lowerBound(from - SHIP_MAX); i < t.total && t.created(i) <= to; i += 1) {
    if (ds.fates.fateOf(i) === 'cancelled') continue;
    const k = ds.fates.liveNumber(i);
    const created = t.created(i);
    if (i < t.baseCount) {
      const delay = shipDelayOf(ds.seed, ds.number, i);
      const halfway = lineCountOf(ds.seed, ds.number, i) > 1 ? created + Math.floor(delay / 2) : -Infinity;
      if (within(created + delay, from, to) || within(halfway, from, to)) n += 1;
    } else if (k !== undefined && within(created + liveShipDelayOf(ds.seed, ds.number, k), from, to)) n += 1;
  }
  return n;
}

/**
 * Applies every live event of `ds` due at or before `now`, in date order: new orders and buyer follow-ups as they
 * come, then moves `liveAsOf` to `now`, which realizes the scheduled events and payouts due by then. Returns how many
 * events (orders, messages, scheduled events, payouts) it applied.
 */
export function advanceLiveActivity(ds: SellerDataset, perDay: number, now: number): number {
  if (perDay <= 0) return 0;
  let applied = 0;
  for (;;) {
    const nextNew = liveOrderDueAt(ds, perDay, ds.liveOrders.length);
    const nextMessage = messageDueAt(ds, perDay / LIVE_ORDERS_PER_MESSAGE, ds.liveMessages);
    if (nextMessage <= now && nextMessage < nextNew) {
      const [conversation] = walkStreams(ds, INBOX_STREAMS, -Infinity, ds.asOf, 'desc', ds.liveMessages % MESSAGE_CONVERSATIONS, 1);
      if (conversation) addBuyerMessage(ds, conversation.index, nextMessage);
      ds.liveMessages += 1;
      applied += 1;
      continue;
    }
    if (nextNew > now) break;
    const created = Math.max(nextNew, ds.timeline.lastCreated() + 1);
    const [index] = ds.timeline.append([created]);
    if (index === undefined) break;
    ds.liveOrders.push(index);
    applied += 1;
  }
  if (now <= ds.liveAsOf) return applied;
  // Every order up to now exists: their events due by now happen, and the payouts due by now can be made (never taken
  // back if the clock is set back).
  const from = ds.liveAsOf;
  const payouts = payoutCount(ds);
  ds.liveAsOf = now;
  return applied + eventsBetween(ds, from, now) + (payoutCount(ds) - payouts);
}
