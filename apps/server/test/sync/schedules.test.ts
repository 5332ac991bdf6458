import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncResource } from '../../src/sync/resources';
import {
  createSyncTestApp,
  startSyncEmulator,
  waitForRun,
  type Emulator,
  type SyncTestApp,
} from './sync-fixture';

let emulator: Emulator;
let t: SyncTestApp;
const accounts: string[] = [];

beforeAll(async () => {
  emulator = await startSyncEmulator({ sellers: 2, ordersPerSeller: 40, inventoryItems: 3 });
  t = await createSyncTestApp(emulator, { settings: { sweepIntervalMs: 60_000 } });
  accounts.push(await t.connect(0), await t.connect(1));
});
afterAll(async () => {
  await t?.close();
  await emulator?.close();
});

describe('schedules', () => {
  it('fire due schedules as incremental runs, and pause for accounts that need reconnecting', async () => {
    const [active, paused] = accounts as [string, string];
    await t.worker?.tick();
    await t.syncDb
      .updateTable('ebay_accounts')
      .set({ status: 'reauth_required' })
      .where('id', '=', paused)
      .execute();
    await t.syncDb
      .updateTable('sync_schedules')
      .set({ next_run_at: sql<Date>`now() - interval '1 minute'` })
      .where('resource', '=', 'orders')
      .execute();
    await t.worker?.tick();
    const runs = await t.syncDb
      .selectFrom('sync_runs')
      .selectAll()
      .where('trigger', '=', 'schedule')
      .execute();
    expect(runs.map((r) => [r.account_id, r.resource, r.mode])).toEqual([[active, 'orders', 'incremental']]);
    expect(await waitForRun(t.syncDb, runs[0]?.id ?? '')).toMatchObject({ status: 'succeeded' });
    const next = await t.syncDb
      .selectFrom('sync_schedules')
      .select('next_run_at')
      .where('account_id', '=', active)
      .where('resource', '=', 'orders')
      .executeTakeFirstOrThrow();
    expect(next.next_run_at.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);

    // Progress events went to the live stream, one per page, with the run's counters.
    const events = await t.db
      .selectFrom('ebay_events')
      .selectAll()
      .where('run_id', '=', runs[0]?.id ?? '')
      .execute();
    const progress = events.filter((e) => e.type === 'sync.progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]?.data).toMatchObject({ runId: runs[0]?.id, accountId: active, resource: 'orders' });
  });

  it('fire a full run of finances, payouts and disputes once a day, of orders and messages never', async () => {
    const [active] = accounts as [string, string];
    const due = async (resources: SyncResource[]) => {
      await t.syncDb
        .updateTable('sync_schedules')
        .set({ next_run_at: sql<Date>`now() - interval '1 minute'` })
        .where('account_id', '=', active)
        .where('resource', 'in', resources)
        .execute();
      const before = new Set((await t.syncDb.selectFrom('sync_runs').select('id').execute()).map((r) => r.id));
      await t.worker?.tick();
      const runs = await t.syncDb
        .selectFrom('sync_runs')
        .select(['id', 'resource', 'mode'])
        .where('trigger', '=', 'schedule')
        .execute();
      const fresh = runs.filter((r) => !before.has(r.id));
      for (const r of fresh) expect(await waitForRun(t.syncDb, r.id)).toMatchObject({ status: 'succeeded' });
      return Object.fromEntries(fresh.map((r) => [r.resource, r.mode]));
    };
    // Never fully synced: the first scheduled finances run is full; orders stay incremental.
    expect(await due(['finances', 'orders'])).toEqual({ finances: 'full', orders: 'incremental' });
    // A full run less than a day ago: incremental.
    expect(await due(['finances'])).toEqual({ finances: 'incremental' });
    // The last full run 25 hours ago: full again, which moves last_full_at.
    await t.syncDb
      .updateTable('sync_state')
      .set({ last_full_at: sql<Date>`now() - interval '25 hours'` })
      .where('account_id', '=', active)
      .where('resource', 'in', ['finances', 'payouts', 'disputes', 'messages', 'orders'])
      .execute();
    // The status says which next scheduled runs are full ones.
    const statusOf = async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/ebay/sync/status?accountId=${active}`,
        headers: { authorization: t.operatorAuth },
      });
      expect(res.statusCode).toBe(200);
      const entries = res.json<{ status: Array<{ resource: string; nextRunMode: string | null; lastFullAt: string | null }> }>();
      return new Map(entries.status.map((e) => [e.resource, e]));
    };
    const before = await statusOf();
    const next = Object.fromEntries([...before].map(([resource, e]) => [resource, e.nextRunMode]));
    expect(next).toMatchObject({
      finances: 'full',
      payouts: 'full',
      disputes: 'full',
      messages: 'incremental',
      orders: 'incremental',
      inventory: 'incremental',
    });
    expect(await due(['finances', 'payouts', 'disputes', 'messages', 'orders'])).toEqual({
      finances: 'full',
      payouts: 'full',
      disputes: 'full',
      messages: 'incremental',
      orders: 'incremental',
    });
    // The full runs moved last_full_at, which the status reports.
    const after = await statusOf();
    expect(Date.now() - Date.parse(before.get('finances')?.lastFullAt ?? '')).toBeGreaterThan(24 * 3_600_000);
    expect(Date.now() - Date.parse(after.get('finances')?.lastFullAt ?? '')).toBeLessThan(60_000);
    expect(after.get('finances')?.nextRunMode).toBe('incremental');
  });
});
