import { CompiledQuery, sql, type Transaction } from 'kysely';
import type { EbayOrder } from './ebay-port';
import { prepared } from '../platform/prepared-statements';
import { amount, currency } from './money';
import type { SyncDatabase, SyncDb } from './sync-db';
import type { WriteResult } from './syncer';

/**
 * One page of orders and their line items in one statement. An order whose raw payload and cancellation details
 * are unchanged, or that is older than the stored version (eBay's lastModifiedDate), is not rewritten (only
 * `last_seen_at` is bumped, by `touchUnchanged`); a new or changed order is
 * returned, and its line items are upserted from the same input. getOrder's cancellation details arrive with the
 * page when the sync fetched them; they stay valid only while the order is unchanged, so a changed order without
 * new details loses them (the sweep fetches them again), and an unchanged order keeps the ones it has.
 *
 * The typed columns and the line items travel as arrays, one per column, and each raw payload as its own
 * parameter: PostgreSQL parses every payload once, straight into the stored jsonb value, and no page-sized JSON
 * document is built on either side. The text depends only on the number of orders in the page, so it is a named
 * statement (pages are mostly full: one or two texts per connection).
 */
function buildUpsertPageSql(orders: number): string {
  const raws = Array.from({ length: orders }, (_, i) => `$${i + RAW_PARAM}::jsonb`).join(', ');
  return `
  with input as (
    select * from unnest($2::text[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::text[], $7::text[],
      $8::numeric[], $9::text[], $10::text[], $11::integer[], $12::text[], $${CANCEL_DETAILS_PARAM}::jsonb[],
      array[${raws}])
      as x(order_id, created_at_ebay, modified_at_ebay, fulfillment_status, payment_status, buyer_username,
        total_value, total_currency, cancel_state, line_item_count, search_text, cancel_details, raw)
  ),
  up as (
    insert into ebay_orders as t (account_id, order_id, created_at_ebay, modified_at_ebay, fulfillment_status,
      payment_status, buyer_username, total_value, total_currency, cancel_state, line_item_count, search_text,
      cancel_details, raw, first_seen_at, last_seen_at)
    select $1::uuid, order_id, created_at_ebay, modified_at_ebay, fulfillment_status, payment_status,
      buyer_username, total_value, total_currency, cancel_state, line_item_count, search_text, cancel_details, raw,
      now(), now()
    from input
    on conflict (account_id, order_id) do update set
      created_at_ebay = excluded.created_at_ebay, modified_at_ebay = excluded.modified_at_ebay,
      fulfillment_status = excluded.fulfillment_status, payment_status = excluded.payment_status,
      buyer_username = excluded.buyer_username, total_value = excluded.total_value,
      total_currency = excluded.total_currency, cancel_state = excluded.cancel_state,
      line_item_count = excluded.line_item_count, search_text = excluded.search_text, raw = excluded.raw,
      cancel_details = excluded.cancel_details, last_seen_at = now()
    -- Rewritten when eBay changed it (new details or none: old ones are stale) or when new details differ, never
    -- with an older version than the stored one (an order on two pages of a run whose commits cross).
    where excluded.modified_at_ebay >= t.modified_at_ebay
      and (t.raw is distinct from excluded.raw
        or (excluded.cancel_details is not null and t.cancel_details is distinct from excluded.cancel_details))
    returning order_id, (xmax = 0) as inserted
  ),
  items as (
    insert into ebay_order_line_items as li (account_id, order_id, line_item_id, sku, title, legacy_item_id,
      quantity, total_value, total_currency, fulfillment_status)
    select $1::uuid, x.order_id, x.line_item_id, x.sku, x.title, x.legacy_item_id, x.quantity, x.total_value,
      x.total_currency, x.fulfillment_status
    from unnest($13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::integer[], $19::numeric[],
      $20::text[], $21::text[]) as x(order_id, line_item_id, sku, title, legacy_item_id, quantity, total_value,
        total_currency, fulfillment_status)
    where x.order_id in (select order_id from up)
    on conflict (account_id, order_id, line_item_id) do update set
      sku = excluded.sku, title = excluded.title, legacy_item_id = excluded.legacy_item_id,
      quantity = excluded.quantity, total_value = excluded.total_value, total_currency = excluded.total_currency,
      fulfillment_status = excluded.fulfillment_status
  )
  select order_id, inserted from up`;
}
/** Where the page's parameters go (see `pageParams`): cancellation details, then one payload per order. */
const CANCEL_DETAILS_PARAM = 22;
const RAW_PARAM = 23;

const pageSql = new Map<number, string>();
/** `buildUpsertPageSql`, built once per order count (a page holds at most 200 orders). */
function upsertPageSql(orders: number): string {
  let text = pageSql.get(orders);
  if (text === undefined) {
    text = buildUpsertPageSql(orders);
    pageSql.set(orders, text);
  }
  return text;
}

