import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSyncTestApp,
  ordersChecksum,
  startSyncEmulator,
  truth,
  waitForRun,
  type Emulator,
  type SyncTestApp,
} from './sync-fixture';

let emulator: Emulator;
let t: SyncTestApp;
let accountId: string;

beforeAll(async () => {
  emulator = await startSyncEmulator({ ordersPerSeller: 700 });
  t = await createSyncTestApp(emulator);
  accountId = await t.connect();
});
afterAll(async () => {
  await t?.close();
  await emulator?.close();
});

async function start(body: Record<string, unknown>, resource = 'orders') {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/ebay/sync/${resource}`,
    headers: { authorization: t.operatorAuth },
    payload: { accountId, ...body },
  });
  return res;
}

describe('orders sync', () => {
  it('backfills every order once, equal to the emulator truth, then an unchanged incremental costs one call', async () => {
    const res = await start({ mode: 'full' });
    expect(res.statusCode).toBe(202);
    const { runId } = res.json<{ runId: string }>();
    const done = await waitForRun(t.syncDb, runId);
    expect(done).toMatchObject({ status: 'succeeded' });
    expect(await ordersChecksum(t.syncDb, accountId)).toEqual(await truth(emulator, 'orders'));
    const items = await t.syncDb
      .selectFrom('ebay_order_line_items')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(items.n)).toBeGreaterThan(0);
    const cancelled = await t.syncDb
      .selectFrom('ebay_orders')
      .select('cancel_details')
      .where('cancel_state', '=', 'CANCELED')
      .execute();
    expect(cancelled.length).toBeGreaterThan(0);
    for (const c of cancelled)
      expect((c.cancel_details as { cancelRequests: unknown[] }).cancelRequests.length).toBeGreaterThan(0);

    const again = await start({});
    const second = again.json<{ runId: string }>().runId;
    expect(await waitForRun(t.syncDb, second)).toMatchObject({ status: 'succeeded' });
    const run = await t.app.inject({
      method: 'GET',
      url: `/api/ebay/sync/runs/${second}`,
      headers: { authorization: t.operatorAuth },
    });
    const body = run.json<{ run: { mode: string; counters: { calls: number; recordsInserted: number } } }>()
      .run;
    expect(body.mode).toBe('incremental');
    expect(body.counters.calls).toBe(1);
    expect(body.counters.recordsInserted).toBe(0);
    const calls = await t.db.selectFrom('ebay_calls').select('run_id').where('run_id', '=', second).execute();
    expect(calls.length).toBe(1);
  });
});
