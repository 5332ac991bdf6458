import { sourceJsonOf } from '@ebay-connector/ebay-client';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sellers } from '../accounts/ebay-fixture';
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

/** Whether each table's statistics were refreshed by an ANALYZE. */
async function lastAnalyzed(tables: string[]): Promise<Record<string, boolean>> {
  const { rows } = await sql<{ relname: string; last_analyze: Date | null }>`
    select relname, last_analyze from pg_stat_user_tables where relname = any(${tables}::text[])`.execute(t.syncDb);
  return Object.fromEntries(rows.map((r) => [r.relname, r.last_analyze !== null]));
}

describe('orders sync', () => {
  it('backfills every order once, equal to the emulator truth, then an unchanged incremental costs one call', async () => {
    const res = await start({ mode: 'full' });
    expect(res.statusCode).toBe(202);
    const { runId } = res.json<{ runId: string }>();
    const done = await waitForRun(t.syncDb, runId);
    expect(done).toMatchObject({ status: 'succeeded' });
    expect(await ordersChecksum(t.syncDb, accountId)).toEqual(await truth(emulator, 'orders'));
    // A bulk load ends with fresh planner statistics for the tables it wrote (the next run's lookups depend on them).
    expect(await lastAnalyzed(['ebay_orders', 'ebay_order_line_items'])).toEqual({
      ebay_orders: true,
      ebay_order_line_items: true,
    });
    // Each order's payload is stored as eBay sent it (the client keeps each record's text of a large page).
    const sample = await t.ebay.getClientForAccount(accountId).fulfillment.getOrders({
      creationDate: { from: new Date(Date.now() - 700 * 86_400_000) },
      limit: 200,
    });
    expect(sample.orders.length).toBeGreaterThan(100);
    expect(sample.orders.every((o) => sourceJsonOf(o) !== undefined)).toBe(true);
    const stored = await t.syncDb
      .selectFrom('ebay_orders')
      .select(['order_id', 'raw'])
      .where('account_id', '=', accountId)
      .where(
        'order_id',
        'in',
        sample.orders.map((o) => o.orderId),
      )
      .execute();
    expect(Object.fromEntries(stored.map((r) => [r.order_id, r.raw]))).toEqual(
      Object.fromEntries(sample.orders.map((o) => [o.orderId, JSON.parse(sourceJsonOf(o) ?? 'null')])),
    );
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

  it('updates orders changed on eBay in place: same rows, new payload and line items', async () => {
    const seller = (await sellers(emulator))[0]!;
    const before = await t.syncDb
      .selectFrom('ebay_orders')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    const changed = await control<{ modified: Array<{ orderId: string }> }>(
      emulator,
      'POST',
      `/sellers/${seller.id}/orders/modify`,
      { count: 5 },
    );
    const ids = changed.modified.map((m) => m.orderId);
    expect(ids).toHaveLength(5);
    const seenBefore = await t.syncDb
      .selectFrom('ebay_orders')
      .select(['order_id', 'last_seen_at', 'first_seen_at'])
      .where('order_id', 'in', ids)
      .execute();

    const res = await start({});
    const runId = res.json<{ runId: string }>().runId;
    expect(await waitForRun(t.syncDb, runId)).toMatchObject({ status: 'succeeded' });
    const run = await t.syncDb
      .selectFrom('sync_runs')
      .select(['records_inserted', 'records_updated'])
      .where('id', '=', runId)
      .executeTakeFirstOrThrow();
    expect(run).toEqual({ records_inserted: 0, records_updated: 5 });
    expect(await ordersChecksum(t.syncDb, accountId)).toEqual(await truth(emulator, 'orders'));

    const after = await t.syncDb
      .selectFrom('ebay_orders')
      .select(['order_id', 'raw', 'fulfillment_status', 'first_seen_at', 'last_seen_at'])
      .where('account_id', '=', accountId)
      .where('order_id', 'in', ids)
      .execute();
    const total = await t.syncDb
      .selectFrom('ebay_orders')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    expect(total.n).toBe(before.n);
    for (const o of after) {
      const raw = o.raw as { orderFulfillmentStatus: string; lineItems: Array<{ lineItemId: string; lineItemFulfillmentStatus: string }> };
      expect(o.fulfillment_status).toBe(raw.orderFulfillmentStatus);
      const prior = seenBefore.find((p) => p.order_id === o.order_id)!;
      expect(o.first_seen_at).toEqual(prior.first_seen_at);
      expect(o.last_seen_at.getTime()).toBeGreaterThan(prior.last_seen_at.getTime());
      const items = await t.syncDb
        .selectFrom('ebay_order_line_items')
        .select(['line_item_id', 'fulfillment_status'])
        .where('account_id', '=', accountId)
        .where('order_id', '=', o.order_id)
        .orderBy('line_item_id')
        .execute();
      expect(items).toEqual(
        raw.lineItems
          .map((li) => ({ line_item_id: li.lineItemId, fulfillment_status: li.lineItemFulfillmentStatus }))
          .sort((a, b) => a.line_item_id.localeCompare(b.line_item_id)),
      );
    }
  });
  it("stores each cancelled order's getOrder details with its page, counts every call, and fetches lost ones again", async () => {
    const client = t.ebay.getClientForAccount(accountId).fulfillment;
    const cancelledRows = () =>
      t.syncDb
        .selectFrom('ebay_orders')
        .select(['order_id', 'cancel_details'])
        .where('account_id', '=', accountId)
        .where('cancel_state', '=', 'CANCELED')
        .orderBy('order_id')
        .execute();
    const cancelled = await cancelledRows();
    expect(cancelled.length).toBeGreaterThan(3);
    const truthDetails = new Map<string, unknown>();
    for (const c of cancelled) truthDetails.set(c.order_id, (await client.getOrder(c.order_id)).cancelStatus);
    for (const c of cancelled) expect(c.cancel_details).toEqual(truthDetails.get(c.order_id));

    // The backfill's counters hold every call it made: one getOrders per page, one getOrder per cancelled order.
    const full = await t.syncDb
      .selectFrom('sync_runs')
      .select(['id', 'calls', 'pages'])
      .where('account_id', '=', accountId)
      .where('resource', '=', 'orders')
      .where('mode', '=', 'full')
      .executeTakeFirstOrThrow();
    const ledger = await t.db.selectFrom('ebay_calls').select('operation').where('run_id', '=', full.id).execute();
    expect(ledger.filter((c) => c.operation === 'getOrder')).toHaveLength(cancelled.length);
    expect(full.calls).toBe(ledger.length);
    expect(full.calls).toBe(full.pages + cancelled.length);

    // Details lost (stored by an older version without them) are fetched by the next run's sweep; the others stay.
    const lost = cancelled.slice(0, 3).map((c) => c.order_id);
    await t.syncDb
      .updateTable('ebay_orders')
      .set({ cancel_details: null })
      .where('account_id', '=', accountId)
      .where('order_id', 'in', lost)
      .execute();
    const res = await start({});
    const runId = res.json<{ runId: string }>().runId;
    expect(await waitForRun(t.syncDb, runId)).toMatchObject({ status: 'succeeded' });
    const swept = await t.db.selectFrom('ebay_calls').select(['operation', 'url']).where('run_id', '=', runId).execute();
    for (const id of lost) expect(swept.some((c) => c.operation === 'getOrder' && c.url.endsWith(`/order/${id}`))).toBe(true);
    const run = await t.syncDb.selectFrom('sync_runs').select('calls').where('id', '=', runId).executeTakeFirstOrThrow();
    expect(run.calls).toBe(swept.length);
    for (const c of await cancelledRows()) expect(c.cancel_details).toEqual(truthDetails.get(c.order_id));
  });

  it('calls getOrder again only for the cancelled orders that changed on eBay', async () => {
    const client = t.ebay.getClientForAccount(accountId).fulfillment;
    const storedDetails = async () =>
      new Map(
        (
          await t.syncDb
            .selectFrom('ebay_orders')
            .select(['order_id', 'cancel_details'])
            .where('account_id', '=', accountId)
            .where('cancel_state', '=', 'CANCELED')
            .orderBy('order_id')
            .execute()
        ).map((r) => [r.order_id, r.cancel_details]),
      );
    const before = await storedDetails();
    expect(before.size).toBeGreaterThan(3);
    const ledgerOf = (runId: string) =>
      t.db.selectFrom('ebay_calls').select(['operation', 'url']).where('run_id', '=', runId).execute();

    // A full run over stored, unchanged orders: one getOrders per page, no getOrder, the details kept.
    const full = await start({ mode: 'full' });
    const fullId = full.json<{ runId: string }>().runId;
    expect(await waitForRun(t.syncDb, fullId)).toMatchObject({ status: 'succeeded' });
    const fullCalls = await ledgerOf(fullId);
    expect(fullCalls.filter((c) => c.operation === 'getOrder')).toEqual([]);
    const fullRun = await t.syncDb
      .selectFrom('sync_runs')
      .select(['calls', 'pages'])
      .where('id', '=', fullId)
      .executeTakeFirstOrThrow();
    expect(fullRun.calls).toBe(fullRun.pages);
    expect(fullRun.calls).toBe(fullCalls.length);
    expect(await storedDetails()).toEqual(before);

    // Two cancelled orders change on eBay: the next run fetches their details, and only theirs.
    const seller = (await sellers(emulator))[0]!;
    const changed = [...before.keys()].slice(0, 2);
    await control(emulator, 'POST', `/sellers/${seller.id}/orders/modify`, { orderIds: changed });
    const inc = await start({});
    const incId = inc.json<{ runId: string }>().runId;
    expect(await waitForRun(t.syncDb, incId)).toMatchObject({ status: 'succeeded' });
    const fetched = (await ledgerOf(incId))
      .filter((c) => c.operation === 'getOrder')
      .map((c) => decodeURIComponent(c.url.slice(c.url.lastIndexOf('/') + 1).split('?')[0] ?? ''));
    expect(fetched.sort()).toEqual([...changed].sort());
    const after = await storedDetails();
    for (const id of changed) expect(after.get(id)).toEqual((await client.getOrder(id)).cancelStatus);
    expect(await ordersChecksum(t.syncDb, accountId)).toEqual(await truth(emulator, 'orders'));
  });

  it('any resource whose run loads many records refreshes the statistics of the tables it wrote', async () => {
    const res = await start({ mode: 'full' }, 'finances');
    expect(res.statusCode).toBe(202);
    const { runId } = res.json<{ runId: string }>();
    expect(await waitForRun(t.syncDb, runId)).toMatchObject({ status: 'succeeded' });
    const run = await t.syncDb.selectFrom('sync_runs').select('records_inserted').where('id', '=', runId).executeTakeFirstOrThrow();
    expect(run.records_inserted).toBeGreaterThanOrEqual(500);
    expect(await lastAnalyzed(['ebay_finance_transactions', 'ebay_finance_fees'])).toEqual({
      ebay_finance_transactions: true,
      ebay_finance_fees: true,
    });
  });
});