/** Line items an order no longer has (after it changed on eBay). */
const deleteDroppedItems = `
  delete from ebay_order_line_items li
  using ebay_orders o
  where li.account_id = $1::uuid and li.order_id = any($2::text[])
    and o.account_id = li.account_id and o.order_id = li.order_id
    and not coalesce(o.raw->'lineItems', '[]'::jsonb) @> jsonb_build_array(jsonb_build_object('lineItemId', li.line_item_id))`;

// A join with the ids, which Postgres runs as one primary-key lookup per id: with `order_id = any($2)` it read the
// account's whole range of another index and filtered it while the table's statistics were older than its rows
// (3.7 ms for 200 of 20,000 orders against 0.6 ms, growing with the account), and with current statistics the
// join still ran in 6.6 ms where `any` took 8.2 (200 rows updated).
const touchUnchanged = `
  update ebay_orders o set last_seen_at = now()
  from unnest($2::text[]) as u(order_id)
  where o.account_id = $1::uuid and o.order_id = u.order_id`;

/** jsonb's binary format: a version byte, then the JSON text. */
const JSONB_VERSION = 1;

/**
 * Each payload as a jsonb parameter in binary format, all in one buffer: the bytes are copied once, and the
 * driver copies them again without encoding a string (PostgreSQL parses the same text either way).
 */
function jsonbParams(payloads: ReadonlyArray<Uint8Array>): Buffer[] {
  let size = 0;
  for (const p of payloads) size += 1 + p.byteLength;
  const all = Buffer.allocUnsafe(size);
  const params: Buffer[] = [];
  let at = 0;
  for (const p of payloads) {
    all[at] = JSONB_VERSION;
    all.set(p, at + 1);
    params.push(all.subarray(at, at + 1 + p.byteLength));
    at += 1 + p.byteLength;
  }
  return params;
}

/**
 * The page as parameters of `upsertPageSql`: one array per column, then one jsonb payload per order (eBay's own text
 * when the client kept it, else the order serialized). The cancellation details (`CANCEL_DETAILS_PARAM`) start
 * empty: see `withCancelDetails`.
 */
function pageParams(accountId: string, orders: ReadonlyArray<readonly [EbayOrder, Uint8Array | undefined]>): unknown[] {
  const order = {
    id: [] as string[], created: [] as string[], modified: [] as string[], fulfillment: [] as (string | null)[],
    payment: [] as (string | null)[], buyer: [] as (string | null)[], total: [] as (string | null)[],
    currency: [] as (string | null)[], cancelState: [] as (string | null)[], itemCount: [] as number[],
    search: [] as string[], raw: [] as Uint8Array[],
  };
  const item = {
    orderId: [] as string[], id: [] as string[], sku: [] as (string | null)[], title: [] as (string | null)[],
    legacyItemId: [] as (string | null)[], quantity: [] as (number | null)[], total: [] as (string | null)[],
    currency: [] as (string | null)[], fulfillment: [] as (string | null)[],
  };
  for (const [o, source] of orders) {
    const lineItems = o.lineItems ?? [];
    order.id.push(o.orderId);
    order.created.push(o.creationDate);
    order.modified.push(o.lastModifiedDate);
    order.fulfillment.push(o.orderFulfillmentStatus ?? null);
    order.payment.push(o.orderPaymentStatus ?? null);
    order.buyer.push(o.buyer?.username ?? null);
    order.total.push(amount(o.pricingSummary?.total));
    order.currency.push(currency(o.pricingSummary?.total));
    order.cancelState.push(o.cancelStatus?.cancelState ?? null);
    order.itemCount.push(lineItems.length);
    order.search.push(`${o.orderId} ${lineItems.map((li) => li.title ?? '').join(' ')}`.toLowerCase());
    order.raw.push(source ?? Buffer.from(JSON.stringify(o), 'utf8'));
    for (const li of lineItems) {
      item.orderId.push(o.orderId);
      item.id.push(li.lineItemId);
      item.sku.push(li.sku ?? null);
      item.title.push(li.title ?? null);
      item.legacyItemId.push(li.legacyItemId ?? null);
      item.quantity.push(li.quantity ?? null);
      item.total.push(amount(li.total));
      item.currency.push(currency(li.total));
      item.fulfillment.push(li.lineItemFulfillmentStatus ?? null);
    }
  }
  return [
    accountId, order.id, order.created, order.modified, order.fulfillment, order.payment, order.buyer, order.total,
    order.currency, order.cancelState, order.itemCount, order.search,
    item.orderId, item.id, item.sku, item.title, item.legacyItemId, item.quantity, item.total, item.currency,
    item.fulfillment, order.id.map(() => null),
    ...jsonbParams(order.raw),
  ];
}

/**
 * A page of orders as the parameters of its statement, keyed by order id (the last occurrence of an id in the page
 * wins). The sync prepares a page as soon as it is fetched, so only these arrays and payload bytes wait for a
 * writer, not the parsed orders.
 */
export interface PreparedOrdersPage {
  readonly accountId: string;
  readonly orderIds: readonly string[];
  readonly params: readonly unknown[];
}

