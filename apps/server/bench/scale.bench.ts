/**
 * `npm run bench:scale`: 4 emulator sellers connected as 4 accounts over HTTP (OAuth consent), then a full order
 * backfill of all 4 at once by 2 API + 2 worker processes on one Postgres, compared with the same backfill by ONE
 * `--role=all` process. Checks that each run executed once, that stored orders equal the emulator's truth, and that
 * `sync.progress` events from the workers reach SSE clients on both API processes.
 * Size: BENCH_SCALE_ORDERS orders per seller (default 20,000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/platform/embedded-postgres';
import { createLogger } from '../src/platform/logger';
import { freePort } from './bench-setup';
import {
  connectSeller,
  countEvents,
  emulatorSellers,
  login,
  sleep,
  startEmulator,
  startServer,
  startSync,
  waitRun,
  type EmulatorSeller,
  type Proc,
} from './bench-servers';

const ORDERS = Number(process.env.BENCH_SCALE_ORDERS ?? 20_000);
const SELLERS = 4;

interface RunRow {
  id: string;
  account_id: string;
  status: string;
  attempts: number;
  worker_id: string | null;
  pages: number;
  calls: number;
  records_fetched: number;
  started_at: Date;
  finished_at: Date;
}

interface PhaseResult {
  phase: string;
  orders: number;
  seconds: number;
  'orders/s': number;
  runs: number;
  'runs executed once': boolean;
  'workers used': number;
  'matches emulator truth': boolean;
}

async function main(): Promise<void> {
  const logger = createLogger({ level: 'warn' });
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  const pgDir = mkdtempSync(join(tmpdir(), 'bench-scale-pg-'));
  const procs: Proc[] = [];
  const pgServer = await startEmbeddedPostgres({ dataDir: pgDir, port: await freePort(), logger });
  const databaseUrl = pgServer.url();
  const admin = new pg.Client({ connectionString: databaseUrl });
  let emulatorProc: Proc | undefined;
  const stopAll = async () => {
    for (const p of procs.splice(0).reverse()) await p.stop();
  };
  try {
    const [port1, port2] = [await freePort(), await freePort()];
    const api1 = `http://127.0.0.1:${port1}`;
    const api2 = `http://127.0.0.1:${port2}`;
    const emulator = await startEmulator({
      sellers: SELLERS,
      orders: ORDERS,
      acceptUrl: `${api1}/api/ebay/oauth/callback`,
    });
    emulatorProc = emulator;
    const common = { databaseUrl, emulatorUrl: emulator.url, dataDir };
    procs.push(await startServer({ ...common, name: 'api-1', role: 'api', port: port1, publicUrl: api1 }));
    procs.push(await startServer({ ...common, name: 'api-2', role: 'api', port: port2, publicUrl: api2 }));
    procs.push(await startServer({ ...common, name: 'worker-1', role: 'worker', port: 0, publicUrl: api1 }));
    procs.push(await startServer({ ...common, name: 'worker-2', role: 'worker', port: 0, publicUrl: api1 }));
    await admin.connect();
    const token = await login(api1);
    const sellers = (await emulatorSellers(emulator.url)).slice(0, SELLERS);
    const truth = new Map<string, number>();
    const accounts: Array<{ id: string; seller: EmulatorSeller }> = [];
    for (const [i, seller] of sellers.entries()) {
      // Consent starts on api-1; the callback lands on api-1 or api-2 in turn (the state is shared in Postgres).
      const callbackBase = i % 2 === 0 ? api1 : api2;
      await fetch(`${emulator.url}/__emulator/app/accept-url`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: `${callbackBase}/api/ebay/oauth/callback` }),
      });
      const id = await connectSeller(api1, emulator.url, token, seller);
      accounts.push({ id, seller });
      const t = (await (
        await fetch(`${emulator.url}/__emulator/sellers/${seller.id}/truth?resource=orders`)
      ).json()) as {
        count: number;
      };
      truth.set(id, t.count);
    }
    process.stdout.write(
      `connected ${accounts.length} sellers (truth: ${[...truth.values()].join(', ')} orders) over OAuth consent; callbacks on api-1 and api-2\n`,
    );

    const phase = async (name: string, apis: string[]): Promise<{ result: PhaseResult; runs: RunRow[] }> => {
      await admin.query('truncate ebay_orders, ebay_order_line_items, sync_runs, sync_state');
      const started = performance.now();
      const runIds = await Promise.all(
        accounts.map((a, i) => startSync(apis[i % apis.length] ?? '', token, a.id)),
      );
      const statuses = await Promise.all(runIds.map((id) => waitRun(apis[0] ?? '', token, id, 240_000)));
      const seconds = (performance.now() - started) / 1000;
      if (statuses.some((s) => s !== 'succeeded'))
        throw new Error(`${name}: runs ended ${statuses.join(', ')}`);
      const runs = (await admin.query<RunRow>('select * from sync_runs order by started_at')).rows;
      const stored = await admin.query<{ account_id: string; n: string; distinct_ids: string }>(
        'select account_id, count(*) as n, count(distinct order_id) as distinct_ids from ebay_orders group by account_id',
      );
      const matches = accounts.every((a) => {
        const row = stored.rows.find((r) => r.account_id === a.id);
        return (
          row !== undefined && Number(row.n) === truth.get(a.id) && Number(row.distinct_ids) === Number(row.n)
        );
      });
      const orders = stored.rows.reduce((s, r) => s + Number(r.n), 0);
      const once =
        runs.length === accounts.length && runs.every((r) => r.attempts === 1 && r.status === 'succeeded');
      return {
        runs,
        result: {
          phase: name,
          orders,
          seconds: Number(seconds.toFixed(2)),
          'orders/s': Math.round(orders / seconds),
          runs: runs.length,
          'runs executed once': once,
          'workers used': new Set(runs.map((r) => r.worker_id)).size,
          'matches emulator truth': matches,
        },
      };
    };

    const sse1 = countEvents(api1, token);
    const sse2 = countEvents(api2, token);
    await sleep(1000);
    const distributed = await phase('2 api + 2 worker processes', [api1, api2]);
    await sleep(1500);
    sse1.stop();
    sse2.stop();
    const sseRows = distributed.runs.map((r) => ({
      run: r.id.slice(0, 8),
      worker: r.worker_id,
      pages: r.pages,
      calls: r.calls,
      orders: r.records_fetched,
      'sync.progress on api-1': sse1.counts.get(`sync.progress:${r.id}`) ?? 0,
      'sync.progress on api-2': sse2.counts.get(`sync.progress:${r.id}`) ?? 0,
    }));
    const sseOk = sseRows.every(
      (r) => r['sync.progress on api-1'] > 0 && r['sync.progress on api-1'] === r['sync.progress on api-2'],
    );

    await stopAll();
    const port3 = await freePort();
    const single = `http://127.0.0.1:${port3}`;
    procs.push(await startServer({ ...common, name: 'all', role: 'all', port: port3, publicUrl: single }));
    const one = await phase('1 process (--role=all)', [single]);
    await stopAll();

    console.table([distributed.result, one.result]);
    console.table(sseRows);
    const d = distributed.result;
    const o = one.result;
    process.stdout.write(
      `throughput: ${d['orders/s']} orders/s with 2 api + 2 workers vs ${o['orders/s']} orders/s with one process (${(d['orders/s'] / o['orders/s']).toFixed(2)}x); SYNC_CONCURRENCY=2 per worker process (default)\n`,
    );
    const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
    process.stdout.write(
      `no duplicate work (each run executed once, orders = truth, no duplicate ids): ${verdict(d['runs executed once'] && d['matches emulator truth'] && o['runs executed once'] && o['matches emulator truth'])}\n`,
    );
    process.stdout.write(
      `sync.progress events from the workers reach SSE clients on both API processes: ${verdict(sseOk)}\n`,
    );
  } finally {
    await stopAll();
    await emulatorProc?.stop();
    await admin.end().catch(() => undefined);
    await pgServer.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(pgDir, { recursive: true, force: true });
  }
}

await main();
