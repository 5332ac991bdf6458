import { sql, type Transaction } from 'kysely';
import { RunStopped } from './errors';
import type { SyncDatabase, SyncDb } from './sync-db';
import type { RunStatus, SyncMode, SyncResource, SyncTrigger } from './resources';
import type { SyncRunsTable, SyncTables } from './sync.tables';
import type { Selectable } from 'kysely';

export type SyncRunRow = Selectable<SyncRunsTable>;
export type DbOrTrx = SyncDb | Transaction<SyncDatabase>;

export interface NewRun {
  accountId: string;
  resource: SyncResource;
  mode: SyncMode;
  trigger: SyncTrigger;
  since: Date | null;
  until: Date | null;
  correlationId: string | null;
  requestedBy: string | null;
  checkpoint: Record<string, unknown>;
  resumedFrom: string | null;
}

export type CreateRunResult = { created: true; run: SyncRunRow } | { created: false; activeRunId: string };

/** Inserts a queued run; when one is already active for the account and resource, returns its id instead. */
export async function createRun(db: DbOrTrx, run: NewRun): Promise<CreateRunResult> {
  const inserted = await db
    .insertInto('sync_runs')
    .values({
      account_id: run.accountId,
      resource: run.resource,
      mode: run.mode,
      trigger: run.trigger,
      since: run.since,
      until: run.until,
      correlation_id: run.correlationId,
      requested_by: run.requestedBy,
      checkpoint: JSON.stringify(run.checkpoint),
      resumed_from: run.resumedFrom,
    })
    .onConflict((oc) =>
      oc.columns(['account_id', 'resource']).where('status', 'in', ['queued', 'running']).doNothing(),
    )
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { created: true, run: inserted };
  const active = await db
    .selectFrom('sync_runs')
    .select('id')
    .where('account_id', '=', run.accountId)
    .where('resource', '=', run.resource)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  if (active) return { created: false, activeRunId: active.id };
  // The active run finished between the two statements: try once more.
  return createRun(db, run);
}

