import { sql } from 'kysely';
import type { EbayEvent } from '@ebay-connector/contract';
import type { Db } from '../platform/database';
import type { EbayEventsTable } from './ebay-calls.tables';
import { purgedAccounts } from './ledger.repository';
import type { Selectable } from 'kysely';

export interface NewEvent {
  type: string;
  accountId?: string | null | undefined;
  runId?: string | null | undefined;
  data: Record<string, unknown>;
}

export interface EventFilter {
  accountId?: string | undefined;
  runId?: string | undefined;
  types?: readonly string[] | undefined;
}

export function toEvent(row: Selectable<EbayEventsTable>): EbayEvent {
  return {
    id: String(row.id),
    type: row.type,
    createdAt: row.created_at.toISOString(),
    accountId: row.account_id,
    runId: row.run_id,
    data: row.data,
  };
}

/** Inserts the event and notifies `channel` with its id (the notify fires on commit); `null` when left out. */
export async function insertEventAndNotify(db: Db, channel: string, event: NewEvent): Promise<EbayEvent | null> {
  const [inserted] = await insertEventsAndNotify(db, channel, [event]);
  return inserted ?? null;
}

/**
 * Inserts several events in one statement, each notified with its id on commit; returned in insertion order. The
 * events of a purged account are left out.
 */
export async function insertEventsAndNotify(
  db: Db,
  channel: string,
  events: readonly NewEvent[],
): Promise<EbayEvent[]> {
  if (events.length === 0) return [];
  const input = events.map((e, i) => ({
    n: i,
    type: e.type,
    account_id: e.accountId ?? null,
    run_id: e.runId ?? null,
    data: e.data,
  }));
  // Events of a purged account are left out, like its eBay calls (see insertLedgerRows).
  const result = await sql<Selectable<EbayEventsTable>>`
    WITH ${purgedAccounts(input.map((e) => e.account_id))}, inserted AS (
      INSERT INTO ebay_events (type, account_id, run_id, data)
      SELECT type, account_id, run_id, data
      FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
        AS x(n integer, type text, account_id uuid, run_id uuid, data jsonb)
      WHERE x.account_id IS NULL OR x.account_id NOT IN (SELECT id FROM purged)
      ORDER BY n
      RETURNING *
    )
    SELECT inserted.*, pg_notify(${channel}, inserted.id::text) AS notified FROM inserted ORDER BY id
  `.execute(db);
  return result.rows.map(toEvent);
}

export async function listEventsAfter(db: Db, afterId: string, filter: EventFilter, limit: number): Promise<EbayEvent[]> {
  let q = db.selectFrom('ebay_events').selectAll().where('id', '>', afterId);
  if (filter.accountId) q = q.where('account_id', '=', filter.accountId);
  if (filter.runId) q = q.where('run_id', '=', filter.runId);
  if (filter.types && filter.types.length > 0) q = q.where('type', 'in', [...filter.types]);
  const rows = await q.orderBy('id', 'asc').limit(limit).execute();
  return rows.map(toEvent);
}

/** The newest `limit` stored events that match `filter`, oldest first (a view that starts from recent history). */
export async function listLatestEvents(db: Db, filter: EventFilter, limit: number): Promise<EbayEvent[]> {
  let q = db.selectFrom('ebay_events').selectAll();
  if (filter.accountId) q = q.where('account_id', '=', filter.accountId);
  if (filter.runId) q = q.where('run_id', '=', filter.runId);
  if (filter.types && filter.types.length > 0) q = q.where('type', 'in', [...filter.types]);
  const rows = await q.orderBy('id', 'desc').limit(limit).execute();
  return rows.reverse().map(toEvent);
}

export async function getEventsByIds(db: Db, ids: readonly string[]): Promise<EbayEvent[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('ebay_events').selectAll().where('id', 'in', [...ids]).orderBy('id').execute();
  return rows.map(toEvent);
}

export async function latestEventId(db: Db): Promise<string> {
  const row = await db
    .selectFrom('ebay_events')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst();
  return row?.max == null ? '0' : String(row.max);
}

export async function deleteEventsBefore(db: Db, cutoff: Date): Promise<number> {
  const result = await db.deleteFrom('ebay_events').where('created_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function matchesFilter(event: EbayEvent, filter: EventFilter): boolean {
  if (filter.accountId && event.accountId !== filter.accountId) return false;
  if (filter.runId && event.runId !== filter.runId) return false;
  if (filter.types && filter.types.length > 0 && !filter.types.includes(event.type)) return false;
  return true;
}
