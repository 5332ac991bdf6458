-- Sync engine: runs, checkpoints, schedules, watermarks, and the synced eBay entities.
-- Entity tables are keyed by eBay's ids within an account, so upserts are idempotent.

create table sync_runs (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references ebay_accounts (id) on delete cascade,
  resource text not null check (resource in ('orders', 'finances', 'payouts', 'disputes', 'messages', 'inventory', 'offers', 'purchases')),
  mode text not null check (mode in ('full', 'incremental')),
  trigger text not null check (trigger in ('manual', 'schedule')),
  status text not null default 'queued'
    check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted')),
  since timestamptz,
  until timestamptz,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  heartbeat_at timestamptz,
  cancel_requested_at timestamptz,
  worker_id text,
  attempts integer not null default 0,
  calls integer not null default 0,
  pages integer not null default 0,
  records_fetched integer not null default 0,
  records_inserted integer not null default 0,
  records_updated integer not null default 0,
  total integer,
  checkpoint jsonb not null default '{}'::jsonb,
  resumed_from uuid references sync_runs (id) on delete set null,
  error_code text,
  error_message text,
  correlation_id text,
  requested_by uuid
);
-- At most one active run per account and resource.
create unique index sync_runs_one_active on sync_runs (account_id, resource) where status in ('queued', 'running');
create index sync_runs_list on sync_runs (created_at desc, id desc);
create index sync_runs_account_resource on sync_runs (account_id, resource, created_at desc);
create index sync_runs_running_heartbeat on sync_runs (heartbeat_at) where status = 'running';

create table sync_schedules (
  account_id uuid not null references ebay_accounts (id) on delete cascade,
  resource text not null,
  interval_minutes integer not null check (interval_minutes between 1 and 10080),
  enabled boolean not null default true,
  next_run_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (account_id, resource)
);
create index sync_schedules_due on sync_schedules (next_run_at) where enabled;

create table sync_state (
  account_id uuid not null references ebay_accounts (id) on delete cascade,
  resource text not null,
  watermark timestamptz,
  last_full_at timestamptz,
  last_success_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (account_id, resource)
);

create table ebay_orders (
  account_id uuid not null references ebay_accounts (id) on delete cascade,
  order_id text not null,
  created_at_ebay timestamptz not null,
  modified_at_ebay timestamptz not null,
  fulfillment_status text,
  payment_status text,
  buyer_username text,
  total_value numeric(14, 2),
  total_currency text,
  cancel_state text,
  line_item_count integer not null default 0,
  search_text text not null default '',
  cancel_details jsonb,
  raw jsonb not null,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  primary key (account_id, order_id)
);
create index ebay_orders_created on ebay_orders (account_id, created_at_ebay desc, order_id desc);
create index ebay_orders_modified on ebay_orders (account_id, modified_at_ebay desc);
create index ebay_orders_buyer on ebay_orders (account_id, buyer_username);

create table ebay_order_line_items (
  account_id uuid not null,
  order_id text not null,
  line_item_id text not null,
  sku text,
  title text,
  legacy_item_id text,
  quantity integer,
  total_value numeric(14, 2),
  total_currency text,
  fulfillment_status text,
  primary key (account_id, order_id, line_item_id)
);
create index ebay_order_line_items_sku on ebay_order_line_items (account_id, sku);

create table ebay_finance_transactions (
  account_id uuid not null references ebay_accounts (id) on delete cascade,
  transaction_id text not null,
  transaction_type text not null,
  transaction_status text,
  transaction_date timestamptz not null,
  amount_value numeric(14, 2),
  amount_currency text,
  booking_entry text,
  order_id text,
  payout_id text,
  buyer_username text,
  total_fee_value numeric(14, 2),
  raw jsonb not null,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  primary key (account_id, transaction_id, transaction_type)
);
create index ebay_finance_transactions_date on ebay_finance_transactions (account_id, transaction_date desc, transaction_id desc);
create index ebay_finance_transactions_order on ebay_finance_transactions (account_id, order_id);
create index ebay_finance_transactions_payout on ebay_finance_transactions (account_id, payout_id);

create table ebay_finance_fees (
  account_id uuid not null,
  transaction_id text not null,
  transaction_type text not null,
  seq integer not null,
  line_item_id text,
  fee_type text,
  amount_value numeric(14, 2),
  amount_currency text,
  primary key (account_id, transaction_id, transaction_type, seq),
  foreign key (account_id, transaction_id, transaction_type)
    references ebay_finance_transactions (account_id, transaction_id, transaction_type) on delete cascade
);

create table ebay_payouts (
  account_id uuid not null references ebay_accounts (id) on delete cascade,
  payout_id text not null,
  payout_status text,
  payout_date timestamptz not null,
  amount_value numeric(14, 2),
  amount_currency text,
  transaction_count integer,
  raw jsonb not null,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  primary key (account_id, payout_id)
);
create index ebay_payouts_date on ebay_payouts (account_id, payout_date desc, payout_id desc);

create table ebay_disputes (
  account_id uuid not null references ebay_accounts (id) on delete cascade,
  payment_dispute_id text not null,
  dispute_status text,
  reason text,
  order_id text,
  buyer_username text,
  amount_value numeric(14, 2),
  amount_currency text,
  open_date timestamptz not null,
  closed_date timestamptz,
  respond_by_date timestamptz,
  raw jsonb not null,
  detail jsonb,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  primary key (account_id, payment_dispute_id)
);
create index ebay_disputes_open on ebay_disputes (account_id, open_date desc, payment_dispute_id desc);
create index ebay_disputes_order on ebay_disputes (account_id, order_id);

create table ebay_messages (
  account_id uuid not null references ebay_accounts (id) on delete cascade,
  message_id text not null,
  thread_id text not null,
  folder_id integer,
  sender text,
  recipient text,
  subject text,
  body text,
  is_read boolean,
  replied boolean,
  flagged boolean,
  item_id text,
  item_title text,
  message_type text,
  received_at timestamptz not null,
  raw jsonb not null,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  primary key (account_id, message_id)
);
create index ebay_messages_received on ebay_messages (account_id, received_at desc, message_id desc);
create index ebay_messages_thread on ebay_messages (account_id, thread_id, received_at);

create table ebay_inventory_items (
  account_id uuid not null references ebay_accounts (id) on delete cascade,
  sku text not null,
  title text,
  condition text,
  quantity integer,
  locale text,
  raw jsonb not null,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  primary key (account_id, sku)
);

create table ebay_offers (
  account_id uuid not null references ebay_accounts (id) on delete cascade,
  offer_id text not null,
  sku text not null,
  marketplace_id text,
  format text,
  offer_status text,
  available_quantity integer,
  price_value numeric(14, 2),
  price_currency text,
  listing_id text,
  listing_status text,
  sold_quantity integer,
  raw jsonb not null,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  primary key (account_id, offer_id)
);
create index ebay_offers_sku on ebay_offers (account_id, sku);

create table ebay_purchases (
  account_id uuid not null references ebay_accounts (id) on delete cascade,
  purchase_id text not null,
  item_id text,
  title text,
  seller_username text,
  price_value numeric(14, 2),
  price_currency text,
  quantity integer,
  purchased_at timestamptz,
  raw jsonb not null,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  primary key (account_id, purchase_id)
);
create index ebay_purchases_date on ebay_purchases (account_id, purchased_at desc, purchase_id desc);
