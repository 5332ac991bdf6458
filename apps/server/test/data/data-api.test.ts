import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSyncTestApp,
  startSyncEmulator,
  waitForRun,
  type Emulator,
  type SyncTestApp,
} from '../sync/sync-fixture';

let emulator: Emulator;
let t: SyncTestApp;
let accountId: string;
let viewer: string;

beforeAll(async () => {
  emulator = await startSyncEmulator({ ordersPerSeller: 260, inventoryItems: 12 });
  t = await createSyncTestApp(emulator);
  accountId = await t.connect();
  viewer = `Bearer ${(await t.loginAs('viewer')).token}`;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/ebay/sync/all',
    headers: { authorization: t.operatorAuth },
    payload: { accountId },
  });
  for (const r of res.json<{ runs: Array<{ runId: string }> }>().runs) await waitForRun(t.syncDb, r.runId);
});
afterAll(async () => {
  await t?.close();
  await emulator?.close();
});

const get = (url: string, authorization = viewer) =>
  t.app.inject({ method: 'GET', url, headers: { authorization } });

interface OrderItem {
  orderId: string;
  creationDate: string;
  fulfillmentStatus: string;
  buyerUsername: string;
}

describe('read APIs over synced data', () => {
  it('pages through every order exactly once with an opaque cursor, newest first', async () => {
    const seen: OrderItem[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(
        `/api/orders?accountId=${accountId}&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.statusCode).toBe(200);
      const body = res.json<{ items: OrderItem[]; nextCursor: string | null }>();
      seen.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(260);
    expect(new Set(seen.map((o) => o.orderId)).size).toBe(260);
    for (let i = 1; i < seen.length; i += 1)
      expect((seen[i - 1]?.creationDate ?? '') >= (seen[i]?.creationDate ?? '')).toBe(true);
    const asc = await get(`/api/orders?limit=5&order=asc&sort=lastModifiedDate`);
    expect(asc.statusCode).toBe(200);
  });

  it('filters by status, buyer, SKU, date range and text', async () => {
    const all = (await get(`/api/orders?limit=200`)).json<{ items: OrderItem[] }>().items;
    const sample = all[0] as OrderItem;
    const byStatus = (await get(`/api/orders?fulfillmentStatus=${sample.fulfillmentStatus}&limit=200`)).json<{
      items: OrderItem[];
    }>().items;
    expect(byStatus.length).toBeGreaterThan(0);
    expect(byStatus.every((o) => o.fulfillmentStatus === sample.fulfillmentStatus)).toBe(true);
    const byBuyer = (await get(`/api/orders?buyer=${encodeURIComponent(sample.buyerUsername)}`)).json<{
      items: OrderItem[];
    }>().items;
    expect(byBuyer.map((o) => o.orderId)).toContain(sample.orderId);
    const byText = (await get(`/api/orders?q=${sample.orderId}`)).json<{ items: OrderItem[] }>().items;
    expect(byText.map((o) => o.orderId)).toEqual([sample.orderId]);
    const detail = await get(`/api/orders/${sample.orderId}`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json<{ order: { raw: { orderId: string } }; lineItems: Array<{ sku: string }> }>();
    expect(body.order.raw.orderId).toBe(sample.orderId);
    const sku = body.lineItems[0]?.sku ?? '';
    const bySku = (await get(`/api/orders?sku=${encodeURIComponent(sku)}&limit=200`)).json<{
      items: OrderItem[];
    }>().items;
    expect(bySku.map((o) => o.orderId)).toContain(sample.orderId);
    const windowed = (
      await get(`/api/orders?from=${encodeURIComponent(sample.creationDate)}&limit=200`)
    ).json<{ items: OrderItem[] }>().items;
    expect(windowed.every((o) => o.creationDate >= sample.creationDate)).toBe(true);
  });

  it('answers 422 for bad parameters, 404 for unknown ids, 401 without credentials', async () => {
    expect((await get('/api/orders?limit=201')).statusCode).toBe(422);
    expect((await get('/api/orders?sort=title')).statusCode).toBe(422);
    expect((await get('/api/orders?from=yesterday')).statusCode).toBe(422);
    expect((await get('/api/orders/does-not-exist')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/orders' })).statusCode).toBe(401);
  });

  it('pages through every list exactly once with small pages, for every sort and direction', async () => {
    const sorts: Record<string, string[]> = {
      '/api/orders': ['creationDate', 'lastModifiedDate'],
      '/api/finances/transactions': ['transactionDate'],
      '/api/finances/payouts': ['payoutDate'],
      '/api/disputes': ['openDate'],
      '/api/messages': ['receivedAt'],
      '/api/inventory': ['lastSeenAt', 'sku'],
      '/api/offers': ['lastSeenAt'],
      '/api/purchases': ['lastSeenAt'],
    };
    for (const [path, names] of Object.entries(sorts)) {
      const total = (await get(`${path}.csv`)).body.trim().split('\n').length - 1;
      for (const sort of names) {
        for (const order of ['desc', 'asc']) {
          const seen: string[] = [];
          let cursor: string | null = null;
          do {
            const res = await get(`${path}?sort=${sort}&order=${order}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
            expect(res.statusCode).toBe(200);
            const body = res.json<{ items: unknown[]; nextCursor: string | null }>();
            seen.push(...body.items.map((i) => JSON.stringify(i)));
            cursor = body.nextCursor;
          } while (cursor);
          expect({ path, sort, order, rows: seen.length }).toEqual({ path, sort, order, rows: total });
          expect(new Set(seen).size).toBe(total);
        }
      }
    }
  });

  it('answers list items with ISO timestamps, decimal strings and integers', async () => {
    const res = await get('/api/orders?limit=3');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const item = res.json<{ items: Array<Record<string, unknown>> }>().items[0] ?? {};
    for (const field of ['creationDate', 'lastModifiedDate', 'firstSeenAt', 'lastSeenAt'])
      expect(item[field]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(item.totalValue).toMatch(/^\d+\.\d\d$/);
    expect(Number.isInteger(item.lineItemCount)).toBe(true);
    const detail = (await get(`/api/orders/${String(item.orderId)}?accountId=${String(item.accountId)}`)).json<{
      order: Record<string, unknown>;
      lineItems: Array<Record<string, unknown>>;
    }>();
    expect(detail.order.created_at_ebay).toBe(item.creationDate);
    expect(detail.order.total_value).toBe(item.totalValue);
    for (const li of detail.lineItems) {
      expect(li.order_id).toBe(item.orderId);
      expect(typeof li.total_value === 'string' || li.total_value === null).toBe(true);
    }
  });

  it('streams every list as CSV', async () => {
    const csv = await get(`/api/orders.csv?accountId=${accountId}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toContain('orderId');
    expect(lines).toHaveLength(261);
    for (const path of [
      '/api/finances/transactions',
      '/api/finances/payouts',
      '/api/disputes',
      '/api/messages',
      '/api/inventory',
      '/api/offers',
      '/api/purchases',
    ]) {
      const json = await get(`${path}?limit=5`);
      expect({ path, status: json.statusCode }).toEqual({ path, status: 200 });
      const res = await get(`${path}?format=csv`);
      expect({ path, status: res.statusCode }).toEqual({ path, status: 200 });
      expect(res.body.split('\n')[0]).toContain('accountId');
    }
  });

  it('links transactions to orders and payouts, and inventory to offers', async () => {
    const tx = (await get('/api/finances/transactions?limit=200')).json<{
      items: Array<{ transactionId: string; orderId: string | null; payoutId: string | null }>;
    }>().items;
    const withPayout = tx.find((x) => x.payoutId && x.orderId);
    expect(withPayout).toBeDefined();
    const detail = (await get(`/api/finances/transactions/${withPayout?.transactionId ?? ''}`)).json<{
      payout: { payout_id: string } | null;
      orderId: string;
    }>();
    expect(detail.payout?.payout_id).toBe(withPayout?.payoutId);
    const payout = (await get(`/api/finances/payouts/${withPayout?.payoutId ?? ''}`)).json<{
      transactions: Array<{ transaction_id: string }>;
    }>();
    expect(payout.transactions.map((x) => x.transaction_id)).toContain(withPayout?.transactionId);
    const order = (await get(`/api/orders/${withPayout?.orderId ?? ''}`)).json<{
      transactions: unknown[];
      payouts: unknown[];
    }>();
    expect(order.payouts.length).toBeGreaterThan(0);
    const inv = (await get('/api/inventory?limit=1')).json<{ items: Array<{ sku: string }> }>().items[0];
    const item = (await get(`/api/inventory/${encodeURIComponent(inv?.sku ?? '')}`)).json<{
      offers: unknown[];
    }>();
    expect(item.offers.length).toBeGreaterThan(0);
    const threads = await get('/api/messages/threads');
    expect(threads.statusCode).toBe(200);
  });
});
