import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index';
import { FIXED_NOW, connectSeller, errorOf, get, startTestEmulator } from './helpers/emulator.helper';
import { expectSchema } from './helpers/schema.helper';
import { errorEnvelopeSchema, payoutsPageSchema, transactionsPageSchema } from './schemas/rest.schemas';

let emu: RunningEmulator;
let token: string;
const tx = (q: string): string => `${emu.url}/sell/finances/v1/transaction?${q}`;
const now = Date.parse(FIXED_NOW);
const iso = (ms: number): string => new Date(ms).toISOString();

interface Money { value: string }
interface Tx { transactionId: string; transactionType: string; transactionDate: string; amount: Money; orderId: string; payoutId?: string; totalFeeAmount?: Money; bookingEntry: string }

beforeAll(async () => {
  emu = await startTestEmulator({ ordersPerSeller: 1500 });
  token = (await connectSeller(emu.url, 'vintage.vault_us')).access_token;
});
afterAll(async () => {
  await emu.close();
});

describe('getTransactions', () => {
  it('matches the contract, newest first by default and oldest first with sort=transactionDate', async () => {
    const desc = await get(tx('limit=50'), token);
    expect(desc.status).toBe(200);
    expectSchema(transactionsPageSchema, desc.body);
    const d = (desc.body as { transactions: Tx[] }).transactions.map((t) => t.transactionDate);
    expect([...d].sort().reverse()).toEqual(d);
    const asc = await get(tx('limit=50&sort=transactionDate'), token);
    const a = (asc.body as { transactions: Tx[] }).transactions.map((t) => t.transactionDate);
    expect([...a].sort()).toEqual(a);
    expect(a[0]! < d[0]!).toBe(true);
  });

  it('SALE amount = order totalDueSeller - totalMarketplaceFee, and the order exists', async () => {
    const r = await get(tx(`filter=${encodeURIComponent('transactionType:{SALE}')}&limit=5`), token);
    for (const t of (r.body as { transactions: Tx[] }).transactions) {
      expect(t.transactionType).toBe('SALE');
      const order = await get(`${emu.url}/sell/fulfillment/v1/order/${t.orderId}`, token);
      expect(order.status).toBe(200);
      const o = order.body as { paymentSummary: { totalDueSeller: Money }; totalMarketplaceFee: Money };
      const c = (m: Money): number => Math.round(Number(m.value) * 100);
      expect(c(t.amount)).toBe(c(o.paymentSummary.totalDueSeller) - c(o.totalMarketplaceFee));
      expect(c(t.totalFeeAmount!)).toBe(c(o.totalMarketplaceFee));
    }
  });

  it('filters by type, date window and order id; REFUND and DISPUTE are debits referring to real orders', async () => {
    const refunds = await get(tx(`filter=${encodeURIComponent('transactionType:{REFUND|DISPUTE}')}&limit=20`), token);
    const list = (refunds.body as { transactions: Tx[] }).transactions;
    expect(list.length).toBeGreaterThan(0);
    for (const t of list) expect(t.bookingEntry).toBe('DEBIT');
    const from = now - 30 * 86_400_000;
    const w = await get(tx(`filter=${encodeURIComponent(`transactionDate:[${iso(from)}..${iso(now)}]`)}&limit=200`), token);
    for (const t of (w.body as { transactions: Tx[] }).transactions) expect(Date.parse(t.transactionDate)).toBeGreaterThanOrEqual(from);
    const orderId = list[0]?.orderId ?? '';
    const byOrder = await get(tx(`filter=${encodeURIComponent(`orderId:{${orderId}}`)}`), token);
    const types = (byOrder.body as { transactions: Tx[] }).transactions.map((t) => t.transactionType).sort();
    expect(types).toContain('SALE');
    expect(types.length).toBeGreaterThanOrEqual(2);
  });

  it('answers 204 with an empty body when nothing matches', async () => {
    const res = await fetch(tx(`filter=${encodeURIComponent('transactionType:{PURCHASE}')}`), { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
  });

  it.each([
    ['offset=5000', 135003],
    ['limit=1001', 135003],
    ['sort=amount', 135005],
    [`filter=${encodeURIComponent('transactionType:{BOGUS}')}`, 135006],
    [`filter=${encodeURIComponent('transactionStatus:{NOPE}')}`, 135007],
    [`filter=${encodeURIComponent('transactionDate:[yesterday..today]')}`, 135008],
    [`filter=${encodeURIComponent('transactionId:{123}')}`, 135009],
    [`filter=${encodeURIComponent(`transactionDate:[${iso(now - 6 * 365 * 86_400_000)}..${iso(now - 5.5 * 365 * 86_400_000)}]`)}`, 135015],
    [`filter=${encodeURIComponent(`transactionDate:[${iso(now - 4 * 365 * 86_400_000)}..${iso(now)}]`)}`, 135016],
  ])('%s -> %i', async (query, errorId) => {
    const r = await get(tx(query), token);
    expect(r.status).toBe(400);
    expectSchema(errorEnvelopeSchema, r.body);
    expect(errorOf(r.body)).toMatchObject({ errorId, domain: 'API_FINANCES' });
  });
});

describe('getPayouts', () => {
  it('groups transactions: a payout id lists exactly its transactionCount transactions summing to its amount', async () => {
    const r = await get(`${emu.url}/sell/finances/v1/payout?limit=3&offset=2`, token);
    expect(r.status).toBe(200);
    expectSchema(payoutsPageSchema, r.body);
    const payout = (r.body as { payouts: { payoutId: string; amount: Money; transactionCount: number; payoutDate: string }[] }).payouts[0]!;
    const txs = await get(tx(`filter=${encodeURIComponent(`payoutId:{${payout.payoutId}}`)}&limit=1000`), token);
    const list = (txs.body as { transactions: (Tx & { bookingEntry: string })[] }).transactions;
    expect(list).toHaveLength(payout.transactionCount);
    const sum = list.reduce((s, t) => s + (t.bookingEntry === 'CREDIT' ? 1 : -1) * Math.round(Number(t.amount.value) * 100), 0);
    expect(sum).toBe(Math.round(Number(payout.amount.value) * 100));
    for (const t of list) expect(t.payoutId).toBe(payout.payoutId);
  });

  it('sorts newest first by default, ascending with sort=payoutDate; 204 when empty', async () => {
    const d = (await get(`${emu.url}/sell/finances/v1/payout?limit=5`, token)).body as { payouts: { payoutDate: string; payoutStatus: string }[] };
    const a = (await get(`${emu.url}/sell/finances/v1/payout?limit=5&sort=payoutDate`, token)).body as { payouts: { payoutDate: string }[] };
    expect(d.payouts[0]!.payoutDate > d.payouts[1]!.payoutDate).toBe(true);
    expect(d.payouts[0]!.payoutStatus).toBe('INITIATED');
    expect(a.payouts[0]!.payoutDate < a.payouts[1]!.payoutDate).toBe(true);
    const empty = await fetch(`${emu.url}/sell/finances/v1/payout?filter=${encodeURIComponent('payoutStatus:{REVERSED}')}`, { headers: { authorization: `Bearer ${token}` } });
    expect(empty.status).toBe(204);
    const tooBig = await get(`${emu.url}/sell/finances/v1/payout?limit=201`, token);
    expect(errorOf(tooBig.body).errorId).toBe(135003);
  });
});
