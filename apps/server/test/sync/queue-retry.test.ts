import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  control,
  createSyncTestApp,
  fastSettings,
  ordersChecksum,
  startSync,
  startSyncEmulator,
  truth,
  waitForRun,
  type Emulator,
  type SyncTestApp,
} from './sync-fixture';

// One attempt in the worker, then the queue's retries: a failure that outlasts the worker's attempt puts the run
// back in the queue.
let emulator: Emulator;
let t: SyncTestApp;
const accounts: string[] = [];

beforeAll(async () => {
  emulator = await startSyncEmulator({ sellers: 2, ordersPerSeller: 300 });
  t = await createSyncTestApp(emulator, {
    settings: { maxAttempts: 1, queue: { ...fastSettings.queue, retryLimit: 1, retryDelaySeconds: 1 } },
  });
  for (let i = 0; i < 2; i += 1) accounts.push(await t.connect(i));
});
afterAll(async () => {
  await t?.close();
  await emulator?.close();
});

const failEveryCall = () => control(emulator, 'PUT', '/faults', { endpoints: { '*': { errorRate: 1 } }, queue: [] });
const clearFaults = () => control(emulator, 'PUT', '/faults', { endpoints: {}, queue: [] });

interface RunRow {
  status: string;
  error_code: string | null;
  error_message: string | null;
}

async function runRow(runId: string): Promise<RunRow> {
  return t.syncDb
    .selectFrom('sync_runs')
    .select(['status', 'error_code', 'error_message'])
    .where('id', '=', runId)
    .executeTakeFirstOrThrow();
}

async function waitForRow(runId: string, done: (row: RunRow) => boolean, timeoutMs = 30_000): Promise<RunRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await runRow(runId);
    if (done(row)) return row;
    if (Date.now() > deadline) throw new Error(`run ${runId}: ${JSON.stringify(row)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a run waiting for the queue to retry it', () => {
  it('says which attempt failed and why, and says nothing of it once a retry succeeds', async () => {
    const accountId = accounts[0] ?? '';
    await failEveryCall();
    let runId: string;
    try {
      runId = await startSync(t, 'orders', { accountId, mode: 'full' });
      const waiting = await waitForRow(runId, (r) => r.error_code === 'retry_pending');
      expect(waiting.status).toBe('queued');
      expect(waiting.error_message).toMatch(/^Attempt 1 of 2 failed \(ebay_server\): .+\. The queue retries it/);
      // The API shows it too.
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/ebay/sync/runs/${runId}`,
        headers: { authorization: t.operatorAuth },
      });
      expect(res.json()).toMatchObject({ run: { status: 'queued', errorCode: 'retry_pending' } });
    } finally {
      await clearFaults();
    }
    expect(await waitForRun(t.syncDb, runId)).toEqual({ status: 'succeeded', error_code: null });
    expect((await runRow(runId)).error_message).toBeNull();
    expect(await ordersChecksum(t.syncDb, accountId)).toEqual(await truth(emulator, 'orders', 0));
  });

  it('fails as retries_exhausted with the last failure when the last attempt fails too', async () => {
    await failEveryCall();
    try {
      const runId = await startSync(t, 'orders', { accountId: accounts[1] ?? '', mode: 'full' });
      expect(await waitForRun(t.syncDb, runId)).toEqual({ status: 'failed', error_code: 'retries_exhausted' });
      expect((await runRow(runId)).error_message).toMatch(/^Attempt 2 of 2 failed \(ebay_server\): ./);
    } finally {
      await clearFaults();
    }
  });
});
