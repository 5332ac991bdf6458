import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CALLBACK_PATH } from '../src/accounts/oauth.routes';
import { postmastersFor } from '../src/platform/embedded-postgres';
import { ADMIN_EMAIL, ADMIN_PASSWORD, connectSeller, emulatorSellers, login, startSync, waitRun } from '../bench/bench-servers';
import { createTestDatabase } from './helpers/database';
import { freePort } from './helpers/ports';
import { spawnTs, waitForHttp, type Spawned } from './helpers/process';

const MAIN = 'apps/server/src/main.ts';
const dirs: string[] = [];
const children: Spawned[] = [];
afterAll(() => {
  for (const c of children) if (c.child.exitCode === null) c.child.kill('SIGKILL');
  for (const d of dirs) {
    for (const pid of postmastersFor(join(d, 'postgres'))) process.kill(pid, 'SIGQUIT');
    rmSync(d, { recursive: true, force: true });
  }
});

describe('the real process with embedded PostgreSQL', () => {
  it('starts again after kill -9 (orphaned postgres, stale postmaster.pid) and leaves nothing behind on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ebc-proc-'));
    dirs.push(dataDir);
    const env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
      EMULATOR_PORT: String(await freePort()),
      LOG_LEVEL: 'info',
    };
    const health = `http://127.0.0.1:${env.PORT}/healthz/db`;
    const pgDir = join(dataDir, 'postgres');

    const first = spawnTs(MAIN, ['--role=all'], { ...env, HOST: '127.0.0.1' });
    children.push(first);
    await waitForHttp(health, 200, 40_000, first);
    expect(first.output()).toMatch(/FIRST ADMIN ACCOUNT CREATED/);
    expect(statSync(join(dataDir, 'app-secret')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'postgres-password')).mode & 0o777).toBe(0o600);
    // The demo emulator keeps its grants and its history's anchor beside the database (see the emulator's tests).
    const emulatorState = join(dataDir, 'emulator-state.json');
    expect(statSync(emulatorState).mode & 0o777).toBe(0o600);
    const { anchor } = JSON.parse(readFileSync(emulatorState, 'utf8')) as { anchor: number };
    // Its sellers keep selling (EMULATOR_LIVE_ORDERS_PER_DAY, 24 a day on average by default, more on busy days and
    // hours): two days later, each has new orders.
    const emulator = `http://127.0.0.1:${env.EMULATOR_PORT}/__emulator`;
    const advanced = await fetch(`${emulator}/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seconds: 2 * 86_400 }),
    });
    expect(advanced.status).toBe(200);
    const liveOrders = async () =>
      ((await (await fetch(`${emulator}/sellers`)).json()) as { sellers: Array<{ liveOrders: number }> }).sellers.map(
        (x) => x.liveOrders,
      );
    const live = await liveOrders();
    expect(live).toHaveLength(3);
    for (const n of live) {
      expect(n).toBeGreaterThan(10);
      expect(n).toBeLessThan(150);
    }
    const [orphan] = postmastersFor(pgDir);
    expect(orphan).toBeDefined();

    first.child.kill('SIGKILL');
    await first.exited;
    expect(postmastersFor(pgDir)).toEqual([orphan]); // postgres survived its parent

    const second = spawnTs(MAIN, ['--role=all'], { ...env, HOST: '127.0.0.1' });
    children.push(second);
    await waitForHttp(health, 200, 40_000, second);
    expect(second.output()).toMatch(/orphaned embedded PostgreSQL/);
    expect(second.output()).not.toMatch(/FIRST ADMIN ACCOUNT CREATED/);
    expect(postmastersFor(pgDir)).not.toContain(orphan);
    expect((JSON.parse(readFileSync(emulatorState, 'utf8')) as { anchor: number }).anchor).toBe(anchor);
    // The live orders are still there, though the restarted clock is two days behind them.
    expect(await liveOrders()).toEqual(live);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(postmastersFor(pgDir)).toEqual([]);
  }, 120_000);
});

describe('demo mode with the API and a worker started apart', () => {
  const until = async (spawned: Spawned, pattern: RegExp, timeoutMs = 40_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(spawned.output())) {
      if (spawned.child.exitCode !== null) throw new Error(`exited ${spawned.child.exitCode}: ${spawned.output().slice(-2000)}`);
      if (Date.now() > deadline) throw new Error(`no ${String(pattern)} in: ${spawned.output().slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it('a second process uses the embedded database and the emulator the first one runs; anything else on the port is an error', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ebc-apart-'));
    dirs.push(dataDir);
    const pgPort = String(await freePort());
    const emulatorPort = String(await freePort());
    const common = {
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      EMULATOR_PORT: emulatorPort,
      LOG_LEVEL: 'info',
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
    };
    const apiPort = String(await freePort());
    const api = spawnTs(MAIN, ['--role=api'], { ...common, PORT: apiPort, EMBEDDED_PG_PORT: pgPort });
    children.push(api);
    await until(api, /eBay Connector is ready/);
    const password = readFileSync(join(dataDir, 'postgres-password'), 'utf8').trim();
    const databaseUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/ebay_connector`;

    // No DATABASE_URL: the worker uses the embedded PostgreSQL the first process runs, and leaves it running.
    const [postmaster] = postmastersFor(join(dataDir, 'postgres'));
    const worker = spawnTs(MAIN, ['--role=worker'], common);
    children.push(worker);
    await until(worker, /worker role started/);
    expect(worker.output()).toMatch(/using the embedded PostgreSQL another process of this app runs/);
    expect(worker.output()).toMatch(/using the eBay emulator another process runs on EMULATOR_PORT/);
    expect(worker.output()).not.toMatch(/EADDRINUSE|starting embedded PostgreSQL/);
    // The API process has no worker: the run it queues is executed by the worker process.
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
    const token = await login(apiUrl);
    const [seller] = await emulatorSellers(emulatorUrl);
    if (!seller) throw new Error('the emulator has no seller');
    const accountId = await connectSeller(apiUrl, emulatorUrl, token, seller);
    const runId = await startSync(apiUrl, token, accountId);
    expect(await waitRun(apiUrl, token, runId, 60_000)).toBe('succeeded');
    expect(worker.output()).toMatch(new RegExp(`"runId":"${runId}"[^\n]*sync run succeeded`));
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(postmastersFor(join(dataDir, 'postgres'))).toEqual([postmaster]);

    // A second API process takes the consent redirect over: the emulator sends the browser back to it.
    const secondPort = String(await freePort());
    const secondApi = spawnTs(MAIN, ['--role=api'], { ...common, DATABASE_URL: databaseUrl, PORT: secondPort });
    children.push(secondApi);
    await waitForHttp(`http://127.0.0.1:${secondPort}/healthz`, 200, 40_000, secondApi);
    const app = (await (await fetch(`http://127.0.0.1:${emulatorPort}/__emulator/app`)).json()) as { acceptUrl: string };
    expect(app.acceptUrl).toBe(`http://localhost:${secondPort}${CALLBACK_PATH}`);
    secondApi.child.kill('SIGTERM');
    expect(await secondApi.exited).toBe(0);

    // A port held by something that is not the emulator stops the start with a message that says so.
    const other = createServer((_req, res) => res.end('not the emulator'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((other.address() as AddressInfo).port);
      const stray = spawnTs(MAIN, ['--role=worker'], { ...common, DATABASE_URL: databaseUrl, EMULATOR_PORT: port });
      children.push(stray);
      expect(await stray.exited).not.toBe(0);
      expect(stray.output()).toMatch(new RegExp(`EMULATOR_PORT ${port} is in use by something that is not the eBay emulator`));
    } finally {
      other.close();
    }
    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
  }, 120_000);
});

