import { sql } from 'kysely';
import type { Logger } from '../platform/logger';
import type { SyncApiFactory } from './ebay-port';
import { classifyFailure, messageOf, RunStopped } from './errors';
import { ANALYZE_AFTER_INSERTS, hasWatermark, resourceTables } from './resources';
import type { SyncDb } from './sync-db';
import {
  addCalls,
  analyzeTables,
  cancelIfFlagged,
  claimRun,
  finishRun,
  findRun,
  heartbeat,
  interruptRun,
  recordPage,
  type SyncRunRow,
} from './sync-runs.repository';
import { getWatermark, saveSuccess } from './sync-state.repository';
import type { PageCommit, RunContext, Syncer } from './syncer';
import { nextWatermark } from './windows';

export interface SyncEvent {
  type: string;
  accountId: string;
  runId: string;
  data: Record<string, unknown>;
}

export interface RunServiceDeps {
  db: SyncDb;
  logger: Logger;
  apiFor: SyncApiFactory;
  syncers: ReadonlyMap<string, Syncer>;
  publish: (event: SyncEvent) => Promise<unknown>;
  /** Called when eBay says the account's grant is gone (the accounts feature marks it reauth_required). */
  onReauthRequired: (accountId: string, message: string) => Promise<void>;
  settings: {
    fetchConcurrency: number;
    overlapMs: number;
    /** How often a running run beats and checks its cancel flag. */
    pollMs: number;
    /** In-process attempts for transient failures before the job fails. */
    maxAttempts: number;
    retryBaseMs: number;
  };
}

export type RunResult = 'succeeded' | 'failed' | 'cancelled' | 'interrupted' | 'skipped';

function progressData(run: SyncRunRow, counters: Counters, total: number | null): Record<string, unknown> {
  return {
    runId: run.id,
    accountId: run.account_id,
    resource: run.resource,
    mode: run.mode,
    counters: { ...counters },
    total,
  };
}

