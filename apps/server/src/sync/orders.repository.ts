import { CompiledQuery, sql, type Transaction } from 'kysely';
import type { EbayOrder } from './ebay-port';
import { amount, currency } from './money';
import type { SyncDatabase, SyncDb } from './sync-db';
import type { WriteResult } from './syncer';

/**
 * One page of orders and their line items in one statement. An order whose raw payload is unchanged is not
 * rewritten (only `last_seen_at` is bumped, by `touchUnchanged`); a new or changed order is returned, and its line
 * items are upserted from the same input. getOrder's cancellation details stay valid only while the order is
 * unchanged, so a changed order loses them (they are fetched again).
 */
const upsertPage = `
  with input as (
    select * from jsonb_to_recordset($2::jsonb) as x(order_id text, created_at_ebay timestamptz,
      modified_at_ebay timestamptz, fulfillment_status text, payment_status text, buyer_username text,
      total_value numeric, total_currency text, cancel_state text, line_item_count integer, search_text text,
      raw jsonb, items jsonb)
  ),
  up as (
    insert into ebay_orders as t (account_id, order_id, created_at_ebay, modified_at_ebay, fulfillment_status,
      payment_status, buyer_username, total_value, total_currency, cancel_state, line_item_count, search_text, raw,
      first_seen_at, last_seen_at)
    select $1::uuid, order_id, created_at_ebay, modified_at_ebay, fulfillment_status, payment_status,
      buyer_username, total_value, total_currency, cancel_state, line_item_count, search_text, raw, now(), now()
    from input
    on conflict (account_id, order_id) do update set
      created_at_ebay = excluded.created_at_ebay, modified_at_ebay = excluded.modified_at_ebay,
      fulfillment_status = excluded.fulfillment_status, payment_status = excluded.payment_status,
      buyer_username = excluded.buyer_username, total_value = excluded.total_value,
      total_currency = excluded.total_currency, cancel_state = excluded.cancel_state,
      line_item_count = excluded.line_item_count, search_text = excluded.search_text, raw = excluded.raw,
      cancel_details = null, last_seen_at = now()
    where t.raw is distinct from excluded.raw
    returning order_id, (xmax = 0) as inserted
  ),
  items as (
    insert into ebay_order_line_items as li (account_id, order_id, line_item_id, sku, title, legacy_item_id,
      quantity, total_value, total_currency, fulfillment_status)
    select $1::uuid, up.order_id, x.line_item_id, x.sku, x.title, x.legacy_item_id, x.quantity, x.total_value,
      x.total_currency, x.fulfillment_status
    from up join input i using (order_id),
      jsonb_to_recordset(i.items) as x(line_item_id text, sku text, title text, legacy_item_id text,
        quantity integer, total_value numeric, total_currency text, fulfillment_status text)
    on conflict (account_id, order_id, line_item_id) do update set
      sku = excluded.sku, title = excluded.title, legacy_item_id = excluded.legacy_item_id,
      quantity = excluded.quantity, total_value = excluded.total_value, total_currency = excluded.total_currency,
      fulfillment_status = excluded.fulfillment_status
  )
  select order_id, inserted from up`;

/** Line items an order no longer has (after it changed on eBay). */
const deleteDroppedItems = `
  delete from ebay_order_line_items li
  using ebay_orders o
  where li.account_id = $1::uuid and li.order_id = any($2::text[])
    and o.account_id = li.account_id and o.order_id = li.order_id
    and not coalesce(o.raw->'lineItems', '[]'::jsonb) @> jsonb_build_array(jsonb_build_object('lineItemId', li.line_item_id))`;

const touchUnchanged = `
  update ebay_orders set last_seen_at = now()
  where account_id = $1::uuid and order_id = any($2::text[])`;

function orderRow(o: EbayOrder): Record<string, unknown> {
  const lineItems = o.lineItems ?? [];
  const titles = lineItems.map((li) => li.title ?? '').join(' ');
  return {
    order_id: o.orderId,
    created_at_ebay: o.creationDate,
    modified_at_ebay: o.lastModifiedDate,
    fulfillment_status: o.orderFulfillmentStatus ?? null,
    payment_status: o.orderPaymentStatus ?? null,
    buyer_username: o.buyer?.username ?? null,
    total_value: amount(o.pricingSummary?.total),
    total_currency: currency(o.pricingSummary?.total),
    cancel_state: o.cancelStatus?.cancelState ?? null,
    line_item_count: lineItems.length,
    search_text: `${o.orderId} ${titles}`.toLowerCase(),
    raw: o,
    items: lineItems.map((li) => ({
      line_item_id: li.lineItemId,
      sku: li.sku ?? null,
      title: li.title ?? null,
      legacy_item_id: li.legacyItemId ?? null,
      quantity: li.quantity ?? null,
      total_value: amount(li.total),
      total_currency: currency(li.total),
      fulfillment_status: li.lineItemFulfillmentStatus ?? null,
    })),
  };
}

/**
 * Upserts a page of orders with their line items, keyed by order id within the account (the last occurrence of an
 * id in the page wins). Counts an order as updated only when its raw payload changed.
 */
export async function upsertOrders(
  trx: Transaction<SyncDatabase>,
  accountId: string,
  orders: readonly EbayOrder[],
): Promise<WriteResult> {
  if (orders.length === 0) return { inserted: 0, updated: 0 };
  const unique = new Map<string, EbayOrder>();
  for (const o of orders) unique.set(o.orderId, o);
  const res = await trx.executeQuery<{ order_id: string; inserted: boolean }>(
    CompiledQuery.raw(upsertPage, [accountId, JSON.stringify([...unique.values()].map(orderRow))]),
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
  if (written.size < unique.size) {
    const unchanged = [...unique.keys()].filter((id) => !written.has(id));
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
