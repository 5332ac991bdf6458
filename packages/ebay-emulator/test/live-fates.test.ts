import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatorOptionsInput, RunningEmulator } from '../src/index';
import type { Fate } from '../src/data/order-fates';
import { FATE_COUNTS } from '../src/data/order-fates';
import { FIXED_NOW, connectSeller, control, get, startTestEmulator } from './helpers/emulator.helper';

const running: RunningEmulator[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ANCHOR = Date.parse(FIXED_NOW);
const iso = (t: number): string => new Date(t).toISOString();
const enc = encodeURIComponent;

async function start(options: EmulatorOptionsInput = {}): Promise<{ emu: RunningEmulator; token: string }> {
  const emu = await startTestEmulator({ sellers: 1, liveOrdersPerDay: 24, accessTokenLifetimeSeconds: 60 * 86_400, ...options });
  running.push(emu);
  const { access_token: token } = await connectSeller(emu.url, emu.state.sellers[0]?.profile.username ?? '');
  return { emu, token };
}

async function setClock(url: string, at: number): Promise<void> {
  await control(url, 'PUT', '/clock', { now: iso(at) });
}

function seller(emu: RunningEmulator) {
  const ds = emu.state.sellers[0];
  if (!ds) throw new Error('no seller');
  return ds;
}

interface Order {
  orderId: string;
  creationDate: string;
  lastModifiedDate: string;
  orderFulfillmentStatus: string;
  cancelStatus: { cancelState: string; cancelledDate?: string; cancelRequests: Array<{ cancelRequestState: string; cancelCompletedDate: string }> };
  paymentSummary: { refunds: Array<{ refundDate: string }> };
}

interface Transaction {
  transactionId: string;
  orderId: string;
  transactionType: string;
  transactionDate: string;
  transactionMemo?: string;
  bookingEntry: string;
  amount: { value: string };
  payoutId?: string;
}

async function getOrder(url: string, token: string, orderId: string): Promise<Order> {
  const res = await get(`${url}/sell/fulfillment/v1/order/${orderId}`, token);
  expect(res.status).toBe(200);
  return res.body as Order;
}

/** Every transaction matching `filter`. */
async function transactions(url: string, token: string, filter: string): Promise<Transaction[]> {
  const out: Transaction[] = [];
  for (let offset = 0; ; offset += 1000) {
    const res = await get(`${url}/sell/finances/v1/transaction?limit=1000&offset=${offset}&filter=${enc(filter)}`, token);
    if (res.status === 204) return out;
    const body = res.body as { transactions: Transaction[]; total: number };
    out.push(...body.transactions);
    if (offset + 1000 >= body.total) return out;
  }
}

/** Every order of getOrders for `filter`. */
async function orders(url: string, token: string, filter: string): Promise<Order[]> {
  const out: Order[] = [];
  for (let offset = 0; ; offset += 200) {
    const res = await get(`${url}/sell/fulfillment/v1/order?limit=200&offset=${offset}&filter=${enc(filter)}`, token);
    expect(res.status).toBe(200);
    const body = res.body as { orders: Order[]; total: number };
    out.push(...body.orders);
    if (offset + 200 >= body.total) return out;
  }
}

async function disputesOf(url: string, token: string, orderId: string): Promise<number> {
  const res = await get(`${url}/sell/fulfillment/v1/payment_dispute_summary?order_id=${orderId}`, token);
  return (res.body as { total: number }).total;
}

const signed = (t: Transaction): number => Math.round(Number(t.amount.value) * 100) * (t.bookingEntry === 'CREDIT' ? 1 : -1);

describe('the history goes on after its anchor', () => {
  it("realizes the cancellations, refunds and disputes of the history's last orders when the clock passes them", async () => {
    // An order every 130 seconds: the last orders' fated events fall after the anchor.
    const { emu, token } = await start({ ordersPerSeller: 20_000, historyDays: 30 });
    const ds = seller(emu);
    const last = ds.timeline.baseCount - 1;
    const fated = (fate: Exclude<Fate, 'normal'>) => {
      const i = ds.fates.prev(fate, last, 0) ?? -1;
      return { id: ds.orderId(i), created: ds.timeline.created(i) };
    };
    const cancelled = fated('cancelled');
    const refunded = fated('refunded');
    const disputed = fated('disputed');
    expect(cancelled.created + 2 * HOUR).toBeGreaterThan(ANCHOR);
    expect(refunded.created + 4 * DAY).toBeGreaterThan(ANCHOR);
    expect(disputed.created + 12 * DAY).toBeGreaterThan(ANCHOR);

    // At the anchor none of it has happened.
    expect((await getOrder(emu.url, token, cancelled.id)).cancelStatus.cancelState).toBe('NONE_REQUESTED');
    expect((await getOrder(emu.url, token, refunded.id)).paymentSummary.refunds).toEqual([]);
    expect(await disputesOf(emu.url, token, disputed.id)).toBe(0);
    const before = iso(ANCHOR);

    // A minute after the cancellation: cancelled, and its full refund is a transaction.
    const cancelAt = cancelled.created + 2 * HOUR;
    await setClock(emu.url, cancelAt + 60_000);
    const order = await getOrder(emu.url, token, cancelled.id);
    expect(order.cancelStatus).toMatchObject({ cancelState: 'CANCELED', cancelledDate: iso(cancelAt) });
    expect(order.cancelStatus.cancelRequests[0]).toMatchObject({ cancelRequestState: 'COMPLETED', cancelCompletedDate: iso(cancelAt) });
    expect(order.lastModifiedDate).toBe(iso(cancelAt));
    const refunds = await transactions(emu.url, token, `orderId:{${cancelled.id}}`);
    expect(refunds.map((t) => [t.transactionType, t.transactionDate])).toContainEqual(['REFUND', iso(cancelAt)]);
    // An incremental sync from the last answer sees it.
    const changed = await orders(emu.url, token, `lastmodifieddate:[${before}..${iso(cancelAt + 60_000)}]`);
    expect(changed.map((o) => o.orderId)).toContain(cancelled.id);
    expect(changed.every((o) => o.lastModifiedDate > before)).toBe(true);

    // 13 days on: the refund and the dispute came too, each in its window.
    const refundAt = refunded.created + 4 * DAY;
    const disputeAt = disputed.created + 12 * DAY;
    await setClock(emu.url, ANCHOR + 13 * DAY);
    expect((await getOrder(emu.url, token, refunded.id)).paymentSummary.refunds.map((r) => r.refundDate)).toEqual([iso(refundAt)]);
    const window = await orders(emu.url, token, `lastmodifieddate:[${iso(refundAt - 1000)}..${iso(refundAt + 1000)}]`);
    expect(window.find((o) => o.orderId === refunded.id)?.lastModifiedDate).toBe(iso(refundAt));
    expect(await disputesOf(emu.url, token, disputed.id)).toBe(1);
    const disputeTx = await transactions(emu.url, token, `orderId:{${disputed.id}},transactionType:{DISPUTE}`);
    expect(disputeTx.map((t) => t.transactionDate)).toEqual([iso(disputeAt)]);
  });
});

describe('live orders have fates', () => {
  it('in the proportions of the history, with their events, transactions and payouts', async () => {
    // 40 a day over 17 days: more than 640 live orders (ten blocks of 64).
    const { emu, token } = await start({ ordersPerSeller: 2000, liveOrdersPerDay: 40 });
    const now = ANCHOR + 17 * DAY;
    await setClock(emu.url, now);
    await control(emu.url, 'GET', '/sellers');
    const ds = seller(emu);
    expect(ds.liveOrders.length).toBeGreaterThanOrEqual(640);
    const first = ds.liveOrders.slice(0, 640);
    const byFate = new Map<Fate, number[]>();
    for (const i of first) byFate.set(ds.fates.fateOf(i), [...(byFate.get(ds.fates.fateOf(i)) ?? []), i]);
    for (const [fate, count] of Object.entries(FATE_COUNTS)) expect(byFate.get(fate as Fate)?.length).toBe(count * 10);
    // Counting over index ranges agrees with the layout.
    const lo = first[0] ?? 0;
    const hi = (first[639] ?? 0) + 1;
    expect(ds.fates.count('refunded', lo, hi)).toBe(20);
    expect(ds.fates.count('disputed', 0, hi)).toBe(ds.fates.count('disputed', 0, ds.timeline.baseCount) + 10);

    // What the API shows of them: each event once its time came.
    const liveIds = new Set(ds.liveOrders.map((i) => ds.orderId(i)));
    const due = (fate: Fate, delay: number) => (byFate.get(fate) ?? []).filter((i) => ds.timeline.created(i) + delay <= now).map((i) => ds.orderId(i)).sort();
    const live = (await orders(emu.url, token, `creationdate:[${FIXED_NOW}..]`)).filter((o) => liveIds.has(o.orderId));
    const firstIds = new Set(first.map((i) => ds.orderId(i)));
    const cancelledLive = live.filter((o) => o.cancelStatus.cancelState === 'CANCELED');
    expect(cancelledLive.filter((o) => firstIds.has(o.orderId)).map((o) => o.orderId).sort()).toEqual(due('cancelled', 2 * HOUR));
    for (const o of cancelledLive) expect(o.orderFulfillmentStatus).toBe('NOT_STARTED');
    const tx = (await transactions(emu.url, token, `transactionDate:[${FIXED_NOW}..${iso(now)}]`)).filter((t) => firstIds.has(t.orderId));
    const ofType = (memo: string) => tx.filter((t) => t.transactionMemo === memo).map((t) => t.orderId).sort();
    expect(ofType('Partial refund')).toEqual(due('refunded', 4 * DAY));
    expect(ofType('Order cancelled: full refund')).toEqual(due('cancelled', 2 * HOUR));
    expect(ofType('Payment dispute hold')).toEqual(due('disputed', 12 * DAY));
    for (const [fate, delay] of [['cancelled', 2 * HOUR], ['refunded', 4 * DAY], ['disputed', 12 * DAY], ['messagedOpen', DAY], ['messagedReplied', DAY]] as const) {
      expect(due(fate, delay).length).toBeGreaterThan(0);
    }
    for (const id of due('disputed', 12 * DAY)) expect(await disputesOf(emu.url, token, id)).toBe(1);
    // Buyers of live orders write about them (their conversations mention the order).
    const mentioned = new Set<string>();
    for (let offset = 0; ; offset += 50) {
      const res = await get(`${emu.url}/commerce/message/v1/conversation?conversation_type=FROM_MEMBERS&limit=50&offset=${offset}&start_time=${FIXED_NOW}`, token);
      const body = res.body as { total: number; conversations: Array<{ latestMessage: { messageBody: string } }> };
      for (const c of body.conversations) for (const id of c.latestMessage.messageBody.match(/\d{2}-\d{5}-\d{5}/g) ?? []) if (firstIds.has(id)) mentioned.add(id);
      if (offset + 50 >= body.total) break;
    }
    expect([...mentioned].sort()).toEqual([...due('messagedOpen', DAY), ...due('messagedReplied', DAY)].sort());

    // A cancelled live order: its cancel request, never shipped, and its full refund paid out in a payout that sums
    // its period.
    const [cancelledId] = due('cancelled', 2 * HOUR);
    const order = await getOrder(emu.url, token, cancelledId ?? '');
    expect(order.orderFulfillmentStatus).toBe('NOT_STARTED');
    expect(order.cancelStatus.cancelRequests).toHaveLength(1);
    expect(Date.parse(order.cancelStatus.cancelledDate ?? '') - Date.parse(order.creationDate)).toBe(2 * HOUR);
    const refund = tx.find((t) => t.orderId === cancelledId && t.transactionType === 'REFUND');
    expect(refund?.payoutId).toBeDefined();
    const payouts = await get(`${emu.url}/sell/finances/v1/payout?limit=200&filter=${enc(`payoutDate:[${FIXED_NOW}..]`)}`, token);
    const payout = (payouts.body as { payouts: Array<{ payoutId: string; amount: { value: string }; transactionCount: number }> }).payouts.find((p) => p.payoutId === refund?.payoutId);
    const paid = await transactions(emu.url, token, `payoutId:{${refund?.payoutId ?? ''}}`);
    expect(paid.length).toBe(payout?.transactionCount);
    expect(paid.some((t) => t.transactionType === 'REFUND' && t.orderId === cancelledId)).toBe(true);
    expect(paid.reduce((s, t) => s + signed(t), 0)).toBe(Math.round(Number(payout?.amount.value) * 100));
  });

  it('follow one schedule however the clock moves, never dated before an answer already given', async () => {
    const stepped = await start({ ordersPerSeller: 2000 });
    const jumped = await start({ ordersPerSeller: 2000 });
    const seen: Array<{ at: number; ids: Set<string> }> = [];
    const listed = async (url: string, token: string, at: number) => (await transactions(url, token, `transactionDate:[${iso(ANCHOR - 20 * DAY)}..${iso(at)}]`));
    for (let at = ANCHOR + 7 * HOUR; at <= ANCHOR + 14 * DAY; at += 7 * HOUR) {
      await setClock(stepped.emu.url, at);
      seen.push({ at, ids: new Set((await listed(stepped.emu.url, stepped.token, at)).map((t) => `${t.transactionId}|${t.transactionType}`)) });
    }
    const end = seen[seen.length - 1]?.at ?? 0;
    await setClock(jumped.emu.url, end);
    const final = await listed(jumped.emu.url, jumped.token, end);
    // Each answer held every transaction dated by then: none came later with an earlier date.
    for (const { at, ids } of seen) {
      expect(new Set(final.filter((t) => Date.parse(t.transactionDate) <= at).map((t) => `${t.transactionId}|${t.transactionType}`))).toEqual(ids);
    }
    for (const resource of ['orders', 'transactions', 'payouts', 'disputes', 'messages', 'conversations']) {
      expect(await control(stepped.emu.url, 'GET', `/sellers/1/truth?resource=${resource}`)).toEqual(await control(jumped.emu.url, 'GET', `/sellers/1/truth?resource=${resource}`));
    }
  });

  it('keep their fates and events over a restart, and the state file holds no shipment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-fates-'));
    dirs.push(dir);
    const file = join(dir, 'emulator-state.json');
    const first = await start({ ordersPerSeller: 2000, stateFile: file });
    const stoppedAt = ANCHOR + 15 * DAY;
    await setClock(first.emu.url, stoppedAt);
    const resources = ['orders', 'transactions', 'payouts', 'disputes', 'messages', 'conversations'];
    const truths = await Promise.all(resources.map((r) => control(first.emu.url, 'GET', `/sellers/1/truth?resource=${r}`)));
    const recent = await orders(first.emu.url, first.token, `lastmodifieddate:[${iso(ANCHOR - 5 * DAY)}..]`);
    running.splice(running.indexOf(first.emu), 1);
    await first.emu.close();
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { overlay: { sellers: Array<{ overrides: unknown[]; liveOrders: number[]; liveFatedFrom: number }> } };
    expect(kept.overlay.sellers[0]?.liveOrders.length).toBeGreaterThan(300);
    expect(kept.overlay.sellers[0]).toMatchObject({ overrides: [], liveFatedFrom: 0 });

    const second = await start({ ordersPerSeller: 2000, stateFile: file });
    await setClock(second.emu.url, stoppedAt);
    expect(await Promise.all(resources.map((r) => control(second.emu.url, 'GET', `/sellers/1/truth?resource=${r}`)))).toEqual(truths);
    expect(await orders(second.emu.url, second.token, `lastmodifieddate:[${iso(ANCHOR - 5 * DAY)}..]`)).toEqual(recent);
  });
});
