import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checksumOfLines as checksum,
  createSyncTestApp,
  startSyncEmulator,
  syncAllResources,
  truth,
  type Emulator,
  type SyncTestApp,
} from './sync-fixture';

let emulator: Emulator;
let t: SyncTestApp;
let accountId: string;

beforeAll(async () => {
  emulator = await startSyncEmulator({ ordersPerSeller: 400, inventoryItems: 25 });
  t = await createSyncTestApp(emulator);
  accountId = await t.connect();
});
afterAll(async () => {
  await t?.close();
  await emulator?.close();
});

describe('sync all resources', () => {
  it('starts one run per resource and stores what the emulator holds', async () => {
    const runs = await syncAllResources(t, accountId);
    expect(runs).toHaveLength(8);
    for (const r of runs) expect(r).toEqual({ resource: r.resource, status: 'succeeded', error_code: null });
    const db = t.syncDb;
    const tx = await db
      .selectFrom('ebay_finance_transactions')
      .select(['transaction_type', 'transaction_id', 'raw'])
      .where('account_id', '=', accountId)
      .execute();
    expect(
      checksum(
        tx.map(
          (r) =>
            `${r.transaction_type}|${r.transaction_id}|${(r.raw as { transactionDate: string }).transactionDate}`,
        ),
      ),
    ).toEqual(await truth(emulator, 'transactions'));
    const payouts = await db
      .selectFrom('ebay_payouts')
      .select('payout_id')
      .where('account_id', '=', accountId)
      .execute();
    expect(checksum(payouts.map((p) => p.payout_id))).toEqual(await truth(emulator, 'payouts'));
    const inv = await db
      .selectFrom('ebay_inventory_items')
      .select(['sku', 'quantity'])
      .where('account_id', '=', accountId)
      .execute();
    expect(checksum(inv.map((i) => `${i.sku}|${i.quantity}`))).toEqual(await truth(emulator, 'inventory'));
    const disputes = await db
      .selectFrom('ebay_disputes')
      .select(['payment_dispute_id', 'dispute_status', 'detail'])
      .where('account_id', '=', accountId)
      .execute();
    const disputeTruth = await truth(emulator, 'disputes');
    expect(disputes.length).toBeGreaterThan(0);
    expect(disputes.length).toBeLessThanOrEqual(disputeTruth.count);
    expect(disputes.every((d) => d.detail !== null)).toBe(true);
    const offers = await db
      .selectFrom('ebay_offers')
      .select('offer_id')
      .where('account_id', '=', accountId)
      .execute();
    expect(offers.length).toBeGreaterThan(0);
    const fees = await db
      .selectFrom('ebay_finance_fees')
      .select('seq')
      .where('account_id', '=', accountId)
      .execute();
    expect(fees.length).toBeGreaterThan(0);

    // Links are queryable: an order with transactions shows them in its detail.
    const linked = tx.find((r) => (r.raw as { orderId?: string }).orderId);
    const orderId = (linked?.raw as { orderId: string }).orderId;
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/orders/${orderId}`,
      headers: { authorization: t.operatorAuth },
    });
    expect(detail.statusCode).toBe(200);
    expect(
      detail.json<{ transactions: unknown[]; lineItems: unknown[] }>().transactions.length,
    ).toBeGreaterThan(0);

    // Each run's progress ends at its total, though windows and pages commit concurrently (offers have none: eBay's
    // total counts inventory items).
    const progress = await db
      .selectFrom('sync_runs')
      .select(['resource', 'records_fetched', 'total'])
      .where('account_id', '=', accountId)
      .execute();
    for (const r of progress) {
      if (r.total !== null) expect({ resource: r.resource, fetched: r.records_fetched }).toEqual({ resource: r.resource, fetched: r.total });
    }
    expect(progress.filter((r) => r.total !== null).map((r) => r.resource).sort()).toEqual(
      expect.arrayContaining(['disputes', 'finances', 'inventory', 'orders']),
    );
    expect(progress.find((r) => r.resource === 'offers')).toMatchObject({ total: null });
    expect(progress.find((r) => r.resource === 'offers')?.records_fetched).toBe(offers.length);
  });
});
