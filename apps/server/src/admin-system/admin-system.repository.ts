import { sql } from 'kysely';
import type { Db } from '../platform/database';

/** SQL of the admin system page: database, pg-boss queue and worker facts. Read-only. */

export async function pingWithVersion(db: Db): Promise<{ latencyMs: number; serverVersion: string | null }> {
  const started = performance.now();
  const res = await sql<{ v: string | null }>`select current_setting('server_version', true) as v`.execute(db);
  return { latencyMs: Math.round((performance.now() - started) * 100) / 100, serverVersion: res.rows[0]?.v ?? null };
}

export async function schemaExists(db: Db, schema: string): Promise<boolean> {
  const res = await sql<{ t: string | null }>`select to_regclass(${`${schema}.job`})::text as t`.execute(db);
  return Boolean(res.rows[0]?.t);
}

/** Jobs per queue name and state (pg-boss keeps completed jobs until its own retention removes them). */
export async function queueCounts(db: Db, schema: string): Promise<{ name: string; state: string; count: number }[]> {
  const res = await sql<{ name: string; state: string; count: number }>`
    select name, state::text as state, count(*)::int as count
    from ${sql.table(`${schema}.job`)}
    group by 1, 2
    order by 1, 2`.execute(db);
  return res.rows;
}

export interface ActiveRunRow {
  id: string;
  account_id: string;
  resource: string;
  status: string;
  worker_id: string | null;
  started_at: Date | null;
  heartbeat_at: Date | null;
  heartbeat_age_seconds: number | null;
}

/** Queued and running runs (served by the partial unique index `sync_runs_one_active`). */
export async function activeRuns(db: Db): Promise<ActiveRunRow[]> {
  const res = await sql<ActiveRunRow>`
    select id, account_id, resource, status, worker_id, started_at, heartbeat_at,
           round(extract(epoch from (now() - heartbeat_at))::numeric, 1)::float8 as heartbeat_age_seconds
    from sync_runs
    where status in ('queued', 'running')
    order by created_at, id`.execute(db);
  return res.rows;
}

/** Worker ids seen on runs created in the last day, with their newest heartbeat. */
export async function recentWorkers(db: Db): Promise<{ worker_id: string; last_heartbeat_at: Date | null; active: number }[]> {
  const res = await sql<{ worker_id: string; last_heartbeat_at: Date | null; active: number }>`
    select worker_id, max(heartbeat_at) as last_heartbeat_at,
           count(*) filter (where status = 'running')::int as active
    from sync_runs
    where worker_id is not null and created_at > now() - interval '1 day'
    group by worker_id
    order by max(heartbeat_at) desc nulls last
    limit 50`.execute(db);
  return res.rows;
}

export async function runsByStatusLastDay(db: Db): Promise<{ status: string; n: number }[]> {
  const res = await sql<{ status: string; n: number }>`
    select status, count(*)::int as n from sync_runs
    where created_at > now() - interval '1 day'
    group by status order by status`.execute(db);
  return res.rows;
}
