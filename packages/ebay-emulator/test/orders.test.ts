import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index';
import { FIXED_NOW, connectSeller, control, errorOf, get, startTestEmulator } from './helpers/emulator.helper';
import { expectSchema } from './helpers/schema.helper';
import { errorEnvelopeSchema, orderSchema, ordersPageSchema } from './schemas/rest.schemas';

const ORDERS = 2000;
let emu: RunningEmulator;
let token: string;
const base = (): string => `${emu.url}/sell/fulfillment/v1/order`;
const now = Date.parse(FIXED_NOW);

interface Money { value: string; currency: string }
interface Order {
  orderId: string; creationDate: string; lastModifiedDate: string; orderFulfillmentStatus: string;
  pricingSummary: { priceSubtotal: Money; deliveryCost: Money; tax: Money; priceDiscount?: Money; total: Money };
  lineItems: { total: Money }[];
  cancelStatus: { cancelState: string; cancelRequests: unknown[] };
}
interface OrdersPage { total: number; orders: Order[]; next?: string; prev?: string; offset: number; limit: number }

const cents = (m: Money | undefined): number => (m ? Math.round(Number(m.value) * 100) : 0);
const windowFilter = (from: number, to: number): string => `creationdate:[${new Date(from).toISOString()}..${new Date(to).toISOString()}]`;

beforeAll(async () => {
  emu = await startTestEmulator({ ordersPerSeller: ORDERS });
  token = (await connectSeller(emu.url, 'vintage.vault_us')).access_token;
});
afterAll(async () => {
  await emu.close();
});

async function page(query: string): Promise<{ status: number; body: OrdersPage }> {
  const r = await get(`${base()}?${query}`, token);
  return { status: r.status, body: r.body as OrdersPage };
}

describe('getOrders', () => {
  it('paging through all orders by creation date returns exactly the seeded count, no duplicates, ascending', async () => {
    const filter = encodeURIComponent(windowFilter(now - 400 * 86_400_000, now));
    const seen = new Set<string>();
    let last = '';
    let url: string | undefined = `${base()}?filter=${filter}&limit=200`;
    let pages = 0;
    while (url) {
      const r = await get(url, token);
      expect(r.status).toBe(200);
      const body = r.body as OrdersPage;
      if (pages === 0) expectSchema(ordersPageSchema, body);
      if (pages === 0) {
        // The control API's first order date is the first order's creation.
        const sellers = (await control(emu.url, 'GET', '/sellers')) as { sellers: Array<{ username: string; firstOrderDate: string }> };
        const seller = sellers.sellers.find((s) => s.username === 'vintage.vault_us');
        expect(seller?.firstOrderDate).toBe(body.orders[0]?.creationDate);
      }
      for (const o of body.orders) {
        expect(seen.has(o.orderId)).toBe(false);
        seen.add(o.orderId);
        expect(o.creationDate >= last).toBe(true);
        last = o.creationDate;
      }
      expect(body.total).toBe(ORDERS);
      url = body.next;
      pages += 1;
    }
    expect(seen.size).toBe(ORDERS);
    expect(pages).toBe(10);
  });

  it('defaults to the last 90 days, limit 50, next only when a next page exists and prev only after the first', async () => {
    const first = await page('');
    expect(first.status).toBe(200);
    expect(first.body.limit).toBe(50);
    expect(first.body.prev).toBeUndefined();
    expect(first.body.next).toContain('offset=50');
    expect(first.body.total).toBeGreaterThan(400);
    expect(first.body.total).toBeLessThan(560);
    for (const o of first.body.orders) expect(Date.parse(o.creationDate)).toBeGreaterThanOrEqual(now - 90 * 86_400_000);
    const lastPage = await page(`offset=${first.body.total - 10}`);
    expect(lastPage.body.orders).toHaveLength(10);
    expect(lastPage.body.next).toBeUndefined();
    expect(lastPage.body.prev).toBeDefined();
    const empty = await page(`filter=${encodeURIComponent(windowFilter(now - 1000, now - 999))}`);
    expect(empty.body.total).toBe(0);
    expect(empty.body.orders).toEqual([]);
  });

  it('amounts are strings and add up', async () => {
    const { body } = await page('limit=200');
    for (const o of body.orders) {
      expectSchema(orderSchema, o);
      const p = o.pricingSummary;
      expect(cents(p.total)).toBe(cents(p.priceSubtotal) + cents(p.deliveryCost) + cents(p.tax) + cents(p.priceDiscount));
      expect(o.lineItems.reduce((s, l) => s + cents(l.total), 0)).toBe(cents(p.total));
      expect(o.cancelStatus.cancelRequests).toEqual([]);
    }
  });

  it('getOrder returns one order with cancelRequests filled when cancelled', async () => {
    let cancelled: Order | undefined;
    for (let offset = 0; !cancelled && offset < ORDERS; offset += 200) {
      const { body } = await page(`filter=${encodeURIComponent(windowFilter(now - 400 * 86_400_000, now))}&limit=200&offset=${offset}`);
      cancelled = body.orders.find((o) => o.cancelStatus.cancelState === 'CANCELED');
    }
    expect(cancelled).toBeDefined();
    const one = await get(`${base()}/${cancelled?.orderId ?? ''}`, token);
    expect(one.status).toBe(200);
    expectSchema(orderSchema, one.body);
    expect((one.body as Order).cancelStatus.cancelRequests.length).toBe(1);
    const missing = await get(`${base()}/11-00000-00001`, token);
    expect(missing.status).toBe(404);
  });

  it('orderIds returns those orders and overrides other parameters; more than 50 is 30900', async () => {
    const { body } = await page('limit=3');
    const ids = body.orders.map((o) => o.orderId);
    const byIds = await page(`orderIds=${ids.join(',')}&limit=1&filter=bogus:1`);
    expect(byIds.status).toBe(200);
    expect(byIds.body.orders.map((o) => o.orderId)).toEqual(ids);
    const tooMany = await get(`${base()}?orderIds=${Array.from({ length: 51 }, (_, i) => `11-00000-${String(i).padStart(5, '0')}`).join(',')}`, token);
    expect(tooMany.status).toBe(400);
    expect(errorOf(tooMany.body).errorId).toBe(30900);
  });

  it.each([
    ['filter=foo:[2025-01-01T00:00:00.000Z..]', 30700],
    ['filter=orderfulfillmentstatus:{FULFILLED}', 30800],
    ['filter=creationdate:[2025-01-01..2025-02-01]', 30810],
    ['filter=creationdate:[..2025-02-01T00:00:00.000Z]', 30820],
    ['filter=creationdate:[2021-01-01T00:00:00.000Z..2025-02-01T00:00:00.000Z]', 30830],
    ['filter=creationdate:[2025-03-01T00:00:00.000Z..2025-02-01T00:00:00.000Z]', 30840],
    ['filter=creationdate:[2026-03-01T00:00:00.000Z..]', 30850],
    ['offset=-1', 31000],
    ['offset=abc', 31000],
    ['limit=201', 31100],
    ['limit=0', 31100],
    ['fieldGroups=EVERYTHING', 32800],
  ])('%s -> %i', async (query, errorId) => {
    const r = await get(`${base()}?${query.replace(/\[/g, '%5B').replace(/\]/g, '%5D').replace(/\{/g, '%7B').replace(/\}/g, '%7D')}`, token);
    expect(r.status).toBe(400);
    expectSchema(errorEnvelopeSchema, r.body);
    expect(errorOf(r.body)).toMatchObject({ errorId, domain: 'API_FULFILLMENT' });
  });

  it('filters by fulfillment status', async () => {
    const open = await page(`filter=${encodeURIComponent('orderfulfillmentstatus:{NOT_STARTED|IN_PROGRESS}')}&limit=200`);
    expect(open.status).toBe(200);
    expect(open.body.total).toBeGreaterThan(0);
    for (const o of open.body.orders) expect(['NOT_STARTED', 'IN_PROGRESS']).toContain(o.orderFulfillmentStatus);
    const done = await page(`filter=${encodeURIComponent('orderfulfillmentstatus:{FULFILLED|IN_PROGRESS}')}&limit=1`);
    const all = await page('limit=1');
    const notStarted = open.body.orders.filter((o) => o.orderFulfillmentStatus === 'NOT_STARTED').length;
    expect(done.body.total).toBe(all.body.total - notStarted);
  });

  it('TAX_BREAKDOWN adds eBay collect-and-remit taxes', async () => {
    const { body } = await page('limit=5&fieldGroups=TAX_BREAKDOWN');
    expect(body.orders.some((o) => 'ebayCollectAndRemitTaxes' in (o.lineItems[0] ?? {}))).toBe(true);
  });
});

