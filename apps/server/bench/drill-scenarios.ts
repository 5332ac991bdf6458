/**
 * The fault drills, in the order they run. Each one is injected while a full order backfill of every account is
 * under way (see `runDrill`), then cleared; the harness waits for the runs to settle and checks them.
 */
import { sleep } from './bench-servers';
import type { Deployment } from './drill-deployment';
import {
  accountStatus,
  connect,
  control,
  startOrdersRun,
  type Drill,
  type DrillContext,
  type DrillHandle,
} from './drill-context';
import { probeCount, type ProbeKind } from './drill-monitor';
import { storedOrders } from './orders-truth';

const secs = (ms: number) => `${Math.round(ms / 1000)} s`;
const needs = (dep: Deployment, ...caps: Array<keyof Deployment>) => {
  const missing = caps.filter((c) => dep[c] === undefined);
  return missing.length === 0 ? null : `skipped: the deployment cannot ${missing.join(', ')}`;
};

async function runningOn(
  ctx: DrillContext,
  h: DrillHandle,
): Promise<Array<{ id: string; worker_id: string }>> {
  const res = await ctx.db.query<{ id: string; worker_id: string }>(
    `select id, worker_id from sync_runs where status = 'running' and created_at >= $1 and worker_id is not null`,
    [h.since],
  );
  return res.rows;
}

const workerKill: Drill = {
  name: 'worker kill -9',
  fault: 'kill -9 of a worker process mid-backfill, restarted at once',
  skip: (dep) => needs(dep, 'killWorker', 'startWorker'),
  async inject(ctx, h) {
    const before = await runningOn(ctx, h);
    const killedAt = Date.now();
    const victim = await ctx.dep.killWorker?.(before.map((r) => r.worker_id));
    // Recovery is timed from the kill: restarting the process is part of it.
    await h.cleared();
    await ctx.dep.startWorker?.();
    h.fault = `kill -9 ${victim?.label ?? 'a worker'}; restarted`;
    let killed: string[];
    if (victim?.workerId) killed = before.filter((r) => r.worker_id === victim.workerId).map((r) => r.id);
    else {
      // Unknown worker id (external deployment): its runs are the ones whose heartbeat stopped.
      await sleep(3000);
      const stale = await ctx.db.query<{ id: string }>(
        `select id from sync_runs where status = 'running' and created_at >= $1
           and heartbeat_at < now() - interval '2.5 seconds'`,
        [h.since],
      );
      killed = stale.rows.map((r) => r.id);
    }
    if (killed.length === 0) {
      h.problems.push('the killed worker was running no run: the fault missed');
      return;
    }
    // The sweeper marks them once their heartbeat is SYNC_HEARTBEAT_STALE_SECONDS old.
    const until = Date.now() + 180_000;
    let rows: Array<{ id: string; status: string; error_code: string | null; finished_at: Date | null }> = [];
    while (Date.now() < until) {
      rows = (
        await ctx.db.query<{
          id: string;
          status: string;
          error_code: string | null;
          finished_at: Date | null;
        }>('select id, status, error_code, finished_at from sync_runs where id = any($1::uuid[])', [killed])
      ).rows;
      if (rows.every((r) => r.status !== 'running')) break;
      await sleep(500);
    }
    for (const r of rows) {
      if (r.status !== 'interrupted' || r.error_code !== 'worker_lost') {
        h.problems.push(
          `run ${r.id.slice(0, 8)} of the killed worker is ${r.status} (${r.error_code ?? '-'})`,
        );
      } else {
        const after = r.finished_at ? secs(r.finished_at.getTime() - killedAt) : '?';
        h.notes.push(
          `run ${r.id.slice(0, 8)} of the killed worker marked interrupted (worker_lost) ${after} after the kill`,
        );
      }
    }
  },
};

function servedWhileDown(
  ctx: DrillContext,
  h: DrillHandle,
  from: number,
  to: number,
  status: number,
  kinds: ProbeKind[],
  apis: number[],
) {
  const parts: string[] = [];
  for (const i of apis) {
    for (const kind of kinds) {
      const c = probeCount(ctx.health.probes, { api: i, kind, from, to, status });
      parts.push(`api-${i + 1} ${kind} ${c.ok}/${c.total}`);
      if (c.total === 0 || c.ok < c.total) {
        h.problems.push(
          `api-${i + 1} ${kind} answered ${status} to ${c.ok} of ${c.total} probes during the fault`,
        );
      }
    }
  }
  return parts.join(', ');
}

