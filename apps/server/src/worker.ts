import type { Db } from './platform/database';
import type { Logger } from './platform/logger';

export interface WorkerDeps {
  db: Db;
  logger: Logger;
}

/** The background role. The job queue plugs in here; for now it only holds the database connection. */
export async function startWorker(deps: WorkerDeps): Promise<{ stop(): Promise<void> }> {
  deps.logger.info('worker role started (no jobs registered yet)');
  return { stop: async () => undefined };
}