describe('mutations and incremental sync by lastmodifieddate', () => {
  it('created and modified orders show up in a lastmodifieddate window after the previous sync', async () => {
    const since = new Date(now).toISOString();
    await control(emu.url, 'POST', '/clock/advance', { seconds: 3600 });
    const created = (await control(emu.url, 'POST', '/sellers/1/orders', { count: 3 })) as { created: { orderId: string }[] };
    const modified = (await control(emu.url, 'POST', '/sellers/1/orders/modify', { count: 4 })) as { modified: { orderId: string; lastModifiedDate: string }[] };
    expect(created.created).toHaveLength(3);
    expect(modified.modified).toHaveLength(4);
    const r = await page(`filter=${encodeURIComponent(`lastmodifieddate:[${since}..]`)}&limit=200`);
    const ids = new Set(r.body.orders.map((o) => o.orderId));
    for (const c of created.created) expect(ids.has(c.orderId)).toBe(true);
    for (const m of modified.modified) expect(ids.has(m.orderId)).toBe(true);
    expect(r.body.total).toBe(7);
    const one = await get(`${base()}/${modified.modified[0]?.orderId ?? ''}`, token);
    expect((one.body as Order).lastModifiedDate).toBe(modified.modified[0]?.lastModifiedDate);

    // Every order's lastModifiedDate is inside the window that returns it.
    const from = now - 30 * 86_400_000;
    const to = now - 20 * 86_400_000;
    const w = await page(`filter=${encodeURIComponent(`lastmodifieddate:[${new Date(from).toISOString()}..${new Date(to).toISOString()}]`)}&limit=200`);
    expect(w.body.total).toBeGreaterThan(0);
    for (const o of w.body.orders) {
      expect(Date.parse(o.lastModifiedDate)).toBeGreaterThanOrEqual(from);
      expect(Date.parse(o.lastModifiedDate)).toBeLessThanOrEqual(to);
    }
  });
});
