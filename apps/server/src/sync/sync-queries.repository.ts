import { sql } from 'kysely';
import { decodeCursor, encodeCursor } from '../data/cursor';
import type { RunStatus, SyncResource } from './resources';
import type { SyncDb } from './sync-db';
import type { SyncRunRow } from './sync-runs.repository';

export async function listRuns(
  db: SyncDb,
  q: {
    accountId?: string | undefined;
    resource?: SyncResource | undefined;
    status?: RunStatus | undefined;
    mode?: 'full' | 'incremental' | undefined;
    trigger?: 'manual' | 'schedule' | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<{ rows: SyncRunRow[]; nextCursor: string | null }> {
  let query = db
    .selectFrom('sync_runs')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1);
  if (q.accountId) query = query.where('account_id', '=', q.accountId);
  if (q.resource) query = query.where('resource', '=', q.resource);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.mode) query = query.where('mode', '=', q.mode);
  if (q.trigger) query = query.where('trigger', '=', q.trigger);
  const after = decodeCursor(q.cursor, ['timestamp', 'uuid']);
  if (after) {
    const [createdAt, id] = after as [string, string];
    query = query.where(sql<boolean>`(created_at, id) < (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  const rows = await query.execute();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
  };
}

const countTables: Record<SyncResource, string> = {
  orders: 'ebay_orders',
  finances: 'ebay_finance_transactions',
  payouts: 'ebay_payouts',
  disputes: 'ebay_disputes',
  messages: 'ebay_messages',
  inventory: 'ebay_inventory_items',
  offers: 'ebay_offers',
  purchases: 'ebay_purchases',
};

/** Records stored per account for one resource. */
export async function recordCounts(
  db: SyncDb,
  resource: SyncResource,
  accountIds: string[],
): Promise<Map<string, number>> {
  if (accountIds.length === 0) return new Map();
  const res = await sql<{ account_id: string; n: string }>`
    select account_id, count(*)::text as n from ${sql.table(countTables[resource])}
    where account_id = any(${accountIds}::uuid[]) group by account_id`.execute(db);
  return new Map(res.rows.map((r) => [r.account_id, Number(r.n)]));
}

/** The newest run per account and resource. */
export async function lastRuns(db: SyncDb, accountIds: string[]): Promise<SyncRunRow[]> {
  if (accountIds.length === 0) return [];
  const res = await sql<SyncRunRow>`
    select distinct on (account_id, resource) * from sync_runs
    where account_id = any(${accountIds}::uuid[])
    order by account_id, resource, created_at desc`.execute(db);
  return res.rows;
}
