import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  control,
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
const accounts: string[] = [];

beforeAll(async () => {
  emulator = await startSyncEmulator({ sellers: 3, ordersPerSeller: 1500 });
  t = await createSyncTestApp(emulator);
  for (let i = 0; i < 3; i += 1) accounts.push(await t.connect(i));
});
afterAll(async () => {
  await t?.close();
  await emulator?.close();
});

const auth = () => ({ authorization: t.operatorAuth });

async function startOrders(
  accountId: string,
  body: Record<string, unknown> = { mode: 'full' },
): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/ebay/sync/orders',
    headers: auth(),
    payload: { accountId, ...body },
  });
  expect(res.statusCode).toBe(202);
  return res.json<{ runId: string }>().runId;
}

/** Waits until the run has committed `n` pages (or, with `counter`, inserted `n` records). */
async function waitForPages(
  runId: string,
  n: number,
  counter: 'pages' | 'records_inserted' = 'pages',
): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    const run = await t.syncDb
      .selectFrom('sync_runs')
      .select(['pages', 'records_inserted', 'status'])
      .where('id', '=', runId)
      .executeTakeFirstOrThrow();
    if (run[counter] >= n) return;
    if (!['queued', 'running'].includes(run.status))
      throw new Error(`run ended ${run.status} before ${n} ${counter}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no progress');
}

async function storedOrders(accountId: string): Promise<number> {
  const row = await t.syncDb
    .selectFrom('ebay_orders')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('sync reliability', () => {
  it('ends equal to the emulator truth despite 5xx, 429 bursts and connection resets', async () => {
    await control(emulator, 'PUT', '/faults', {
      endpoints: { '*': { errorRate: 0.1, resetRate: 0.03, rateLimitRate: 0.03 } },
      queue: [{ kind: 'rate_limit', operation: 'getOrders', retryAfterSeconds: 0, count: 3 }],
    });
    try {
      const runId = await startOrders(accounts[0] ?? '');
      expect(await waitForRun(t.syncDb, runId, 90_000)).toMatchObject({ status: 'succeeded' });
    } finally {
      await control(emulator, 'PUT', '/faults', { endpoints: {}, queue: [] });
    }
    const injected = await control<{ injected: Record<string, number> | number }>(emulator, 'GET', '/faults');
    expect(injected.injected).toBeTruthy();
    expect(await ordersChecksum(t.syncDb, accounts[0] ?? '')).toEqual(await truth(emulator, 'orders', 0));
  });

  it('STOP ends a run within 2 seconds mid-page, keeps what was written consistent, and the next run continues', async () => {
    const accountId = accounts[1] ?? '';
    await control(emulator, 'PUT', '/faults', { latencyMs: 400 });
    let first: string;
    try {
      first = await startOrders(accountId);
      await waitForPages(first, 2);
      const started = Date.now();
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/ebay/sync/runs/${first}/stop`,
        headers: auth(),
      });
      expect(res.statusCode).toBe(200);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(res.json<{ run: { status: string } }>().run.status).toBe('cancelled');
    } finally {
      await control(emulator, 'PUT', '/faults', { latencyMs: 0 });
    }
    // Every committed page is in the table and counted: data and checkpoint moved together.
    const run = await t.syncDb
      .selectFrom('sync_runs')
      .selectAll()
      .where('id', '=', first)
      .executeTakeFirstOrThrow();
    expect(await storedOrders(accountId)).toBe(run.records_inserted);
    expect((run.checkpoint.done as string[]).length).toBe(run.pages);
    const total = (await truth(emulator, 'orders', 1)).count;
    expect(run.records_inserted).toBeLessThan(total);

    const second = await startOrders(accountId);
    expect(await waitForRun(t.syncDb, second)).toMatchObject({ status: 'succeeded' });
    const resumed = await t.syncDb
      .selectFrom('sync_runs')
      .selectAll()
      .where('id', '=', second)
      .executeTakeFirstOrThrow();
    expect(resumed.resumed_from).toBe(first);
    // Pages done before STOP were not fetched again.
    expect(resumed.pages + run.pages).toBe((resumed.checkpoint.done as string[]).length);
    expect(await ordersChecksum(t.syncDb, accountId)).toEqual(await truth(emulator, 'orders', 1));
  });

  it('fails a run whose token was revoked as reauth_required and keeps the data written so far', async () => {
    const accountId = accounts[2] ?? '';
    const sellers = await control<{ sellers: Array<{ id: string }> }>(emulator, 'GET', '/sellers');
    await control(emulator, 'PUT', '/faults', { latencyMs: 200 });
    let runId: string;
    try {
      runId = await startOrders(accountId);
      // Pages of empty windows commit first; wait for orders written.
      await waitForPages(runId, 1, 'records_inserted');
      await control(emulator, 'POST', `/sellers/${sellers.sellers[2]?.id ?? ''}/revoke-tokens`, {});
      expect(await waitForRun(t.syncDb, runId)).toEqual({ status: 'failed', error_code: 'reauth_required' });
    } finally {
      await control(emulator, 'PUT', '/faults', { latencyMs: 0 });
    }
    const run = await t.syncDb
      .selectFrom('sync_runs')
      .selectAll()
      .where('id', '=', runId)
      .executeTakeFirstOrThrow();
    expect(run.records_inserted).toBeGreaterThan(0);
    expect(await storedOrders(accountId)).toBe(run.records_inserted);
    const account = await t.db
      .selectFrom('ebay_accounts')
      .select('status')
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
    expect(account.status).toBe('reauth_required');
  });
});
