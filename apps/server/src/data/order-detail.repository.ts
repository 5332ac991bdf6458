import { CompiledQuery, sql, type InferResult, type Selectable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { prepared } from '../platform/prepared-statements';
import type { EbayOrdersTable } from '../sync/sync.tables';
import type { SyncDb } from '../sync/sync-db';
import { isoTimestamp } from './list-engine';

/**
 * Rows inside the JSON arrays keep the types the separate queries gave: timestamps as `toISOString()` text,
 * numeric amounts as decimal strings (`json_agg` alone would turn them into JSON numbers).
 */
const iso = (column: string) => sql<string>`${sql.raw(isoTimestamp(column))}`;
const isoOrNull = (column: string) => sql<string | null>`${sql.raw(isoTimestamp(column))}`;
const decimal = (column: string) => sql<string | null>`${sql.raw(column)}::text`;

export interface OrderDetail {
  order: Selectable<EbayOrdersTable>;
  lineItems: unknown[];
  transactions: unknown[];
  payouts: unknown[];
  disputes: unknown[];
}

function detailQuery(db: SyncDb, orderId: string, accountId: string | undefined) {
  let query = db
    .selectFrom('ebay_orders as o')
    .selectAll('o')
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('ebay_order_line_items as li')
          .select([
            'li.account_id',
            'li.order_id',
            'li.line_item_id',
            'li.sku',
            'li.title',
            'li.legacy_item_id',
            'li.quantity',
            decimal('li.total_value').as('total_value'),
            'li.total_currency',
            'li.fulfillment_status',
          ])
          .whereRef('li.account_id', '=', 'o.account_id')
          .whereRef('li.order_id', '=', 'o.order_id')
          .orderBy('li.line_item_id'),
      ).as('__line_items'),
      jsonArrayFrom(
        eb
          .selectFrom('ebay_finance_transactions as t')
          .select([
            't.transaction_id',
            't.transaction_type',
            't.transaction_status',
            iso('t.transaction_date').as('transaction_date'),
            decimal('t.amount_value').as('amount_value'),
            't.amount_currency',
            't.payout_id',
            decimal('t.total_fee_value').as('total_fee_value'),
          ])
          .whereRef('t.account_id', '=', 'o.account_id')
          .whereRef('t.order_id', '=', 'o.order_id')
          .orderBy('t.transaction_date'),
      ).as('__transactions'),
      jsonArrayFrom(
        eb
          .selectFrom('ebay_payouts as p')
          .select([
            'p.payout_id',
            'p.payout_status',
            iso('p.payout_date').as('payout_date'),
            decimal('p.amount_value').as('amount_value'),
            'p.amount_currency',
          ])
          .whereRef('p.account_id', '=', 'o.account_id')
          .where('p.payout_id', 'in', (sub) =>
            sub
              .selectFrom('ebay_finance_transactions as pt')
              .select('pt.payout_id')
              .whereRef('pt.account_id', '=', 'o.account_id')
              .whereRef('pt.order_id', '=', 'o.order_id'),
          )
          .orderBy('p.payout_date')
          .orderBy('p.payout_id'),
      ).as('__payouts'),
      jsonArrayFrom(
        eb
          .selectFrom('ebay_disputes as d')
          .select([
            'd.payment_dispute_id',
            'd.dispute_status',
            'd.reason',
            iso('d.open_date').as('open_date'),
            isoOrNull('d.closed_date').as('closed_date'),
            decimal('d.amount_value').as('amount_value'),
            'd.amount_currency',
          ])
          .whereRef('d.account_id', '=', 'o.account_id')
          .whereRef('d.order_id', '=', 'o.order_id')
          .orderBy('d.open_date')
          .orderBy('d.payment_dispute_id'),
      ).as('__disputes'),
    ])
    .where('o.order_id', '=', orderId);
  if (accountId) query = query.where('o.account_id', '=', accountId);
  return query.limit(1);
}

type DetailRow = InferResult<ReturnType<typeof detailQuery>>[number];

// Placeholders the statement is compiled with once, replaced by the request's values on every call.
const ORDER_ID = '\u0000order-id';
const ACCOUNT_ID = '\u0000account-id';

/**
 * Reads an order with its line items, finance transactions, their payouts and its payment disputes, in one
 * statement (one round trip instead of four or five), as a prepared statement. Without `accountId` the first
 * account that has the id answers. The SQL is built once per shape (with and without `accountId`): building it
 * with the query builder took longer than Postgres takes to run it.
 */
export function orderDetailReader(
  db: SyncDb,
): (orderId: string, accountId?: string) => Promise<OrderDetail | undefined> {
  const withAccount = prepared(detailQuery(db, ORDER_ID, ACCOUNT_ID).compile());
  const withoutAccount = prepared(detailQuery(db, ORDER_ID, undefined).compile());
  return async (orderId, accountId) => {
    const template = accountId ? withAccount : withoutAccount;
    const parameters = template.parameters.map((p) =>
      p === ORDER_ID ? orderId : p === ACCOUNT_ID ? accountId : p,
    );
    const { rows } = await db.executeQuery(
      CompiledQuery.raw(template.sql, parameters) as CompiledQuery<DetailRow>,
    );
    const row = rows[0];
    if (!row) return undefined;
    const { __line_items, __transactions, __payouts, __disputes, ...order } = row;
    return {
      order,
      lineItems: __line_items,
      transactions: __transactions,
      payouts: __payouts,
      disputes: __disputes,
    };
  };
}

/** `orderDetailReader(db)` for a single read. */
export function findOrderDetail(
  db: SyncDb,
  orderId: string,
  accountId?: string,
): Promise<OrderDetail | undefined> {
  return orderDetailReader(db)(orderId, accountId);
}
