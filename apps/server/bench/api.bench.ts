/**
 * `npm run bench:api`: read API latency over 1,000,000 stored orders, against the real server process
 * (`main.ts --role=api`), while a worker process (`--role=worker`) runs order syncs. Orders are seeded by syncing
 * real orders from the emulator, then copied (distinct ids, shifted dates, 4 extra accounts) with INSERT ... SELECT.
 * Prints a latency table (autocannon, 50 connections), the CPU each process used during each scenario, and
 * EXPLAIN (ANALYZE, BUFFERS) of the list and detail SQL as the API runs it (prepared statements).
 * During the load the emulator answers like eBay does, in about half a second (BENCH_API_EBAY_LATENCY_MS plus up
 * to BENCH_API_EBAY_JITTER_MS), so the background sync runs at the pace a real account allows; 0 runs it at the
 * emulator's full speed.
 * Sizes: BENCH_API_ORDERS (default 1,000,000), BENCH_API_REAL_ORDERS (20,000), BENCH_API_SECONDS (15);
 * BENCH_PG_SETTINGS adds PostgreSQL settings.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { listPage, listPageJson } from '../src/data/list-engine';
import { ordersList } from '../src/data/list-specs';
import { findOrderDetail } from '../src/data/order-detail.repository';
import { startEmbeddedPostgres } from '../src/platform/embedded-postgres';
import { createLogger } from '../src/platform/logger';
import type { SyncDb } from '../src/sync/sync-db';
import { freePort } from './bench-setup';
import {
  connectSeller,
  emulatorSellers,
  getJson,
  load,
  login,
  sleep,
  startEmulator,
  startServer,
  startSync,
  waitRun,
  type LoadResult,
  type Proc,
} from './bench-servers';

const TARGET = Number(process.env.BENCH_API_ORDERS ?? 1_000_000);
const REAL = Number(process.env.BENCH_API_REAL_ORDERS ?? 20_000);
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 15);
const EBAY_LATENCY_MS = Number(process.env.BENCH_API_EBAY_LATENCY_MS ?? 400);
const EBAY_JITTER_MS = Number(process.env.BENCH_API_EBAY_JITTER_MS ?? 200);
/** `BENCH_API_BACKGROUND_SYNC=0` runs the load without the background syncs (to tell their cost from the reads'). */
const BACKGROUND_SYNC = process.env.BENCH_API_BACKGROUND_SYNC !== '0';
const CONNECTIONS = 50;
const EXTRA_ACCOUNTS = 4;

/** CPU seconds used so far by each process tree in `roots` (Linux /proc), by this process and by the machine. */
function cpuSeconds(roots: Record<string, number>): Record<string, number> {
  const tick = 100; // USER_HZ
  const procs = new Map<number, { ppid: number; cpu: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime + stime, plus cutime + cstime: the CPU of children that ended (Postgres's autovacuum and parallel
      // workers come and go).
      const cpu = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
      procs.set(Number(entry), { ppid: Number(f[1]), cpu: cpu / tick });
    } catch {
      // exited meanwhile
    }
  }
  const out: Record<string, number> = {};
  for (const [name, root] of Object.entries(roots)) {
    let sum = 0;
    const stack = [root];
    while (stack.length > 0) {
      const pid = stack.pop() ?? 0;
      sum += procs.get(pid)?.cpu ?? 0;
      for (const [child, p] of procs) if (p.ppid === pid) stack.push(child);
    }
    out[name] = sum;
  }
  const own = process.cpuUsage();
  out['load tool'] = (own.user + own.system) / 1e6;
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = (
    readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? ''
  )
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  out.machine = (user + nice + system + irq + softirq + steal) / tick;
  return out;
}

/** Cores each process used between two `cpuSeconds` readings; `other processes` is the rest of the machine. */
function coresUsed(
  scenario: string,
  before: Record<string, number>,
  after: Record<string, number>,
  seconds: number,
): Record<string, string | number> {
  const row: Record<string, string | number> = { scenario };
  let ours = 0;
  for (const key of Object.keys(after)) {
    if (key === 'machine') continue;
    const cores = ((after[key] ?? 0) - (before[key] ?? 0)) / seconds;
    ours += cores;
    row[key] = Number(cores.toFixed(2));
  }
  const machine = ((after.machine ?? 0) - (before.machine ?? 0)) / seconds;
  row['other processes'] = Number(Math.max(0, machine - ours).toFixed(2));
  return row;
}

