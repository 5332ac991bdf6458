import type { ColumnType, Generated } from 'kysely';
import type { RunStatus, SyncMode, SyncResource, SyncTrigger } from './resources';

type Time = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;
type Counter = ColumnType<number, number | undefined, number>;

export interface SyncRunsTable {
  id: Generated<string>;
  account_id: string;
  resource: SyncResource;
  mode: SyncMode;
  trigger: SyncTrigger;
  status: ColumnType<RunStatus, RunStatus | undefined, RunStatus>;
  since: NullableTime;
  until: NullableTime;
  created_at: Time;
  started_at: NullableTime;
  finished_at: NullableTime;
  heartbeat_at: NullableTime;
  cancel_requested_at: NullableTime;
  worker_id: string | null;
  attempts: Counter;
  calls: Counter;
  pages: Counter;
  records_fetched: Counter;
  records_inserted: Counter;
  records_updated: Counter;
  total: number | null;
  checkpoint: Json<Record<string, unknown>>;
  resumed_from: string | null;
  error_code: string | null;
  error_message: string | null;
  correlation_id: string | null;
  requested_by: string | null;
}

export interface SyncSchedulesTable {
  account_id: string;
  resource: SyncResource;
  interval_minutes: number;
  enabled: Generated<boolean>;
  next_run_at: Time;
  updated_at: Time;
}

export interface SyncStateTable {
  account_id: string;
  resource: SyncResource;
  watermark: NullableTime;
  last_full_at: NullableTime;
  last_success_at: NullableTime;
  updated_at: Time;
}

type FirstSeen = ColumnType<Date, Date | string | undefined, Date | string>;
type Numeric = ColumnType<string | null, string | number | null, string | number | null>;

export interface EbayOrdersTable {
  account_id: string;
  order_id: string;
  created_at_ebay: Date;
  modified_at_ebay: Date;
  fulfillment_status: string | null;
  payment_status: string | null;
  buyer_username: string | null;
  total_value: Numeric;
  total_currency: string | null;
  cancel_state: string | null;
  line_item_count: number;
  search_text: string;
  cancel_details: unknown;
  raw: unknown;
  first_seen_at: FirstSeen;
  last_seen_at: FirstSeen;
}

export interface EbayOrderLineItemsTable {
  account_id: string;
  order_id: string;
  line_item_id: string;
  sku: string | null;
  title: string | null;
  legacy_item_id: string | null;
  quantity: number | null;
  total_value: Numeric;
  total_currency: string | null;
  fulfillment_status: string | null;
}

export interface EbayFinanceTransactionsTable {
  account_id: string;
  transaction_id: string;
  transaction_type: string;
  transaction_status: string | null;
  transaction_date: Date;
  amount_value: Numeric;
  amount_currency: string | null;
  booking_entry: string | null;
  order_id: string | null;
  payout_id: string | null;
  buyer_username: string | null;
  total_fee_value: Numeric;
  raw: unknown;
  first_seen_at: FirstSeen;
  last_seen_at: FirstSeen;
}

export interface EbayFinanceFeesTable {
  account_id: string;
  transaction_id: string;
  transaction_type: string;
  seq: number;
  line_item_id: string | null;
  fee_type: string | null;
  amount_value: Numeric;
  amount_currency: string | null;
}

export interface EbayPayoutsTable {
  account_id: string;
  payout_id: string;
  payout_status: string | null;
  payout_date: Date;
  amount_value: Numeric;
  amount_currency: string | null;
  transaction_count: number | null;
  raw: unknown;
  first_seen_at: FirstSeen;
  last_seen_at: FirstSeen;
}

export interface EbayDisputesTable {
  account_id: string;
  payment_dispute_id: string;
  dispute_status: string | null;
  reason: string | null;
  order_id: string | null;
  buyer_username: string | null;
  amount_value: Numeric;
  amount_currency: string | null;
  open_date: Date;
  closed_date: Date | null;
  respond_by_date: Date | null;
  raw: unknown;
  detail: unknown;
  first_seen_at: FirstSeen;
  last_seen_at: FirstSeen;
}

export interface EbayMessagesTable {
  account_id: string;
  message_id: string;
  thread_id: string;
  folder_id: number | null;
  sender: string | null;
  recipient: string | null;
  subject: string | null;
  body: string | null;
  is_read: boolean | null;
  replied: boolean | null;
  flagged: boolean | null;
  item_id: string | null;
  item_title: string | null;
  message_type: string | null;
  received_at: Date;
  raw: unknown;
  first_seen_at: FirstSeen;
  last_seen_at: FirstSeen;
}

export interface EbayInventoryItemsTable {
  account_id: string;
  sku: string;
  title: string | null;
  condition: string | null;
  quantity: number | null;
  locale: string | null;
  raw: unknown;
  first_seen_at: FirstSeen;
  last_seen_at: FirstSeen;
}

export interface EbayOffersTable {
  account_id: string;
  offer_id: string;
  sku: string;
  marketplace_id: string | null;
  format: string | null;
  offer_status: string | null;
  available_quantity: number | null;
  price_value: Numeric;
  price_currency: string | null;
  listing_id: string | null;
  listing_status: string | null;
  sold_quantity: number | null;
  raw: unknown;
  first_seen_at: FirstSeen;
  last_seen_at: FirstSeen;
}

export interface EbayPurchasesTable {
  account_id: string;
  purchase_id: string;
  item_id: string | null;
  title: string | null;
  seller_username: string | null;
  price_value: Numeric;
  price_currency: string | null;
  quantity: number | null;
  purchased_at: Date | null;
  raw: unknown;
  first_seen_at: FirstSeen;
  last_seen_at: FirstSeen;
  /** Generated: `purchased_at`, else `first_seen_at` (the list's default order). */
  listed_at: ColumnType<Date, never, never>;
}

/** One row per conversation, kept with its messages (`refreshThreads`). */
export interface EbayMessageThreadsTable {
  account_id: string;
  thread_id: string;
  item_id: string | null;
  item_title: string | null;
  message_count: number;
  unread: number;
  last_message_at: Date;
  subject: string | null;
  counterpart: string | null;
}

/** Tables of the `sync` feature (listed in platform `Database`). */
export interface SyncTables {
  sync_runs: SyncRunsTable;
  sync_schedules: SyncSchedulesTable;
  sync_state: SyncStateTable;
  ebay_orders: EbayOrdersTable;
  ebay_order_line_items: EbayOrderLineItemsTable;
  ebay_finance_transactions: EbayFinanceTransactionsTable;
  ebay_finance_fees: EbayFinanceFeesTable;
  ebay_payouts: EbayPayoutsTable;
  ebay_disputes: EbayDisputesTable;
  ebay_messages: EbayMessagesTable;
  ebay_message_threads: EbayMessageThreadsTable;
  ebay_inventory_items: EbayInventoryItemsTable;
  ebay_offers: EbayOffersTable;
  ebay_purchases: EbayPurchasesTable;
}
