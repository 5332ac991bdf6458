import { OrderFates } from './order-fates';
import { lineCountOf, listedItem, orderMoney, type ListedItem, type OrderMoney } from './order-money';
import { orderLifecycle, type FulfillmentStatus, type OrderLifecycle } from './order-lifecycle';
import { OrderTimeline } from './order-timeline';
import { sellerProfile, type SellerProfile } from './seller-profile';
import { buyerUsername } from './buyers';
import type { MessageRecord } from './message-records';
import { orderIdOf, parseOrderId } from '../util/ids';
import { DAY } from '../util/time';

/** A change made through the control API; wins over the generated state. */
export interface OrderOverride {
  lastModified: number;
  status: FulfillmentStatus;
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
   * The time up to which the live activity has been applied (`asOf` without it): payouts are made up to here, so the
   * live sales are paid out as the history's were.
   */
  liveAsOf: number;
  /** Shipments of the live activity still to come ([time, timeline index], a min-heap), built at its first advance. */
  pendingShipments: Array<[at: number, index: number]> | undefined;
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
    const step = p.orders > 0 ? Math.floor(span / p.orders) : span;
    this.timeline = new OrderTimeline(p.seed, p.number, p.orders, p.asOf - span, step);
    this.fates = new OrderFates(p.seed, p.number, p.orders);
    this.inventoryCount = p.inventoryItems;
    this.buyerPool = Math.max(20, Math.min(100_000, Math.floor(p.orders / 3)));
    this.payoutPeriod = Math.max(1, Math.ceil((step * 8) / DAY)) * DAY;
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
    const base = orderLifecycle(
      this.seed,
      this.profile.number,
      index,
      this.fates.fateOf(index),
      this.timeline.created(index),
      this.asOf,
      index >= this.timeline.baseCount,
      lineCountOf(this.seed, this.profile.number, index) > 1,
    );
    const override = this.overrides.get(index);
    if (!override) return base;
    const shippedAt = override.status === 'FULFILLED' ? (base.shippedAt ?? override.lastModified) : base.shippedAt;
    return { ...base, status: override.status, lastModified: override.lastModified, shippedAt };
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