const apiKill: Drill = {
  name: 'api kill -9',
  fault: 'kill -9 of api-1; api-2 keeps serving; api-1 restarted',
  skip: (dep) =>
    needs(dep, 'killApi', 'startApi') ?? (dep.apis.length < 2 ? 'skipped: needs 2 API URLs' : null),
  async inject(ctx, h) {
    const killedAt = Date.now();
    await ctx.dep.killApi?.();
    await sleep(ctx.cfg.apiDownMs);
    await h.cleared();
    await ctx.dep.startApi?.();
    const upAt = Date.now();
    h.apiDown.push({ api: 0, from: killedAt, to: upAt });
    h.fault = `kill -9 api-1, down ${secs(upAt - killedAt)}`;
    const others = ctx.dep.apis.map((_, i) => i).filter((i) => i > 0);
    h.notes.push(
      `while api-1 was down: ${servedWhileDown(ctx, h, killedAt, upAt, 200, ['healthz', 'healthz/db', 'api'], others)}`,
    );
    const back = await fetch(`${ctx.dep.apis[0]}/api/ebay/accounts`, {
      headers: { authorization: `Bearer ${ctx.token}` },
    });
    if (!back.ok) h.problems.push(`restarted api-1 answered ${back.status} to an authenticated request`);
  },
};

const postgresStop: Drill = {
  name: 'postgres stopped',
  fault: 'PostgreSQL stopped mid-backfill, started again',
  skip: (dep) => needs(dep, 'stopPostgres', 'startPostgres'),
  async inject(ctx, h) {
    const stoppedAt = Date.now();
    await ctx.dep.stopPostgres?.();
    await sleep(ctx.cfg.pgDownMs);
    const startAt = Date.now();
    await ctx.dep.startPostgres?.();
    await h.cleared();
    h.fault = `PostgreSQL stopped ${secs(startAt - stoppedAt)}`;
    const all = ctx.dep.apis.map((_, i) => i);
    // A second in, every API process must say so: alive, database unavailable (503), not hanging.
    const from = stoppedAt + 1000;
    h.notes.push(`while down: ${servedWhileDown(ctx, h, from, startAt, 200, ['healthz'], all)}`);
    h.notes.push(`while down: ${servedWhileDown(ctx, h, from, startAt, 503, ['healthz/db', 'api'], all)}`);
  },
};

const ebayErrors: Drill = {
  name: 'eBay errors',
  fault: 'every eBay call answers 5xx or resets the connection',
  skip: () => null,
  async inject(ctx, h) {
    await control(ctx, 'PUT', '/faults', {
      endpoints: { '*': { errorRate: 0.6, resetRate: 0.4, statuses: [500, 502, 503, 504] } },
    });
    const before = (await control<{ injected: number }>(ctx, 'GET', '/faults')).injected;
    await sleep(ctx.cfg.ebayDownMs);
    await control(ctx, 'PUT', '/faults', { endpoints: {} });
    await h.cleared();
    const after = (await control<{ injected: number }>(ctx, 'GET', '/faults')).injected;
    h.fault = `eBay 5xx/resets ${secs(ctx.cfg.ebayDownMs)} (${after - before} faults)`;
  },
};

const ebayUnreachable: Drill = {
  name: 'eBay unreachable',
  fault: 'eBay (the emulator) refuses connections',
  skip: (dep) => needs(dep, 'shutEbay', 'openEbay'),
  async inject(ctx, h) {
    await ctx.dep.shutEbay?.();
    await sleep(ctx.cfg.ebayDownMs);
    await ctx.dep.openEbay?.();
    await h.cleared();
    h.fault = `eBay refuses connections ${secs(ctx.cfg.ebayDownMs)}`;
  },
};

interface QuotaState {
  limits: Record<string, number>;
  usage: Record<string, { count: number }>;
}

const RATE_LIMIT_CODES = ['ebay_rate_limited'];

