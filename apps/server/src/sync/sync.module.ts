import type { FastifyInstance } from 'fastify';
import PgBoss from 'pg-boss';
import { setAccountStatus } from '../accounts/accounts.repository';
import type { EbayModule } from '../accounts/ebay.module';
import { dataRoutes } from '../data/data.routes';
import type { Db } from '../platform/database';
import type { Logger } from '../platform/logger';
import { syncApiFromClient } from './ebay-client.adapter';
import type { SyncApiFactory } from './ebay-port';
import { registerSyncData } from './sync-data.registry';
import type { SyncDb } from './sync-db';
import { createSyncQueue, ensureSyncQueue, SYNC_QUEUE_SCHEMA, type SyncQueue } from './sync-queue';
import type { RunServiceDeps } from './sync-run.service';
import type { SyncSettings } from './sync-settings';
import { startSyncWorker, type SyncWorker } from './sync-worker';
import { syncRoutes } from './sync.routes';
import { createSyncService, type SyncService } from './sync.service';
import { createSyncers } from './syncers';

type RoutePlugin = (app: FastifyInstance) => Promise<void>;

export interface SyncModule {
  service: SyncService;
  queue: SyncQueue;
  boss: PgBoss;
  runDeps: RunServiceDeps;
  routes: RoutePlugin[];
  startWorker(): Promise<SyncWorker>;
  close(): Promise<void>;
}

export interface SyncModuleDeps {
  db: Db;
  databaseUrl: string;
  logger: Logger;
  settings: SyncSettings;
  ebay: Pick<EbayModule, 'getClientForAccount' | 'events' | 'registry'>;
  /** Replaces the eBay client adapter (benchmarks). */
  apiFor?: SyncApiFactory;
}

/** Builds the queue, engine, worker factory and routes of the sync feature. pg-boss lives in its own schema. */
export async function createSyncModule(deps: SyncModuleDeps): Promise<SyncModule> {
  const db = deps.db as unknown as SyncDb;
  const log = deps.logger.child({ component: 'sync' });
  const boss = new PgBoss({
    connectionString: deps.databaseUrl,
    schema: SYNC_QUEUE_SCHEMA,
    max: 4,
    application_name: 'ebay-connector-queue',
  });
  boss.on('error', (err: Error) => log.warn({ err: { message: err.message } }, 'job queue error'));
  await boss.start();
  await ensureSyncQueue(boss, deps.settings.queue);
  const queue = createSyncQueue(boss);
  const syncers = createSyncers({ orderCancelDetails: deps.settings.orderCancelDetails });
  const apiFor: SyncApiFactory =
    deps.apiFor ??
    (async (accountId, context) =>
      syncApiFromClient(
        deps.ebay.getClientForAccount(accountId, {
          runId: context.runId,
          correlationId: context.correlationId,
        }),
      ));
  registerSyncData(deps.ebay.registry);

  const runDeps: RunServiceDeps = {
    db,
    logger: log,
    apiFor,
    syncers,
    publish: (e) => deps.ebay.events.publish(e),
    onReauthRequired: async (accountId) => {
      await setAccountStatus(deps.db, accountId, 'reauth_required');
    },
    settings: {
      fetchConcurrency: deps.settings.fetchConcurrency,
      overlapMs: deps.settings.overlapMs,
      pollMs: deps.settings.cancelPollMs,
      maxAttempts: deps.settings.maxAttempts,
      retryBaseMs: deps.settings.retryBaseMs,
    },
  };
  const service = createSyncService({
    db,
    queue,
    apiFor,
    syncers,
    overlapMs: deps.settings.overlapMs,
    stopWaitMs: deps.settings.stopWaitMs,
  });
  const workers: SyncWorker[] = [];
  return {
    service,
    queue,
    boss,
    runDeps,
    routes: [syncRoutes({ sync: service, db, fullRefreshMs: deps.settings.fullRefreshMs }), dataRoutes({ db })],
    async startWorker() {
      const worker = await startSyncWorker(
        runDeps,
        boss,
        queue,
        {
          concurrency: deps.settings.workerConcurrency,
          heartbeatStaleMs: deps.settings.heartbeatStaleMs,
          sweepIntervalMs: deps.settings.sweepIntervalMs,
          scheduleIntervalMs: deps.settings.scheduleIntervalMs,
          pollingIntervalSeconds: deps.settings.pollingIntervalSeconds,
          fullRefreshMs: deps.settings.fullRefreshMs,
        },
        // The worker names its own component (a child of `log` would write the key twice).
        deps.logger,
      );
      workers.push(worker);
      return worker;
    },
    async close() {
      for (const w of workers) await w.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
