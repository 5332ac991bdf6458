import type { SyncTables } from './sync.tables';

/** Every resource the engine syncs; one syncer file each. */
export const syncResources = [
  'orders',
  'finances',
  'payouts',
  'disputes',
  'messages',
  'inventory',
  'offers',
  'purchases',
] as const;
export type SyncResource = (typeof syncResources)[number];

export const syncModes = ['full', 'incremental'] as const;
export type SyncMode = (typeof syncModes)[number];

export const syncTriggers = ['manual', 'schedule'] as const;
export type SyncTrigger = (typeof syncTriggers)[number];

export const runStatuses = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
export type RunStatus = (typeof runStatuses)[number];
export const activeStatuses: readonly RunStatus[] = ['queued', 'running'];

export function isSyncResource(value: string): value is SyncResource {
  return (syncResources as readonly string[]).includes(value);
}

/** Default schedule: orders every 15 minutes, the rest hourly. */
export function defaultIntervalMinutes(resource: SyncResource): number {
  return resource === 'orders' ? 15 : 60;
}

const DAY_MS = 86_400_000;

/** How far back each API serves data, and the widest window one query may cover. */
export const resourceLimits: Record<SyncResource, { historyMs: number; windowMs: number | null }> = {
  // getOrders: nothing older than 2 years.
  orders: { historyMs: 730 * DAY_MS, windowMs: 90 * DAY_MS },
  // Finances: start within 5 years, range <= 36 months (offset < 5000 splits further).
  finances: { historyMs: 5 * 365 * DAY_MS, windowMs: 3 * 365 * DAY_MS },
  payouts: { historyMs: 5 * 365 * DAY_MS, windowMs: 3 * 365 * DAY_MS },
  // Disputes: 90-day windows, up to 18 months back.
  disputes: { historyMs: 540 * DAY_MS, windowMs: 90 * DAY_MS },
  // GetMyMessages and GetMyeBayBuying look back a limited time.
  messages: { historyMs: 365 * DAY_MS, windowMs: null },
  inventory: { historyMs: 0, windowMs: null },
  offers: { historyMs: 0, windowMs: null },
  purchases: { historyMs: 60 * DAY_MS, windowMs: null },
};

/** Resources that have a modification-time filter; the others re-read everything on each run. */
export const hasWatermark: Record<SyncResource, boolean> = {
  orders: true,
  finances: true,
  payouts: true,
  disputes: true,
  messages: true,
  inventory: false,
  offers: false,
  purchases: false,
};

/**
 * The tables each resource's runs write. A run that inserted `ANALYZE_AFTER_INSERTS` records or more refreshes
 * their planner statistics when it ends (see `executeRun`).
 */
export const resourceTables: Record<SyncResource, ReadonlyArray<keyof SyncTables>> = {
  orders: ['ebay_orders', 'ebay_order_line_items'],
  finances: ['ebay_finance_transactions', 'ebay_finance_fees'],
  payouts: ['ebay_payouts'],
  disputes: ['ebay_disputes'],
  messages: ['ebay_messages', 'ebay_message_threads'],
  inventory: ['ebay_inventory_items'],
  offers: ['ebay_offers'],
  purchases: ['ebay_purchases'],
};

/** A run that inserted at least this many records refreshes the statistics of its resource's tables. */
export const ANALYZE_AFTER_INSERTS = 500;

/**
 * Resources whose records change on eBay without moving the date their incremental runs filter on: a finance
 * transaction's or a payout's status (by transaction or payout date), a dispute's (by open date). Their scheduled
 * runs are full runs once a day (SYNC_FULL_REFRESH_HOURS); a full run of them costs a few calls per thousand
 * records. Orders are filtered by lastModifiedDate, which moves with any change. Messages are not: a new message
 * reaches the next incremental run whatever its conversation's age, and a full REST run costs one call per
 * conversation against the Message API's daily quota (5,000 calls by default) for nothing but read flags. The other
 * resources read everything on every run.
 */
export const refreshedByFullRuns: Record<SyncResource, boolean> = {
  orders: false,
  finances: true,
  payouts: true,
  disputes: true,
  messages: false,
  inventory: false,
  offers: false,
  purchases: false,
};

/**
 * The mode of a scheduled run starting `at`: incremental, except for a resource whose incremental runs miss some
 * changes (`refreshedByFullRuns`) when its last full run is older than `fullRefreshMs` (or there was none).
 */
export function scheduledMode(
  resource: SyncResource,
  lastFullAt: Date | null,
  fullRefreshMs: number,
  at: Date,
): SyncMode {
  if (!refreshedByFullRuns[resource] || fullRefreshMs <= 0) return 'incremental';
  return lastFullAt === null || at.getTime() - lastFullAt.getTime() >= fullRefreshMs ? 'full' : 'incremental';
}
