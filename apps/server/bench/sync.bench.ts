/**
 * `npm run bench:sync`: order backfill throughput of the sync engine against the emulator (each in its own process),
 * at 0 ms and 100 ms emulator latency, against a naive baseline, with peak RSS at 100k and 300k orders, the cost
 * of an incremental run with nothing new and of a full run over stored orders none of which changed. Sizes can be
 * lowered with BENCH_ORDERS / BENCH_LARGE_ORDERS.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/platform/embedded-postgres';
import { createLogger } from '../src/platform/logger';
import { migrate } from '../src/platform/migrations';
import { emulatorUserToken, freePort, repoRoot, startEmulatorProcess } from './bench-setup';
import { runChild, type ChildArgs, type ChildResult } from './bench-child';
import { treeCpuMs } from './process-cpu';

const self = fileURLToPath(import.meta.url);

async function child(): Promise<void> {
  const args = JSON.parse(process.env.BENCH_CHILD ?? '{}') as ChildArgs;
  const result = await runChild(args);
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
  process.exit(0);
}

function spawnChild(args: ChildArgs): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    // BENCH_CPU_PROFILE_DIR=<dir> writes a V8 CPU profile of each sync process there.
    const profile = process.env.BENCH_CPU_PROFILE_DIR
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE_DIR}`]
      : [];
    const p = spawn(process.execPath, [...profile, '--import', 'tsx', self], {
      cwd: repoRoot,
      env: { ...process.env, BENCH_CHILD: JSON.stringify(args) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code !== 0 || !line) reject(new Error(`bench child failed (${code}): ${out.slice(-2000)}`));
      else resolve(JSON.parse(line.slice('BENCH_RESULT '.length)) as ChildResult);
    });
  });
}

async function parent(): Promise<void> {
  const orders = Number(process.env.BENCH_ORDERS ?? 100_000);
  const large = Number(process.env.BENCH_LARGE_ORDERS ?? 300_000);
  const latency = Number(process.env.BENCH_LATENCY_MS ?? 100);
  const logger = createLogger({ level: 'warn' });
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-sync-'));
  // Durable settings (fsync on), as a real install runs.
  // BENCH_PG_STATS=1 prints the statements Postgres spent its time on (pg_stat_statements) after each run.
  const pgStats = process.env.BENCH_PG_STATS === '1';
  const pgServer = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    logger,
    ...(pgStats ? { settings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' } } : {}),
  });
  const url = pgServer.url();
  await migrate(url, logger);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  if (pgStats) await admin.query('create extension if not exists pg_stat_statements');
  const printPgStats = async (label: string, orders: number) => {
    if (!pgStats) return;
    const top = await admin.query<{ query: string; calls: string; total_ms: number; mean_ms: number }>(
      `select regexp_replace(left(query, 90), '\\s+', ' ', 'g') as query, calls, round(total_exec_time)::int as total_ms,
         round(mean_exec_time::numeric, 2)::float as mean_ms
       from pg_stat_statements order by total_exec_time desc limit 12`,
    );
    process.stdout.write(`Postgres statements of ${label} (execution time per 1,000 orders):\n`);
    console.table(
      top.rows.map((r) => ({ ...r, 'ms/1k orders': orders ? Math.round((r.total_ms * 1000) / orders) : '-' })),
    );
    await admin.query('select pg_stat_statements_reset()');
  };
  const results: Record<string, ChildResult> = {};
  const cpu: Record<string, { postgres: number | null; emulator: number | null }> = {};
  // BENCH_ONLY=engine_0ms,engine_100ms,... runs a subset (the verdicts of the others are left out).
  const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
  const delta = (before: number | null, after: number | null) =>
    before === null || after === null ? null : after - before;

  const scenario = async (
    name: string,
    opts: { orders: number; latencyMs: number },
    runs: Array<[string, 'engine' | 'naive', 'full' | 'incremental']>,
  ) => {
    const emulator = await startEmulatorProcess(opts);
    try {
      const { token, username, userId } = await emulatorUserToken(emulator.url);
      await admin.query('truncate ebay_accounts cascade');
      const account = await admin.query<{ id: string }>(
        `insert into ebay_accounts (environment, ebay_user_id, username, label) values ('emulator', $1, $2, 'bench') returning id`,
        [userId, username],
      );
      const accountId = account.rows[0]?.id ?? '';
      for (const [label, kind, mode] of runs) {
        if (only && !only.has(label)) continue;
        // A `_resync` run is a full run over the orders the previous run stored (none changed on eBay).
        if (mode === 'full' && !label.endsWith('_resync'))
          await admin.query(
            'truncate ebay_orders cascade; truncate sync_runs cascade; truncate sync_state cascade',
          );
        process.stdout.write(`running ${name} ${label} ...\n`);
        const pgBefore = treeCpuMs(pgServer.pid);
        const emBefore = emulator.child.pid ? treeCpuMs(emulator.child.pid) : null;
        results[label] = await spawnChild({
          kind,
          mode,
          databaseUrl: url,
          emulatorUrl: emulator.url,
          token,
          accountId,
        });
        await printPgStats(label, results[label].orders);
        cpu[label] = {
          postgres: delta(pgBefore, treeCpuMs(pgServer.pid)),
          emulator: delta(emBefore, emulator.child.pid ? treeCpuMs(emulator.child.pid) : null),
        };
      }
    } finally {
      await emulator.stop();
    }
  };

  try {
    await scenario('0ms', { orders, latencyMs: 0 }, [
      ['engine_0ms', 'engine', 'full'],
      ['engine_incremental', 'engine', 'incremental'],
      ['engine_resync', 'engine', 'full'],
      ...(process.env.BENCH_SKIP_NAIVE ? [] : [['naive_0ms', 'naive', 'full'] as [string, 'naive', 'full']]),
    ]);
    await scenario(`${latency}ms`, { orders, latencyMs: latency }, [
      [`engine_${latency}ms`, 'engine', 'full'],
    ]);
    await scenario('large', { orders: large, latencyMs: 0 }, [['engine_large_0ms', 'engine', 'full']]);
  } finally {
    await admin.end();
    await pgServer.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const rate = (r: ChildResult | undefined) => (r ? r.orders / r.seconds : 0);
  const e0 = results.engine_0ms;
  const eL = results[`engine_${latency}ms`];
  const naive = results.naive_0ms;
  const big = results.engine_large_0ms;
  const inc = results.engine_incremental;
  const apiBound = eL ? (eL.calls * latency) / 1000 / eL.fetchConcurrency : 0;
  // CPU per 1,000 orders of each process: where the two cores go (not shown below 1,000 orders, where the
  // process's start-up is most of it).
  const per1k = (ms: number | null | undefined, r: ChildResult) =>
    ms === null || ms === undefined || r.orders < 1000 ? '-' : Math.round((ms * 1000) / r.orders);
  const rows = Object.entries(results).map(([name, r]) => ({
    scenario: name,
    orders: r.orders,
    seconds: Number(r.seconds.toFixed(2)),
    'orders/s': Math.round(rate(r)),
    calls: r.calls,
    'peak RSS MB': Math.round(r.maxRssMb),
    'sync CPU ms/1k': per1k(r.cpuMs, r),
    'postgres CPU ms/1k': per1k(cpu[name]?.postgres, r),
    'emulator CPU ms/1k': per1k(cpu[name]?.emulator, r),
  }));
  console.table(rows);
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  console.log(`engine @0ms: ${Math.round(rate(e0))} orders/s (target >= 5000): ${verdict(rate(e0) >= 5000)}`);
  if (eL) {
    console.log(
      `engine @${latency}ms: ${eL.seconds.toFixed(2)} s vs API-bound ${apiBound.toFixed(2)} s (${eL.calls} calls x ${latency} ms / ${eL.fetchConcurrency}) = ${(eL.seconds / apiBound).toFixed(2)}x (target <= 1.2x): ${verdict(eL.seconds / apiBound <= 1.2)}`,
    );
  }
  if (naive && e0)
    console.log(
      `engine vs naive @0ms: ${(rate(e0) / rate(naive)).toFixed(1)}x faster (target >= 10x): ${verdict(rate(e0) / rate(naive) >= 10)}`,
    );
  if (e0 && big) {
    console.log(
      `peak RSS: ${Math.round(e0.maxRssMb)} MB at ${e0.orders} orders, ${Math.round(big.maxRssMb)} MB at ${big.orders} orders (target < 300 MB, flat): ${verdict(big.maxRssMb < 300 && big.maxRssMb < e0.maxRssMb * 1.25)}`,
    );
  }
  if (inc)
    console.log(`incremental with no changes: ${inc.calls} call(s) (target 1): ${verdict(inc.calls === 1)}`);
  const resync = results.engine_resync;
  if (resync)
    console.log(
      `full run over ${resync.orders} stored, unchanged orders: ${Math.round(rate(resync))} orders/s, ${resync.calls} calls (no target)`,
    );
}

if (process.env.BENCH_CHILD) await child();
else await parent();
