import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, createPool } from '../../src/platform/database';
import { migrate } from '../../src/platform/migrations';
import { testPoolSettings } from '../helpers/database';
import { startDedicatedPostgres, type DedicatedPostgres } from '../helpers/postgres';
import { testLogger } from '../helpers/silent-logger';
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

let pg: DedicatedPostgres;
let emulator: Emulator;
let t: SyncTestApp;
let accountId: string;

beforeAll(async () => {
  pg = await startDedicatedPostgres();
  await migrate(pg.url, testLogger());
  const pool = createPool(pg.url, { ...testPoolSettings, connectTimeoutMs: 1000 }, testLogger());
  const db = createDb(pool);
  emulator = await startSyncEmulator({ ordersPerSeller: 2000 });
  t = await createSyncTestApp(emulator, {
    database: { name: 'dedicated', url: pg.url, db, pool, destroy: () => db.destroy() },
    settings: { maxAttempts: 12, retryBaseMs: 250 },
  });
  accountId = await t.connect();
});
afterAll(async () => {
  await t?.close();
  await t?.database.destroy();
  await emulator?.close();
  await pg?.cleanup();
});

describe('Postgres restarting mid-run', () => {
  it('resumes from the checkpoint when the database is back, without calling its live worker lost, and ends equal to the truth', async () => {
    await control(emulator, 'PUT', '/faults', { latencyMs: 100 });
    const runId = await startSync(t, 'orders', { accountId, mode: 'full' });
    await waitForPages(t.syncDb, runId, 2, { timeoutMs: 15_000 });
    await pg.stop();
    // Down longer than the heartbeat staleness (3 s): the worker is alive, so its run must not be judged lost.
    await new Promise((r) => setTimeout(r, 4500));
    await pg.start();
    await control(emulator, 'PUT', '/faults', { latencyMs: 0 });
    let last: Awaited<ReturnType<typeof waitForChain>> | null = null;
    for (let i = 0; i < 50 && !last; i += 1) {
      try {
        last = await waitForChain(t.syncDb, runId, 90_000);
      } catch (err) {
        if (!/terminat|ECONNREFUSED|connect/i.test((err as Error).message)) throw err;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    expect(last?.status).toBe('succeeded');
    expect(await ordersChecksum(t.syncDb, accountId)).toEqual(await truth(emulator, 'orders'));
    const dupes = await t.syncDb
      .selectFrom('ebay_order_line_items')
      .select(['order_id', 'line_item_id'])
      .groupBy(['order_id', 'line_item_id'])
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    expect(dupes).toEqual([]);
    const lost = await t.syncDb
      .selectFrom('sync_runs')
      .select(['id', 'status', 'error_code'])
      .where('account_id', '=', accountId)
      .where('error_code', '=', 'worker_lost')
      .execute();
    expect(lost).toEqual([]);
  });
});
