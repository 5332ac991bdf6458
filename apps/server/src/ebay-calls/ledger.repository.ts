import { sql, type Insertable, type Selectable } from 'kysely';
import type { EbayCall, EbayCallDetail } from '@ebay-connector/contract';
import type { Db } from '../platform/database';
import type { EbayCallsTable } from './ebay-calls.tables';

export type LedgerRow = Selectable<EbayCallsTable>;
export type NewLedgerRow = Insertable<EbayCallsTable>;

export interface LedgerQuery {
  limit: number;
  /** Rows with an id below this (keyset pagination, newest first). */
  beforeId?: string | undefined;
  accountId?: string | undefined;
  status?: string | undefined;
  /** Our request id, the correlation id or eBay's request id. */
  requestId?: string | undefined;
  runId?: string | undefined;
}

export function toCall(row: LedgerRow): EbayCall {
  return {
    id: String(row.id),
    createdAt: row.created_at.toISOString(),
    accountId: row.account_id,
    runId: row.run_id,
    requestId: row.request_id,
    correlationId: row.correlation_id,
    ebayRequestId: row.ebay_request_id,
    api: row.api,
    operation: row.operation,
    method: row.method,
    url: row.url,
    status: row.status,
    durationMs: row.duration_ms,
    attempt: row.attempt,
    ebayErrorId: row.ebay_error_id,
    errorKind: row.error_kind,
  };
}

export function toCallDetail(row: LedgerRow): EbayCallDetail {
  return { ...toCall(row), requestBody: row.request_body, responseBody: row.response_body };
}

const LEDGER_INPUT_COLUMNS = `n integer, created_at timestamptz, account_id uuid, run_id uuid, request_id text,
  correlation_id text, ebay_request_id text, api text, operation text, method text, url text, status integer,
  duration_ms integer, attempt integer, ebay_error_id integer, error_kind text, request_body text, response_body text`;

/**
 * Inserts several ledger rows in one statement; returned in insertion order. Rows of a purged account are left
 * out: a call in flight when its account was purged is not recorded after the purge. The statement share-locks the
 * accounts' rows, so it waits for a purge under way (which locks the row first) and then sees it; a purge that
 * starts later waits for this statement and deletes its rows.
 */
export async function insertLedgerRows(db: Db, rows: readonly NewLedgerRow[]): Promise<LedgerRow[]> {
  if (rows.length === 0) return [];
  const input = rows.map((r, n) => ({ n, attempt: 1, ...r }));
  const result = await sql<LedgerRow>`
    with ${purgedAccounts(rows.map((r) => r.account_id))}
    insert into ebay_calls (created_at, account_id, run_id, request_id, correlation_id, ebay_request_id, api,
      operation, method, url, status, duration_ms, attempt, ebay_error_id, error_kind, request_body, response_body)
    select created_at, account_id, run_id, request_id, correlation_id, ebay_request_id, api, operation, method, url,
      status, duration_ms, attempt, ebay_error_id, error_kind, request_body, response_body
    from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as x(${sql.raw(LEDGER_INPUT_COLUMNS)})
    where x.account_id is null or x.account_id not in (select id from purged)
    order by n
    returning *`.execute(db);
  return result.rows.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
}

/**
 * The `purged` common table expression: those of `accountIds` that are purged. It share-locks every one of the
 * accounts' rows for the rest of the statement (a row is locked, and a concurrent purge waited for, before its
 * `purged_at` is read), which is what orders a ledger or event write against a purge. Also used for events.
 */
export function purgedAccounts(accountIds: readonly (string | null | undefined)[]) {
  const ids = [...new Set(accountIds.filter((a): a is string => typeof a === 'string'))];
  return sql`locked_accounts as (
      select id, purged_at from ebay_accounts where id = any(${ids}::uuid[]) for share
    ), purged as (select id from locked_accounts where purged_at is not null)`;
}

const LIST_COLUMNS = [
  'id',
  'created_at',
  'account_id',
  'run_id',
  'request_id',
  'correlation_id',
  'ebay_request_id',
  'api',
  'operation',
  'method',
  'url',
  'status',
  'duration_ms',
  'attempt',
  'ebay_error_id',
  'error_kind',
] as const;

/** Newest first, without bodies; fetches `limit + 1` so the caller knows whether another page exists. */
export async function listLedgerRows(db: Db, q: LedgerQuery): Promise<EbayCall[]> {
  let query = db.selectFrom('ebay_calls').select(LIST_COLUMNS);
  if (q.beforeId) query = query.where('id', '<', q.beforeId);
  if (q.accountId) query = query.where('account_id', '=', q.accountId);
  const anyId = q.requestId;
  if (anyId) {
    query = query.where((eb) =>
      eb.or([eb('request_id', '=', anyId), eb('correlation_id', '=', anyId), eb('ebay_request_id', '=', anyId)]),
    );
  }
  if (q.runId) query = query.where('run_id', '=', q.runId);
  if (q.status === 'error') query = query.where('status', 'is', null);
  else if (q.status && q.status.endsWith('xx')) {
    const low = Number(q.status[0]) * 100;
    query = query.where('status', '>=', low).where('status', '<', low + 100);
  } else if (q.status) query = query.where('status', '=', Number(q.status));
  const rows = await query.orderBy('id', 'desc').limit(q.limit + 1).execute();
  return rows.map((r) => toCall({ ...r, request_body: null, response_body: null }));
}

export async function getLedgerRow(db: Db, id: string): Promise<LedgerRow | undefined> {
  return db.selectFrom('ebay_calls').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Retention: deletes rows older than `cutoff` in batches so a big backlog never holds a long lock. */
/** Tags the calls one request made before the account existed (the connect flow) with that account. */
export async function assignCallsToAccount(db: Db, requestId: string, accountId: string): Promise<number> {
  const result = await db
    .updateTable('ebay_calls')
    .set({ account_id: accountId })
    .where('request_id', '=', requestId)
    .where('account_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteLedgerRowsBefore(db: Db, cutoff: Date, batchSize = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await sql<{ n: string }>`
      WITH doomed AS (SELECT id FROM ebay_calls WHERE created_at < ${cutoff} ORDER BY id LIMIT ${batchSize})
      DELETE FROM ebay_calls WHERE id IN (SELECT id FROM doomed)
    `.execute(db);
    const n = Number(result.numAffectedRows ?? 0n);
    total += n;
    if (n < batchSize) return total;
  }
}

/** What a stored request or response body becomes when it named an eBay user who deleted their account. */
export const FORGOTTEN_BODY = '[removed: it named an eBay user who deleted their account]';

/**
 * Marketplace account deletion: replaces `needle` (the username) in call URLs and drops the request and response
 * bodies that contain it, since those also hold the user's other personal data next to the name (full name,
 * address, phone and email in an order). Returns rows changed.
 */
export async function forgetUserInLedger(db: Db, needle: string, replacement: string): Promise<number> {
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const forget = (column: 'request_body' | 'response_body') =>
    sql<string | null>`case when ${sql.ref(column)} like ${pattern} then ${FORGOTTEN_BODY} else ${sql.ref(column)} end`;
  const result = await db
    .updateTable('ebay_calls')
    .set((eb) => ({
      request_body: forget('request_body'),
      response_body: forget('response_body'),
      url: eb.fn('replace', [eb.ref('url'), eb.val(needle), eb.val(replacement)]),
    }))
    .where((eb) =>
      eb.or([eb('request_body', 'like', pattern), eb('response_body', 'like', pattern), eb('url', 'like', pattern)]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
