import { describe, expect, it } from 'vitest';
import { control, ordersChecksum, truth, waitForChain } from './sync-fixture';
import { useWorkerProcesses } from './worker-process-fixture';

const w = useWorkerProcesses({ ordersPerSeller: 2500 });

describe('a worker process killed mid-backfill', () => {
  it('shows the run as interrupted and a restarted worker resumes it from its checkpoint', async () => {
    const { t, emulator, accountId } = w;
    const { runId, worker: first, pages } = await w.backfillOnNewWorker();
    expect(pages).toBeGreaterThanOrEqual(3);
    first.child.kill('SIGKILL');
    await first.exited;
    await control(emulator, 'PUT', '/faults', { latencyMs: 0 });

    w.spawnWorker();
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
