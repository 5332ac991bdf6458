/**
 * What a drill checks once its runs have settled: every run's status is honest, and each account's stored orders
 * equal the emulator's truth (count, checksum of ids and modification times, no duplicates, whole line items).
 */
import type pg from 'pg';
import { sleep } from './bench-servers';
import { storedOrders, type Checksum } from './orders-truth';

export interface DrillRun {
  id: string;
  account_id: string;
  status: string;
  error_code: string | null;
  worker_id: string | null;
  resumed_from: string | null;
  attempts: number;
  pages: number;
  created_at: Date;
}

export async function runsSince(db: pg.Pool, since: Date): Promise<DrillRun[]> {
  const res = await db.query<DrillRun>(
    `select id, account_id, status, error_code, worker_id, resumed_from, attempts, pages, created_at
     from sync_runs where created_at >= $1 order by created_at, id`,
    [since],
  );
  return res.rows;
}

/** Waits until no run is queued or running (database errors count as "not yet"); false on timeout. */
export async function settle(db: pg.Pool, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const active = await db
      .query<{ n: string }>(`select count(*) as n from sync_runs where status in ('queued', 'running')`)
      .then((r) => Number(r.rows[0]?.n ?? 1))
      .catch(() => 1);
    if (active === 0) return true;
    await sleep(500);
  }
  return false;
}

export function runsByStatus(runs: readonly DrillRun[]): string {
  const counts = new Map<string, number>();
  for (const r of runs) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const order = ['succeeded', 'interrupted', 'failed', 'cancelled', 'running', 'queued'];
  return [...counts.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
}

const INTERRUPTED_CODES = new Set(['worker_lost', 'worker_shutdown', 'job_lost']);

export interface StatusExpectations {
  /** Error codes a failed run of this account may honestly carry in this drill. */
  allowedFailures?: (accountId: string) => readonly string[];
}

/** Problems with the runs' statuses (empty when every run is honest and every account ends with a success). */
export function checkStatuses(
  runs: readonly DrillRun[],
  accountIds: readonly string[],
  expect: StatusExpectations = {},
): string[] {
  const problems: string[] = [];
  const short = (r: DrillRun) => r.id.slice(0, 8);
  const resumedBy = new Map(runs.filter((r) => r.resumed_from).map((r) => [r.resumed_from ?? '', r]));
  for (const r of runs) {
    if (r.status === 'queued' || r.status === 'running') {
      problems.push(`run ${short(r)} left ${r.status} (worker ${r.worker_id ?? 'none'})`);
    } else if (r.status === 'interrupted') {
      if (!INTERRUPTED_CODES.has(r.error_code ?? '')) {
        problems.push(`run ${short(r)} interrupted with error code ${r.error_code ?? 'none'}`);
      }
      if (!resumedBy.has(r.id)) problems.push(`interrupted run ${short(r)} was never resumed`);
    } else if (r.status === 'failed') {
      const allowed = expect.allowedFailures?.(r.account_id) ?? [];
      if (!allowed.includes(r.error_code ?? '')) {
        problems.push(`run ${short(r)} failed with ${r.error_code ?? 'no error code'}`);
      }
    } else if (r.status === 'cancelled') {
      problems.push(`run ${short(r)} cancelled, but nobody pressed STOP`);
    } else if (r.status === 'succeeded' && r.error_code !== null) {
      problems.push(`run ${short(r)} succeeded but carries error code ${r.error_code}`);
    }
  }
  for (const id of accountIds) {
    const last = runs.filter((r) => r.account_id === id).at(-1);
    if (!last) problems.push(`account ${id.slice(0, 8)} has no run`);
    else if (last.status !== 'succeeded') {
      problems.push(`account ${id.slice(0, 8)}: last run ${short(last)} ended ${last.status}`);
    }
  }
  return problems;
}

export interface TruthResult {
  pass: boolean;
  summary: string;
  problems: string[];
}

/** Stored orders of each account against `truthOf(account)` (the emulator's truth, read after settling). */
export async function checkTruth(
  db: pg.Pool,
  accounts: ReadonlyArray<{ id: string; name: string }>,
  truthOf: (accountId: string) => Promise<Checksum>,
): Promise<TruthResult> {
  const problems: string[] = [];
  let equal = 0;
  let orders = 0;
  for (const a of accounts) {
    const [stored, truth] = await Promise.all([storedOrders(db, a.id), truthOf(a.id)]);
    orders += stored.count;
    const issues: string[] = [];
    if (stored.count !== truth.count)
      issues.push(`${stored.count} orders stored, emulator has ${truth.count}`);
    else if (stored.checksum !== truth.checksum) issues.push('order ids/modification times differ');
    if (stored.distinctIds !== stored.count)
      issues.push(`${stored.count - stored.distinctIds} duplicate orders`);
    if (stored.lineItems !== stored.expectedLineItems) {
      issues.push(`${stored.lineItems} line items stored, orders list ${stored.expectedLineItems}`);
    }
    if (issues.length === 0) equal += 1;
    else problems.push(`${a.name}: ${issues.join('; ')}`);
  }
  const pass = equal === accounts.length;
  return {
    pass,
    summary: `${pass ? 'PASS' : 'FAIL'} ${equal}/${accounts.length}, ${orders.toLocaleString('en-US')} orders`,
    problems,
  };
}
