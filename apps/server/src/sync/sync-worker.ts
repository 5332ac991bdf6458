import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type PgBoss from 'pg-boss';
import { isDatabaseUnavailable } from '../platform/database-errors';
import type { Logger } from '../platform/logger';
import { classifyFailure, messageOf } from './errors';
import { scheduledMode } from './resources';
import { claimDueSchedules, ensureDefaultSchedules } from './sync-schedules.repository';
import { SYNC_QUEUE, SYNC_QUEUE_SCHEMA, type SyncJobData, type SyncQueue } from './sync-queue';
import { executeRun, type RunServiceDeps } from './sync-run.service';
import {
  createResumingRun,
  createRun,
  findQueuedResumer,
  finishRun,
  sweepStaleRuns,
  type SyncRunRow,
} from './sync-runs.repository';

export interface WorkerSettings {
  concurrency: number;
  heartbeatStaleMs: number;
  sweepIntervalMs: number;
  scheduleIntervalMs: number;
  pollingIntervalSeconds: number;
  /** See `SyncSettings.fullRefreshMs`. */
  fullRefreshMs: number;
}

export interface SyncWorker {
  readonly id: string;
  /** Aborts running syncs (they end `interrupted` with their checkpoint and are resumed), then stops fetching jobs. */
  stop(): Promise<void>;
  /** One sweeper + scheduler pass (also runs on its own timer). */
  tick(): Promise<void>;
}