export async function findRun(db: DbOrTrx, id: string): Promise<SyncRunRow | undefined> {
  return db.selectFrom('sync_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Takes a queued run (or one this worker is retrying) and marks it running. */
export async function claimRun(db: DbOrTrx, id: string, workerId: string): Promise<SyncRunRow | undefined> {
  return db
    .updateTable('sync_runs')
    .set({
      status: 'running',
      worker_id: workerId,
      started_at: sql<Date>`coalesce(started_at, now())`,
      heartbeat_at: sql<Date>`now()`,
      attempts: sql<number>`attempts + 1`,
      // A run taken up again after a queue retry no longer waits for it.
      error_code: sql<string | null>`case when error_code = 'retry_pending' then null else error_code end`,
      error_message: sql<string | null>`case when error_code = 'retry_pending' then null else error_message end`,
    })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'queued'),
        eb.and([eb('status', '=', 'running'), eb('worker_id', '=', workerId)]),
      ]),
    )
    .where('cancel_requested_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Refreshes the heartbeat; returns whether a stop was requested (or the run was taken away, e.g. by the sweeper). */
export async function heartbeat(
  db: DbOrTrx,
  id: string,
  workerId: string,
): Promise<{ stop: boolean; reason: 'cancel' | 'lost' | null }> {
  const row = await db
    .updateTable('sync_runs')
    .set({ heartbeat_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('worker_id', '=', workerId)
    .returning(['cancel_requested_at'])
    .executeTakeFirst();
  if (!row) return { stop: true, reason: 'lost' };
  return row.cancel_requested_at ? { stop: true, reason: 'cancel' } : { stop: false, reason: null };
}

export interface PageCounters {
  calls: number;
  pages: number;
  fetched: number;
  inserted: number;
  updated: number;
}

/**
 * Adds one page's counters and checkpoint changes. Runs inside the page's transaction, last, so the row lock is
 * held briefly. `done` keys are appended atomically, so pages finishing concurrently never lose each other.
 * Throws `RunStopped('lost')` when the run is no longer running (its account was purged, or the sweeper handed it
 * to a resuming run): the page's transaction rolls back instead of writing rows nothing accounts for.
 * The progress total only grows within a run: pages commit concurrently (up to three writers), and a windowed
 * syncer's total is the sum of the windows known when each page was handed over, so a commit may arrive with an
 * older, smaller sum (`greatest` ignores a null: no total given keeps the stored one).
 */
export async function recordPage(
  trx: Transaction<SyncDatabase>,
  id: string,
  counters: PageCounters,
  checkpoint: { done?: string[]; set?: Record<string, unknown> },
  total: number | null,
): Promise<void> {
  const done = JSON.stringify(checkpoint.done ?? []);
  const set = JSON.stringify(checkpoint.set ?? {});
  const res = await sql<{ id: string }>`
    update sync_runs set
      calls = calls + ${counters.calls},
      pages = pages + ${counters.pages},
      records_fetched = records_fetched + ${counters.fetched},
      records_inserted = records_inserted + ${counters.inserted},
      records_updated = records_updated + ${counters.updated},
      total = greatest(${total}::integer, total),
      heartbeat_at = now(),
      checkpoint = (checkpoint || ${set}::jsonb)
        || jsonb_build_object('done', coalesce(checkpoint->'done', '[]'::jsonb) || ${done}::jsonb)
    where id = ${id} and status = 'running'
    returning id`.execute(trx);
  if (res.rows.length === 0) throw new RunStopped('lost');
}

export async function addCalls(db: DbOrTrx, id: string, calls: number, total: number | null): Promise<void> {
  await sql`update sync_runs set calls = calls + ${calls}, total = greatest(${total}::integer, total) where id = ${id}`.execute(
    db,
  );
}

/** Ends a queued or running run; false when it had already ended (or is gone). */
export async function finishRun(
  db: DbOrTrx,
  id: string,
  status: Extract<RunStatus, 'succeeded' | 'failed' | 'cancelled' | 'interrupted'>,
  error: { code: string; message: string } | null,
): Promise<boolean> {
  const res = await db
    .updateTable('sync_runs')
    .set({
      status,
      finished_at: sql<Date>`now()`,
      error_code: error?.code ?? null,
      error_message: error?.message.slice(0, 2000) ?? null,
    })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** The run that continues `from` at its checkpoint (queued; null when another run is already active). */
export async function createResumingRun(db: DbOrTrx, from: SyncRunRow): Promise<string | null> {
  const created = await createRun(db, {
    accountId: from.account_id,
    resource: from.resource,
    mode: from.mode,
    trigger: from.trigger,
    since: from.since,
    until: from.until,
    correlationId: from.correlation_id,
    requestedBy: from.requested_by,
    checkpoint: from.checkpoint,
    resumedFrom: from.id,
  });
  return created.created ? created.run.id : null;
}

/**
 * Marks a running run interrupted and creates the queued run that resumes it from its checkpoint, in one
 * transaction (as the sweeper does for lost runs), so a crash in between cannot leave an interrupted run that
 * nothing resumes. Returns null when the run was not running any more.
 */
export async function interruptRun(
  db: SyncDb,
  id: string,
  error: { code: string; message: string },
): Promise<{ run: SyncRunRow; resumedBy: string | null } | null> {
  return db.transaction().execute(async (trx) => {
    const run = await trx
      .updateTable('sync_runs')
      .set({
        status: 'interrupted',
        finished_at: sql<Date>`now()`,
        error_code: error.code,
        error_message: error.message.slice(0, 2000),
      })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .returningAll()
      .executeTakeFirst();
    if (!run) return null;
    return { run, resumedBy: await createResumingRun(trx, run) };
  });
}

/** The queued run resuming `id`, if any (to enqueue it). */
export async function findQueuedResumer(db: DbOrTrx, id: string): Promise<SyncRunRow | undefined> {
  return db
    .selectFrom('sync_runs')
    .selectAll()
    .where('resumed_from', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
}

/** Flags a stop; a queued run is cancelled at once, a running one by its worker within a poll interval. */
export async function requestCancel(db: DbOrTrx, id: string): Promise<SyncRunRow | undefined> {
  const [row] = await requestCancelRuns(db, { id });
  return row ?? (await findRun(db, id));
}

/**
 * Flags a stop on the queued or running runs picked by `id` or by account, as `requestCancel` does for one; returns
 * them as they are after it, oldest first.
 */
export async function requestCancelRuns(
  db: DbOrTrx,
  pick: { id: string } | { accountId: string },
): Promise<SyncRunRow[]> {
  const flagged = await db
    .updateTable('sync_runs')
    .set({ cancel_requested_at: sql<Date>`coalesce(cancel_requested_at, now())` })
    .where('id' in pick ? 'id' : 'account_id', '=', 'id' in pick ? pick.id : pick.accountId)
    .where('status', 'in', ['queued', 'running'])
    .returning('id')
    .execute();
  const ids = flagged.map((r) => r.id);
  if (ids.length === 0) return [];
  await db
    .updateTable('sync_runs')
    .set({
      status: 'cancelled',
      finished_at: sql<Date>`now()`,
      error_code: 'cancelled',
      error_message: 'Stopped before it started',
    })
    .where('id', 'in', ids)
    .where('status', '=', 'queued')
    .execute();
  return findRuns(db, ids);
}

/** The runs with these ids (those that exist), oldest first. */
export async function findRuns(db: DbOrTrx, ids: readonly string[]): Promise<SyncRunRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('sync_runs').selectAll().where('id', 'in', [...ids]).orderBy('created_at').execute();
}

/** Cancels a queued run that has a stop request (e.g. one put back in the queue after a transient failure). */
export async function cancelIfFlagged(db: DbOrTrx, id: string): Promise<boolean> {
  const res = await db
    .updateTable('sync_runs')
    .set({
      status: 'cancelled',
      finished_at: sql<Date>`now()`,
      error_code: 'cancelled',
      error_message: 'Stopped by a user',
    })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .where('cancel_requested_at', 'is not', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Running runs whose worker stopped beating: marked interrupted and returned so they can be resumed. */
export async function sweepStaleRuns(db: DbOrTrx, staleAfterMs: number): Promise<SyncRunRow[]> {
  return db
    .updateTable('sync_runs')
    .set({
      status: 'interrupted',
      finished_at: sql<Date>`now()`,
      error_code: 'worker_lost',
      error_message: 'The worker running this sync stopped responding; it resumes from its checkpoint',
    })
    .where('status', '=', 'running')
    .where('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${staleAfterMs / 1000})`)
    .returningAll()
    .execute();
}

/** The newest unfinished run of this kind whose checkpoint a new run should continue from. */
export async function findResumable(
  db: DbOrTrx,
  accountId: string,
  resource: SyncResource,
  mode: SyncMode,
): Promise<SyncRunRow | undefined> {
  const last = await db
    .selectFrom('sync_runs')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('resource', '=', resource)
    .where('status', 'not in', ['queued', 'running'])
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last || last.mode !== mode) return undefined;
  return ['cancelled', 'interrupted', 'failed'].includes(last.status) ? last : undefined;
}

/**
 * Refreshes the planner's statistics of `tables`. After a bulk load they describe the tables as they were (a new
 * account's rows unknown to them), and until autovacuum catches up, which can take minutes, Postgres may plan
 * lookups by id as scans of an account's whole range (0.75 s for 100,000 orders).
 */
export async function analyzeTables(db: DbOrTrx, tables: ReadonlyArray<keyof SyncTables>): Promise<void> {
  if (tables.length === 0) return;
  await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
}
