import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_APP } from '@ebay-connector/ebay-emulator';
import { afterAll, beforeAll } from 'vitest';
import { TEST_APP_SECRET } from '../helpers/app';
import { spawnTs, type Spawned } from '../helpers/process';
import {
  control,
  createSyncTestApp,
  startSync,
  startSyncEmulator,
  waitForPages,
  type Emulator,
  type SyncTestApp,
} from './sync-fixture';

export interface WorkerProcesses {
  readonly emulator: Emulator;
  /** The API side in this process (no worker of its own). */
  readonly t: SyncTestApp;
  readonly accountId: string;
  /** A real `main.ts --role=worker` process on the test database and emulator; killed after the file. */
  spawnWorker(): Spawned;
  /**
   * Starts a full order backfill with eBay slowed to 150 ms a call, a worker process to run it, and waits until it
   * has committed `pages` pages (failing if the worker exits first).
   */
  backfillOnNewWorker(pages?: number): Promise<{ runId: string; worker: Spawned; pages: number }>;
}

/** Registers the file's hooks: an emulator, a connected account, and worker processes started on demand. */
export function useWorkerProcesses(opts: { ordersPerSeller: number }): WorkerProcesses {
  let emulator: Emulator | undefined;
  let t: SyncTestApp | undefined;
  let accountId = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'ebc-sync-worker-'));
  const workers: Spawned[] = [];
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('used before beforeAll ran');
    return value;
  };

  beforeAll(async () => {
    emulator = await startSyncEmulator({ ordersPerSeller: opts.ordersPerSeller });
    t = await createSyncTestApp(emulator, { worker: false });
    accountId = await t.connect();
  });
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await t?.close();
    await emulator?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const fixture: WorkerProcesses = {
    get emulator() {
      return ready(emulator);
    },
    get t() {
      return ready(t);
    },
    get accountId() {
      return accountId;
    },
    spawnWorker() {
      const url = ready(emulator).url;
      const w = spawnTs('apps/server/src/main.ts', ['--role=worker'], {
        DATABASE_URL: ready(t).database.url,
        APP_SECRET: TEST_APP_SECRET,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        EBAY_ENV: 'sandbox',
        EBAY_CLIENT_ID: DEFAULT_APP.clientId,
        EBAY_CLIENT_SECRET: DEFAULT_APP.clientSecret,
        EBAY_RUNAME: DEFAULT_APP.ruName,
        EBAY_AUTH_BASE_URL: url,
        EBAY_API_BASE_URL: url,
        EBAY_APIZ_BASE_URL: url,
        SYNC_HEARTBEAT_STALE_SECONDS: '2',
        SYNC_CANCEL_POLL_MS: '200',
      });
      workers.push(w);
      return w;
    },
    async backfillOnNewWorker(pages = 3) {
      await control(fixture.emulator, 'PUT', '/faults', { latencyMs: 150 });
      const runId = await startSync(fixture.t, 'orders', { accountId, mode: 'full' });
      const worker = fixture.spawnWorker();
      const committed = await waitForPages(fixture.t.syncDb, runId, pages, {
        check: () => {
          if (worker.child.exitCode !== null) throw new Error(`worker exited:\n${worker.output()}`);
        },
      });
      return { runId, worker, pages: committed };
    },
  };
  return fixture;
}
