import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { refreshThreads } from '../../src/sync/other.repository';
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

const listPaths = [
  '/api/orders',
  '/api/finances/transactions',
  '/api/finances/payouts',
  '/api/disputes',
  '/api/messages',
  '/api/inventory',
  '/api/offers',
  '/api/purchases',
];

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

  it('answers 422 for a cursor whose values do not fit the list, on every list and sort', async () => {
    const forge = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
    const uuid = '00000000-0000-4000-8000-000000000000';
    const anySort = [
      forge(['2026-06-01 00:00:00+00', 'not-a-uuid', 'x']),
      forge([{ a: 1 }, uuid, 'x']),
      forge(['2026-06-01 00:00:00+00', uuid, 7]),
      forge(['2026-06-01 00:00:00+00', uuid]),
    ];
    const timestampSort = [forge(['not a date', uuid, 'x']), forge(['2026-02-30 00:00:00+00', uuid, 'x'])];
    const timestampPaths = ['/api/orders', '/api/orders?sort=lastModifiedDate', '/api/finances/transactions',
      '/api/finances/payouts', '/api/disputes', '/api/messages', '/api/inventory', '/api/offers', '/api/purchases',
      '/api/messages/threads'];
    const cases = [
      ...timestampPaths.flatMap((path) => [...anySort, ...timestampSort].map((cursor) => [path, cursor] as const)),
      ...anySort.map((cursor) => ['/api/inventory?sort=sku', cursor] as const),
      ...[forge(['2026-06-01T00:00:00.000Z', 'not-a-uuid']), forge(['yesterday', uuid])].map(
        (cursor) => ['/api/ebay/sync/runs', cursor] as const,
      ),
    ];
    for (const [path, cursor] of cases) {
      const res = await get(`${path}${path.includes('?') ? '&' : '?'}cursor=${cursor}`);
      expect({ path, cursor, status: res.statusCode }).toEqual({ path, cursor, status: 422 });
      expect(res.json<{ error: { details: unknown } }>().error.details).toEqual([
        { path: 'cursor', message: 'invalid cursor' },
      ]);
    }
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
      '/api/purchases': ['purchasedAt', 'lastSeenAt'],
    };
    for (const [path, names] of Object.entries(sorts)) {
      const total = (await get(`${path}.csv`)).body.trim().split('\n').length - 1;
      for (const sort of names) {
        for (const order of ['desc', 'asc']) {
          const seen: string[] = [];
          let cursor: string | null = null;
          do {
            const res = await get(
              `${path}?sort=${sort}&order=${order}&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
            );
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

  it('counts the rows matching the filters when asked (withTotal), on every list', async () => {
    type Page = { items: unknown[]; nextCursor: string | null; total?: unknown };
    /** Rows of `url` (which has a query) counted by paging through them; no page has a total unless asked. */
    const paged = async (url: string) => {
      let rows = 0;
      let cursor: string | null = null;
      do {
        const body: Page = (await get(`${url}&limit=200${cursor ? `&cursor=${cursor}` : ''}`)).json<Page>();
        expect(body).not.toHaveProperty('total');
        rows += body.items.length;
        cursor = body.nextCursor;
      } while (cursor);
      return rows;
    };
    for (const path of listPaths) {
      const rows = await paged(`${path}?order=desc`);
      expect(rows, path).toBeGreaterThan(0);
      const first = (await get(`${path}?limit=5&withTotal=true`)).json<Page>();
      expect({ path, total: first.total, items: first.items.length }).toEqual({
        path,
        total: { count: rows, capped: false },
        items: Math.min(5, rows),
      });
      // The filters count as they select.
      const none = (await get(`${path}?accountId=${crypto.randomUUID()}&withTotal=1`)).json<Page>();
      expect(none).toEqual({ items: [], nextCursor: null, total: { count: 0, capped: false } });
    }
    const shipped = await paged('/api/orders?fulfillmentStatus=FULFILLED');
    expect(shipped).toBeGreaterThan(200);
    expect((await get('/api/orders?fulfillmentStatus=FULFILLED&withTotal=true')).json<Page>().total).toEqual({
      count: shipped,
      capped: false,
    });
    const bad = await get('/api/orders?withTotal=yes');
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ error: { details: [expect.objectContaining({ path: 'withTotal' })] } });
  });

  it('stops counting at 10,000 matching rows and says the total is at least that', async () => {
    const other = await sql<{ id: string }>`insert into ebay_accounts (environment, ebay_user_id, username, label)
      values ('emulator', 'u-many', 'many_orders', 'many') returning id`.execute(t.syncDb);
    const id = other.rows[0]?.id ?? '';
    try {
      await sql`insert into ebay_orders (account_id, order_id, created_at_ebay, modified_at_ebay, raw)
        select ${id}::uuid, 'm-' || i, now() - make_interval(mins => i), now(), '{}'::jsonb
        from generate_series(1, 10001) i`.execute(t.syncDb);
      const body = (await get(`/api/orders?accountId=${id}&limit=3&withTotal=true`)).json<{ total: unknown }>();
      expect(body.total).toEqual({ count: 10_000, capped: true });
      await sql`delete from ebay_orders where account_id = ${id}::uuid and order_id <> 'm-1'`.execute(t.syncDb);
      expect((await get(`/api/orders?accountId=${id}&withTotal=true`)).json<{ total: unknown }>().total).toEqual({
        count: 1,
        capped: false,
      });
    } finally {
      await sql`delete from ebay_accounts where id = ${id}::uuid`.execute(t.syncDb);
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
    const detail = (
      await get(`/api/orders/${String(item.orderId)}?accountId=${String(item.accountId)}`)
    ).json<{
      order: Record<string, unknown>;
      lineItems: Array<Record<string, unknown>>;
    }>();
    expect(detail.order.creationDate).toBe(item.creationDate);
    expect(detail.order.totalValue).toBe(item.totalValue);
    expect(detail.lineItems.length).toBeGreaterThan(0);
    for (const li of detail.lineItems) {
      expect(typeof li.lineItemId).toBe('string');
      expect(typeof li.totalValue === 'string' || li.totalValue === null).toBe(true);
    }
  });

  it('streams every list as CSV', async () => {
    const csv = await get(`/api/orders.csv?accountId=${accountId}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toMatch(/^accountId,accountLabel,accountUsername,orderId,/);
    expect(lines).toHaveLength(261);
    // Each row names its shop, not only by id.
    const account = await sql<{ label: string; username: string }>`select label, username from ebay_accounts where id = ${accountId}`
      .execute(t.syncDb)
      .then((r) => r.rows[0]);
    expect(lines[1]?.startsWith(`${accountId},${account?.label},${account?.username},`)).toBe(true);
    // The same stream, gzip-compressed for a client that accepts it.
    const gzip = await t.app.inject({
      method: 'GET',
      url: `/api/orders.csv?accountId=${accountId}`,
      headers: { authorization: viewer, 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(csv.body);
    for (const path of listPaths.filter((p) => p !== '/api/orders')) {
      const json = await get(`${path}?limit=5`);
      expect({ path, status: json.statusCode }).toEqual({ path, status: 200 });
      const res = await get(`${path}?format=csv`);
      expect({ path, status: res.statusCode }).toEqual({ path, status: 200 });
      expect(res.body.split('\n')[0]).toMatch(/^accountId,accountLabel,accountUsername,/);
    }
  });

  it('refuses a date range that does not start before its end, and takes plain UTC days', async () => {
    const reversed = await get('/api/orders?from=2026-11-20T00:00:00Z&to=2026-11-10T00:00:00Z');
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ path: 'from', message: 'must be before to' }] } });
    const all = (await get('/api/orders?limit=200')).json<{ items: Array<{ creationDate: string }> }>().items;
    const day = (all[Math.floor(all.length / 2)]?.creationDate ?? '').slice(0, 10);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const byDay = await get(`/api/orders?limit=200&from=${day}&to=${next}`);
    expect(byDay.statusCode).toBe(200);
    const byInstant = await get(`/api/orders?limit=200&from=${day}T00:00:00Z&to=${next}T00:00:00Z`);
    expect(byDay.json()).toEqual(byInstant.json());
    expect(byDay.json<{ items: unknown[] }>().items.length).toBeGreaterThan(0);
  });

  it('lists purchases newest bought first by default', async () => {
    const items = (await get('/api/purchases?limit=200')).json<{ items: Array<{ purchasedAt: string | null }> }>().items;
    const dates = items.map((p) => p.purchasedAt).filter((d): d is string => d !== null);
    expect(dates.length).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort().reverse());
    const asc = (await get('/api/purchases?limit=200&order=asc')).json<{ items: Array<{ purchasedAt: string | null }> }>().items;
    expect(asc.map((p) => p.purchasedAt)).toEqual(items.map((p) => p.purchasedAt).reverse());
  });

  it('writes booleans in CSV as the JSON answer has them (true, false; empty only for null)', async () => {
    // One of each: read, unread, no read state.
    const before = (await sql<{ message_id: string; is_read: boolean | null }>`select message_id, is_read from ebay_messages order by message_id limit 3`.execute(t.syncDb)).rows;
    const ids = before.map((r) => r.message_id);
    await sql`update ebay_messages set is_read = case message_id when ${ids[0]} then true when ${ids[1]} then false else null end where message_id = any(${ids})`.execute(t.syncDb);
    const json = (await get('/api/messages?limit=200')).json<{ items: Array<{ messageId: string; isRead: boolean | null }> }>().items;
    const csv = (await get('/api/messages.csv')).body;
    for (const r of before) await sql`update ebay_messages set is_read = ${r.is_read} where message_id = ${r.message_id}`.execute(t.syncDb);
    expect(new Set(json.map((m) => m.isRead))).toEqual(new Set([true, false, null]));
    const [header, ...rows] = parseCsv(csv);
    const id = header?.indexOf('messageId') ?? -1;
    const isRead = header?.indexOf('isRead') ?? -1;
    const csvRead = new Map(rows.map((r) => [r[id], r[isRead]]));
    for (const m of json) expect([m.messageId, csvRead.get(m.messageId)]).toEqual([m.messageId, m.isRead === null ? '' : String(m.isRead)]);
  });

  it('writes text a spreadsheet would run as a formula as text in CSV; JSON keeps it as stored', async () => {
    const [row] = (await sql<{ message_id: string; subject: string | null }>`select message_id, subject from ebay_messages
      where account_id = ${accountId}::uuid order by message_id limit 1`.execute(t.syncDb)).rows;
    if (!row) throw new Error('no message');
    const formula = '=HYPERLINK("http://example.invalid","click")';
    await sql`update ebay_messages set subject = ${formula} where account_id = ${accountId}::uuid and message_id = ${row.message_id}`.execute(t.syncDb);
    try {
      const [header, ...rows] = parseCsv((await get(`/api/messages.csv?accountId=${accountId}`)).body);
      const id = header?.indexOf('messageId') ?? -1;
      const subject = header?.indexOf('subject') ?? -1;
      expect(rows.find((r) => r[id] === row.message_id)?.[subject]).toBe(`'${formula}`);
      const json = await listAll(`/api/messages?accountId=${accountId}`);
      expect(json.find((m) => m['messageId'] === row.message_id)?.['subject']).toBe(formula);
      // Amounts keep their sign: a refund's negative amount is a number, not a formula.
      const tx = parseCsv((await get('/api/finances/transactions.csv')).body);
      const amount = tx[0]?.indexOf('amountValue') ?? -1;
      expect(amount).toBeGreaterThanOrEqual(0);
      expect(tx.length).toBeGreaterThan(1);
      expect(tx.slice(1).every((r) => /^-?\d+(\.\d+)?$|^$/.test(r[amount] ?? ''))).toBe(true);
    } finally {
      await sql`update ebay_messages set subject = ${row.subject} where account_id = ${accountId}::uuid and message_id = ${row.message_id}`.execute(t.syncDb);
    }
  });

  it('filters messages by read state, counting a message without one as unread like the dashboard', async () => {
    const before = (await sql<{ message_id: string; is_read: boolean | null }>`select message_id, is_read from ebay_messages order by message_id limit 3`.execute(t.syncDb)).rows;
    const ids = before.map((r) => r.message_id);
    await sql`update ebay_messages set is_read = case message_id when ${ids[0]} then true when ${ids[1]} then false else null end where message_id = any(${ids})`.execute(t.syncDb);
    // The conversations' unread counts (the dashboard's) follow the messages, as after a sync.
    const refresh = async () =>
      refreshThreads(t.syncDb, accountId, (await sql<{ thread_id: string }>`select thread_id from ebay_messages where message_id = any(${ids})`.execute(t.syncDb)).rows.map((r) => r.thread_id));
    await refresh();
    try {
      const all = await listAll(`/api/messages?accountId=${accountId}`);
      const unread = await listAll(`/api/messages?accountId=${accountId}&unread=true`);
      const read = await listAll(`/api/messages?accountId=${accountId}&unread=false`);
      expect(unread.length + read.length).toBe(all.length);
      expect(unread.every((m) => m['isRead'] !== true)).toBe(true);
      expect(read.every((m) => m['isRead'] === true)).toBe(true);
      const unreadIds = unread.map((m) => m['messageId']);
      expect(unreadIds).toEqual(expect.arrayContaining([ids[1], ids[2]]));
      expect(read.map((m) => m['messageId'])).toContain(ids[0]);
      const dashboard = (await get(`/api/dashboard?accountId=${accountId}`)).json<{ unreadMessages: number }>();
      expect(dashboard.unreadMessages).toBe(unread.length);
      expect((await get('/api/messages?unread=yes')).statusCode).toBe(422);
    } finally {
      for (const r of before) await sql`update ebay_messages set is_read = ${r.is_read} where message_id = ${r.message_id}`.execute(t.syncDb);
      await refresh();
    }
  });

  it('filters disputes to the open ones, as the dashboard counts them', async () => {
    // Two open ones among the closed: one waiting for the seller, one with no status at all.
    const before = (await sql<{ payment_dispute_id: string; dispute_status: string | null; closed_date: Date | null }>`
      select payment_dispute_id, dispute_status, closed_date from ebay_disputes where account_id = ${accountId}::uuid
      order by payment_dispute_id limit 2`.execute(t.syncDb)).rows;
    expect(before).toHaveLength(2);
    const ids = before.map((d) => d.payment_dispute_id);
    await sql`update ebay_disputes set closed_date = null,
      dispute_status = case payment_dispute_id when ${ids[0]} then 'ACTION_NEEDED' else null end
      where account_id = ${accountId}::uuid and payment_dispute_id = any(${ids})`.execute(t.syncDb);
    try {
      const all = await listAll(`/api/disputes?accountId=${accountId}`);
      const open = await listAll(`/api/disputes?accountId=${accountId}&open=true`);
      const closed = await listAll(`/api/disputes?accountId=${accountId}&open=false`);
      expect(open.map((d) => d['paymentDisputeId']).sort()).toEqual([...ids].sort());
      expect(closed.length).toBeGreaterThan(0);
      expect(open.length + closed.length).toBe(all.length);
      const dashboard = (await get(`/api/dashboard?accountId=${accountId}`)).json<{ openDisputes: number }>();
      expect(dashboard.openDisputes).toBe(open.length);
      expect((await get('/api/disputes?open=1')).statusCode).toBe(422);
    } finally {
      for (const d of before)
        await sql`update ebay_disputes set dispute_status = ${d.dispute_status}, closed_date = ${d.closed_date}
          where account_id = ${accountId}::uuid and payment_dispute_id = ${d.payment_dispute_id}`.execute(t.syncDb);
    }
  });

  it('filters inventory by stock and condition', async () => {
    const before = (await sql<{ sku: string; quantity: number | null }>`select sku, quantity from ebay_inventory_items
      where account_id = ${accountId}::uuid order by sku limit 2`.execute(t.syncDb)).rows;
    const skus = before.map((i) => i.sku);
    // One sold out, one with no quantity reported: both out of stock.
    await sql`update ebay_inventory_items set quantity = case sku when ${skus[0]} then 0 else null end
      where account_id = ${accountId}::uuid and sku = any(${skus})`.execute(t.syncDb);
    try {
      const all = await listAll(`/api/inventory?accountId=${accountId}`);
      const out = await listAll(`/api/inventory?accountId=${accountId}&inStock=false`);
      const inStock = await listAll(`/api/inventory?accountId=${accountId}&inStock=true`);
      expect(out.map((i) => i['sku']).sort()).toEqual(
        all.filter((i) => !((i['quantity'] as number | null) ?? 0)).map((i) => i['sku']).sort(),
      );
      expect(out.map((i) => i['sku'])).toEqual(expect.arrayContaining(skus));
      expect(inStock.every((i) => (i['quantity'] as number) > 0)).toBe(true);
      expect(out.length + inStock.length).toBe(all.length);
      const condition = String(all[0]?.['condition']);
      const byCondition = await listAll(`/api/inventory?accountId=${accountId}&condition=${encodeURIComponent(condition)}`);
      expect(byCondition.length).toBe(all.filter((i) => i['condition'] === condition).length);
      expect((await get('/api/inventory?inStock=maybe')).statusCode).toBe(422);
    } finally {
      for (const i of before)
        await sql`update ebay_inventory_items set quantity = ${i.quantity} where account_id = ${accountId}::uuid and sku = ${i.sku}`.execute(t.syncDb);
    }
  });

  it('links transactions to orders and payouts, and inventory to offers', async () => {
    const tx = (await get('/api/finances/transactions?limit=200')).json<{
      items: Array<{ transactionId: string; orderId: string | null; payoutId: string | null }>;
    }>().items;
    const withPayout = tx.find((x) => x.payoutId && x.orderId);
    expect(withPayout).toBeDefined();
    const detail = (await get(`/api/finances/transactions/${withPayout?.transactionId ?? ''}`)).json<{
      payout: { payoutId: string } | null;
      order: { orderId: string } | null;
    }>();
    expect(detail.payout?.payoutId).toBe(withPayout?.payoutId);
    expect(detail.order?.orderId).toBe(withPayout?.orderId);
    const payout = (await get(`/api/finances/payouts/${withPayout?.payoutId ?? ''}`)).json<{
      transactions: Array<{ transactionId: string }>;
    }>();
    expect(payout.transactions.map((x) => x.transactionId)).toContain(withPayout?.transactionId);
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

type Json = Record<string, unknown>;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const DECIMAL = /^-?\d+\.\d\d$/;
/** eBay's own payloads keep eBay's field names. */
const EBAY_PAYLOADS = new Set(['raw', 'detail', 'cancelDetails']);

/** Paths of keys with an underscore anywhere in `value`, outside eBay's payloads. */
function snakeKeys(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => snakeKeys(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    EBAY_PAYLOADS.has(k)
      ? []
      : [...(k.includes('_') ? [`${path}.${k}`] : []), ...snakeKeys(v, `${path}.${k}`)],
  );
}

const without = (o: unknown, ...keys: string[]): Json =>
  Object.fromEntries(Object.entries(o as Json).filter(([k]) => !keys.includes(k)));
const sorted = (items: unknown, ...keys: string[]) =>
  [...(items as Json[])].sort((a, b) =>
    keys
      .map((k) => String(a[k]))
      .join('|')
      .localeCompare(keys.map((k) => String(b[k])).join('|')),
  );

/** Every item of a list (all pages). */
async function listAll(path: string): Promise<Json[]> {
  const items: Json[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await get(`${path}${sep}limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: Json[]; nextCursor: string | null }>();
    items.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return items;
}

async function detail(url: string): Promise<Json> {
  const res = await get(url);
  expect({ url, status: res.statusCode }).toEqual({ url, status: 200 });
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  const body = res.json<Json>();
  expect({ url, snake: snakeKeys(body) }).toEqual({ url, snake: [] });
  return body;
}

function expectEnvelope(res: Awaited<ReturnType<typeof get>>, status: number, code: string) {
  expect({ url: res.raw.req.url, status: res.statusCode }).toEqual({ url: res.raw.req.url, status });
  const body = res.json<{ error: Json }>();
  expect(body.error).toMatchObject({
    code,
    message: expect.any(String),
    requestId: res.headers['x-request-id'],
  });
  return body.error;
}

describe('details: the record as its list item, the eBay payload and linked list items', () => {
  it('answers an order with its line items, transactions, payouts and disputes', async () => {
    const tx = await listAll(`/api/finances/transactions?accountId=${accountId}`);
    const sale = tx.find((x) => x.orderId && x.payoutId) as Json;
    const orderId = String(sale.orderId);
    const orderItem = (await get(`/api/orders?q=${orderId}`)).json<{ items: Json[] }>().items[0];
    const body = await detail(`/api/orders/${orderId}?accountId=${accountId}`);
    expect(Object.keys(body)).toEqual(['order', 'lineItems', 'transactions', 'payouts', 'disputes']);
    expect(without(body.order, 'cancelDetails', 'raw')).toEqual(orderItem);
    expect((body.order as { raw: Json }).raw.orderId).toBe(orderId);
    const lineItems = body.lineItems as Json[];
    expect(lineItems.length).toBe(orderItem?.lineItemCount);
    for (const li of lineItems) {
      expect(Object.keys(li)).toEqual([
        'lineItemId',
        'sku',
        'title',
        'legacyItemId',
        'quantity',
        'totalValue',
        'totalCurrency',
        'fulfillmentStatus',
      ]);
      expect(li.totalValue).toMatch(DECIMAL);
    }
    const transactions = body.transactions as Json[];
    expect(sorted(transactions, 'transactionId', 'transactionType')).toEqual(
      sorted(
        await listAll(`/api/finances/transactions?accountId=${accountId}&orderId=${orderId}`),
        'transactionId',
        'transactionType',
      ),
    );
    const dates = transactions.map((x) => String(x.transactionDate));
    expect(dates).toEqual([...dates].sort());
    const payouts = new Map(
      (await listAll(`/api/finances/payouts?accountId=${accountId}`)).map((p) => [p.payoutId, p]),
    );
    const payoutIds = [...new Set(transactions.map((x) => x.payoutId).filter((p) => payouts.has(p)))];
    expect((body.payouts as Json[]).map((p) => p.payoutId).sort()).toEqual(payoutIds.sort());
    for (const p of body.payouts as Json[]) expect(p).toEqual(payouts.get(p.payoutId));
    expect(sorted(body.disputes, 'paymentDisputeId')).toEqual(
      sorted(await listAll(`/api/disputes?accountId=${accountId}&orderId=${orderId}`), 'paymentDisputeId'),
    );
  });

  it('answers a transaction with its fee lines, payout and order; `type` narrows the id', async () => {
    const tx = await listAll(`/api/finances/transactions?accountId=${accountId}`);
    const sale = tx.find(
      (x) => x.orderId && x.payoutId && x.totalFeeValue !== null && Number(x.totalFeeValue) > 0,
    ) as Json;
    expect(sale).toBeDefined();
    const id = String(sale.transactionId);
    const body = await detail(
      `/api/finances/transactions/${id}?accountId=${accountId}&type=${String(sale.transactionType)}`,
    );
    expect(Object.keys(body)).toEqual(['transaction', 'fees', 'payout', 'order']);
    expect(without(body.transaction, 'raw')).toEqual(sale);
    expect((body.transaction as { raw: Json }).raw.transactionId).toBe(id);
    const fees = body.fees as Json[];
    expect(fees.length).toBeGreaterThan(0);
    for (const f of fees) {
      expect(Object.keys(f)).toEqual(['seq', 'lineItemId', 'feeType', 'amountValue', 'amountCurrency']);
      expect(Number.isInteger(f.seq)).toBe(true);
      expect(f.amountValue).toMatch(DECIMAL);
    }
    expect(fees.map((f) => f.seq)).toEqual([...fees.map((f) => Number(f.seq))].sort((a, b) => a - b));
    const payout = (await listAll(`/api/finances/payouts?accountId=${accountId}`)).find(
      (p) => p.payoutId === sale.payoutId,
    );
    expect(body.payout).toEqual(payout);
    const order = (await get(`/api/orders?q=${String(sale.orderId)}`)).json<{ items: Json[] }>().items[0];
    expect(body.order).toEqual(order);
    expect((await get(`/api/finances/transactions/${id}`)).statusCode).toBe(200);
    expectEnvelope(await get(`/api/finances/transactions/${id}?type=NO_SUCH_TYPE`), 404, 'not_found');
  });

  it('answers a payout with its transactions', async () => {
    const payout = (await listAll(`/api/finances/payouts?accountId=${accountId}`)).find(
      (p) => Number(p.transactionCount) > 0,
    ) as Json;
    const id = String(payout.payoutId);
    const body = await detail(`/api/finances/payouts/${id}?accountId=${accountId}`);
    expect(Object.keys(body)).toEqual(['payout', 'transactions']);
    expect(without(body.payout, 'raw')).toEqual(payout);
    expect((body.payout as { raw: Json }).raw.payoutId).toBe(id);
    const transactions = body.transactions as Json[];
    expect(transactions.length).toBeGreaterThan(0);
    expect(sorted(transactions, 'transactionId', 'transactionType')).toEqual(
      sorted(
        await listAll(`/api/finances/transactions?accountId=${accountId}&payoutId=${id}`),
        'transactionId',
        'transactionType',
      ),
    );
  });

  it('answers a dispute with its order', async () => {
    const disputes = await listAll(`/api/disputes?accountId=${accountId}`);
    const dispute = disputes.find((d) => d.orderId) as Json;
    expect(dispute).toBeDefined();
    const body = await detail(`/api/disputes/${String(dispute.paymentDisputeId)}?accountId=${accountId}`);
    expect(Object.keys(body)).toEqual(['dispute', 'order']);
    expect(without(body.dispute, 'raw', 'detail')).toEqual(dispute);
    expect(Object.keys(body.dispute as Json)).toContain('detail');
    const order = (await get(`/api/orders?q=${String(dispute.orderId)}`)).json<{ items: Json[] }>().items[0];
    expect(body.order).toEqual(order ?? null);
    for (const field of ['openDate', 'closedDate', 'respondByDate']) {
      const v = (body.dispute as Json)[field];
      if (v !== null) expect(v).toMatch(ISO);
    }
  });

  it('answers an inventory item with its offers', async () => {
    const item = (await listAll(`/api/inventory?accountId=${accountId}`))[0] as Json;
    const sku = String(item.sku);
    const body = await detail(`/api/inventory/${encodeURIComponent(sku)}?accountId=${accountId}`);
    expect(Object.keys(body)).toEqual(['item', 'offers']);
    expect(without(body.item, 'raw')).toEqual(item);
    expect(body.item).toHaveProperty('raw');
    const offers = body.offers as Json[];
    expect(offers.length).toBeGreaterThan(0);
    expect(sorted(offers, 'offerId')).toEqual(
      sorted(await listAll(`/api/offers?accountId=${accountId}&sku=${encodeURIComponent(sku)}`), 'offerId'),
    );
    for (const o of offers) if (o.priceValue !== null) expect(o.priceValue).toMatch(DECIMAL);
  });

  it('answers a purchase with the messages about its item', async () => {
    const purchases = await listAll(`/api/purchases?accountId=${accountId}`);
    expect(purchases.length).toBeGreaterThan(0);
    const purchase = purchases.find((p) => p.itemId) as Json;
    const id = encodeURIComponent(String(purchase.purchaseId));
    const body = await detail(`/api/purchases/${id}?accountId=${accountId}`);
    expect(Object.keys(body)).toEqual(['purchase', 'messages']);
    expect(without(body.purchase, 'raw')).toEqual(purchase);
    expect(Object.keys(body.purchase as Json)).toEqual([
      'accountId',
      'purchaseId',
      'itemId',
      'title',
      'sellerUsername',
      'priceValue',
      'priceCurrency',
      'quantity',
      'purchasedAt',
      'raw',
    ]);
    expect((body.purchase as Json).purchasedAt).toMatch(ISO);
    expect((body.purchase as Json).priceValue).toMatch(DECIMAL);
    expect(JSON.stringify((body.purchase as Json).raw)).toContain(String(purchase.itemId));
    expect(body.messages).toEqual([]);
    // Without accountId the account that has the id answers; another account's id is not found.
    expect((await detail(`/api/purchases/${id}`)).purchase).toEqual(body.purchase as Json);
    expectEnvelope(
      await get(`/api/purchases/${id}?accountId=00000000-0000-4000-8000-000000000000`),
      404,
      'not_found',
    );

    // A message about the bought item is linked; its fields are those of the messages list.
    await sql`insert into ebay_messages (account_id, message_id, thread_id, sender, recipient, subject, body, is_read,
        item_id, item_title, message_type, received_at, raw)
      values (${accountId}::uuid, 'purchase-msg-1', ${`${String(purchase.itemId)}:seller`}, 'seller', 'me', 'Shipped',
        'It is on its way', false, ${String(purchase.itemId)}, ${String(purchase.title)}, 'AskSellerQuestion',
        '2001-02-03T04:05:06.789Z', '{"MessageID":"purchase-msg-1"}'::jsonb)`.execute(t.syncDb);
    const linked = await detail(`/api/purchases/${id}?accountId=${accountId}`);
    const [message] = await listAll(`/api/messages?accountId=${accountId}&itemId=${String(purchase.itemId)}`);
    expect(message?.messageId).toBe('purchase-msg-1');
    expect(linked.messages).toEqual([message]);
    await sql`delete from ebay_messages where message_id = 'purchase-msg-1'`.execute(t.syncDb);
  });

  it('answers 404, 422 and 401 in the error envelope on every detail', async () => {
    const paths = [
      '/api/orders',
      '/api/finances/transactions',
      '/api/finances/payouts',
      '/api/disputes',
      '/api/inventory',
      '/api/purchases',
      '/api/messages/threads',
    ];
    for (const path of paths) {
      expectEnvelope(await get(`${path}/no-such-id`), 404, 'not_found');
      expectEnvelope(await get(`${path}/no-such-id?accountId=${accountId}`), 404, 'not_found');
      const bad = expectEnvelope(
        await get(`${path}/no-such-id?accountId=not-a-uuid`),
        422,
        'validation_failed',
      );
      expect(bad.details).toEqual([{ path: 'accountId', message: expect.any(String) }]);
      const anonymous = await t.app.inject({ method: 'GET', url: `${path}/no-such-id` });
      expectEnvelope(anonymous, 401, 'unauthenticated');
    }
    const badType = expectEnvelope(
      await get(`/api/finances/transactions/x?type=${'T'.repeat(41)}`),
      422,
      'validation_failed',
    );
    expect(badType.details).toEqual([{ path: 'type', message: expect.any(String) }]);
  });
});

describe('conversations: keyset pages of threads and one thread with its messages', () => {
  let otherAccount: string;
  // Twelve conversations whose last messages share one timestamp (six in each of two accounts), newer than any
  // synced message, and one thread id that both accounts have.
  const tie = '2099-06-01 12:00:00.123456+00';

  beforeAll(async () => {
    const inserted = await sql<{
      id: string;
    }>`insert into ebay_accounts (environment, ebay_user_id, username, label)
      values ('emulator', 'thread-tie-user', 'thread_tie_user', 'Tie') returning id`.execute(t.syncDb);
    otherAccount = inserted.rows[0]?.id ?? '';
    const rows: Array<[string, string, string, string, boolean]> = [];
    for (const account of [accountId, otherAccount]) {
      for (let i = 0; i < 6; i += 1) {
        const thread = `tie-thread-${i}`;
        rows.push([account, `${thread}-first`, thread, '2099-05-01 00:00:00+00', true]);
        rows.push([account, `${thread}-last`, thread, tie, false]);
      }
      rows.push([account, 'shared-a', 'shared-thread', '2099-04-01 00:00:00+00', true]);
    }
    // Messages of one thread at one time: ordered by message id after the time.
    rows.push([accountId, 'order-3', 'ordered-thread', '2099-03-01 00:00:02+00', true]);
    rows.push([accountId, 'order-2', 'ordered-thread', '2099-03-01 00:00:01+00', true]);
    rows.push([accountId, 'order-1b', 'ordered-thread', '2099-03-01 00:00:00+00', false]);
    rows.push([accountId, 'order-1a', 'ordered-thread', '2099-03-01 00:00:00+00', true]);
    for (const [account, messageId, threadId, at, isRead] of rows) {
      await sql`insert into ebay_messages (account_id, message_id, thread_id, sender, subject, body, is_read, item_title, received_at, raw)
        values (${account}::uuid, ${messageId}, ${threadId}, 'buyer', ${`About ${threadId}`}, ${`Text of ${messageId}`},
          ${isRead}, ${`Item of ${threadId}`}, ${at}::timestamptz, ${JSON.stringify({ MessageID: messageId })}::jsonb)`.execute(
        t.syncDb,
      );
    }
    // Written behind the sync's back: bring their conversation rows up to date as the sync does.
    for (const account of [accountId, otherAccount]) {
      await refreshThreads(t.syncDb, account, rows.filter((r) => r[0] === account).map((r) => r[2]));
    }
  });

  interface Thread {
    accountId: string;
    threadId: string;
    itemId: string | null;
    itemTitle: string | null;
    subject: string | null;
    counterpart: string | null;
    messageCount: number;
    unread: number;
    lastMessageAt: string;
  }

  async function allThreads(query: string, limit: number): Promise<{ threads: Thread[]; pages: number }> {
    const threads: Thread[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(
        `/api/messages/threads?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.statusCode).toBe(200);
      const body = res.json<{ threads: Thread[]; nextCursor: string | null }>();
      expect(Object.keys(body)).toEqual(['threads', 'nextCursor']);
      expect(body.threads.length).toBeLessThanOrEqual(limit);
      threads.push(...body.threads);
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor);
    return { threads, pages };
  }

  it('pages through every thread exactly once, ties on the last message time included', async () => {
    // The conversation rows the sync keeps are its messages, grouped.
    // Subject: the first message's; counterpart: the first received message's sender, else the first sent
    // message's recipient, else the first sender.
    const grouped = await sql<Thread>`
      select account_id as "accountId", thread_id as "threadId", max(item_id) as "itemId",
        max(item_title) as "itemTitle",
        (select m.subject from ebay_messages m
          where m.account_id = e.account_id and m.thread_id = e.thread_id and m.subject is not null
          order by m.received_at, m.message_id limit 1) as "subject",
        (select case when m.folder_id = 1 and m.recipient is not null then m.recipient else m.sender end
          from ebay_messages m
          where m.account_id = e.account_id and m.thread_id = e.thread_id
            and (m.sender is not null or (m.folder_id = 1 and m.recipient is not null))
          order by case when m.folder_id = 0 and m.sender is not null then 0
            when m.folder_id = 1 and m.recipient is not null then 1 else 2 end, m.received_at, m.message_id
          limit 1) as "counterpart",
        count(*)::int as "messageCount",
        (count(*) filter (where not coalesce(is_read, false)))::int as "unread",
        to_char(max(received_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "lastMessageAt"
      from ebay_messages e group by account_id, thread_id`.execute(t.syncDb);
    const total = grouped.rows.length;
    const whole = await allThreads('', 200);
    expect(whole.threads).toHaveLength(total);
    const byKey = (x: Thread) => `${x.accountId}/${x.threadId}`;
    expect([...whole.threads].sort((x, y) => byKey(x).localeCompare(byKey(y)))).toEqual(
      [...grouped.rows].sort((x, y) => byKey(x).localeCompare(byKey(y))),
    );
    for (const limit of [1, 5, 7]) {
      const paged = await allThreads('', limit);
      expect(paged.threads.map((x) => `${x.accountId}/${x.threadId}`)).toEqual(
        whole.threads.map((x) => `${x.accountId}/${x.threadId}`),
      );
      expect(paged.pages).toBe(Math.ceil(total / limit));
    }
    const keys = whole.threads.map((x) => `${x.accountId}/${x.threadId}`);
    expect(new Set(keys).size).toBe(total);
    // Newest last message first, then account and thread id, all descending.
    const top = whole.threads.slice(0, 12);
    expect(new Set(top.map((x) => x.lastMessageAt))).toEqual(new Set(['2099-06-01T12:00:00.123Z']));
    const sortKey = (x: Thread) => `${x.accountId}/${x.threadId}`;
    expect(top.map(sortKey)).toEqual([...top.map(sortKey)].sort().reverse());
    for (let i = 1; i < whole.threads.length; i += 1)
      expect(String(whole.threads[i - 1]?.lastMessageAt) >= String(whole.threads[i]?.lastMessageAt)).toBe(
        true,
      );
    expect(top[0]).toEqual({
      accountId: [accountId, otherAccount].sort().reverse()[0],
      threadId: 'tie-thread-5',
      itemId: null,
      itemTitle: 'Item of tie-thread-5',
      subject: 'About tie-thread-5',
      counterpart: 'buyer',
      messageCount: 2,
      unread: 1,
      lastMessageAt: '2099-06-01T12:00:00.123Z',
    });
    expect(snakeKeys(whole.threads)).toEqual([]);

    const one = await allThreads(`&accountId=${otherAccount}`, 4);
    expect(one.threads.map((x) => x.threadId)).toEqual(
      [5, 4, 3, 2, 1, 0].map((i) => `tie-thread-${i}`).concat('shared-thread'),
    );
    expect(one.pages).toBe(2);

    // Counted on request, as the lists count, for all accounts or one.
    const counted = (await get('/api/messages/threads?limit=1&withTotal=true')).json<{ total: unknown }>();
    expect(counted.total).toEqual({ count: total, capped: false });
    const ofOne = (await get(`/api/messages/threads?limit=1&withTotal=1&accountId=${otherAccount}`)).json<{ total: unknown }>();
    expect(ofOne.total).toEqual({ count: one.threads.length, capped: false });
  });

  it('answers 422 for bad paging parameters', async () => {
    for (const q of [
      'withTotal=yes',
      'limit=0',
      'limit=201',
      'limit=x',
      'accountId=nope',
      'cursor=!!!',
      `cursor=${'a'.repeat(1001)}`,
    ]) {
      const error = expectEnvelope(await get(`/api/messages/threads?${q}`), 422, 'validation_failed');
      expect(error.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: q.split('=')[0] })]),
      );
    }
    const forged = Buffer.from(JSON.stringify(['yesterday', 'not-a-uuid', 'x'])).toString('base64url');
    const error = expectEnvelope(
      await get(`/api/messages/threads?cursor=${forged}`),
      422,
      'validation_failed',
    );
    expect(error.details).toEqual([{ path: 'cursor', message: 'invalid cursor' }]);
  });

  it('answers one thread with its messages oldest first', async () => {
    const body = await detail(`/api/messages/threads/ordered-thread?accountId=${accountId}`);
    expect(Object.keys(body)).toEqual(['thread', 'messages']);
    const thread = (await allThreads(`&accountId=${accountId}`, 200)).threads.find(
      (x) => x.threadId === 'ordered-thread',
    );
    expect(body.thread).toEqual(thread);
    const messages = body.messages as Json[];
    expect(messages.map((m) => m.messageId)).toEqual(['order-1a', 'order-1b', 'order-2', 'order-3']);
    const listed = await listAll(`/api/messages?accountId=${accountId}&threadId=ordered-thread`);
    for (const m of messages) {
      expect(without(m, 'raw')).toEqual(listed.find((x) => x.messageId === m.messageId));
      expect(m.raw).toEqual({ MessageID: m.messageId });
    }
    expect((await detail('/api/messages/threads/ordered-thread')).messages).toEqual(messages);

    // A synced conversation: its messages are those the messages list has for the thread.
    const synced = (await allThreads(`&accountId=${accountId}`, 200)).threads.find(
      (x) => x.lastMessageAt < '2099',
    );
    const syncedBody = await detail(
      `/api/messages/threads/${encodeURIComponent(String(synced?.threadId))}?accountId=${accountId}`,
    );
    expect((syncedBody.messages as Json[]).length).toBe(synced?.messageCount);
  });

  it('asks for accountId when several accounts have the thread id', async () => {
    const error = expectEnvelope(await get('/api/messages/threads/shared-thread'), 422, 'validation_failed');
    expect(error.details).toEqual([{ path: 'accountId', message: expect.any(String) }]);
    for (const account of [accountId, otherAccount]) {
      const body = await detail(`/api/messages/threads/shared-thread?accountId=${account}`);
      expect((body.thread as Json).accountId).toBe(account);
      expect((body.messages as Json[]).map((m) => m.accountId)).toEqual([account]);
    }
    expectEnvelope(
      await get(`/api/messages/threads/tie-thread-0?accountId=00000000-0000-4000-8000-000000000000`),
      404,
      'not_found',
    );
  });
});

