import type { AdminSystemResponse } from '@ebay-connector/contract';
import type { Config } from '../platform/config';
import type { Db } from '../platform/database';
import { currentVersion } from '../platform/migrations';
import {
  activeRuns,
  pingWithVersion,
  queueCounts,
  recentWorkers,
  runsByStatusLastDay,
  schemaExists,
} from './admin-system.repository';

/** pg-boss schema of the sync queue (see `sync/sync-queue.ts`). */
export const QUEUE_SCHEMA = 'pgboss';

export interface AdminSystemDeps {
  db: Db;
  config: Config;
  latestMigration: number;
}

const reasonOf = (err: unknown) => `database error (${String((err as { code?: unknown }).code ?? 'no answer')})`;

/** Effective non-secret settings: only presence is reported for secrets. */
function settingsOf(config: Config): AdminSystemResponse['settings'] {
  const s = config.sync;
  return [
    { name: 'EBAY_ENV', value: config.ebay.environment, description: 'eBay environment new accounts connect to' },
    { name: 'SYNC_CONCURRENCY', value: String(s.workerConcurrency), description: 'runs one worker executes at once' },
    { name: 'SYNC_FETCH_CONCURRENCY', value: String(s.fetchConcurrency), description: 'eBay calls one run keeps in flight' },
    { name: 'SYNC_OVERLAP_MINUTES', value: String(s.overlapMs / 60_000), description: 'incremental runs start this long before the watermark' },
    { name: 'SYNC_FULL_REFRESH_HOURS', value: String(s.fullRefreshMs / 3_600_000), description: 'scheduled runs of finances, payouts and disputes are full runs this often (0: never)' },
    { name: 'SYNC_HEARTBEAT_STALE_SECONDS', value: String(s.heartbeatStaleMs / 1000), description: 'a running run with an older heartbeat is interrupted and resumed' },
    { name: 'LEDGER_RETENTION_DAYS', value: String(config.ebay.ledger.retentionDays), description: 'days the eBay call ledger is kept' },
    { name: 'EVENTS_RETENTION_HOURS', value: String(config.ebay.events.retentionHours), description: 'hours live events are kept for replay' },
    { name: 'DB_POOL_MAX', value: String(config.database.poolMax), description: 'database connections of this process' },
    { name: 'DATABASE', value: config.database.url ? 'external (DATABASE_URL)' : 'embedded', description: 'where Postgres runs' },
    { name: 'LOG_LEVEL', value: config.logLevel, description: 'engineer log level' },
    { name: 'METRICS_TOKEN', value: config.metrics.token ? 'set' : 'not set (loopback only)', description: 'bearer token of /metrics' },
    { name: 'PUBLIC_URL', value: config.publicUrl ?? 'derived from the Host header', description: 'origin users open' },
  ];
}

export async function readAdminSystem(deps: AdminSystemDeps): Promise<AdminSystemResponse> {
  const { db, config, latestMigration } = deps;
  const checkedAt = new Date().toISOString();
  const staleSeconds = config.sync.heartbeatStaleMs / 1000;

  let database: AdminSystemResponse['database'];
  try {
    const { latencyMs, serverVersion } = await pingWithVersion(db);
    const migration = await currentVersion(db);
    database = {
      status: migration !== null && migration >= latestMigration ? 'ok' : 'migrating',
      latencyMs,
      migration,
      latestMigration,
      serverVersion,
    };
  } catch {
    database = { status: 'unavailable', latencyMs: null, migration: null, latestMigration, serverVersion: null };
  }

  let queue: AdminSystemResponse['queue'] = { available: false, schema: QUEUE_SCHEMA, byState: {}, byQueue: [], reason: null };
  if (database.status !== 'unavailable') {
    try {
      if (await schemaExists(db, QUEUE_SCHEMA)) {
        const byQueue = await queueCounts(db, QUEUE_SCHEMA);
        const byState: Record<string, number> = {};
        for (const row of byQueue) byState[row.state] = (byState[row.state] ?? 0) + row.count;
        queue = { ...queue, available: true, byState, byQueue };
      } else {
        queue = { ...queue, reason: 'the job queue schema does not exist yet (no worker has started)' };
      }
    } catch (err) {
      queue = { ...queue, reason: reasonOf(err) };
    }
  }

  let workers: AdminSystemResponse['workers'] = { seen: [], activeRuns: [], heartbeatStaleSeconds: staleSeconds };
  let runsLast24h: Record<string, number> = {};
  if (database.status !== 'unavailable') {
    try {
      const [active, seen, byStatus] = await Promise.all([activeRuns(db), recentWorkers(db), runsByStatusLastDay(db)]);
      workers = {
        heartbeatStaleSeconds: staleSeconds,
        seen: seen.map((w) => ({
          workerId: w.worker_id,
          lastHeartbeatAt: w.last_heartbeat_at?.toISOString() ?? null,
          activeRuns: w.active,
        })),
        activeRuns: active.map((r) => ({
          runId: r.id,
          accountId: r.account_id,
          resource: r.resource as AdminSystemResponse['workers']['activeRuns'][number]['resource'],
          status: r.status === 'running' ? 'running' : 'queued',
          workerId: r.worker_id,
          startedAt: r.started_at?.toISOString() ?? null,
          heartbeatAt: r.heartbeat_at?.toISOString() ?? null,
          heartbeatAgeSeconds: r.heartbeat_age_seconds,
          stale: r.status === 'running' && r.heartbeat_age_seconds !== null && r.heartbeat_age_seconds > staleSeconds,
        })),
      };
      runsLast24h = Object.fromEntries(byStatus.map((r) => [r.status, r.n]));
    } catch {
      // The sync tables are missing while migrating: the database card already says so.
    }
  }

  return {
    checkedAt,
    database,
    queue,
    workers,
    runsLast24h,
    settings: settingsOf(config),
    features: [
      { name: 'FEATURE_DEBUG_ENDPOINTS', enabled: config.ebay.debugEndpoints, description: 'admin debug endpoints (token info)' },
      { name: 'Metrics token', enabled: config.metrics.token !== null, description: '/metrics requires a bearer token' },
      { name: 'Account deletion notifications', enabled: config.ebay.deletion.verificationToken !== null, description: 'marketplace account deletion endpoint is verifiable' },
      { name: 'Order cancel details', enabled: config.sync.orderCancelDetails, description: 'getOrder per cancelled order (SYNC_ORDER_CANCEL_DETAILS)' },
    ],
  };
}
