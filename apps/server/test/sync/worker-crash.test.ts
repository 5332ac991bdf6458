import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_APP } from '@ebay-connector/ebay-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_APP_SECRET } from '../helpers/app';
import { spawnTs, type Spawned } from '../helpers/process';
import {
  control,
  createSyncTestApp,
  ordersChecksum,
  startSyncEmulator,
  truth,
  waitForChain,
  type Emulator,
  type SyncTestApp,
  startSync,
  waitForPages,
} from './sync-fixture';

let emulator: Emulator;
let t: SyncTestApp;
let accountId: string;
const dataDir = mkdtempSync(join(tmpdir(), 'ebc-sync-worker-'));
const workers: Spawned[] = [];

function spawnWorker(): Spawned {
  const w = spawnTs('apps/server/src/main.ts', ['--role=worker'], {
    DATABASE_URL: t.database.url,
    APP_SECRET: TEST_APP_SECRET,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    EBAY_ENV: 'sandbox',
    EBAY_CLIENT_ID: DEFAULT_APP.clientId,
    EBAY_CLIENT_SECRET: DEFAULT_APP.clientSecret,
    EBAY_RUNAME: DEFAULT_APP.ruName,
    EBAY_AUTH_BASE_URL: emulator.url,
    EBAY_API_BASE_URL: emulator.url,
    EBAY_APIZ_BASE_URL: emulator.url,
    SYNC_HEARTBEAT_STALE_SECONDS: '2',
    SYNC_CANCEL_POLL_MS: '200',
  });
  workers.push(w);
  return w;
}

beforeAll(async () => {
  emulator = await startSyncEmulator({ ordersPerSeller: 2500 });
  t = await createSyncTestApp(emulator, { worker: false });
  accountId = await t.connect();
});
afterAll(async () => {
  for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
  await t?.close();
  await emulator?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a worker process killed mid-backfill', () => {
  it('shows the run as interrupted and a restarted worker resumes it from its checkpoint', async () => {
    await control(emulator, 'PUT', '/faults', { latencyMs: 150 });
    const runId = await startSync(t, 'orders', { accountId, mode: 'full' });
    const first = spawnWorker();
    const pages = await waitForPages(t.syncDb, runId, 3, {
      check: () => {
        if (first.child.exitCode !== null) throw new Error(`worker exited:\n${first.output()}`);
      },
    });
    expect(pages).toBeGreaterThanOrEqual(3);
    first.child.kill('SIGKILL');
    await first.exited;
    await control(emulator, 'PUT', '/faults', { latencyMs: 0 });

    spawnWorker();
    const last = await waitForChain(t.syncDb, runId, 90_000);
    expect(last.status).toBe('succeeded');
    const killed = await t.syncDb
      .selectFrom('sync_runs')
      .selectAll()
      .where('id', '=', runId)
      .executeTakeFirstOrThrow();
    expect(killed.status).toBe('interrupted');
    const resumed = await t.syncDb
      .selectFrom('sync_runs')
      .selectAll()
      .where('resumed_from', '=', runId)
      .executeTakeFirstOrThrow();
    // The resumed run did not fetch again the pages committed before the kill.
    expect((resumed.checkpoint.done as string[]).length).toBe(killed.pages + resumed.pages);
    expect(await ordersChecksum(t.syncDb, accountId)).toEqual(await truth(emulator, 'orders'));
    // Two worker processes start in turn; on a busy machine that alone takes longer than the default timeout.
  }, 120_000);
});
