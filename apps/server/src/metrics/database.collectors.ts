import { sql } from 'kysely';
import { Gauge, type Registry } from 'prom-client';
import type { Db } from '../platform/database';
import type { Logger } from '../platform/logger';
import { PREFIX, statusClass } from './metrics';

/** The counts `pg.Pool` exposes. */
export interface PoolStats {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

/** Window of the scrape-time eBay call aggregate (covers every process, unlike the in-process counters). */
export const EBAY_CALL_WINDOW_MINUTES = 5;
/** Finished sync runs are counted this far back; queued and running ones always. */
export const SYNC_RUN_WINDOW_HOURS = 24;

/** undefined_table, invalid_schema_name: the sync migration is not applied or pg-boss never started here. */
const ABSENT = new Set(['42P01', '3F000']);

/**
 * Figures read from PostgreSQL when Prometheus scrapes, so they are right whichever process (api or worker)
 * did the work. Every query is an aggregate over an index or a small table. A missing table just leaves its
 * series out, and a failed query never fails the scrape (`ebay_connector_database_up` turns 0 instead).
 */
export function registerDatabaseCollectors(registry: Registry, deps: { db: Db; logger: Logger; pool?: PoolStats | undefined }): void {
  const { db } = deps;
  const log = deps.logger.child({ component: 'metrics' });
  // prom-client runs collectors in parallel; chaining the queries keeps a scrape to one pool connection.
  let chain: Promise<unknown> = Promise.resolve();
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = chain.then(work);
    chain = next.catch(() => undefined);
    return next;
  }

  async function guarded(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await serial(work);
    } catch (err) {
      if (ABSENT.has(String((err as { code?: unknown }).code))) return;
      log.warn({ err: { message: (err as Error).message }, what }, 'metrics query failed');
    }
  }

  new Gauge({
    name: `${PREFIX}database_up`,
    help: '1 when the database answered the scrape-time queries, 0 otherwise',
    registers: [registry],
    async collect() {
      try {
        await serial(() => sql`select 1`.execute(db));
        this.set(1);
      } catch {
        this.set(0);
      }
    },
  });

  new Gauge({
    name: `${PREFIX}sync_runs`,
    help: `Sync runs by status and resource: queued and running ones, plus those created in the last ${SYNC_RUN_WINDOW_HOURS} h`,
    labelNames: ['status', 'resource'],
    registers: [registry],
    async collect() {
      this.reset();
      await guarded('sync_runs', async () => {
        const { rows } = await sql<{ status: string; resource: string; n: string }>`
          select status, resource, count(*) as n from sync_runs
          where status in ('queued', 'running') or created_at > now() - make_interval(hours => ${SYNC_RUN_WINDOW_HOURS})
          group by status, resource
        `.execute(db);
        for (const r of rows) this.set({ status: r.status, resource: r.resource }, Number(r.n));
      });
    },
  });

  new Gauge({
    name: `${PREFIX}sync_runs_retry_pending`,
    help: 'Sync runs waiting for the queue to retry them after a transient failure (error code retry_pending)',
    labelNames: ['resource'],
    registers: [registry],
    async collect() {
      this.reset();
      await guarded('sync_runs_retry_pending', async () => {
        const { rows } = await sql<{ resource: string; n: string }>`
          select resource, count(*) as n from sync_runs
          where status = 'queued' and error_code = 'retry_pending'
          group by resource
        `.execute(db);
        for (const r of rows) this.set({ resource: r.resource }, Number(r.n));
      });
    },
  });

  new Gauge({
    name: `${PREFIX}queue_jobs`,
    help: 'Jobs waiting or running in the pg-boss queue, by queue name and state (created, retry, active)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      await guarded('queue', async () => {
        const { rows } = await sql<{ name: string; state: string; n: string }>`
          select name, state::text as state, count(*) as n from pgboss.job
          where state::text in ('created', 'retry', 'active')
          group by name, state
        `.execute(db);
        for (const r of rows) this.set({ queue: r.name, state: r.state }, Number(r.n));
      });
    },
  });

  new Gauge({
    name: `${PREFIX}ebay_calls_recent`,
    help: `eBay HTTP attempts recorded in the call ledger by every process in the last ${EBAY_CALL_WINDOW_MINUTES} minutes`,
    labelNames: ['api', 'operation', 'status_class'],
    registers: [registry],
    async collect() {
      this.reset();
      await guarded('ebay_calls', async () => {
        const { rows } = await sql<{ api: string; operation: string; status: number | null; n: string }>`
          select api, operation, (status / 100) * 100 as status, count(*) as n from ebay_calls
          where created_at > now() - make_interval(mins => ${EBAY_CALL_WINDOW_MINUTES})
          group by api, operation, status / 100
        `.execute(db);
        for (const r of rows) {
          const labels = { api: r.api, operation: r.operation, status_class: statusClass(r.status) };
          this.inc(labels, Number(r.n));
        }
      });
    },
  });

  new Gauge({
    name: `${PREFIX}ebay_calls_rate_limited_recent`,
    help: `eBay HTTP attempts answered 429 (a call limit reached) in the call ledger, every process, last ${EBAY_CALL_WINDOW_MINUTES} minutes`,
    labelNames: ['api', 'operation'],
    registers: [registry],
    async collect() {
      this.reset();
      await guarded('ebay_calls', async () => {
        const { rows } = await sql<{ api: string; operation: string; n: string }>`
          select api, operation, count(*) as n from ebay_calls
          where status = 429 and created_at > now() - make_interval(mins => ${EBAY_CALL_WINDOW_MINUTES})
          group by api, operation
        `.execute(db);
        for (const r of rows) this.set({ api: r.api, operation: r.operation }, Number(r.n));
      });
    },
  });

  const pool = deps.pool;
  if (pool) {
    new Gauge({
      name: `${PREFIX}db_pool_connections`,
      help: 'Connections of this process\'s database pool: total (open), idle, and waiting (requests queued for one)',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }
}
