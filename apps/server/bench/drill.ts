/**
 * `npm run drill`: scripted fault drills against a deployment (its own by default, see drill-deployment.ts): a
 * worker and an API process killed with -9, PostgreSQL stopped, eBay failing and unreachable, the API quota used
 * up, a seller's tokens revoked. Each fault hits a running full order backfill of every account; after it the
 * runs must settle with honest statuses and the stored orders must equal the emulator's truth. Prints a table,
 * writes artifacts/drill-report.md, exits non-zero when a drill fails.
 *
 * Sizes and durations: DRILL_SELLERS (3), DRILL_ORDERS per seller (20000), DRILL_PG_DOWN_MS (30000),
 * DRILL_EBAY_DOWN_MS (20000), DRILL_API_DOWN_MS (5000), DRILL_QUOTA_HOLD_MS (60000), DRILL_PAGES_BEFORE_FAULT (5),
 * DRILL_NEW_ORDERS (200 new and 200 changed orders per seller before each drill), DRILL_SETTLE_TIMEOUT_MS (600000),
 * DRILL_HEARTBEAT_STALE_SECONDS (SYNC_HEARTBEAT_STALE_SECONDS of the servers, 30), DRILL_ONLY (comma-separated
 * parts of drill names), DRILL_REPORT (report path).
 */
import { join } from 'node:path';
import pg from 'pg';
import { defaultIntervalMinutes, syncResources } from '../src/sync/resources';
import { repoRoot } from './bench-setup';
import { emulatorSellers } from './bench-servers';
import {
  api,
  connect,
  login,
  runDrill,
  type DrillConfig,
  type DrillContext,
  type DrillResult,
} from './drill-context';
import { externalDeployment, startOwnDeployment, type Deployment } from './drill-deployment';
import { startHealthMonitor, type HealthMonitor } from './drill-monitor';
import { printReport, verdictOf, writeMarkdownReport } from './drill-report';
import { drills } from './drill-scenarios';

function num(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

const cfg: DrillConfig = {
  sellers: num('DRILL_SELLERS', 3),
  orders: num('DRILL_ORDERS', 20_000),
  pgDownMs: num('DRILL_PG_DOWN_MS', 30_000),
  ebayDownMs: num('DRILL_EBAY_DOWN_MS', 20_000),
  apiDownMs: num('DRILL_API_DOWN_MS', 5000),
  quotaHoldMs: num('DRILL_QUOTA_HOLD_MS', 60_000),
  pagesBeforeFault: num('DRILL_PAGES_BEFORE_FAULT', 5),
  newOrders: num('DRILL_NEW_ORDERS', 200),
  settleTimeoutMs: num('DRILL_SETTLE_TIMEOUT_MS', 600_000),
};
const staleSeconds = num('DRILL_HEARTBEAT_STALE_SECONDS', 30);
const only = (process.env.DRILL_ONLY ?? '')
  .split(',')
  .map((s) => s.trim().toLowerCase())
  .filter(Boolean);
const reportPath = process.env.DRILL_REPORT ?? join(repoRoot, 'artifacts', 'drill-report.md');
const log = (line: string) => process.stdout.write(`${line}\n`);

/** What must be stopped on the way out, however the drill ends. */
const running: { deployment: Deployment | null; pool: pg.Pool | null; health: HealthMonitor | null } = {
  deployment: null,
  pool: null,
  health: null,
};
let closing: Promise<void> | null = null;
function cleanup(): Promise<void> {
  closing ??= (async () => {
    running.health?.stop();
    await running.pool?.end().catch(() => undefined);
    await running.deployment?.close();
  })();
  return closing;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`\n${signal}: stopping the deployment`);
    void cleanup().finally(() => process.exit(130));
  });
}

type Schedule = { accountId: string; resource: string; intervalMinutes: number; enabled: boolean };

