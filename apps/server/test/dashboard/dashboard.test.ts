import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DashboardResponse } from '@ebay-connector/contract';
import {
  createSyncTestApp,
  startSyncEmulator,
  truth,
  waitForChain,
  type Emulator,
  type SyncTestApp,
} from '../sync/sync-fixture';
import { upsertMessages } from '../../src/sync/other.repository';

let emulator: Emulator;
let t: SyncTestApp;
let accountId: string;
let otherId: string;
let viewerAuth: string;

beforeAll(async () => {
  // Two sellers; only the first is synced. 300 days of history: `days=365` covers every order.
  emulator = await startSyncEmulator({ sellers: 2, ordersPerSeller: 120, historyDays: 300 });
  t = await createSyncTestApp(emulator);
  accountId = await t.connect(0);
  otherId = await t.connect(1);
  viewerAuth = `Bearer ${(await t.loginAs('viewer')).token}`;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/ebay/sync/all',
    headers: { authorization: t.operatorAuth },
    payload: { accountId, mode: 'full' },
  });
  expect(res.statusCode).toBe(202);
  const runs = res.json<{ runs: { runId: string | null }[] }>().runs;
  for (const r of runs) if (r.runId) expect((await waitForChain(t.syncDb, r.runId)).status).toBe('succeeded');
}, 120_000);

afterAll(async () => {
  await t?.close();
  await emulator?.close();
});

const get = (url: string, authorization: string = viewerAuth) =>
  t.app.inject({ method: 'GET', url, headers: authorization ? { authorization } : {} });

/** Cents of a decimal string, for exact sums. */
const cents = (v: string | number) => Math.round(Number(v) * 100);