const quotaExhausted: Drill = {
  name: 'quota exhausted',
  fault: "the app's daily Fulfillment API quota runs out mid-backfill, then resets",
  skip: () => null,
  async inject(ctx, h) {
    const q = await control<QuotaState>(ctx, 'GET', '/quotas');
    const limit = q.limits.fulfillment ?? 100_000;
    const used = q.usage.fulfillment?.count ?? 0;
    await control(ctx, 'PUT', '/quotas', { fulfillment: used + 20 });
    h.statusExpect = { allowedFailures: () => RATE_LIMIT_CODES };
    // Hold the quota exhausted; every run must end or wait with an error code that says why.
    const exhaustedAt = Date.now();
    const until = exhaustedAt + ctx.cfg.quotaHoldMs;
    let seen = new Map<string, { status: string; code: string | null }>();
    while (Date.now() < until) {
      const res = await ctx.db.query<{ id: string; status: string; error_code: string | null }>(
        `select id, status, error_code from sync_runs where created_at >= $1`,
        [h.since],
      );
      seen = new Map(res.rows.map((r) => [r.id, { status: r.status, code: r.error_code }]));
      if (res.rows.every((r) => !['queued', 'running'].includes(r.status))) break;
      await sleep(500);
    }
    const heldMs = Date.now() - exhaustedAt;
    const after = await control<QuotaState>(ctx, 'GET', '/quotas');
    const allowed = (after.usage.fulfillment?.count ?? 0) - used;
    const state = [...seen.values()].map((s) => `${s.status}${s.code ? ` (${s.code})` : ''}`);
    h.notes.push(`${secs(heldMs)} after the quota ran out (${allowed} calls allowed): ${state.join(', ')}`);
    for (const [id, s] of seen) {
      const honest = s.code !== null && RATE_LIMIT_CODES.includes(s.code);
      if (s.status !== 'succeeded' && !honest) {
        h.problems.push(
          `run ${id.slice(0, 8)} ${s.status} with error code ${s.code ?? 'none'} while the quota was used up`,
        );
      }
    }
    if (![...seen.values()].some((s) => s.code !== null && RATE_LIMIT_CODES.includes(s.code))) {
      h.problems.push('no run reported the used-up quota: the fault missed');
    }
    await control(ctx, 'PUT', '/quotas', { fulfillment: limit });
    await control(ctx, 'POST', '/quotas/reset');
    h.fault = `Fulfillment quota used up; reset after ${secs(heldMs)}`;
    // Runs that ended failed are started again (they continue their checkpoint); waiting ones resume by themselves.
    const restarted: string[] = [];
    for (const [i, a] of ctx.accounts.entries()) {
      const run = seen.get(h.runIds.get(a.id) ?? '');
      if (run && ['failed', 'cancelled'].includes(run.status))
        restarted.push(await startOrdersRun(ctx, a.id, i));
    }
    await h.cleared();
    const res = await ctx.db.query<{ message: string | null; continued: boolean }>(
      `select f.error_message as message, (select count(*) from sync_runs n
         where n.id = any($2::uuid[]) and n.resumed_from = f.id) > 0 as continued
       from sync_runs f where f.created_at >= $1 and f.status = 'failed' order by f.created_at`,
      [h.since, restarted],
    );
    const first = res.rows[0];
    if (first) h.notes.push(`failed with "${first.message ?? ''}"`);
    const continued = res.rows.filter((r) => r.continued).length;
    if (restarted.length > 0) {
      h.notes.push(`${continued} of ${restarted.length} later runs continue the failed run's checkpoint`);
    }
  },
};

const tokenRevoked: Drill = {
  name: 'token revoked',
  fault: "one seller's tokens revoked at eBay mid-backfill, then reconnected",
  skip: () => null,
  async inject(ctx, h) {
    const target = ctx.accounts.at(-1);
    if (!target) throw new Error('no account');
    const storedBefore = (await storedOrders(ctx.db, target.id)).count;
    await control(ctx, 'POST', `/sellers/${target.seller.id}/revoke-tokens`);
    h.fault = `${target.name} tokens revoked; reconnected`;
    h.statusExpect = { allowedFailures: (id) => (id === target.id ? ['reauth_required'] : []) };
    const runId = h.runIds.get(target.id) ?? '';
    const until = Date.now() + 120_000;
    let run: { status: string; error_code: string | null } | undefined;
    while (Date.now() < until) {
      run = (
        await ctx.db.query<{ status: string; error_code: string | null }>(
          'select status, error_code from sync_runs where id = $1',
          [runId],
        )
      ).rows[0];
      if (run && !['queued', 'running'].includes(run.status)) break;
      await sleep(250);
    }
    if (run?.status !== 'failed' || run.error_code !== 'reauth_required') {
      h.problems.push(
        `the revoked account's run ended ${run?.status ?? '?'} (${run?.error_code ?? '-'}), not failed (reauth_required)`,
      );
    }
    const status = await accountStatus(ctx, target.id);
    if (status !== 'reauth_required') h.problems.push(`the account shows ${status}, not reauth_required`);
    const storedAfter = (await storedOrders(ctx.db, target.id)).count;
    if (storedAfter < storedBefore)
      h.problems.push(`stored orders dropped from ${storedBefore} to ${storedAfter}`);
    h.notes.push(`run failed (${run?.error_code ?? '-'}), account ${status}, ${storedAfter} orders kept`);

    await connect(ctx, target.seller, 1);
    const reconnected = await accountStatus(ctx, target.id);
    if (reconnected !== 'active') h.problems.push(`after reconnecting the account shows ${reconnected}`);
    const next = await startOrdersRun(ctx, target.id, 1);
    await h.cleared();
    const resumed = await ctx.db.query<{ resumed_from: string | null }>(
      'select resumed_from from sync_runs where id = $1',
      [next],
    );
    h.notes.push(
      `reconnected (${reconnected}); the next run ${resumed.rows[0]?.resumed_from === runId ? "continues the failed run's checkpoint" : 'starts over'}`,
    );
  },
};

export const drills: readonly Drill[] = [
  workerKill,
  apiKill,
  postgresStop,
  ebayErrors,
  ebayUnreachable,
  quotaExhausted,
  tokenRevoked,
];