describe('operator CLIs', () => {
  it('doctor prints the configuration with secrets masked and exits 0 on a healthy database', async () => {
    const d = await createTestDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'ebc-doctor-'));
    dirs.push(dataDir);
    try {
      const password = new URL(d.url).password || 'none';
      const doctor = spawnTs('apps/server/src/cli/doctor.ts', [], {
        DATABASE_URL: d.url,
        DATA_DIR: dataDir,
        APP_SECRET: 'doctor-app-secret-value-0123456789abcdef',
        APP_SECRET_PREVIOUS: 'doctor-previous-secret-value-0123456789',
        ADMIN_EMAIL: 'boss@example.test',
        ADMIN_PASSWORD: 'doctor-admin-password',
        EBAY_ENV: 'sandbox',
        EBAY_CLIENT_ID: 'SandboxApp-doctorclientid-SBX-1234',
        EBAY_CLIENT_SECRET: 'SBX-doctor-client-secret-value',
        EBAY_RUNAME: 'Doctor-RuName',
        METRICS_TOKEN: 'doctor-metrics-token-value',
      });
      const code = await doctor.exited;
      const out = doctor.output();
      expect(code, out).toBe(0);
      expect(out).toMatch(/All checks passed/);
      expect(out).toMatch(/schema at migration \d+ \(latest\)/);
      expect(out).not.toContain('doctor-app-secret-value');
      expect(out).not.toContain('doctor-previous-secret-value');
      expect(out).toMatch(/previous app secret +\*{4} \(set, 39 chars\) from APP_SECRET_PREVIOUS/);
      expect(out).not.toContain('doctor-admin-password');
      expect(out).not.toContain('SBX-doctor-client-secret-value');
      expect(out).not.toContain('doctor-metrics-token-value');
      expect(out).toMatch(/eBay environment\s+sandbox/);
      if (password !== 'none') expect(out).not.toContain(password);
      expect(out).toContain('****');
    } finally {
      await d.destroy();
    }
  });

  it('doctor exits non-zero when the database is unreachable; migrate is a no-op on a migrated database', async () => {
    const port = await freePort();
    const doctor = spawnTs('apps/server/src/cli/doctor.ts', [], { DATABASE_URL: `postgres://x:y@127.0.0.1:${port}/nope`, DATA_DIR: mkdtempSync(join(tmpdir(), 'ebc-doctor-')) });
    expect(await doctor.exited).not.toBe(0);
    expect(doctor.output()).toMatch(/FAIL/);

    const d = await createTestDatabase();
    try {
      const run = spawnTs('apps/server/src/cli/migrate.ts', [], { DATABASE_URL: d.url, LOG_LEVEL: 'silent' });
      expect(await run.exited, run.output()).toBe(0);
      expect(run.output()).toMatch(/nothing to apply/);
    } finally {
      await d.destroy();
    }
  });
});
