import { OrderFates } from './order-fates';
import { lineCountOf, listedItem, orderMoney, type ListedItem, type OrderMoney } from './order-money';
import { liveShipDelayOf, orderLifecycle, shipDelayOf, type FulfillmentStatus, type OrderLifecycle } from './order-lifecycle';
import { OrderTimeline } from './order-timeline';
import { sellerProfile, type SellerProfile } from './seller-profile';
import { buyerUsername } from './buyers';
import type { MessageRecord } from './message-records';
import { orderIdOf, parseOrderId } from '../util/ids';
import { DAY } from '../util/time';

/** A change made through the control API; wins over the generated state (events after it still happen: `lifecycle`). */
export interface OrderOverride {
  lastModified: number;
  status: FulfillmentStatus;
}

/** `t` when it is after the anchor, else 0. */
function after(anchor: number, t: number | undefined): number {
  return t !== undefined && t > anchor ? t : 0;
}

/** Bound of the listed-item memo; the default inventory (200 items) and the benchmarks' (1) fit whole. */
const LISTED_MEMO_SIZE = 4096;

export interface SellerDatasetParams {
  seed: number;
  number: number;
  orders: number;
  historyDays: number;
  inventoryItems: number;
  asOf: number;
}

/**
 * Everything generated for one seller. Only the overlay (orders modified or appended, messages added through the
 * control API, live orders) is stored; every other record is computed from its index.
 */
export class SellerDataset {
  readonly profile: SellerProfile;
  readonly timeline: OrderTimeline;
  readonly fates: OrderFates;
  readonly overrides = new Map<number, OrderOverride>();
  /** Timeline indices of the live orders (see `live-activity.ts`), live order k at position k. */
  readonly liveOrders: number[] = [];
  /** Live buyer messages written so far (they are among `addedMessages`). */
  liveMessages = 0;
  /**
   * The time up to which the live activity has been applied (`asOf` without it). The orders' scheduled events
   * (shipments, cancellations, refunds, disputes, buyer messages and answers) exist when they happened by then, and
   * payouts are made up to here, so the activity after the anchor goes on as the history's did.
   */
  liveAsOf: number;
  /** Buyer messages written through the control API, in the order they were added. */
  readonly addedMessages: MessageRecord[] = [];
  /** Memo of payout sums per period (derived data, bounded). */
  readonly payoutMemo = new Map<number, { netCents: number; count: number }>();
  /** Memo of inventory items with their first offer (derived data, bounded): every order line reads one. */
  private readonly listedMemo = new Map<number, ListedItem>();
  private readonly itemAt = (itemIndex: number): ListedItem => this.listedItem(itemIndex);
  readonly seed: number;
  readonly asOf: number;
  readonly inventoryCount: number;
  readonly buyerPool: number;
  /** Length of one payout period; payouts are paid 8 hours after the period ends. */
  readonly payoutPeriod: number;

  constructor(p: SellerDatasetParams) {
    this.seed = p.seed;
    this.asOf = p.asOf;
    this.liveAsOf = p.asOf;
    this.profile = sellerProfile(p.seed, p.number);
    const span = p.historyDays * DAY;
    this.timeline = new OrderTimeline(p.seed, p.number, p.orders, p.asOf - span, span);
    this.fates = new OrderFates(p.seed, p.number, p.orders, this.liveOrders);
    this.inventoryCount = p.inventoryItems;
    this.buyerPool = Math.max(20, Math.min(100_000, Math.floor(p.orders / 3)));
    // About eight orders a period on average (busy and quiet days alike).
    const averageGap = p.orders > 0 ? Math.floor(span / p.orders) : span;
    this.payoutPeriod = Math.max(1, Math.ceil((averageGap * 8) / DAY)) * DAY;
  }

  get number(): number {
    return this.profile.number;
  }

  orderId(index: number): string {
    return orderIdOf(this.profile.number, index);
  }

  /** Index of an order id of this seller, or undefined. */
  indexOf(orderId: string): number | undefined {
    const parsed = parseOrderId(orderId);
    if (!parsed || parsed.sellerNumber !== this.profile.number || parsed.index >= this.timeline.total) return undefined;
    return this.orderId(parsed.index) === orderId ? parsed.index : undefined;
  }

  lifecycle(index: number): OrderLifecycle {
    const seller = this.profile.number;
    const history = index < this.timeline.baseCount;
    const k = history ? undefined : this.fates.liveNumber(index);
    // A generated order ships after its generated delay, a live order 1 to 12 hours after it arrives, an order created
    // through the control API only when modified.
    const shipDelay = history ? shipDelayOf(this.seed, seller, index) : k === undefined ? undefined : liveShipDelayOf(this.seed, seller, k);
    const base = orderLifecycle(
      this.fates.fateOf(index),
      this.timeline.created(index),
      this.liveAsOf,
      shipDelay,
      history && lineCountOf(this.seed, seller, index) > 1,
    );
    const override = this.overrides.get(index);
    if (!override) return base;
    // What happens after the anchor also happens to an order changed through the control API before: it ships when
    // due unless it was marked FULFILLED (then it does not ship again), and a cancellation or refund moves its
    // lastModifiedDate. Events up to the anchor are already in the state the change started from.
    let { status, lastModified } = override;
    let shippedAt = base.shippedAt;
    if (status === 'FULFILLED') {
      if (after(this.asOf, shippedAt) > override.lastModified) shippedAt = undefined;
      shippedAt ??= override.lastModified;
    } else if (after(this.asOf, shippedAt) > 0) {
      status = 'FULFILLED';
      lastModified = Math.max(lastModified, after(this.asOf, shippedAt));
    }
    lastModified = Math.max(lastModified, after(this.asOf, base.cancelledAt), after(this.asOf, base.refundedAt));
    return { ...base, status, lastModified, shippedAt };
  }

  money(index: number): OrderMoney {
    return orderMoney(this.seed, this.profile.number, index, this.inventoryCount, this.buyerPool, this.profile.taxBasisPoints, this.itemAt);
  }

  private listedItem(itemIndex: number): ListedItem {
    let listed = this.listedMemo.get(itemIndex);
    if (listed === undefined) {
      if (this.listedMemo.size >= LISTED_MEMO_SIZE) this.listedMemo.clear();
      listed = listedItem(this.seed, this.profile.number, itemIndex);
      this.listedMemo.set(itemIndex, listed);
    }
    return listed;
  }

  buyerOf(index: number): string {
    return buyerUsername(this.seed, this.profile.number, this.money(index).buyerIndex);
  }
}
