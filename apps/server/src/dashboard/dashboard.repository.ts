import { sql } from 'kysely';
import { awaitingShipment as awaiting, openDispute } from '../data/record-states';
import type { Db } from '../platform/database';

/**
 * SQL of the dashboard. Every query filters `account_id = any($ids)` first, so the `(account_id, <date> desc)`
 * indexes of 0003 serve the date ranges; the caller passes the ids of every account for the overall view.
 */

export interface AccountRow {
  id: string;
  label: string;
  username: string;
  status: 'active' | 'reauth_required' | 'revoked';
  expires_at: Date | null;
  refresh_expires_at: Date | null;
  last_refresh_error: string | null;
}

export async function findAccounts(db: Db, accountId: string | null): Promise<AccountRow[]> {
  let q = db
    .selectFrom('ebay_accounts as a')
    .leftJoin('ebay_tokens as t', 't.account_id', 'a.id')
    .select([
      'a.id',
      'a.label',
      'a.username',
      'a.status',
      't.expires_at',
      't.refresh_expires_at',
      't.last_refresh_error',
    ])
    .orderBy('a.created_at')
    .orderBy('a.id');
  if (accountId) q = q.where('a.id', '=', accountId);
  return q.execute();
}

export interface DayRow {
  day: string;
  currency: string;
  orders: number;
  revenue: string;
}

/** Orders and the sum of their totals per UTC day and currency since `from`. */
export async function ordersPerDay(db: Db, ids: string[], from: Date): Promise<DayRow[]> {
  const res = await sql<DayRow>`
    select to_char(date_trunc('day', created_at_ebay at time zone 'UTC'), 'YYYY-MM-DD') as day,
           coalesce(total_currency, '') as currency,
           count(*)::int as orders,
           coalesce(sum(total_value), 0)::text as revenue
    from ebay_orders
    where account_id = any(${ids}::uuid[]) and created_at_ebay >= ${from}
    group by 1, 2
    order by 1, 2`.execute(db);
  return res.rows;
}

export interface MoneyRow {
  currency: string;
  value: string;
  n: number;
}

/** Fees of finance transactions dated since `from`, per currency of the transaction amount. */
export async function feesSince(db: Db, ids: string[], from: Date): Promise<MoneyRow[]> {
  const res = await sql<MoneyRow>`
    select coalesce(amount_currency, '') as currency,
           coalesce(sum(total_fee_value), 0)::text as value,
           count(*)::int as n
    from ebay_finance_transactions
    where account_id = any(${ids}::uuid[]) and transaction_date >= ${from} and total_fee_value is not null
    group by 1
    order by 1`.execute(db);
  return res.rows;
}

export async function payoutsSince(db: Db, ids: string[], from: Date): Promise<MoneyRow[]> {
  const res = await sql<MoneyRow>`
    select coalesce(amount_currency, '') as currency,
           coalesce(sum(amount_value), 0)::text as value,
           count(*)::int as n
    from ebay_payouts
    where account_id = any(${ids}::uuid[]) and payout_date >= ${from}
    group by 1
    order by 1`.execute(db);
  return res.rows;
}

export async function lastPayout(db: Db, ids: string[]) {
  return db
    .selectFrom('ebay_payouts')
    .select(['payout_id', 'payout_date', 'payout_status', 'amount_value', 'amount_currency'])
    .where('account_id', 'in', ids)
    .orderBy('payout_date', 'desc')
    .orderBy('payout_id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Orders awaiting shipment, of any date (the orders list's `awaitingShipment=true` selects the same ones). */
export async function awaitingShipment(db: Db, ids: string[]): Promise<number> {
  const res = await sql<{ n: number }>`
    select count(*)::int as n from ebay_orders o
    where o.account_id = any(${ids}::uuid[]) and ${awaiting('o')}`.execute(db);
  return res.rows[0]?.n ?? 0;
}

/** Disputes not closed (the disputes list's `open=true`). */
export async function openDisputes(db: Db, ids: string[]): Promise<number> {
  const res = await sql<{ n: number }>`
    select count(*)::int as n from ebay_disputes d
    where d.account_id = any(${ids}::uuid[]) and ${openDispute('d')}`.execute(db);
  return res.rows[0]?.n ?? 0;
}

/**
 * Unread messages: the sum of the conversations' unread counts, so the dashboard and the conversation list agree
 * (a message whose read state eBay did not report counts as unread in both).
 */
export async function unreadMessages(db: Db, ids: string[]): Promise<number> {
  const res = await sql<{ n: number }>`
    select coalesce(sum(unread), 0)::int as n from ebay_message_threads
    where account_id = any(${ids}::uuid[])`.execute(db);
  return res.rows[0]?.n ?? 0;
}

export interface LastRunRow {
  id: string;
  account_id: string;
  resource: string;
  status: string;
  started_at: Date | null;
  finished_at: Date | null;
  error_code: string | null;
}

/** The newest run of each account and resource (one index probe each via `sync_runs_account_resource`). */
export async function lastRunPerResource(db: Db, ids: string[]): Promise<LastRunRow[]> {
  const res = await sql<LastRunRow>`
    select r.id, r.account_id, r.resource, r.status, r.started_at, r.finished_at, r.error_code
    from unnest(${ids}::uuid[]) as a(id)
    cross join unnest(array['orders','finances','payouts','disputes','messages','inventory','offers','purchases']) as k(resource)
    cross join lateral (
      select * from sync_runs s
      where s.account_id = a.id and s.resource = k.resource
      order by s.created_at desc limit 1
    ) r
    order by r.account_id, r.resource`.execute(db);
  return res.rows;
}