describe('details: ids that several records share', () => {
  let otherAccount: string;

  /** A detail route and its table: the id column and the timestamp columns a stored record needs. */
  const resources = [
    {
      path: '/api/orders',
      field: 'order',
      idField: 'orderId',
      table: 'ebay_orders',
      idColumn: 'order_id',
      timestamps: ['created_at_ebay', 'modified_at_ebay'],
    },
    {
      path: '/api/finances/payouts',
      field: 'payout',
      idField: 'payoutId',
      table: 'ebay_payouts',
      idColumn: 'payout_id',
      timestamps: ['payout_date'],
    },
    {
      path: '/api/disputes',
      field: 'dispute',
      idField: 'paymentDisputeId',
      table: 'ebay_disputes',
      idColumn: 'payment_dispute_id',
      timestamps: ['open_date'],
    },
    {
      path: '/api/inventory',
      field: 'item',
      idField: 'sku',
      table: 'ebay_inventory_items',
      idColumn: 'sku',
      timestamps: [],
    },
    {
      path: '/api/purchases',
      field: 'purchase',
      idField: 'purchaseId',
      table: 'ebay_purchases',
      idColumn: 'purchase_id',
      timestamps: [],
    },
  ] as const;

  /** Stores a minimal record of `r` with `id` in `account`. */
  const insert = (r: (typeof resources)[number], account: string, id: string) => {
    const columns = ['account_id', r.idColumn, 'raw', ...r.timestamps].map((c) => sql.ref(c));
    const values = [
      sql`${account}::uuid`,
      sql`${id}`,
      sql`${JSON.stringify({ id })}::jsonb`,
      ...r.timestamps.map(() => sql`now()`),
    ];
    return sql`insert into ${sql.table(r.table)} (${sql.join(columns)}) values (${sql.join(values)})`.execute(
      t.syncDb,
    );
  };

  const insertTransaction = (account: string, id: string, type: string) =>
    sql`insert into ebay_finance_transactions (account_id, transaction_id, transaction_type, transaction_date, raw)
      values (${account}::uuid, ${id}, ${type}, now(), ${JSON.stringify({ transactionId: id, transactionType: type })}::jsonb)`.execute(
      t.syncDb,
    );

  beforeAll(async () => {
    const inserted = await sql<{
      id: string;
    }>`insert into ebay_accounts (environment, ebay_user_id, username, label)
      values ('emulator', 'shared-ids-user', 'shared_ids_user', 'Shared ids') returning id`.execute(t.syncDb);
    otherAccount = inserted.rows[0]?.id ?? '';
    for (const r of resources) {
      await insert(r, accountId, 'shared-id');
      await insert(r, otherAccount, 'shared-id');
      await insert(r, otherAccount, 'other-only-id');
    }
    // One account, two types; two accounts, one type; and both at once.
    await insertTransaction(accountId, 'tx-two-types', 'SALE');
    await insertTransaction(accountId, 'tx-two-types', 'REFUND');
    await insertTransaction(accountId, 'tx-two-accounts', 'SALE');
    await insertTransaction(otherAccount, 'tx-two-accounts', 'SALE');
    await insertTransaction(accountId, 'tx-mixed', 'SALE');
    await insertTransaction(accountId, 'tx-mixed', 'REFUND');
    await insertTransaction(otherAccount, 'tx-mixed', 'SALE');
  });
  afterAll(async () => {
    await sql`delete from ebay_accounts where id = ${otherAccount}::uuid`.execute(t.syncDb);
    for (const r of resources)
      await sql`delete from ${sql.table(r.table)}
        where account_id = ${accountId}::uuid and ${sql.ref(r.idColumn)} = 'shared-id'`.execute(t.syncDb);
    await sql`delete from ebay_finance_transactions where account_id = ${accountId}::uuid
      and transaction_id in ('tx-two-types', 'tx-two-accounts', 'tx-mixed')`.execute(t.syncDb);
  });

  /** The `details` of a 422 `validation_failed`, as parameter names. */
  async function required(url: string): Promise<string[]> {
    const error = expectEnvelope(await get(url), 422, 'validation_failed');
    const details = error.details as Array<{ path: string; message: string }>;
    for (const d of details) expect(d.message).toMatch(/^required: .*several /);
    return details.map((d) => d.path);
  }

  it('asks for accountId when several accounts have the id, and answers the given account', async () => {
    for (const r of resources) {
      expect({ path: r.path, required: await required(`${r.path}/shared-id`) }).toEqual({
        path: r.path,
        required: ['accountId'],
      });
      for (const account of [accountId, otherAccount]) {
        const record = (await detail(`${r.path}/shared-id?accountId=${account}`))[r.field] as Json;
        expect({ path: r.path, accountId: record.accountId, id: record[r.idField] }).toEqual({
          path: r.path,
          accountId: account,
          id: 'shared-id',
        });
      }
      const only = (await detail(`${r.path}/other-only-id`))[r.field] as Json;
      expect({ path: r.path, accountId: only.accountId }).toEqual({ path: r.path, accountId: otherAccount });
      expectEnvelope(await get(`${r.path}/other-only-id?accountId=${accountId}`), 404, 'not_found');
    }
    const error = expectEnvelope(await get('/api/orders/shared-id'), 422, 'validation_failed');
    expect(error.message).toBe('Several accounts have an order with this id');
    expect(error.details).toEqual([
      { path: 'accountId', message: 'required: several accounts have an order with this id' },
    ]);
  });

  it('asks for type when several transaction types share the id, and for each parameter that differs', async () => {
    const tx = '/api/finances/transactions';
    const picked = async (url: string) => {
      const record = (await detail(url)).transaction as Json;
      return [record.accountId, record.transactionType];
    };
    // One account, two types.
    expect(await required(`${tx}/tx-two-types`)).toEqual(['type']);
    expect(await required(`${tx}/tx-two-types?accountId=${accountId}`)).toEqual(['type']);
    expect(await picked(`${tx}/tx-two-types?type=REFUND`)).toEqual([accountId, 'REFUND']);
    expect(await picked(`${tx}/tx-two-types?accountId=${accountId}&type=SALE`)).toEqual([accountId, 'SALE']);
    // Two accounts, one type.
    expect(await required(`${tx}/tx-two-accounts`)).toEqual(['accountId']);
    expect(await required(`${tx}/tx-two-accounts?type=SALE`)).toEqual(['accountId']);
    expect(await picked(`${tx}/tx-two-accounts?accountId=${otherAccount}`)).toEqual([otherAccount, 'SALE']);
    // Two accounts, and two types in one of them.
    expect(await required(`${tx}/tx-mixed`)).toEqual(['accountId', 'type']);
    expect(await required(`${tx}/tx-mixed?accountId=${accountId}`)).toEqual(['type']);
    expect(await required(`${tx}/tx-mixed?type=SALE`)).toEqual(['accountId']);
    expect(await picked(`${tx}/tx-mixed?type=REFUND`)).toEqual([accountId, 'REFUND']);
    expect(await picked(`${tx}/tx-mixed?accountId=${otherAccount}`)).toEqual([otherAccount, 'SALE']);
    expect(await picked(`${tx}/tx-mixed?accountId=${accountId}&type=SALE`)).toEqual([accountId, 'SALE']);
    expectEnvelope(await get(`${tx}/tx-mixed?accountId=${otherAccount}&type=REFUND`), 404, 'not_found');
    const error = expectEnvelope(await get(`${tx}/tx-mixed`), 422, 'validation_failed');
    expect(error.details).toEqual([
      { path: 'accountId', message: 'required: several accounts have a transaction with this id' },
      { path: 'type', message: 'required: transactions of several types have this id' },
    ]);
  });
});

/** RFC 4180 rows (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
