import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { control, ordersChecksum, truth, waitForChain } from './sync-fixture';
import { useWorkerProcesses } from './worker-process-fixture';

const w = useWorkerProcesses({ ordersPerSeller: 2500 });

const runRow = (id: string) =>
  w.t.syncDb.selectFrom('sync_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** The checkpoint keys (`w<window>:<offset>`) of the getOrders pages a run fetched, from the call ledger. */
async function fetchedPages(runId: string, windows: Array<{ from: string }>): Promise<string[]> {
  const calls = await w.t.db
    .selectFrom('ebay_calls')
    .select(['url', 'status'])
    .where('run_id', '=', runId)
    .where('operation', '=', 'getOrders')
    .execute();
  return calls.map((c) => {
    const params = new URL(c.url).searchParams;
    const from = /\[([^.]+)\.\./.exec(params.get('filter') ?? '')?.[1] ?? '';
    const w = windows.findIndex((x) => Date.parse(x.from) === Date.parse(from));
    return `w${w}:${params.get('offset') ?? '0'}`;
  });
}

describe('a worker process stopped with SIGTERM mid-backfill', () => {
  it('ends the run interrupted with its checkpoint and a queued resuming run; the next worker finishes it without re-reading pages', async () => {
    const { t, emulator, accountId } = w;
    const { runId, worker: first } = await w.backfillOnNewWorker();
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    await control(emulator, 'PUT', '/faults', { latencyMs: 0 });

    const stopped = await runRow(runId);
    expect(stopped).toMatchObject({ status: 'interrupted', error_code: 'worker_shutdown' });
    expect(stopped.finished_at).not.toBeNull();
    const done = stopped.checkpoint.done as string[];
    expect(done.length).toBe(stopped.pages);
    expect(stopped.pages).toBeGreaterThanOrEqual(3);
    const total = (await truth(emulator, 'orders')).count;
    expect(stopped.records_inserted).toBeLessThan(total);

    // The resuming run exists, carries the checkpoint and is on the queue before any worker runs again.
    const waiting = await t.syncDb
      .selectFrom('sync_runs')
      .selectAll()
      .where('resumed_from', '=', runId)
      .executeTakeFirstOrThrow();
    expect(waiting.status).toBe('queued');
    expect(waiting.checkpoint.done).toEqual(done);
    const job = await sql<{ state: string }>`select state from pgboss.job where id = ${waiting.id}`.execute(
      t.db,
    );
    expect(job.rows.map((r) => r.state)).toEqual(['created']);

    w.spawnWorker();
    const last = await waitForChain(t.syncDb, runId, 60_000);
    expect(last).toMatchObject({ status: 'succeeded', id: waiting.id });
    const resumed = await runRow(waiting.id);
    expect((resumed.checkpoint.done as string[]).length).toBe(stopped.pages + resumed.pages);
    expect(stopped.records_inserted + resumed.records_inserted).toBe(total);

    const windows = (resumed.checkpoint.plan as { windows: Array<{ from: string }> }).windows;
    const refetched = await fetchedPages(waiting.id, windows);
    expect(refetched.length).toBe(resumed.pages);
    expect(refetched.filter((k) => done.includes(k))).toEqual([]);

    expect(await ordersChecksum(t.syncDb, accountId)).toEqual(await truth(emulator, 'orders'));
    const lines = await sql<{ stored: number; expected: number }>`
      select (select count(*)::int from ebay_order_line_items where account_id = ${accountId}) as stored,
             (select sum(line_item_count)::int from ebay_orders where account_id = ${accountId}) as expected`.execute(
      t.db,
    );
    expect(lines.rows[0]?.stored).toBe(lines.rows[0]?.expected);
  }, 90_000);
});