async function untilDatabaseAnswers(db: RunServiceDeps['db'], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 100; ; delay = Math.min(delay * 2, 2000)) {
    try {
      await sql`select 1`.execute(db);
      return;
    } catch {
      if (Date.now() > deadline) return;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/**
 * Queued runs whose job is gone (lost send, a shutdown race, retries exhausted while the database was down) are
 * marked interrupted and resumed, so no run stays queued forever.
 */
async function recoverOrphans(deps: RunServiceDeps, queue: SyncQueue): Promise<void> {
  const noJob = sql`not exists (
    select 1 from ${sql.table(`${SYNC_QUEUE_SCHEMA}.job`)} j
    where j.id = r.id and j.name = ${SYNC_QUEUE} and j.state in ('created', 'retry', 'active'))`;
  await sql`
    update sync_runs r set status = 'cancelled', finished_at = now(), error_code = 'cancelled', error_message = 'Stopped by a user'
    where r.status = 'queued' and r.cancel_requested_at is not null and ${noJob}`.execute(deps.db);
  // Marked interrupted together with the runs that resume them (as the sweeper does).
  const resumed = await deps.db.transaction().execute(async (trx) => {
    const orphans = await sql<SyncRunRow>`
      update sync_runs r set status = 'interrupted', finished_at = now(), error_code = 'job_lost',
        error_message = 'The queued job for this run was lost; it resumes from its checkpoint'
      where r.status = 'queued' and r.created_at < now() - interval '30 seconds' and ${noJob}
      returning r.*`.execute(trx);
    const out: { run: SyncRunRow; resumedBy: string | null }[] = [];
    for (const run of orphans.rows) out.push({ run, resumedBy: await createResumingRun(trx, run) });
    return out;
  });
  for (const { run, resumedBy } of resumed) {
    if (resumedBy !== null) await queue.enqueue({ runId: resumedBy, correlationId: run.correlation_id });
  }
}

export async function startSyncWorker(
  deps: RunServiceDeps,
  boss: PgBoss,
  queue: SyncQueue,
  settings: WorkerSettings,
  logger: Logger,
): Promise<SyncWorker> {
  const id = `worker-${randomUUID()}`;
  const log = logger.child({ component: 'sync-worker', workerId: id });
  const shutdown = new AbortController();

  const active = new Set<Promise<unknown>>();
  const handle = (jobs: PgBoss.JobWithMetadata<SyncJobData>[]) => {
    const p = handleJobs(jobs);
    active.add(p);
    void p.catch(() => undefined).finally(() => active.delete(p));
    return p;
  };
  const handleJobs = async (jobs: PgBoss.JobWithMetadata<SyncJobData>[]) => {
    try {
      await handleEach(jobs);
    } finally {
      // pg-boss 10 completes or fails the job without awaiting it: answering while Postgres is unreachable would
      // surface as an unhandled rejection. Hand the job back only once the database answers again.
      await untilDatabaseAnswers(deps.db, 120_000);
    }
  };
  const handleEach = async (jobs: PgBoss.JobWithMetadata<SyncJobData>[]) => {
    for (const job of jobs) {
      const jobLog = log.child({
        jobId: job.id,
        runId: job.data.runId,
        correlationId: job.data.correlationId,
      });
      const finalAttempt = job.retryCount >= job.retryLimit;
      try {
        const result = await executeRun(deps, job.data.runId, { workerId: id, shutdown: shutdown.signal });
        if (result === 'interrupted') {
          // The run that resumes it was created when it was marked interrupted (here at shutdown, or by the
          // sweeper); a job lost on the way is recovered by recoverOrphans.
          const next = await findQueuedResumer(deps.db, job.data.runId);
          if (next) await queue.enqueue({ runId: next.id, correlationId: next.correlation_id });
        }
      } catch (err) {
        if (finalAttempt) {
          jobLog.error({ err: { message: messageOf(err) } }, 'sync job failed on its last attempt');
          await finishRun(deps.db, job.data.runId, 'failed', {
            code: 'retries_exhausted',
            message: attemptFailedMessage(err, job.retryCount, job.retryLimit),
          }).catch(() => undefined);
          return;
        }
        jobLog.warn(
          { err: { message: messageOf(err) }, retryCount: job.retryCount },
          'sync job failed; pg-boss retries it',
        );
        // Hand the run to whichever worker gets the retry, saying why it waits (cleared when it is taken up).
        await deps.db
          .updateTable('sync_runs')
          .set({
            status: 'queued',
            worker_id: null,
            error_code: 'retry_pending',
            error_message: retryPendingMessage(err, job.retryCount, job.retryLimit),
          })
          .where('id', '=', job.data.runId)
          .where('status', '=', 'running')
          .execute()
          .catch(() => undefined);
        throw err;
      }
    }
  };

  const workerIds: string[] = [];
  for (let i = 0; i < settings.concurrency; i += 1) {
    workerIds.push(
      await boss.work<SyncJobData>(
        SYNC_QUEUE,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: settings.pollingIntervalSeconds },
        handle,
      ),
    );
  }

  let ticking: Promise<void> | null = null;
  // Since when this process has reached the database without a failed pass. After an outage (or at start) a run's
  // heartbeat is judged only once its worker has had a whole staleness period to beat again: a run whose worker
  // lived through a Postgres restart is not "lost".
  let reachableSince: number | null = null;
  const tick = async () => {
    reachableSince ??= Date.now();
    const judgeHeartbeats = Date.now() - reachableSince >= settings.heartbeatStaleMs;
    // Marking a lost run interrupted and creating the run that resumes it commit together, so a crash here
    // cannot leave an interrupted run that nothing resumes; a queued run whose job is lost is recovered below.
    const resumed = await deps.db.transaction().execute(async (trx) => {
      const ids: { run: SyncRunRow; resumedBy: string | null }[] = [];
      const stale = judgeHeartbeats ? await sweepStaleRuns(trx, settings.heartbeatStaleMs) : [];
      for (const run of stale) {
        ids.push({ run, resumedBy: await createResumingRun(trx, run) });
      }
      return ids;
    });
    for (const { run, resumedBy } of resumed) {
      log.warn(
        { runId: run.id, accountId: run.account_id, resource: run.resource },
        'run lost its worker; resuming',
      );
      if (resumedBy !== null) await queue.enqueue({ runId: resumedBy, correlationId: run.correlation_id });
    }
    await recoverOrphans(deps, queue);
    await ensureDefaultSchedules(deps.db);
    for (const due of await claimDueSchedules(deps.db, 50)) {
      const created = await createRun(deps.db, {
        accountId: due.account_id,
        resource: due.resource,
        mode: scheduledMode(due.resource, due.last_full_at, settings.fullRefreshMs, new Date()),
        trigger: 'schedule',
        since: null,
        until: null,
        correlationId: `schedule-${randomUUID()}`,
        requestedBy: null,
        checkpoint: {},
        resumedFrom: null,
      });
      if (created.created)
        await queue.enqueue({ runId: created.run.id, correlationId: created.run.correlation_id });
    }
  };
  const runTick = () => {
    ticking ??= tick()
      .catch((err: unknown) => {
        if (isDatabaseUnavailable(err)) reachableSince = null;
        log.warn({ err: { message: messageOf(err) } }, 'sync sweeper/scheduler pass failed');
      })
      .finally(() => {
        ticking = null;
      });
    return ticking;
  };
  const sweepTimer = setInterval(
    () => void runTick(),
    Math.min(settings.sweepIntervalMs, settings.scheduleIntervalMs),
  );
  void runTick();
  log.info({ concurrency: settings.concurrency }, 'sync worker started');

  return {
    id,
    tick: runTick,
    async stop() {
      clearInterval(sweepTimer);
      for (const w of workerIds) await boss.offWork({ id: w }).catch(() => undefined);
      shutdown.abort();
      await Promise.allSettled([...active]);
      await ticking;
      log.info('sync worker stopped');
    },
  };
}

/** Which of the queue's attempts failed and why, e.g. `Attempt 2 of 6 failed (ebay_server): Internal error`. */
export function attemptFailedMessage(err: unknown, retryCount: number, retryLimit: number): string {
  const failure = classifyFailure(err);
  return `Attempt ${retryCount + 1} of ${retryLimit + 1} failed (${failure.code}): ${failure.message}`.slice(0, 1900);
}

/** What a run waiting for the queue's retry shows: which attempt failed, why, and that another follows. */
export function retryPendingMessage(err: unknown, retryCount: number, retryLimit: number): string {
  return `${attemptFailedMessage(err, retryCount, retryLimit)}. The queue retries it from the checkpoint with backoff.`;
}