interface Counters {
  calls: number;
  pages: number;
  recordsFetched: number;
  recordsInserted: number;
  recordsUpdated: number;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * ANALYZE of the tables a bulk load wrote, as upkeep: the data is stored whatever happens here, so a failure (the
 * statement timeout on a large table, a lock) is logged and left to autovacuum instead of failing the run.
 * Resolves to whether the statistics were refreshed.
 */
export async function refreshStatistics(
  db: SyncDb,
  tables: Parameters<typeof analyzeTables>[1],
  logger: Logger,
): Promise<boolean> {
  try {
    await analyzeTables(db, tables);
    return true;
  } catch (err) {
    logger.warn({ err, tables }, 'planner statistics not refreshed after a bulk load; autovacuum will');
    return false;
  }
}

/**
 * Executes one run to an honest end state. Pages are committed with their checkpoint as they arrive; a transient
 * failure restarts the syncer from the saved checkpoint after a backoff; STOP (a flag on the row, polled) and
 * shutdown abort the in-flight eBay calls through the run's AbortSignal.
 */
export async function executeRun(
  deps: RunServiceDeps,
  runId: string,
  opts: { workerId: string; shutdown: AbortSignal },
): Promise<RunResult> {
  const claimed = await claimRun(deps.db, runId, opts.workerId);
  if (!claimed) {
    // A stop that arrived while the run waited for a retry ends it here.
    if (await cancelIfFlagged(deps.db, runId)) return 'cancelled';
    return 'skipped';
  }
  const run = claimed;
  const log = deps.logger.child({
    runId,
    accountId: run.account_id,
    resource: run.resource,
    correlationId: run.correlation_id,
  });
  const syncer = deps.syncers.get(run.resource);
  if (!syncer) {
    await finishRun(deps.db, runId, 'failed', {
      code: 'internal_error',
      message: `no syncer for ${run.resource}`,
    });
    return 'failed';
  }
  const controller = new AbortController();
  const stop = (reason: RunStopped) => {
    if (!controller.signal.aborted) controller.abort(reason);
  };
  const onShutdown = () => stop(new RunStopped('shutdown'));
  if (opts.shutdown.aborted) onShutdown();
  opts.shutdown.addEventListener('abort', onShutdown, { once: true });
  let beating = false;
  const beat = setInterval(() => {
    if (beating) return;
    beating = true;
    heartbeat(deps.db, runId, opts.workerId)
      .then((h) => {
        if (h.stop) stop(new RunStopped(h.reason === 'cancel' ? 'cancel' : 'lost'));
      })
      .catch((err: unknown) => log.warn({ err: { message: messageOf(err) } }, 'heartbeat failed'))
      .finally(() => {
        beating = false;
      });
  }, deps.settings.pollMs);

  const counters: Counters = {
    calls: run.calls,
    pages: run.pages,
    recordsFetched: run.records_fetched,
    recordsInserted: run.records_inserted,
    recordsUpdated: run.records_updated,
  };
  let total = run.total;
  // Calls that wrote nothing themselves (detail calls, empty windows) ride along with the next page commit.
  let pendingCalls = 0;
  const flushCalls = async () => {
    if (pendingCalls === 0) return;
    const n = pendingCalls;
    pendingCalls = 0;
    await addCalls(deps.db, runId, n, null).catch((err: unknown) => {
      pendingCalls += n;
      log.warn({ err: { message: messageOf(err) } }, 'could not record call counts');
    });
  };
  const publish = (type: string, extra: Record<string, unknown> = {}) =>
    deps
      .publish({
        type,
        accountId: run.account_id,
        runId,
        data: { ...progressData(run, counters, total), ...extra },
      })
      .catch((err: unknown) =>
        log.warn({ err: { message: messageOf(err) } }, 'could not publish sync event'),
      );

  try {
    const api = await deps.apiFor(run.account_id, { runId, correlationId: run.correlation_id });
    const watermark = hasWatermark[run.resource]
      ? await getWatermark(deps.db, run.account_id, run.resource)
      : null;
    const startedAt = new Date();
    log.info({ mode: run.mode, attempt: run.attempts }, 'sync run started');
    void publish('sync.started');
    for (let attempt = 1; ; attempt += 1) {
      const current = (await findRun(deps.db, runId)) ?? run;
      const checkpoint = current.checkpoint;
      const done = new Set(Array.isArray(checkpoint.done) ? (checkpoint.done as string[]) : []);
      const ctx: RunContext = {
        runId,
        accountId: run.account_id,
        resource: run.resource,
        mode: run.mode,
        since: run.since,
        until: run.until,
        api,
        call: { signal: controller.signal },
        db: deps.db,
        log,
        checkpoint,
        done,
        watermark,
        startedAt: typeof checkpoint.startedAt === 'string' ? new Date(checkpoint.startedAt) : startedAt,
        fetchConcurrency: deps.settings.fetchConcurrency,
        overlapMs: deps.settings.overlapMs,
        throwIfStopped: () => controller.signal.throwIfAborted(),
        commit: async (page: PageCommit) => {
          controller.signal.throwIfAborted();
          const extraCalls = pendingCalls;
          pendingCalls = 0;
          const written = await deps.db
            .transaction()
            .execute(async (trx) => {
              // A page and its checkpoint commit together, so a crash that loses the last commits loses both and
              // the pages are fetched again: no need to wait for each page's WAL flush (see docs/decisions/024).
              await sql`set local synchronous_commit = off`.execute(trx);
              const res = await page.write(trx);
              await recordPage(
                trx,
                runId,
                {
                  calls: page.calls + extraCalls,
                  pages: 1,
                  fetched: page.fetched,
                  inserted: res.inserted,
                  updated: res.updated,
                },
                { done: page.done ?? [], set: { startedAt: ctx.startedAt.toISOString(), ...page.set } },
                page.total ?? null,
              );
              return res;
            })
            .catch((err: unknown) => {
              pendingCalls += extraCalls;
              throw err;
            });
          counters.calls += page.calls + extraCalls;
          counters.pages += 1;
          counters.recordsFetched += page.fetched;
          counters.recordsInserted += written.inserted;
          counters.recordsUpdated += written.updated;
          if (page.total !== undefined && page.total !== null) total = Math.max(total ?? 0, page.total);
          void publish('sync.progress');
        },
        countCalls: async (calls: number, t?: number | null) => {
          pendingCalls += calls;
          counters.calls += calls;
          if (t !== undefined && t !== null) total = Math.max(total ?? 0, t);
        },
      };
      try {
        const outcome = await syncer.run(ctx);
        // A bulk load leaves the planner's statistics behind until autovacuum's next pass: the next run's lookups
        // by id and the lists would be planned from them.
        if (counters.recordsInserted >= ANALYZE_AFTER_INSERTS) {
          await refreshStatistics(deps.db, resourceTables[run.resource], deps.logger.child({ runId }));
        }
        const mark = nextWatermark(watermark, outcome.maxSeen, ctx.startedAt);
        const extraCalls = pendingCalls;
        pendingCalls = 0;
        await deps.db.transaction().execute(async (trx) => {
          if (extraCalls > 0 || total !== run.total) await addCalls(trx, runId, extraCalls, total);
          await saveSuccess(
            trx,
            run.account_id,
            run.resource,
            hasWatermark[run.resource] ? mark : null,
            run.mode === 'full',
          );
          // The run was taken away (purged with its account, or handed to a resuming run): keep no watermark.
          if (!(await finishRun(trx, runId, 'succeeded', null))) throw new RunStopped('lost');
        });
        log.info({ counters }, 'sync run succeeded');
        void publish('sync.finished', { status: 'succeeded' });
        return 'succeeded';
      } catch (err) {
        if (controller.signal.aborted) throw controller.signal.reason;
        const failure = classifyFailure(err);
        if (failure.kind === 'transient' && attempt < deps.settings.maxAttempts) {
          const delay = Math.min(deps.settings.retryBaseMs * 2 ** (attempt - 1), 30_000);
          log.warn(
            { attempt, delay, code: failure.code, err: { message: failure.message } },
            'transient sync failure; resuming from checkpoint',
          );
          await sleep(delay, controller.signal);
          continue;
        }
        throw err;
      }
    }
  } catch (err) {
    await flushCalls();
    // A page commit or the final write that found the run no longer running stops it like a lost heartbeat.
    const reason: unknown = controller.signal.aborted
      ? controller.signal.reason
      : err instanceof RunStopped
        ? err
        : null;
    if (reason instanceof RunStopped) {
      if (reason.reason === 'cancel') {
        await finishRun(deps.db, runId, 'cancelled', {
          code: 'cancelled',
          message: 'Stopped by a user; the next run of the same mode continues from the checkpoint',
        });
        log.info({ counters }, 'sync run cancelled');
        void publish('sync.finished', { status: 'cancelled' });
        return 'cancelled';
      }
      if (reason.reason === 'shutdown') {
        // Marked interrupted together with the run that resumes it; the worker enqueues that one.
        const interrupted = await interruptRun(deps.db, runId, {
          code: 'worker_shutdown',
          message: 'The worker shut down; the run resumes from its checkpoint',
        });
        log.info({ counters, resumedBy: interrupted?.resumedBy ?? null }, 'sync run interrupted by shutdown');
        void publish('sync.finished', { status: 'interrupted' });
        return 'interrupted';
      }
      return 'interrupted';
    }
    const failure = classifyFailure(err);
    if (failure.code === 'reauth_required') {
      await deps
        .onReauthRequired(run.account_id, failure.message)
        .catch((e: unknown) =>
          log.warn({ err: { message: messageOf(e) } }, 'could not mark the account reauth_required'),
        );
    }
    if (failure.kind === 'transient') {
      // Give the run back to the queue; pg-boss retries the job with backoff.
      log.warn(
        { code: failure.code, err: { message: failure.message } },
        'sync run failed transiently; the job will retry',
      );
      throw err;
    }
    await finishRun(deps.db, runId, 'failed', { code: failure.code, message: failure.message });
    log.warn({ code: failure.code, err: { message: failure.message } }, 'sync run failed');
    void publish('sync.finished', { status: 'failed', errorCode: failure.code });
    return 'failed';
  } finally {
    clearInterval(beat);
    opts.shutdown.removeEventListener('abort', onShutdown);
  }
}