describe('GET /api/dashboard', () => {
  it('401 without a session; 422 for bad parameters; 404 for an unknown account', async () => {
    expect((await get('/api/dashboard', '')).statusCode).toBe(401);
    const bad = await get('/api/dashboard?days=0');
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ path: 'days' }] } });
    expect((await get('/api/dashboard?accountId=nope')).statusCode).toBe(422);
    const missing = await get(`/api/dashboard?accountId=${randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'account_not_found' } });
  });

  it('counts every synced order and sums their totals, matching the emulator and the raw payloads', async () => {
    const res = await get(`/api/dashboard?accountId=${accountId}&days=365`);
    expect(res.statusCode).toBe(200);
    const body = res.json<DashboardResponse>();
    const expected = await truth(emulator, 'orders', 0);
    expect(body.orders.count).toBe(expected.count);
    expect(body.orders.count).toBeGreaterThan(0);

    const raws = await t.syncDb.selectFrom('ebay_orders').select('raw').where('account_id', '=', accountId).execute();
    const byCurrency = new Map<string, number>();
    for (const { raw } of raws) {
      const total = (raw as { pricingSummary: { total: { value: string; currency: string } } }).pricingSummary.total;
      byCurrency.set(total.currency, (byCurrency.get(total.currency) ?? 0) + cents(total.value));
    }
    expect(Object.fromEntries(body.orders.revenue.map((r) => [r.currency, cents(r.value)]))).toEqual(
      Object.fromEntries(byCurrency),
    );
    // Per-day rows add up to the totals and stay inside the window.
    expect(body.orders.perDay.reduce((n, d) => n + d.orders, 0)).toBe(body.orders.count);
    for (const d of body.orders.perDay) expect(d.day >= body.from.slice(0, 10)).toBe(true);
  });

  it('restricts orders to the last N days', async () => {
    const body = (await get(`/api/dashboard?accountId=${accountId}&days=7`)).json<DashboardResponse>();
    const from = new Date(body.from);
    const raws = await t.syncDb.selectFrom('ebay_orders').select('raw').where('account_id', '=', accountId).execute();
    const inWindow = raws.filter((r) => Date.parse((r.raw as { creationDate: string }).creationDate) >= from.getTime());
    expect(body.orders.count).toBe(inWindow.length);
    expect(body.days).toBe(7);
    expect(new Set(body.orders.perDay.map((d) => d.day)).size).toBeLessThanOrEqual(7);
  });

  it('reports fees, payouts, disputes, unread messages as stored', async () => {
    const body = (await get(`/api/dashboard?accountId=${accountId}&days=365`)).json<DashboardResponse>();
    const db = t.syncDb;
    const since = new Date(body.from);
    const tx = await db.selectFrom('ebay_finance_transactions').select(['total_fee_value', 'transaction_date'])
      .where('account_id', '=', accountId).execute();
    const feeCents = tx.filter((x) => x.transaction_date >= since && x.total_fee_value !== null)
      .reduce((n, x) => n + cents(x.total_fee_value ?? 0), 0);
    expect(body.fees.reduce((n, f) => n + cents(f.value), 0)).toBe(feeCents);

    const payouts = await db.selectFrom('ebay_payouts').selectAll().where('account_id', '=', accountId)
      .orderBy('payout_date', 'desc').execute();
    expect(payouts.length).toBeGreaterThan(0);
    const inWindow = payouts.filter((p) => p.payout_date >= since);
    expect(body.payouts.count).toBe(inWindow.length);
    expect(body.payouts.total.reduce((n, p) => n + cents(p.value), 0)).toBe(
      inWindow.reduce((n, p) => n + cents(p.amount_value ?? 0), 0),
    );
    expect(body.payouts.last?.payoutId).toBe(payouts[0]?.payout_id);

    const disputes = await db.selectFrom('ebay_disputes').select(['dispute_status', 'closed_date'])
      .where('account_id', '=', accountId).execute();
    expect(body.openDisputes).toBe(disputes.filter((d) => d.dispute_status !== 'CLOSED' && d.closed_date === null).length);
    const messages = await db.selectFrom('ebay_messages').select('is_read').where('account_id', '=', accountId).execute();
    expect(messages.length).toBeGreaterThan(0);
    // A message whose read state eBay did not report counts as unread, as in the conversation list.
    expect(body.unreadMessages).toBe(messages.filter((m) => m.is_read !== true).length);
    const threads = await db.selectFrom('ebay_message_threads').select('unread').where('account_id', '=', accountId).execute();
    expect(body.unreadMessages).toBe(threads.reduce((n, th) => n + th.unread, 0));
  });

  it('counts orders awaiting shipment (not shipped, not cancelled, of any date) as the orders list selects them', async () => {
    // Three of the synced orders made unshipped: one not started, one in progress, one not started but cancelled.
    const before = (await sql<{ order_id: string; fulfillment_status: string | null; cancel_state: string | null }>`
      select order_id, fulfillment_status, cancel_state from ebay_orders where account_id = ${accountId}::uuid
      order by created_at_ebay limit 3`.execute(t.syncDb)).rows;
    const ids = before.map((o) => o.order_id);
    await sql`update ebay_orders set
      fulfillment_status = case order_id when ${ids[1]} then 'IN_PROGRESS' else 'NOT_STARTED' end,
      cancel_state = case order_id when ${ids[2]} then 'CANCELED' else 'NONE_REQUESTED' end
      where account_id = ${accountId}::uuid and order_id = any(${ids})`.execute(t.syncDb);
    try {
      const expected = (await sql<{ n: number }>`select count(*)::int as n from ebay_orders where account_id = ${accountId}::uuid
        and fulfillment_status in ('NOT_STARTED', 'IN_PROGRESS') and cancel_state is distinct from 'CANCELED'`.execute(t.syncDb)).rows[0]?.n;
      // The oldest orders are outside a 7-day period: the figure is of any date.
      const body = (await get(`/api/dashboard?accountId=${accountId}&days=7`)).json<DashboardResponse>();
      expect(body.orders.awaitingShipment).toBe(expected);
      expect(expected).toBeGreaterThanOrEqual(2);
      const listed = (await get(`/api/orders?accountId=${accountId}&awaitingShipment=true&limit=200&withTotal=true`))
        .json<{ items: Array<{ orderId: string }>; total: { count: number } }>();
      expect(listed.total.count).toBe(expected);
      expect(listed.items.map((o) => o.orderId)).toEqual(expect.arrayContaining([ids[0], ids[1]]));
      expect(listed.items.map((o) => o.orderId)).not.toContain(ids[2]);
      const others = (await get(`/api/orders?accountId=${accountId}&awaitingShipment=false&withTotal=true`)).json<{ total: { count: number } }>();
      const all = (await get(`/api/orders?accountId=${accountId}&withTotal=true`)).json<{ total: { count: number } }>();
      expect(others.total.count + listed.total.count).toBe(all.total.count);
    } finally {
      for (const o of before)
        await sql`update ebay_orders set fulfillment_status = ${o.fulfillment_status}, cancel_state = ${o.cancel_state}
          where account_id = ${accountId}::uuid and order_id = ${o.order_id}`.execute(t.syncDb);
    }
  });

  it('lists the last run of each resource and the token health of the account', async () => {
    const body = (await get(`/api/dashboard?accountId=${accountId}`)).json<DashboardResponse>();
    expect(body.lastSyncs).toHaveLength(8);
    for (const s of body.lastSyncs) {
      expect(s).toMatchObject({ accountId, status: 'succeeded' });
      expect(s.finishedAt).not.toBeNull();
    }
    expect(body.tokenHealth).toHaveLength(1);
    expect(body.tokenHealth[0]).toMatchObject({ accountId, status: 'active' });
    expect(Date.parse(body.tokenHealth[0]?.accessExpiresAt ?? '')).toBeGreaterThan(Date.now());
  });

  it('overall view sums every account; an unsynced account has zeros and no runs', async () => {
    const all = (await get('/api/dashboard?days=365')).json<DashboardResponse>();
    const one = (await get(`/api/dashboard?accountId=${accountId}&days=365`)).json<DashboardResponse>();
    expect(all.accountId).toBeNull();
    expect(all.accounts.map((a) => a.id).sort()).toEqual([accountId, otherId].sort());
    expect(all.orders.count).toBe(one.orders.count);
    expect(all.tokenHealth).toHaveLength(2);
    const other = (await get(`/api/dashboard?accountId=${otherId}`)).json<DashboardResponse>();
    expect(other.orders).toEqual({ count: 0, revenue: [], perDay: [], awaitingShipment: 0 });
    expect(other.lastSyncs).toEqual([]);
    expect(other.payouts.last).toBeNull();
  });
  it('counts a message whose read state eBay did not report as unread, as the conversation list does', async () => {
    const get1 = (await get(`/api/dashboard?accountId=${accountId}`)).json<DashboardResponse>();
    await t.syncDb.transaction().execute((trx) =>
      upsertMessages(trx, accountId, [
        { messageId: `unknown-read-${randomUUID()}`, receiveDate: new Date().toISOString(), subject: 'No read flag', raw: {} },
      ]),
    );
    const get2 = (await get(`/api/dashboard?accountId=${accountId}`)).json<DashboardResponse>();
    expect(get2.unreadMessages).toBe(get1.unreadMessages + 1);
    const threads = await t.syncDb.selectFrom('ebay_message_threads').select('unread').where('account_id', '=', accountId).execute();
    expect(get2.unreadMessages).toBe(threads.reduce((n, th) => n + th.unread, 0));
  });
});