/** Connects the sellers over OAuth and pauses their schedules (every run is then one the drills started). */
async function connectAccounts(ctx: DrillContext): Promise<Schedule[]> {
  const sellers = (await emulatorSellers(ctx.dep.emulatorUrl)).slice(0, cfg.sellers);
  for (const [i, seller] of sellers.entries()) {
    ctx.accounts.push({ id: await connect(ctx, seller, i), name: seller.username, seller });
  }
  const previous: Schedule[] = [];
  for (const a of ctx.accounts) {
    const res = await api<{ schedules: Schedule[] }>(
      ctx,
      'GET',
      `/api/ebay/sync/schedules?accountId=${a.id}`,
    );
    previous.push(
      ...res.body.schedules.map(({ accountId, resource, intervalMinutes, enabled }) => ({
        accountId,
        resource,
        intervalMinutes,
        enabled,
      })),
    );
  }
  const off = ctx.accounts.flatMap((a) =>
    syncResources.map((resource) => ({
      accountId: a.id,
      resource,
      intervalMinutes: defaultIntervalMinutes(resource),
      enabled: false,
    })),
  );
  const res = await api(ctx, 'PUT', '/api/ebay/sync/schedules', { schedules: off });
  if (res.status !== 200) throw new Error(`pausing schedules: ${res.status} ${JSON.stringify(res.body)}`);
  log(
    `connected ${ctx.accounts.length} sellers over OAuth (${ctx.accounts.map((a) => a.name).join(', ')}); schedules paused`,
  );
  return previous;
}

async function main(): Promise<number> {
  const startedAt = new Date();
  const dep =
    externalDeployment(process.env) ??
    (await startOwnDeployment({
      sellers: cfg.sellers,
      orders: cfg.orders,
      serverEnv: { SYNC_HEARTBEAT_STALE_SECONDS: String(staleSeconds) },
      log,
    }));
  running.deployment = dep;
  const pool = new pg.Pool({ connectionString: dep.databaseUrl, max: 4, connectionTimeoutMillis: 3000 });
  running.pool = pool;
  pool.on('error', () => undefined); // the database is stopped on purpose
  const token = await login(dep.apis[0] ?? '', dep.admin);
  const health = startHealthMonitor(dep.apis, () => token);
  running.health = health;
  const ctx: DrillContext = { dep, db: pool, token, accounts: [], health, cfg, log };
  const schedules = await connectAccounts(ctx);

  const results: DrillResult[] = [];
  for (const drill of drills) {
    if (only.length > 0 && !only.some((o) => drill.name.toLowerCase().includes(o))) continue;
    const result = await runDrill(ctx, drill);
    results.push(result);
    if (result.result === 'FAIL' && dep.kind === 'own') log(dep.diagnostics().slice(-6000));
  }
  if (dep.kind === 'external' && schedules.length > 0) {
    await api(ctx, 'PUT', '/api/ebay/sync/schedules', { schedules });
  }

  log('');
  printReport(results);
  const settings =
    `${cfg.sellers} sellers x ${cfg.orders} orders, +${cfg.newOrders} new/changed per seller per drill, ` +
    `fault after ${cfg.pagesBeforeFault} pages, PostgreSQL down ${cfg.pgDownMs} ms, eBay down ${cfg.ebayDownMs} ms, ` +
    `api-1 down ${cfg.apiDownMs} ms, quota held ${cfg.quotaHoldMs} ms at most, SYNC_HEARTBEAT_STALE_SECONDS=${staleSeconds}`;
  writeMarkdownReport(reportPath, results, {
    deployment: dep.summary,
    settings,
    startedAt,
    seconds: (Date.now() - startedAt.getTime()) / 1000,
  });
  log(`report: ${reportPath}`);
  return verdictOf(results).pass ? 0 : 1;
}

let code = 1;
try {
  code = await main();
} catch (err) {
  console.error(err);
  if (running.deployment?.kind === 'own') console.error(running.deployment.diagnostics().slice(-6000));
} finally {
  await cleanup();
}
process.exit(code);
