import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncTestApp, startSyncEmulator, type Emulator, type SyncTestApp } from './sync-fixture';

let emulator: Emulator;
let t: SyncTestApp;
let accountId: string;
let viewerAuth: string;

beforeAll(async () => {
  emulator = await startSyncEmulator({ ordersPerSeller: 50 });
  // No worker: started runs stay queued, so the "already running" answers are deterministic.
  t = await createSyncTestApp(emulator, { worker: false });
  accountId = await t.connect();
  viewerAuth = `Bearer ${(await t.loginAs('viewer')).token}`;
});
afterAll(async () => {
  await t?.close();
  await emulator?.close();
});

const post = (url: string, payload: unknown, authorization?: string) =>
  t.app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    headers: authorization ? { authorization } : {},
  });
const get = (url: string, authorization: string = t.operatorAuth) =>
  t.app.inject({ method: 'GET', url, headers: { authorization } });

describe('sync API', () => {
  it('401 without credentials, 403 for viewers', async () => {
    expect((await post('/api/ebay/sync/orders', { accountId })).statusCode).toBe(401);
    expect((await get('/api/ebay/sync/runs', '')).statusCode).toBe(401);
    const res = await post('/api/ebay/sync/orders', { accountId }, viewerAuth);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect((await post('/api/ebay/sync/all', { accountId }, viewerAuth)).statusCode).toBe(403);
  });

  it('422 for an unknown resource and for bad dates', async () => {
    const unknown = await post('/api/ebay/sync/listings', { accountId }, t.operatorAuth);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({
      error: { code: 'validation_failed', details: [{ path: 'resource' }] },
    });
    const reversed = await post(
      '/api/ebay/sync/orders',
      { accountId, since: '2025-02-01T00:00:00Z', until: '2025-01-01T00:00:00Z' },
      t.operatorAuth,
    );
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json()).toMatchObject({ error: { details: [{ path: 'since' }] } });
    const future = await post(
      '/api/ebay/sync/orders',
      { accountId, since: new Date(Date.now() + 86_400_000).toISOString() },
      t.operatorAuth,
    );
    expect(future.statusCode).toBe(422);
    expect((await post('/api/ebay/sync/orders', { accountId: 'nope' }, t.operatorAuth)).statusCode).toBe(422);
  });

  it('404 for an unknown account', async () => {
    const res = await post('/api/ebay/sync/orders', { accountId: randomUUID() }, t.operatorAuth);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'account_not_found' } });
    expect((await post('/api/ebay/sync/all', { accountId: randomUUID() }, t.operatorAuth)).statusCode).toBe(
      404,
    );
    expect((await get(`/api/ebay/sync/runs/${randomUUID()}`)).statusCode).toBe(404);
    expect((await post(`/api/ebay/sync/runs/${randomUUID()}/stop`, {}, t.operatorAuth)).statusCode).toBe(404);
  });

  it('404 for a run id that is not a UUID, like an unknown one (as for accounts)', async () => {
    for (const id of ['nope', '123', `${randomUUID()}x`]) {
      const read = await get(`/api/ebay/sync/runs/${id}`);
      expect(read.statusCode).toBe(404);
      expect(read.json()).toMatchObject({ error: { code: 'not_found', message: 'No sync run with this id' } });
      expect((await post(`/api/ebay/sync/runs/${id}/stop`, {}, t.operatorAuth)).statusCode).toBe(404);
    }
  });

  it('dryRun plans windows and estimates calls from eBay totals without creating a run', async () => {
    const res = await post('/api/ebay/sync/orders', { accountId, dryRun: true }, t.operatorAuth);
    expect(res.statusCode).toBe(200);
    const plan = res.json<{
      windows: Array<{ total: number }>;
      total: number;
      estimatedCalls: number;
      mode: string;
    }>();
    expect(plan.mode).toBe('full');
    expect(plan.total).toBe(50);
    expect(plan.windows.length).toBeGreaterThan(1);
    expect(plan.estimatedCalls).toBeGreaterThanOrEqual(plan.windows.length);
    const runs = await get(`/api/ebay/sync/runs?accountId=${accountId}`);
    expect(runs.json<{ runs: unknown[] }>().runs).toEqual([]);
  });

  it('202 with a run id, then 409 with the active run id', async () => {
    const first = await post('/api/ebay/sync/orders', { accountId }, t.operatorAuth);
    expect(first.statusCode).toBe(202);
    const { runId } = first.json<{ runId: string }>();
    const second = await post('/api/ebay/sync/orders', { accountId }, t.operatorAuth);
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({
      error: { code: 'sync_already_running', details: { activeRunId: runId } },
    });
    const all = await post('/api/ebay/sync/all', { accountId }, t.operatorAuth);
    expect(all.statusCode).toBe(202);
    const runs = all.json<{
      runs: Array<{ resource: string; runId: string | null; activeRunId: string | null }>;
    }>().runs;
    expect(runs.find((r) => r.resource === 'orders')).toEqual({
      resource: 'orders',
      runId: null,
      activeRunId: runId,
    });
    expect(runs.filter((r) => r.runId !== null)).toHaveLength(7);

    // A queued run is stopped at once.
    const stopped = await post(`/api/ebay/sync/runs/${runId}/stop`, {}, t.operatorAuth);
    expect(stopped.statusCode).toBe(200);
    expect(stopped.json()).toMatchObject({ run: { id: runId, status: 'cancelled' } });
  });

  it('lists runs with filters and keyset pagination; viewers may read', async () => {
    const page1 = await get(`/api/ebay/sync/runs?accountId=${accountId}&limit=3`, viewerAuth);
    expect(page1.statusCode).toBe(200);
    const body1 = page1.json<{ runs: Array<{ id: string }>; nextCursor: string | null }>();
    expect(body1.runs).toHaveLength(3);
    expect(body1.nextCursor).not.toBeNull();
    const page2 = await get(
      `/api/ebay/sync/runs?accountId=${accountId}&limit=3&cursor=${body1.nextCursor ?? ''}`,
    );
    const body2 = page2.json<{ runs: Array<{ id: string }> }>();
    expect(body2.runs.length).toBeGreaterThan(0);
    expect(body2.runs.some((r) => body1.runs.some((x) => x.id === r.id))).toBe(false);
    const cancelled = await get(`/api/ebay/sync/runs?status=cancelled&resource=orders`);
    expect(
      cancelled.json<{ runs: Array<{ status: string }> }>().runs.every((r) => r.status === 'cancelled'),
    ).toBe(true);
    const full = await get(`/api/ebay/sync/runs?accountId=${accountId}&mode=full&trigger=manual`);
    const fullRuns = full.json<{ runs: Array<{ mode: string; trigger: string }> }>().runs;
    expect(fullRuns.length).toBeGreaterThan(0);
    expect(fullRuns.every((r) => r.mode === 'full' && r.trigger === 'manual')).toBe(true);
    const scheduled = await get(`/api/ebay/sync/runs?accountId=${accountId}&trigger=schedule`);
    expect(scheduled.json<{ runs: unknown[] }>().runs).toEqual([]);
    expect((await get('/api/ebay/sync/runs?mode=partial')).statusCode).toBe(422);
    expect((await get('/api/ebay/sync/runs?limit=500')).statusCode).toBe(422);
    expect((await get('/api/ebay/sync/runs?cursor=%%%')).statusCode).toBe(422);
  });

  it("stops every queued or running run of an account at once (a sync all's eight)", async () => {
    const active = async () =>
      (await t.db.selectFrom('sync_runs').select('id').where('account_id', '=', accountId).where('status', 'in', ['queued', 'running']).execute()).map((r) => r.id);
    const before = await active();
    expect(before).toHaveLength(7);
    expect((await post('/api/ebay/sync/all/stop', { accountId }, viewerAuth)).statusCode).toBe(403);
    expect((await post('/api/ebay/sync/all/stop', { accountId })).statusCode).toBe(401);
    expect((await post('/api/ebay/sync/all/stop', { accountId: 'nope' }, t.operatorAuth)).statusCode).toBe(422);
    const unknown = await post('/api/ebay/sync/all/stop', { accountId: randomUUID() }, t.operatorAuth);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'account_not_found' } });
    expect(await active()).toEqual(before);

    const res = await post('/api/ebay/sync/all/stop', { accountId }, t.operatorAuth);
    expect(res.statusCode).toBe(200);
    const runs = res.json<{ runs: Array<{ id: string; status: string; errorCode: string | null }> }>().runs;
    expect(runs.map((r) => r.id).sort()).toEqual([...before].sort());
    expect(runs.every((r) => r.status === 'cancelled' && r.errorCode === 'cancelled')).toBe(true);
    expect(await active()).toEqual([]);
    // Nothing left to stop: an empty answer, not an error.
    const again = await post('/api/ebay/sync/all/stop', { accountId }, t.operatorAuth);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ runs: [] });
  });

  it('reports status per account and resource, and edits schedules', async () => {
    const status = await get(`/api/ebay/sync/status?accountId=${accountId}`, viewerAuth);
    expect(status.statusCode).toBe(200);
    const entries = status.json<{
      status: Array<{ resource: string; lastRun: unknown; recordCount: number }>;
    }>().status;
    expect(entries).toHaveLength(8);
    expect(entries.every((e) => e.lastRun !== null)).toBe(true);

    const schedules = await get(`/api/ebay/sync/schedules?accountId=${accountId}`);
    const list = schedules.json<{
      schedules: Array<{ resource: string; intervalMinutes: number; enabled: boolean }>;
    }>().schedules;
    expect(list.find((s) => s.resource === 'orders')?.intervalMinutes).toBe(15);
    expect(list.find((s) => s.resource === 'finances')?.intervalMinutes).toBe(60);

    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/ebay/sync/schedules',
      headers: { authorization: t.operatorAuth },
      payload: { schedules: [{ accountId, resource: 'orders', intervalMinutes: 5, enabled: false }] },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      schedules: [{ resource: 'orders', intervalMinutes: 5, enabled: false }],
    });
    const viewerPut = await t.app.inject({
      method: 'PUT',
      url: '/api/ebay/sync/schedules',
      headers: { authorization: viewerAuth },
      payload: { schedules: [{ accountId, resource: 'orders', intervalMinutes: 5, enabled: true }] },
    });
    expect(viewerPut.statusCode).toBe(403);
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/ebay/sync/schedules',
      headers: { authorization: t.operatorAuth },
      payload: { schedules: [{ accountId, resource: 'listings', intervalMinutes: 0, enabled: true }] },
    });
    expect(bad.statusCode).toBe(422);
  });

  it('409 before any run for an account that is disconnected or must be reconnected', async () => {
    // The last test of the file: it disconnects the one account.
    const other = accountId;
    await t.db.deleteFrom('sync_runs').where('account_id', '=', other).execute();
    const runsOf = async () =>
      (await t.db.selectFrom('sync_runs').select('id').where('account_id', '=', other).execute()).length;
    const del = await t.app.inject({ method: 'DELETE', url: `/api/ebay/accounts/${other}`, headers: { authorization: t.operatorAuth } });
    expect(del.statusCode).toBeLessThan(300);
    for (const [url, body] of [
      ['/api/ebay/sync/orders', { accountId: other }],
      ['/api/ebay/sync/all', { accountId: other }],
      ['/api/ebay/sync/finances', { accountId: other, dryRun: true }],
    ] as const) {
      const res = await post(url, body, t.operatorAuth);
      expect(res.statusCode, url).toBe(409);
      expect(res.json(), url).toMatchObject({ error: { code: 'account_not_connected' } });
    }
    await t.db.updateTable('ebay_accounts').set({ status: 'reauth_required' }).where('id', '=', other).execute();
    const reauth = await post('/api/ebay/sync/orders', { accountId: other }, t.operatorAuth);
    expect(reauth.statusCode).toBe(409);
    expect(reauth.json()).toMatchObject({ error: { code: 'reauth_required' } });
    expect(await runsOf()).toBe(0);
  });
});
