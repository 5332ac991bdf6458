/**
 * What every drill shares: the deployment, a database pool for the checks, the admin's bearer token, the connected
 * accounts, the health monitor; and the harness that runs one drill (load, fault, recovery, settle, checks).
 */
import type pg from 'pg';
import { connectSeller, sleep, type EmulatorSeller } from './bench-servers';
import {
  checkStatuses,
  checkTruth,
  runsByStatus,
  runsSince,
  settle,
  type StatusExpectations,
} from './drill-checks';
import type { Deployment } from './drill-deployment';
import { probeCount, watchProgress, type HealthMonitor } from './drill-monitor';
import type { Checksum } from './orders-truth';

export interface DrillConfig {
  sellers: number;
  orders: number;
  pgDownMs: number;
  ebayDownMs: number;
  apiDownMs: number;
  quotaHoldMs: number;
  pagesBeforeFault: number;
  newOrders: number;
  settleTimeoutMs: number;
}

export interface Account {
  id: string;
  name: string;
  seller: EmulatorSeller;
}

export interface DrillContext {
  dep: Deployment;
  db: pg.Pool;
  token: string;
  accounts: Account[];
  health: HealthMonitor;
  cfg: DrillConfig;
  log(line: string): void;
}

export interface DrillResult {
  drill: string;
  fault: string;
  'recovery s': number | string;
  runs: string;
  truth: string;
  statuses: string;
  api: string;
  result: 'PASS' | 'FAIL' | 'SKIP';
  notes: string[];
  problems: string[];
}

/** What a drill's `inject` sees and fills in. */
export interface DrillHandle {
  /** The run started for each account (by account id). */
  runIds: Map<string, string>;
  /** When the drill started, in the database's clock (runs created since then belong to it). */
  since: Date;
  /** Call when the fault is cleared (process restarted, database back, ...): recovery is timed from here. */
  cleared(): Promise<void>;
  /** Windows in which an API process is down on purpose (its probes are not held against it). */
  apiDown: Array<{ api: number; from: number; to: number }>;
  fault: string;
  notes: string[];
  problems: string[];
  statusExpect: StatusExpectations;
}

export interface Drill {
  name: string;
  fault: string;
  /** Why the drill cannot run on this deployment, or null. */
  skip(dep: Deployment): string | null;
  inject(ctx: DrillContext, h: DrillHandle): Promise<void>;
}

