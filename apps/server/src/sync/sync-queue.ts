import type PgBoss from 'pg-boss';

export const SYNC_QUEUE = 'sync.run';
export const SYNC_QUEUE_SCHEMA = 'pgboss';

export interface SyncJobData {
  runId: string;
  correlationId: string | null;
}

/** Puts runs on the pg-boss queue. The job id is the run id, so a run is never enqueued twice. */
export interface SyncQueue {
  enqueue(job: SyncJobData): Promise<void>;
}

export interface QueueSettings {
  retryLimit: number;
  retryDelaySeconds: number;
  /** A job whose worker vanished is handed out again after this long (the sweeper usually resumes it first). */
  expireInSeconds: number;
}

export async function ensureSyncQueue(boss: PgBoss, settings: QueueSettings): Promise<void> {
  const existing = await boss.getQueue(SYNC_QUEUE);
  const options = {
    name: SYNC_QUEUE,
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: settings.expireInSeconds,
  };
  if (existing) await boss.updateQueue(SYNC_QUEUE, options);
  else await boss.createQueue(SYNC_QUEUE, options);
}

export function createSyncQueue(boss: PgBoss): SyncQueue {
  return {
    async enqueue(job) {
      try {
        await boss.send(SYNC_QUEUE, job, { id: job.runId });
      } catch (err) {
        // Unique violation: the job for this run already exists.
        if ((err as { code?: string }).code !== '23505') throw err;
      }
    },
  };
}
