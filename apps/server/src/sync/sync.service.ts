import type { SyncPlanResponse, SyncRun } from '@ebay-connector/contract';
import type { SyncApiFactory } from './ebay-port';
import { hasWatermark, syncResources, type SyncMode, type SyncResource } from './resources';
import type { SyncDb } from './sync-db';
import type { SyncQueue } from './sync-queue';
import { toSyncRun } from './sync-run.mapper';
import { createRun, findResumable, findRun, findRuns, requestCancel, requestCancelRuns, type SyncRunRow } from './sync-runs.repository';
import { getWatermark } from './sync-state.repository';
import type { Syncer } from './syncer';

export interface SyncServiceDeps {
  db: SyncDb;
  queue: SyncQueue;
  apiFor: SyncApiFactory;
  syncers: ReadonlyMap<SyncResource, Syncer>;
  overlapMs: number;
  /** How long STOP waits for the worker to confirm. */
  stopWaitMs: number;
}

/** Why an account cannot be synced now: unknown, disconnected (no tokens), or its grant refused by eBay. */
export type AccountRefusal = 'account_not_found' | 'account_not_connected' | 'reauth_required';

export type StartResult =
  | { ok: true; runId: string }
  | { ok: false; code: AccountRefusal }
  | { ok: false; code: 'run_active'; activeRunId: string };

export interface StartInput {
  accountId: string;
  resource: SyncResource;
  mode: SyncMode | undefined;
  since: Date | null;
  until: Date | null;
  correlationId: string | null;
  requestedBy: string | null;
}

export function createSyncService(deps: SyncServiceDeps) {
  const { db } = deps;

  async function accountExists(accountId: string): Promise<boolean> {
    const row = await db
      .selectFrom('ebay_accounts')
      .select('id')
      .where('id', '=', accountId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Null when the account can be synced; else why not. Checked before a run is created, so a disconnected account
   * gets a 409 at once instead of runs that each fail (the worker finds the same in the token store).
   */
  async function refusal(accountId: string): Promise<AccountRefusal | null> {
    const row = await db.selectFrom('ebay_accounts').select('status').where('id', '=', accountId).executeTakeFirst();
    if (row === undefined) return 'account_not_found';
    if (row.status === 'revoked') return 'account_not_connected';
    if (row.status === 'reauth_required') return 'reauth_required';
    return null;
  }

  /** Incremental when a watermark exists and no explicit range is asked for; full otherwise. */
  async function effectiveMode(input: StartInput): Promise<SyncMode> {
    if (input.mode) return input.mode;
    if (input.since || input.until || !hasWatermark[input.resource])
      return input.since || input.until ? 'full' : 'incremental';
    return (await getWatermark(db, input.accountId, input.resource)) ? 'incremental' : 'full';
  }

  async function start(input: StartInput): Promise<StartResult> {
    const refused = await refusal(input.accountId);
    if (refused !== null) return { ok: false, code: refused };
    const mode = await effectiveMode(input);
    // A new run continues the checkpoint of the last one if that one stopped early with the same request.
    const previous = await findResumable(db, input.accountId, input.resource, mode);
    const sameRange =
      previous &&
      (previous.since?.getTime() ?? null) === (input.since?.getTime() ?? null) &&
      (previous.until?.getTime() ?? null) === (input.until?.getTime() ?? null);
    const created = await createRun(db, {
      accountId: input.accountId,
      resource: input.resource,
      mode,
      trigger: 'manual',
      since: input.since,
      until: input.until,
      correlationId: input.correlationId,
      requestedBy: input.requestedBy,
      checkpoint: sameRange ? previous.checkpoint : {},
      resumedFrom: sameRange ? previous.id : null,
    });
    if (!created.created) return { ok: false, code: 'run_active', activeRunId: created.activeRunId };
    await deps.queue.enqueue({ runId: created.run.id, correlationId: input.correlationId });
    return { ok: true, runId: created.run.id };
  }

  async function startAll(
    input: Omit<StartInput, 'resource' | 'since' | 'until'>,
  ): Promise<{ ok: true; runs: Array<{ resource: SyncResource; runId: string | null; activeRunId: string | null }> } | { ok: false; code: AccountRefusal }> {
    const refused = await refusal(input.accountId);
    if (refused !== null) return { ok: false, code: refused };
    const runs: Array<{ resource: SyncResource; runId: string | null; activeRunId: string | null }> = [];
    for (const resource of syncResources) {
      const r = await start({ ...input, resource, since: null, until: null });
      runs.push({
        resource,
        runId: r.ok ? r.runId : null,
        activeRunId: !r.ok && r.code === 'run_active' ? r.activeRunId : null,
      });
    }
    return { ok: true as const, runs };
  }

  async function dryRun(input: StartInput): Promise<{ ok: true; plan: SyncPlanResponse } | { ok: false; code: AccountRefusal }> {
    const refused = await refusal(input.accountId);
    if (refused !== null) return { ok: false, code: refused };
    const syncer = deps.syncers.get(input.resource);
    if (!syncer) throw new Error(`no syncer for ${input.resource}`);
    const mode = await effectiveMode(input);
    const api = await deps.apiFor(input.accountId, { runId: null, correlationId: input.correlationId });
    const plan = await syncer.plan({
      accountId: input.accountId,
      mode,
      since: input.since,
      until: input.until,
      api,
      call: { signal: AbortSignal.timeout(60_000) },
      watermark: hasWatermark[input.resource]
        ? await getWatermark(db, input.accountId, input.resource)
        : null,
      overlapMs: deps.overlapMs,
      db,
    });
    return { ok: true, plan: { dryRun: true, resource: input.resource, mode, ...plan } };
  }

  /** Requests a stop and waits (briefly) until the worker has ended the run. */
  async function stop(runId: string): Promise<SyncRun | null> {
    const row = await requestCancel(db, runId);
    if (!row) return null;
    const [current] = await untilEnded([row]);
    return current ? toSyncRun(current) : null;
  }

  /**
   * Stops every queued or running run of an account (after a "sync all", one per resource) and waits, as `stop`
   * does, for their workers; null for an unknown account.
   */
  async function stopAll(accountId: string): Promise<SyncRun[] | null> {
    if (!(await accountExists(accountId))) return null;
    return (await untilEnded(await requestCancelRuns(db, { accountId }))).map(toSyncRun);
  }

  /** The runs as they are once none is queued or running any more, or after `stopWaitMs` (one read per poll). */
  async function untilEnded(rows: SyncRunRow[]): Promise<SyncRunRow[]> {
    const deadline = Date.now() + deps.stopWaitMs;
    let current = rows;
    const active = (r: SyncRunRow) => r.status === 'running' || r.status === 'queued';
    while (current.some(active) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      current = await findRuns(db, current.map((r) => r.id));
    }
    return current;
  }

  async function get(runId: string): Promise<SyncRun | null> {
    const row = await findRun(db, runId);
    return row ? toSyncRun(row) : null;
  }

  return { start, startAll, dryRun, stop, stopAll, get, accountExists };
}

export type SyncService = ReturnType<typeof createSyncService>;
