import type { Db } from './platform/database';
import type { Logger } from './platform/logger';
import type { SyncModule } from './sync/sync.module';

export interface WorkerDeps {
  db: Db;
  logger: Logger;
  /** The sync engine: its worker takes runs from the pg-boss queue, sweeps lost runs and fires schedules. */
  sync?: SyncModule;
}

/** The background role. The job queue plugs in here; for now it only holds the database connection. */
export async function startWorker(deps: WorkerDeps): Promise<{ stop(): Promise<void> }> {
  if (!deps.sync) {
    deps.logger.info('worker role started (no jobs registered)');
    return { stop: async () => undefined };
  }
  const syncWorker = await deps.sync.startWorker();
  deps.logger.info({ workerId: syncWorker.id }, 'worker role started');
  return { stop: () => syncWorker.stop() };
}
