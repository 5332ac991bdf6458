import { CompiledQuery, type Transaction } from 'kysely';
import type { EbayOrder } from './ebay-port';
import { amount, currency } from './money';
import { bulkUpsert, type UpsertSpec } from './bulk-upsert';
import type { SyncDatabase, SyncDb } from './sync-db';
import type { WriteResult } from './syncer';

const orderSpec: UpsertSpec = {
  table: 'ebay_orders',
  keys: ['order_id'],
  columns: [
    ['order_id', 'text'],
    ['created_at_ebay', 'timestamptz'],
    ['modified_at_ebay', 'timestamptz'],
    ['fulfillment_status', 'text'],
    ['payment_status', 'text'],
    ['buyer_username', 'text'],
    ['total_value', 'numeric'],
    ['total_currency', 'text'],
    ['cancel_state', 'text'],
    ['line_item_count', 'integer'],
    ['search_text', 'text'],
    ['raw', 'jsonb'],
  ],
  // getOrder's cancellation details stay valid only while the order is unchanged.
  extraUpdates: [
    'cancel_details = case when ebay_orders.raw = excluded.raw then ebay_orders.cancel_details else null end',
  ],
};

const insertLineItems = `
  insert into ebay_order_line_items
    (account_id, order_id, line_item_id, sku, title, legacy_item_id, quantity, total_value, total_currency, fulfillment_status)
  select $1::uuid, order_id, line_item_id, sku, title, legacy_item_id, quantity, total_value, total_currency, fulfillment_status
  from jsonb_to_recordset($2::jsonb) as x(order_id text, line_item_id text, sku text, title text, legacy_item_id text,
    quantity integer, total_value numeric, total_currency text, fulfillment_status text)
  on conflict (account_id, order_id, line_item_id) do nothing`;

function orderRow(o: EbayOrder): Record<string, unknown> {
  const titles = (o.lineItems ?? []).map((li) => li.title ?? '').join(' ');
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
    line_item_count: o.lineItems?.length ?? 0,
    search_text: `${o.orderId} ${titles}`.toLowerCase(),
    raw: o,
  };
}

/** Upserts a page of orders; line items of new or changed orders are replaced. */
export async function upsertOrders(
  trx: Transaction<SyncDatabase>,
  accountId: string,
  orders: readonly EbayOrder[],
): Promise<WriteResult> {
  const outcome = await bulkUpsert(trx, orderSpec, accountId, orders.map(orderRow));
  if (outcome.touched.length === 0) return outcome;
  const touchedIds = new Set(outcome.touched.map((k) => k[0]));
  if (outcome.updated > 0) {
    await trx.executeQuery(
      CompiledQuery.raw(
        'delete from ebay_order_line_items where account_id = $1::uuid and order_id = any($2::text[])',
        [accountId, [...touchedIds]],
      ),
    );
  }
  const items = orders
    .filter((o) => touchedIds.has(o.orderId))
    .flatMap((o) =>
      (o.lineItems ?? []).map((li) => ({
        order_id: o.orderId,
        line_item_id: li.lineItemId,
        sku: li.sku ?? null,
        title: li.title ?? null,
        legacy_item_id: li.legacyItemId ?? null,
        quantity: li.quantity ?? null,
        total_value: amount(li.total),
        total_currency: currency(li.total),
        fulfillment_status: li.lineItemFulfillmentStatus ?? null,
      })),
    );
  if (items.length > 0)
    await trx.executeQuery(CompiledQuery.raw(insertLineItems, [accountId, JSON.stringify(items)]));
  return { inserted: outcome.inserted, updated: outcome.updated };
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
    .where('cancel_state', 'is not', null)
    .where('cancel_state', '<>', 'NONE_REQUESTED')
    .where('cancel_details', 'is', null)
    .limit(limit)
    .execute();
  return rows.map((r) => r.order_id);
}
