import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminSystemResponse } from '@ebay-connector/contract';
import { createTestApp, type TestApp } from '../helpers/app';
import { latestVersion, loadMigrations } from '../../src/platform/migrations';
import {
  control,
  createSyncTestApp,
  startSyncEmulator,
  waitForRun,
  type Emulator,
  type SyncTestApp,
} from '../sync/sync-fixture';

const get = (app: TestApp, authorization: string) =>
  app.app.inject({ method: 'GET', url: '/api/admin/system', headers: authorization ? { authorization } : {} });

describe('GET /api/admin/system without the sync engine', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { METRICS_TOKEN: 'metrics-token-0123456789', FEATURE_DEBUG_ENDPOINTS: 'true' } });
  });
  afterAll(async () => t?.close());

  it('401 without a session, 403 for operators and viewers', async () => {
    expect((await get(t, '')).statusCode).toBe(401);
    for (const role of ['operator', 'viewer'] as const) {
      const res = await get(t, `Bearer ${(await t.loginAs(role)).token}`);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
  });

  it('reports the database, tolerates a missing queue, and never prints a secret', async () => {
    const res = await get(t, `Bearer ${(await t.loginAs('admin')).token}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<AdminSystemResponse>();
    const latest = latestVersion(loadMigrations());
    expect(body.database).toMatchObject({ status: 'ok', migration: latest, latestMigration: latest });
    expect(body.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(body.queue).toMatchObject({ available: false, schema: 'pgboss', byQueue: [] });
    expect(body.queue.reason).toMatch(/does not exist/);
    expect(body.workers.activeRuns).toEqual([]);
    const settings = Object.fromEntries(body.settings.map((s) => [s.name, s.value]));
    expect(settings).toMatchObject({ EBAY_ENV: 'emulator', SYNC_CONCURRENCY: '2', LEDGER_RETENTION_DAYS: '30', METRICS_TOKEN: 'set' });
    expect(body.features.find((f) => f.name === 'FEATURE_DEBUG_ENDPOINTS')?.enabled).toBe(true);
    expect(res.body).not.toContain('metrics-token-0123456789');
    expect(res.body).not.toContain(t.config.database.url ?? 'no-url');
    expect(res.body).not.toContain('test-app-secret');
  });
});

describe('GET /api/admin/system with a running sync', () => {
  let emulator: Emulator;
  let t: SyncTestApp;
  let adminAuth: string;
  beforeAll(async () => {
    emulator = await startSyncEmulator({ ordersPerSeller: 400 });
    t = await createSyncTestApp(emulator);
    adminAuth = `Bearer ${(await t.loginAs('admin')).token}`;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await emulator?.close();
  });

  it('shows queue counts, the active run with its worker and heartbeat age, then the finished run', async () => {
    const accountId = await t.connect();
    await control(emulator, 'PUT', '/faults', { latencyMs: 150 });
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/ebay/sync/orders',
      headers: { authorization: t.operatorAuth },
      payload: { accountId, mode: 'full' },
    });
    expect(started.statusCode).toBe(202);
    const { runId } = started.json<{ runId: string }>();

    let seen: AdminSystemResponse['workers']['activeRuns'][number] | undefined;
    const deadline = Date.now() + 20_000;
    while (!seen && Date.now() < deadline) {
      const body = (await get(t, adminAuth)).json<AdminSystemResponse>();
      seen = body.workers.activeRuns.find((r) => r.runId === runId && r.status === 'running' && r.heartbeatAt !== null);
      if (!seen) await new Promise((r) => setTimeout(r, 100));
    }
    expect(seen).toMatchObject({ accountId, resource: 'orders', stale: false });
    expect(seen?.workerId).toBeTruthy();
    expect(seen?.heartbeatAgeSeconds).toBeLessThan(10);

    const during = (await get(t, adminAuth)).json<AdminSystemResponse>();
    expect(during.queue.available).toBe(true);
    expect(during.queue.byQueue.some((q) => q.name === 'sync.run')).toBe(true);
    expect(during.workers.seen.map((w) => w.workerId)).toContain(seen?.workerId);

    await control(emulator, 'PUT', '/faults', { latencyMs: 0 });
    expect((await waitForRun(t.syncDb, runId)).status).toBe('succeeded');
    const after = (await get(t, adminAuth)).json<AdminSystemResponse>();
    expect(after.workers.activeRuns).toEqual([]);
    expect(after.runsLast24h['succeeded']).toBe(1);
  }, 60_000);
});
