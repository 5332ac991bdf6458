import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EbayOrder } from '../../src/sync/ebay-port';
import { prepareOrdersPage, withCancelDetails, writeOrdersPage, type PreparedOrdersPage } from '../../src/sync/orders.repository';
import type { SyncDb } from '../../src/sync/sync-db';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

let t: TestDatabase;
let db: SyncDb;
let accountId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db as unknown as SyncDb;
  const res = await sql<{ id: string }>`insert into ebay_accounts (environment, ebay_user_id, username, label)
    values ('emulator', 'u-repo', 'repo_seller', 'repo') returning id`.execute(t.db);
  accountId = res.rows[0]?.id ?? '';
});
afterAll(async () => {
  await t?.destroy();
});

// eBay's text for the first order: its own key order and spacing, and a number written as eBay wrote it.
const sourceText = `{ "orderId": "11-00001-00001", "creationDate": "2026-01-02T03:04:05.000Z",
  "lastModifiedDate": "2026-01-02T03:04:05.000Z", "orderFulfillmentStatus": "FULFILLED",
  "pricingSummary": { "total": { "value": "12.50", "currency": "USD" } }, "cancelStatus": { "cancelState": "CANCELED" },
  "lineItems": [ { "lineItemId": "L1", "sku": "SKU-1", "title": "Schöne Jacke 😀", "quantity": 1 } ], "weight": 1.50 }`;
const first = JSON.parse(sourceText) as EbayOrder;
// The second has no source text (the client could not keep it): it is serialized again.
const second: EbayOrder = {
  orderId: '11-00001-00002',
  creationDate: '2026-01-03T03:04:05.000Z',
  lastModifiedDate: '2026-01-03T03:04:05.000Z',
  buyer: { username: 'buyer "quoted" \\ name' },
  lineItems: [
    { lineItemId: 'L2', sku: 'SKU-2', title: 'Ünïcode \u2028 line', quantity: 2 },
    { lineItemId: 'L3', sku: 'SKU-3', title: 'Second', quantity: 1 },
  ],
};
const details = { cancelState: 'CANCELED', cancelRequests: [{ cancelRequestId: 'C1', cancelRequestState: 'COMPLETED' }] };

function page(orders: EbayOrder[], sources: Array<Uint8Array | undefined>): PreparedOrdersPage {
  return prepareOrdersPage(accountId, orders, sources);
}

async function write(p: PreparedOrdersPage) {
  return db.transaction().execute((trx) => writeOrdersPage(trx, p));
}

async function stored() {
  return db
    .selectFrom('ebay_orders')
    .select(['order_id', 'raw', 'cancel_details', 'total_value', 'search_text', 'line_item_count'])
    .where('account_id', '=', accountId)
    .orderBy('order_id')
    .execute();
}

describe('writeOrdersPage', () => {
  it("stores eBay's own text where the client kept it, the serialized order where it did not, with details", async () => {
    const p = withCancelDetails(page([first, second], [Buffer.from(sourceText), undefined]), new Map([[first.orderId, details]]));
    expect(await write(p)).toEqual({ inserted: 2, updated: 0 });
    const rows = await stored();
    expect(rows.map((r) => r.raw)).toEqual([JSON.parse(sourceText), JSON.parse(JSON.stringify(second))]);
    // The number keeps eBay's scale (numeric in jsonb), which serializing the parsed order would lose.
    const weight = await sql<{ w: string }>`select raw->>'weight' as w from ebay_orders where order_id = ${first.orderId}`.execute(t.db);
    expect(weight.rows[0]?.w).toBe('1.50');
    expect(rows.map((r) => r.cancel_details)).toEqual([details, null]);
    expect(rows.map((r) => r.line_item_count)).toEqual([1, 2]);
    expect(rows[0]?.search_text).toBe('11-00001-00001 schöne jacke 😀');
    const items = await db.selectFrom('ebay_order_line_items').select(['line_item_id', 'title']).orderBy('line_item_id').execute();
    expect(items).toEqual([
      { line_item_id: 'L1', title: 'Schöne Jacke 😀' },
      { line_item_id: 'L2', title: 'Ünïcode \u2028 line' },
      { line_item_id: 'L3', title: 'Second' },
    ]);
  });

  it('keeps the details of an unchanged order, replaces changed details, and drops them when the order changes', async () => {
    // Same page, no details fetched: nothing rewritten, details kept.
    expect(await write(page([first, second], [Buffer.from(sourceText), undefined]))).toEqual({ inserted: 0, updated: 0 });
    expect((await stored()).map((r) => r.cancel_details)).toEqual([details, null]);

    // Same order, new details: the row is rewritten with them.
    const newer = { ...details, cancelRequests: [{ cancelRequestId: 'C1', cancelRequestState: 'CLOSED' }] };
    const withNewer = withCancelDetails(page([first], [Buffer.from(sourceText)]), new Map([[first.orderId, newer]]));
    expect(await write(withNewer)).toEqual({ inserted: 0, updated: 1 });
    expect((await stored())[0]?.cancel_details).toEqual(newer);

    // The order changed on eBay and no details came with it: the old ones are stale and go.
    const changed = { ...first, lastModifiedDate: '2026-02-01T00:00:00.000Z' };
    expect(await write(page([changed], [undefined]))).toEqual({ inserted: 0, updated: 1 });
    const row = (await stored())[0];
    expect(row?.cancel_details).toBeNull();
    expect((row?.raw as EbayOrder).lastModifiedDate).toBe('2026-02-01T00:00:00.000Z');
  });

  it('never replaces an order with an older version of it (two pages of one run committing out of order)', async () => {
    const now = (await stored())[0];
    expect((now?.raw as EbayOrder).lastModifiedDate).toBe('2026-02-01T00:00:00.000Z');
    // The version before it, with other line items: nothing is written, not even its items.
    const older: EbayOrder = {
      ...first,
      lastModifiedDate: '2026-01-15T00:00:00.000Z',
      orderFulfillmentStatus: 'NOT_STARTED',
      lineItems: [{ lineItemId: 'L9', sku: 'SKU-9', title: 'Older', quantity: 1 }],
    };
    expect(await write(page([older], [undefined]))).toEqual({ inserted: 0, updated: 0 });
    expect((await stored())[0]).toEqual(now);
    const items = await db.selectFrom('ebay_order_line_items').select('line_item_id').where('order_id', '=', first.orderId).execute();
    expect(items.map((i) => i.line_item_id)).toEqual(['L1']);
    // A newer one is written as usual.
    const newer: EbayOrder = { ...first, lastModifiedDate: '2026-03-01T00:00:00.000Z', orderFulfillmentStatus: 'FULFILLED' };
    expect(await write(page([newer], [undefined]))).toEqual({ inserted: 0, updated: 1 });
    expect(((await stored())[0]?.raw as EbayOrder).lastModifiedDate).toBe('2026-03-01T00:00:00.000Z');
  });
});