export function prepareOrdersPage(
  accountId: string,
  orders: readonly EbayOrder[],
  sourceBytes: ReadonlyArray<Uint8Array | undefined> = [],
): PreparedOrdersPage {
  const unique = new Map<string, readonly [EbayOrder, Uint8Array | undefined]>();
  orders.forEach((o, i) => unique.set(o.orderId, [o, sourceBytes[i]]));
  const page = [...unique.values()];
  return { accountId, orderIds: [...unique.keys()], params: pageParams(accountId, page) };
}

/**
 * The page with getOrder's cancellation details of some of its orders (by order id), written with the orders. A
 * missing `cancelStatus` is stored as `{}`: fetched, nothing to show (as the sweep stores it).
 */
export function withCancelDetails(page: PreparedOrdersPage, details: ReadonlyMap<string, unknown>): PreparedOrdersPage {
  if (details.size === 0) return page;
  const params = [...page.params];
  params[CANCEL_DETAILS_PARAM - 1] = page.orderIds.map((id) =>
    details.has(id) ? JSON.stringify(details.get(id) ?? {}) : null,
  );
  return { ...page, params };
}

/**
 * Upserts a page of orders prepared by `prepareOrdersPage`, with their line items, keyed by order id within the
 * account. Counts an order as updated when its raw payload or its cancellation details changed.
 */
export async function writeOrdersPage(
  trx: Transaction<SyncDatabase>,
  page: PreparedOrdersPage,
): Promise<WriteResult> {
  const { accountId, orderIds } = page;
  if (orderIds.length === 0) return { inserted: 0, updated: 0 };
  const res = await trx.executeQuery<{ order_id: string; inserted: boolean }>(
    prepared(CompiledQuery.raw(upsertPageSql(orderIds.length), [...page.params])),
  );
  let inserted = 0;
  const changed: string[] = [];
  const written = new Set<string>();
  for (const r of res.rows) {
    written.add(r.order_id);
    if (r.inserted) inserted += 1;
    else changed.push(r.order_id);
  }
  if (changed.length > 0)
    await trx.executeQuery(CompiledQuery.raw(deleteDroppedItems, [accountId, changed]));
  if (written.size < orderIds.length) {
    const unchanged = orderIds.filter((id) => !written.has(id));
    await trx.executeQuery(CompiledQuery.raw(touchUnchanged, [accountId, unchanged]));
  }
  return { inserted, updated: changed.length };
}

/** Stores getOrder's cancelStatus (with cancelRequests) for several orders in one statement. */
export async function saveCancelDetails(
  trx: Transaction<SyncDatabase>,
  accountId: string,
  rows: ReadonlyArray<{ order_id: string; details: unknown }>,
): Promise<void> {
  if (rows.length === 0) return;
  await trx.executeQuery(
    CompiledQuery.raw(
      `update ebay_orders o set cancel_details = x.details
       from jsonb_to_recordset($2::jsonb) as x(order_id text, details jsonb)
       where o.account_id = $1::uuid and o.order_id = x.order_id`,
      [accountId, JSON.stringify(rows.map((r) => ({ order_id: r.order_id, details: r.details ?? {} })))],
    ),
  );
}

/** Orders with a cancellation whose details have not been fetched (or went stale when the order changed). */
export async function ordersMissingCancelDetails(
  db: SyncDb,
  accountId: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('ebay_orders')
    .select('order_id')
    .where('account_id', '=', accountId)
    // Literal predicates, as in the partial index ebay_orders_missing_cancel_details (migration 0006).
    .where(sql<boolean>`cancel_details is null and cancel_state is not null and cancel_state <> 'NONE_REQUESTED'`)
    .limit(limit)
    .execute();
  return rows.map((r) => r.order_id);
}

/** Whether the account has any order stored (a first backfill has nothing to compare with). */
export async function hasStoredOrders(db: SyncDb, accountId: string): Promise<boolean> {
  const row = await db
    .selectFrom('ebay_orders')
    .select('order_id')
    .where('account_id', '=', accountId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Of `orders` (id and eBay's lastModifiedDate), those stored with the same lastModifiedDate and with their
 * cancellation details: eBay changes an order's lastModifiedDate whenever the order changes, its cancellation
 * included, so their stored details are current.
 */
export async function ordersWithCurrentCancelDetails(
  db: SyncDb,
  accountId: string,
  orders: ReadonlyArray<{ orderId: string; lastModifiedDate: string }>,
): Promise<Set<string>> {
  if (orders.length === 0) return new Set();
  const { rows } = await sql<{ order_id: string }>`
    select o.order_id from ebay_orders o
    join unnest(${orders.map((o) => o.orderId)}::text[], ${orders.map((o) => o.lastModifiedDate)}::timestamptz[])
      as p(order_id, modified) on o.order_id = p.order_id and o.modified_at_ebay = p.modified
    where o.account_id = ${accountId} and o.cancel_details is not null`.execute(db);
  return new Set(rows.map((r) => r.order_id));
}