async function seed(admin: pg.Client, realAccount: string): Promise<void> {
  const started = performance.now();
  await admin.query('set synchronous_commit = off');
  const accounts: string[] = [];
  for (let k = 0; k < EXTRA_ACCOUNTS; k += 1) {
    const r = await admin.query<{ id: string }>(
      `insert into ebay_accounts (environment, ebay_user_id, username, label) values ('emulator', $1, $1, 'bench copy') returning id`,
      [`bench-copy-${k}`],
    );
    accounts.push(r.rows[0]?.id ?? '');
  }
  const real = Number(
    (await admin.query<{ n: string }>('select count(*) as n from ebay_orders')).rows[0]?.n ?? 0,
  );
  const copies = Math.ceil((TARGET - real) / Math.max(1, real));
  let total = real;
  // One statement per copy (~real rows each): bounded, with progress.
  for (let g = 1; g <= copies && total < TARGET; g += 1) {
    const account = accounts[g % EXTRA_ACCOUNTS] ?? '';
    const take = Math.min(real, TARGET - total);
    await admin.query(
      `with src as (select * from ebay_orders where account_id = $1 order by order_id limit $3)
       insert into ebay_orders (account_id, order_id, created_at_ebay, modified_at_ebay, fulfillment_status, payment_status,
         buyer_username, total_value, total_currency, cancel_state, line_item_count, search_text, raw)
       select $2::uuid, order_id || '-c' || $4::int, created_at_ebay - make_interval(mins => $4::int * 7),
         modified_at_ebay - make_interval(mins => $4::int * 7), fulfillment_status, payment_status, buyer_username,
         total_value, total_currency, cancel_state, line_item_count, search_text, raw
       from src`,
      [realAccount, account, take, g],
    );
    await admin.query(
      `insert into ebay_order_line_items (account_id, order_id, line_item_id, sku, title, legacy_item_id, quantity,
         total_value, total_currency, fulfillment_status)
       select $2::uuid, li.order_id || '-c' || $4::int, li.line_item_id, li.sku, li.title, li.legacy_item_id, li.quantity,
         li.total_value, li.total_currency, li.fulfillment_status
       from ebay_order_line_items li
       where li.account_id = $1 and li.order_id in (select order_id from ebay_orders where account_id = $1 order by order_id limit $3)`,
      [realAccount, account, take, g],
    );
    total += take;
    if (g % 10 === 0)
      process.stdout.write(
        `  seeded ${total} orders (${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
      );
  }
  // A table that grew to this size over time has been vacuumed long since: do it now, so autovacuum does not
  // start on the freshly copied rows in the middle of the load.
  await admin.query('vacuum (analyze) ebay_orders, ebay_order_line_items');
  // And its pages were written out long since: the checkpoint after the seeding's gigabytes of WAL would otherwise
  // spread its writes over the first scenarios.
  await admin.query('checkpoint');
  process.stdout.write(
    `seeded ${total} orders: ${real} synced from the emulator + ${copies} INSERT ... SELECT copies over ${EXTRA_ACCOUNTS} extra accounts in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

/**
 * The SQL the data routes run, captured from Kysely, then EXPLAIN (ANALYZE, BUFFERS) of it as the API runs it: a
 * prepared statement, explained after 6 executions (Postgres then uses the cached plan it settled on).
 */
async function explain(pool: pg.Pool, title: string, run: (db: SyncDb) => Promise<unknown>): Promise<void> {
  const captured: CompiledQuery[] = [];
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      captured.push(event.query);
    },
  }) as unknown as SyncDb;
  await run(db);
  const query = captured[0];
  if (!query) return;
  const client = await pool.connect();
  try {
    await client.query(`prepare bench_explain as ${query.sql}`);
    const params = query.parameters.map((p) =>
      p === null ? 'null' : pg.escapeLiteral(p instanceof Date ? p.toISOString() : String(p)),
    );
    const execute = `execute bench_explain${params.length ? `(${params.join(', ')})` : ''}`;
    for (let i = 0; i < 6; i += 1) await client.query(execute);
    const plan = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${execute}`);
    const kinds = await client.query<{ generic_plans: string; custom_plans: string }>(
      `select generic_plans, custom_plans from pg_prepared_statements where name = 'bench_explain'`,
    );
    const k = kinds.rows[0];
    process.stdout.write(
      `\n--- ${title}\n${query.sql.replace(/\s+/g, ' ').trim()}\nparameters: ${JSON.stringify(query.parameters)}\n` +
        `executions planned by Postgres: ${k?.generic_plans ?? '?'} with the cached generic plan, ${k?.custom_plans ?? '?'} with a custom plan\n`,
    );
    process.stdout.write(`${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
  } finally {
    await client.query('deallocate bench_explain').catch(() => undefined);
    client.release();
  }
}

async function main(): Promise<void> {
  const logger = createLogger({ level: 'warn' });
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-api-'));
  const pgDir = mkdtempSync(join(tmpdir(), 'bench-api-pg-'));
  const procs: Proc[] = [];
  // BENCH_PG_SETTINGS="name=value,name=value" adds server settings (e.g. shared_buffers=2GB) to compare with.
  const settings = Object.fromEntries(
    (process.env.BENCH_PG_SETTINGS ?? '')
      .split(',')
      .filter((s) => s.includes('='))
      .map((s) => [s.slice(0, s.indexOf('=')).trim(), s.slice(s.indexOf('=') + 1).trim()]),
  );
  const pgServer = await startEmbeddedPostgres({ dataDir: pgDir, port: await freePort(), logger, settings });
  const databaseUrl = pgServer.url();
  const admin = new pg.Client({ connectionString: databaseUrl });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  let syncing = false;
  let loop: Promise<void> = Promise.resolve();
  let syncError = '';
  try {
    const port = await freePort();
    const apiUrl = `http://127.0.0.1:${port}`;
    const emulator = await startEmulator({
      sellers: 2,
      orders: REAL,
      acceptUrl: `${apiUrl}/api/ebay/oauth/callback`,
    });
    procs.push(emulator);
    const common = { databaseUrl, emulatorUrl: emulator.url, publicUrl: apiUrl, dataDir };
    // The api process migrates the database on start; the worker starts after it.
    procs.push(await startServer({ ...common, name: 'api', role: 'api', port }));
    procs.push(await startServer({ ...common, name: 'worker', role: 'worker', port: 0 }));
    await admin.connect();
    const token = await login(apiUrl);
    const [sellerA, sellerB] = await emulatorSellers(emulator.url);
    if (!sellerA || !sellerB) throw new Error('emulator has fewer than 2 sellers');
    const accountA = await connectSeller(apiUrl, emulator.url, token, sellerA);
    const accountB = await connectSeller(apiUrl, emulator.url, token, sellerB);

    const t0 = performance.now();
    const seedRun = await startSync(apiUrl, token, accountA);
    const status = await waitRun(apiUrl, token, seedRun, 180_000);
    if (status !== 'succeeded') throw new Error(`seed sync ended ${status}`);
    process.stdout.write(
      `synced ${REAL} orders of seller A through the worker in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
    await seed(admin, accountA);

    // Sample ids and deep cursors before the load.
    const ids = (
      await admin.query<{ account_id: string; order_id: string }>(
        'select account_id, order_id from ebay_orders tablesample system (1) limit 5000',
      )
    ).rows;
    const listPath = '/api/orders?fulfillmentStatus=FULFILLED&sort=creationDate&order=desc&limit=50';
    const listOnePath = `${listPath}&accountId=${accountA}`;
    const deepCursors: string[] = [];
    let cursor: string | null = null;
    const deepPages = 100;
    for (let page = 0; page < deepPages; page += 1) {
      const body: { nextCursor: string | null } = await getJson(
        `${apiUrl}${listPath.replace('limit=50', 'limit=200')}${cursor ? `&cursor=${cursor}` : ''}`,
        token,
      );
      cursor = body.nextCursor;
      if (!cursor) break;
      if (page >= deepPages / 2) deepCursors.push(cursor);
    }
    const day = (
      await admin.query<{ d: Date }>(
        `select date_trunc('day', created_at_ebay) as d from ebay_orders where account_id = $1 order by created_at_ebay desc offset 5000 limit 1`,
        [accountA],
      )
    ).rows[0]?.d;
    const from = (day ?? new Date()).toISOString();
    const to = new Date((day ?? new Date()).getTime() + 86_400_000).toISOString();
    const csvPath = `/api/orders.csv?accountId=${accountA}&from=${from}&to=${to}`;
    const csvRows = await fetch(`${apiUrl}${csvPath}`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.text());
    process.stdout.write(
      `deep keyset: ${deepCursors.length} cursors at pages ${deepPages / 2}..${deepPages} of 200 rows (up to ${deepPages * 200} rows deep); CSV day ${from.slice(0, 10)}: ${csvRows.split('\n').length - 2} rows\n`,
    );

    // From here on the emulator answers with eBay's latency (the seeding above ran at full speed).
    const faults = await fetch(`${emulator.url}/__emulator/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: EBAY_LATENCY_MS, jitterMs: EBAY_JITTER_MS }),
    });
    if (!faults.ok) throw new Error(`emulator faults: ${faults.status} ${await faults.text()}`);

    // Full syncs of account B, one after the other, for as long as the load runs (bounded by count).
    syncing = BACKGROUND_SYNC;
    let syncRuns = 0;
    let syncSeconds = 0;
    loop = (async () => {
      for (let i = 0; i < 200 && syncing; i += 1) {
        const runId = await startSync(apiUrl, token, accountB).catch(() => null);
        if (!runId) {
          await sleep(500);
          continue;
        }
        const started = performance.now();
        const s = await waitRun(apiUrl, token, runId, 900_000);
        if (s !== 'succeeded') throw new Error(`background sync ended ${s}`);
        syncRuns += 1;
        syncSeconds += (performance.now() - started) / 1000;
      }
    })().catch((err: unknown) => {
      syncError = String(err);
    });

    const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;
    const scenarios: Array<[string, () => string]> = [
      ['list: status + creationDate (all accounts)', () => listPath],
      ['list: status + creationDate (one account)', () => listOnePath],
      ['list: deep keyset pages (all accounts)', () => `${listPath}&cursor=${pick(deepCursors)}`],
      [
        'detail: random id with accountId',
        () => {
          const o = pick(ids);
          return `/api/orders/${encodeURIComponent(o.order_id)}?accountId=${o.account_id}`;
        },
      ],
      ['detail: random id without accountId', () => `/api/orders/${encodeURIComponent(pick(ids).order_id)}`],
      ['CSV: one account, one day', () => csvPath],
    ];
    const results: LoadResult[] = [];
    const cpu: Array<Record<string, string | number>> = [];
    const roots: Record<string, number> = { postgres: pgServer.pid };
    for (const p of procs) roots[p.name.replace(/^server /, '')] = p.child.pid ?? 0;
    for (const [scenario, path] of scenarios) {
      // Let queries queued by the previous scenario drain, so each scenario is measured on its own (bounded).
      for (let i = 0; i < 120; i += 1) {
        const t = performance.now();
        const res = await fetch(`${apiUrl}/healthz/db`).catch(() => null);
        if (res?.ok && performance.now() - t < 50) break;
        await sleep(250);
      }
      process.stdout.write(`load: ${scenario} ...\n`);
      const before = cpuSeconds(roots);
      results.push(
        await load({ scenario, url: apiUrl, token, connections: CONNECTIONS, seconds: SECONDS, path }),
      );
      cpu.push(coresUsed(scenario, before, cpuSeconds(roots), SECONDS));
    }
    syncing = false;
    await loop;
    if (syncError) process.stdout.write(`background sync failed: ${syncError}\n`);
    console.table(results);
    process.stdout.write('CPU cores used during each scenario (2 cores in all):\n');
    console.table(cpu);
    if (!BACKGROUND_SYNC)
      process.stdout.write('no background sync during the load (BENCH_API_BACKGROUND_SYNC=0)\n');
    else
      process.stdout.write(
        `${syncRuns} full order syncs of ${REAL} orders ran in the worker process during the load (one after the other, ${syncRuns ? (syncSeconds / syncRuns).toFixed(1) : '-'} s each; eBay latency ${EBAY_LATENCY_MS}-${EBAY_LATENCY_MS + EBAY_JITTER_MS} ms per call)\n`,
      );
    const ok = (r: LoadResult | undefined) =>
      r ? r['p95 ms'] < 50 && r.errors === 0 && r.non2xx === 0 : false;
    for (const r of results)
      if (!r.scenario.startsWith('CSV'))
        process.stdout.write(
          `${r.scenario}: p95 ${r['p95 ms']} ms (target < 50, no errors): ${ok(r) ? 'PASS' : 'FAIL'}\n`,
        );

    const sample = ids[0] ?? { account_id: accountA, order_id: '' };
    const listQuery = {
      fulfillmentStatus: 'FULFILLED',
      sort: 'creationDate',
      order: 'desc',
      limit: 50,
      format: 'json',
    } as const;
    await explain(pool, 'orders list, status + creationDate, all accounts (first page)', (db) =>
      listPageJson(db, ordersList, listQuery),
    );
    await explain(pool, 'orders list, status + creationDate, one account (first page)', (db) =>
      listPageJson(db, ordersList, { ...listQuery, accountId: accountA }),
    );
    await explain(pool, 'orders list, deep keyset page (all accounts)', (db) =>
      listPageJson(db, ordersList, { ...listQuery, cursor: deepCursors.at(-1) }),
    );
    await explain(pool, 'order detail with accountId', (db) =>
      findOrderDetail(db, sample.order_id, sample.account_id),
    );
    await explain(pool, 'order detail without accountId', (db) => findOrderDetail(db, sample.order_id));
    await explain(pool, 'orders CSV, one account, one day (each page of 1000 rows)', (db) =>
      listPage(db, ordersList, { accountId: accountA, from, to, order: 'desc', limit: 1000, format: 'csv' }),
    );
  } finally {
    syncing = false;
    await loop;
    for (const p of procs.reverse()) await p.stop();
    await pool.end();
    await admin.end().catch(() => undefined);
    await pgServer.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(pgDir, { recursive: true, force: true });
  }
}

await main();