export async function control<T>(
  ctx: DrillContext,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${ctx.dep.emulatorUrl}/__emulator${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator ${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function api<T>(
  ctx: DrillContext,
  method: string,
  path: string,
  body?: unknown,
  apiIndex = 0,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${ctx.dep.apis[apiIndex]}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${ctx.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

export async function login(apiUrl: string, admin: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** The OAuth consent flow for `seller`, with the callback on API `callbackApi`; returns the account id. */
export async function connect(
  ctx: DrillContext,
  seller: EmulatorSeller,
  callbackApi: number,
): Promise<string> {
  const callback = ctx.dep.apis[callbackApi % ctx.dep.apis.length] ?? '';
  await control(ctx, 'PUT', '/app/accept-url', { url: `${callback}/api/ebay/oauth/callback` });
  return connectSeller(ctx.dep.apis[0] ?? '', ctx.dep.emulatorUrl, ctx.token, seller);
}

export async function accountStatus(ctx: DrillContext, accountId: string): Promise<string> {
  const res = await api<{ accounts: Array<{ id: string; status: string }> }>(
    ctx,
    'GET',
    '/api/ebay/accounts',
  );
  return res.body.accounts.find((a) => a.id === accountId)?.status ?? 'missing';
}

/** `POST /api/ebay/sync/orders` (full); when a run is already active, waits for it and asks again. */
export async function startOrdersRun(
  ctx: DrillContext,
  accountId: string,
  apiIndex: number,
): Promise<string> {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const res = await api<{ runId?: string; error?: { code: string } }>(
      ctx,
      'POST',
      '/api/ebay/sync/orders',
      { accountId, mode: 'full' },
      apiIndex % ctx.dep.apis.length,
    );
    if (res.status === 202 && res.body.runId) return res.body.runId;
    if (res.body.error?.code !== 'sync_already_running') {
      throw new Error(`sync start: ${res.status} ${JSON.stringify(res.body)}`);
    }
    await sleep(1000);
  }
  throw new Error(`sync start: a run of ${accountId} stayed active`);
}

async function truthOf(ctx: DrillContext, accountId: string): Promise<Checksum> {
  const seller = ctx.accounts.find((a) => a.id === accountId)?.seller;
  return control<Checksum>(ctx, 'GET', `/sellers/${seller?.id ?? ''}/truth?resource=orders`);
}

/** New and changed orders at every seller, so each drill's sync has real changes to carry. */
async function changeOrders(ctx: DrillContext): Promise<void> {
  if (ctx.cfg.newOrders <= 0) return;
  for (const a of ctx.accounts) {
    await control(ctx, 'POST', `/sellers/${a.seller.id}/orders`, { count: ctx.cfg.newOrders });
    await control(ctx, 'POST', `/sellers/${a.seller.id}/orders/modify`, { count: ctx.cfg.newOrders });
  }
}

async function waitForPages(ctx: DrillContext, runIds: readonly string[], pages: number): Promise<void> {
  const until = Date.now() + 180_000;
  while (Date.now() < until) {
    const res = await ctx.db.query<{ pages: number; status: string }>(
      'select pages, status from sync_runs where id = any($1::uuid[])',
      [runIds],
    );
    if (res.rows.every((r) => r.pages >= pages || !['queued', 'running'].includes(r.status))) return;
    await sleep(200);
  }
  throw new Error(`runs did not reach ${pages} pages within 180 s`);
}

async function readyAgain(ctx: DrillContext, from: number): Promise<number> {
  let latest = from;
  for (const [i] of ctx.dep.apis.entries()) {
    const first = ctx.health.probes.find(
      (p) => p.api === i && p.kind === 'healthz/db' && p.at >= from && p.status === 200,
    );
    if (!first) return Number.NaN;
    latest = Math.max(latest, first.at);
  }
  return latest;
}

/** Runs one drill start to end and checks it. */
export async function runDrill(ctx: DrillContext, drill: Drill): Promise<DrillResult> {
  const result: DrillResult = {
    drill: drill.name,
    fault: drill.fault,
    'recovery s': '-',
    runs: '-',
    truth: '-',
    statuses: '-',
    api: '-',
    result: 'SKIP',
    notes: [],
    problems: [],
  };
  const skip = drill.skip(ctx.dep);
  if (skip) {
    result.notes.push(skip);
    return result;
  }
  ctx.log(`\n== ${drill.name}: ${drill.fault}`);
  await changeOrders(ctx);
  const since = (await ctx.db.query<{ now: Date }>('select now() as now')).rows[0]?.now ?? new Date();
  const startedAt = Date.now();
  const watcher = watchProgress(ctx.db, since);
  let clearedAt = Number.NaN;
  const h: DrillHandle = {
    runIds: new Map(),
    since,
    cleared: async () => {
      clearedAt = Date.now();
      await watcher.cleared();
    },
    apiDown: [],
    fault: drill.fault,
    notes: result.notes,
    problems: result.problems,
    statusExpect: {},
  };
  try {
    for (const [i, a] of ctx.accounts.entries()) h.runIds.set(a.id, await startOrdersRun(ctx, a.id, i));
    await waitForPages(ctx, [...h.runIds.values()], ctx.cfg.pagesBeforeFault);
    await drill.inject(ctx, h);
    if (Number.isNaN(clearedAt)) await h.cleared();
    if (!(await settle(ctx.db, ctx.cfg.settleTimeoutMs))) {
      h.problems.push(`runs still active ${Math.round(ctx.cfg.settleTimeoutMs / 1000)} s after the fault`);
    }
  } catch (err) {
    h.problems.push(`drill aborted: ${err instanceof Error ? err.message : String(err)}`);
  }
  const settledAt = Date.now();
  await sleep(1500); // a few more health probes after the end
  watcher.stop();
  result.fault = h.fault;

  const runs = await runsSince(ctx.db, since);
  result.runs = runsByStatus(runs);
  const statusProblems = checkStatuses(
    runs,
    ctx.accounts.map((a) => a.id),
    h.statusExpect,
  );
  h.problems.push(...statusProblems);
  result.statuses = statusProblems.length === 0 ? 'PASS' : `FAIL (${statusProblems.length})`;
  const codes = runs.filter((r) => r.status !== 'succeeded').map((r) => `${r.status} ${r.error_code ?? '-'}`);
  if (codes.length > 0) h.notes.push(`runs not succeeded: ${codes.join(', ')}`);

  const truth = await checkTruth(ctx.db, ctx.accounts, (id) => truthOf(ctx, id));
  result.truth = truth.summary;
  h.problems.push(...truth.problems);

  const apiProblems: string[] = [];
  let healthOk = 0;
  let healthTotal = 0;
  for (const [i] of ctx.dep.apis.entries()) {
    const downs = h.apiDown.filter((d) => d.api === i);
    const inWindow = ctx.health.probes.filter(
      (p) =>
        p.api === i &&
        p.kind === 'healthz' &&
        p.at >= startedAt &&
        p.at < settledAt &&
        !downs.some((d) => p.at >= d.from && p.at < d.to),
    );
    const ok = inWindow.filter((p) => p.status === 200).length;
    healthOk += ok;
    healthTotal += inWindow.length;
    if (ok < inWindow.length)
      apiProblems.push(`api-${i + 1} /healthz answered ${ok}/${inWindow.length} while up`);
    const last = probeCount(ctx.health.probes, {
      api: i,
      kind: 'healthz/db',
      from: settledAt,
      to: Date.now(),
      status: 200,
    });
    if (last.total === 0 || last.ok < last.total)
      apiProblems.push(`api-${i + 1} /healthz/db not 200 after the drill`);
  }
  h.problems.push(...apiProblems);
  result.api = `${apiProblems.length === 0 ? 'PASS' : 'FAIL'} ${healthOk}/${healthTotal}`;

  const ready = await readyAgain(ctx, clearedAt);
  const progress = watcher.recoveryMs();
  if (progress !== null && !Number.isNaN(ready)) {
    result['recovery s'] = Number((Math.max(progress, ready - clearedAt) / 1000).toFixed(1));
  } else h.problems.push('did not recover (no progress or no ready API after the fault was cleared)');
  result.result = h.problems.length === 0 ? 'PASS' : 'FAIL';
  ctx.log(
    `   ${result.result}: runs ${result.runs}; truth ${result.truth}; recovery ${result['recovery s']} s`,
  );
  for (const n of h.notes) ctx.log(`   note: ${n}`);
  for (const p of h.problems) ctx.log(`   problem: ${p}`);
  return result;
}
