import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatorOptionsInput, RunningEmulator } from '../src/index';
import { HISTORY_GENERATOR } from '../src/data/order-timeline';
import { liveOrderDueAt } from '../src/data/live-activity';
import { FIXED_NOW, connectSeller, control, get, startTestEmulator } from './helpers/emulator.helper';

const running: RunningEmulator[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const HOUR_S = 3600;
const ANCHOR = Date.parse(FIXED_NOW);

async function start(options: EmulatorOptionsInput = {}): Promise<RunningEmulator> {
  // Tokens that outlive the days the clock is moved by.
  const emu = await startTestEmulator({ ordersPerSeller: 30, sellers: 1, liveOrdersPerDay: 24, accessTokenLifetimeSeconds: 30 * 86_400, ...options });
  running.push(emu);
  return emu;
}

async function stop(emu: RunningEmulator): Promise<void> {
  running.splice(running.indexOf(emu), 1);
  await emu.close();
}

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-live-'));
  dirs.push(dir);
  return join(dir, 'emulator-state.json');
}

interface OrderView {
  orderId: string;
  creationDate: string;
  lastModifiedDate: string;
  orderFulfillmentStatus: string;
  cancelState: string | undefined;
}

/** Every order of the seller, oldest first, as getOrders returns them. */
async function allOrders(url: string, token: string, daysBack = 400): Promise<OrderView[]> {
  const from = new Date(ANCHOR - daysBack * 86_400_000).toISOString();
  const out: OrderView[] = [];
  for (let offset = 0; ; offset += 200) {
    const res = await get(`${url}/sell/fulfillment/v1/order?limit=200&offset=${offset}&filter=creationdate:%5B${from}..%5D`, token);
    expect(res.status).toBe(200);
    const body = res.body as { orders: OrderView[]; total: number };
    const orders = body.orders as Array<OrderView & { cancelStatus?: { cancelState?: string } }>;
    out.push(...orders.map(({ orderId, creationDate, lastModifiedDate, orderFulfillmentStatus, cancelStatus }) => ({ orderId, creationDate, lastModifiedDate, orderFulfillmentStatus, cancelState: cancelStatus?.cancelState })));
    if (offset + 200 >= body.total) break;
  }
  return out.sort((a, b) => a.creationDate.localeCompare(b.creationDate) || a.orderId.localeCompare(b.orderId));
}

/** How many live orders of the emulator's seller are due by `at` on its schedule (`perDay` a day on average). */
function liveDueBy(emu: RunningEmulator, at: string | number, perDay = 24): number {
  const ds = emu.state.sellers[0];
  if (!ds) throw new Error('no seller');
  const t = typeof at === 'string' ? Date.parse(at) : at;
  let k = 0;
  while (liveOrderDueAt(ds, perDay, k) <= t) k += 1;
  return k;
}

async function advance(url: string, seconds: number): Promise<string> {
  return ((await control(url, 'POST', '/clock/advance', { seconds })) as { now: string }).now;
}

async function truth(url: string, resource: string): Promise<{ count: number; checksum: string }> {
  return (await control(url, 'GET', `/sellers/1/truth?resource=${resource}`)) as { count: number; checksum: string };
}

describe('live orders after the history ends', () => {
  it('arrive as the clock moves, ship hours later, and never carry a date before an answer already given', async () => {
    const emu = await start();
    const { access_token: token } = await connectSeller(emu.url, emu.state.sellers[0]?.profile.username ?? '');
    const history = await allOrders(emu.url, token);
    expect(history).toHaveLength(30);
    expect(history.every((o) => Date.parse(o.creationDate) <= ANCHOR)).toBe(true);

    const sales = (await truth(emu.url, 'transactions')).count;
    let answeredAt = FIXED_NOW;
    let previous = new Map(history.map((o) => [o.orderId, o]));
    for (let step = 0; step < 8; step += 1) {
      const now = await advance(emu.url, 3 * HOUR_S + 17);
      const orders = await allOrders(emu.url, token);
      for (const o of orders) {
        const before = previous.get(o.orderId);
        if (before === undefined || before.lastModifiedDate !== o.lastModifiedDate) {
          // New or changed since the last answer: dated after it (an incremental sync from then sees it), not after now.
          expect(o.lastModifiedDate > answeredAt).toBe(true);
          expect(o.lastModifiedDate <= now).toBe(true);
        }
      }
      previous = new Map(orders.map((o) => [o.orderId, o]));
      answeredAt = now;
    }
    const live = [...previous.values()].filter((o) => Date.parse(o.creationDate) > ANCHOR);
    // 24 a day on average; this day (a Sunday) as many as its schedule has due by now, each created after the anchor.
    const due = liveDueBy(emu, answeredAt);
    expect(due).toBeGreaterThan(12);
    expect(due).toBeLessThan(48);
    expect(live).toHaveLength(due);
    for (const o of live) {
      const age = Date.parse(answeredAt) - Date.parse(o.creationDate);
      if (o.orderFulfillmentStatus === 'FULFILLED') {
        const shippedAfter = Date.parse(o.lastModifiedDate) - Date.parse(o.creationDate);
        expect(shippedAfter).toBeGreaterThanOrEqual(HOUR_S * 1000);
        expect(shippedAfter).toBeLessThan(12 * HOUR_S * 1000);
      } else if (o.cancelState === 'CANCELED') {
        // A cancelled live order never ships: the buyer cancelled it 2 hours after it arrived.
        expect(o.orderFulfillmentStatus).toBe('NOT_STARTED');
        expect(Date.parse(o.lastModifiedDate) - Date.parse(o.creationDate)).toBe(2 * HOUR_S * 1000);
      } else {
        expect(o.orderFulfillmentStatus).toBe('NOT_STARTED');
        expect(o.lastModifiedDate).toBe(o.creationDate);
        expect(age).toBeLessThan(12 * HOUR_S * 1000);
      }
      if (age >= 12 * HOUR_S * 1000 && o.cancelState !== 'CANCELED') expect(o.orderFulfillmentStatus).toBe('FULFILLED');
    }
    // Each live order is a sale: the finances see it.
    const sellers = (await control(emu.url, 'GET', '/sellers')) as { sellers: Array<{ orders: number; liveOrders: number }> };
    expect(sellers.sellers[0]).toMatchObject({ orders: 30 + due, liveOrders: due });
    expect((await truth(emu.url, 'orders')).count).toBe(30 + due);
    expect((await truth(emu.url, 'transactions')).count).toBeGreaterThanOrEqual(sales + due);
    const filter = encodeURIComponent(`transactionType:{SALE},transactionDate:[${FIXED_NOW}..${answeredAt}]`);
    const liveSales = await get(`${emu.url}/sell/finances/v1/transaction?limit=200&filter=${filter}`, token);
    expect((liveSales.body as { total: number }).total).toBe(due);
  });

  it('ship the orders of the history that were still waiting at its end, bring buyer messages and pay the live sales out', async () => {
    const emu = await start({ ordersPerSeller: 2000 });
    const { access_token: token } = await connectSeller(emu.url, emu.state.sellers[0]?.profile.username ?? '');
    const payouts = (await truth(emu.url, 'payouts')).count;
    const messages = (await truth(emu.url, 'messages')).count;
    const atAnchor = await allOrders(emu.url, token, 5);
    const waiting = atAnchor.filter((o) => o.orderFulfillmentStatus !== 'FULFILLED' && o.cancelState !== 'CANCELED');
    const cancelled = atAnchor.filter((o) => o.cancelState === 'CANCELED');
    expect(waiting.length).toBeGreaterThan(3);
    await advance(emu.url, 4 * 24 * HOUR_S);
    const later = new Map((await allOrders(emu.url, token, 5)).map((o) => [o.orderId, o]));
    for (const o of waiting) {
      expect(later.get(o.orderId)).toMatchObject({ orderFulfillmentStatus: 'FULFILLED', creationDate: o.creationDate });
      expect((later.get(o.orderId)?.lastModifiedDate ?? '') > FIXED_NOW).toBe(true);
    }
    for (const o of cancelled) expect(later.get(o.orderId)).toEqual(o);

    // Buyers wrote again: one follow-up for every 8 orders, 3 a day, besides the first messages about orders of the
    // last days (history and live) that came after the anchor.
    expect((await truth(emu.url, 'messages')).count).toBeGreaterThan(messages + 12);
    const sellers = (await control(emu.url, 'GET', '/sellers')) as { sellers: Array<{ addedMessages: number }> };
    expect(sellers.sellers[0]?.addedMessages).toBe(12);
    // Payouts went on (one every 2 days for this seller), and the first live sale is in one of them.
    expect((await truth(emu.url, 'payouts')).count).toBe(payouts + 2);
    const firstLive = [...later.values()].find((o) => o.creationDate > FIXED_NOW);
    const tx = await get(`${emu.url}/sell/finances/v1/transaction?filter=orderId:%7B${firstLive?.orderId ?? ''}%7D`, token);
    const [sale] = (tx.body as { transactions: Array<{ transactionType: string; transactionStatus: string; payoutId?: string }> }).transactions;
    expect(sale).toMatchObject({ transactionType: 'SALE', transactionStatus: 'PAYOUT' });
    const recent = await get(`${emu.url}/sell/finances/v1/payout?filter=payoutDate:%5B${FIXED_NOW}..%5D`, token);
    expect(recent.status).toBe(200);
    const made = (recent.body as { payouts: Array<{ payoutId: string; payoutDate: string }> }).payouts;
    expect(made).toHaveLength(2);
    expect(made.map((p) => p.payoutId)).toContain(sale?.payoutId);
  });

  it('follow one schedule however the clock gets there, and none come without liveOrdersPerDay', async () => {
    const oneJump = await start();
    const hourly = await start();
    const [a, b] = await Promise.all(
      [oneJump, hourly].map((e) => connectSeller(e.url, e.state.sellers[0]?.profile.username ?? '')),
    );
    await advance(oneJump.url, 50 * HOUR_S);
    for (let h = 0; h < 50; h += 1) await advance(hourly.url, HOUR_S);
    const jumped = await allOrders(oneJump.url, a?.access_token ?? '');
    expect(jumped.length).toBeGreaterThan(30 + 48);
    expect(await allOrders(hourly.url, b?.access_token ?? '')).toEqual(jumped);

    const still = await start({ liveOrdersPerDay: 0 });
    const c = await connectSeller(still.url, still.state.sellers[0]?.profile.username ?? '');
    await advance(still.url, 50 * HOUR_S);
    expect(await allOrders(still.url, c.access_token)).toHaveLength(30);
  });
});

describe("the live orders' schedule", () => {
  it('brings liveOrdersPerDay a day on average, more on busy weekdays and in American evenings, as the history does', async () => {
    const ds = (await start()).state.sellers[0];
    if (!ds) throw new Error('no seller');
    const DAY_MS = 86_400_000;
    const times: number[] = [];
    for (let k = 0; ; k += 1) {
      const t = liveOrderDueAt(ds, 24, k);
      if (t > ANCHOR + 364 * DAY_MS) break;
      times.push(t);
    }
    expect(times.every((t, i) => Number.isInteger(t) && t > ANCHOR && t > (times[i - 1] ?? -Infinity))).toBe(true);
    expect(times.length / 364).toBeGreaterThan(0.9 * 24);
    expect(times.length / 364).toBeLessThan(1.1 * 24);
    // Orders per whole UTC day after the anchor's day.
    const firstDay = Math.floor(ANCHOR / DAY_MS) + 1;
    const daily = new Array<number>(363).fill(0);
    const byHour = new Array<number>(24).fill(0);
    for (const t of times) {
      const d = Math.floor(t / DAY_MS) - firstDay;
      if (d >= 0 && d < daily.length) daily[d] = (daily[d] ?? 0) + 1;
      const h = Math.floor(t / 3_600_000) % 24;
      byHour[h] = (byHour[h] ?? 0) + 1;
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const spread = Math.sqrt(mean(daily.map((n) => (n - mean(daily)) ** 2))) / mean(daily);
    expect(spread).toBeGreaterThan(0.2);
    // Weekday of day d, Sunday first (1970-01-01 was a Thursday).
    const weekday = (w: number) => mean(daily.filter((_, d) => (firstDay + d + 4) % 7 === w));
    expect(Math.min(weekday(0), weekday(1))).toBeGreaterThan(Math.max(weekday(5), weekday(6)));
    const peak = byHour.indexOf(Math.max(...byHour));
    const trough = byHour.indexOf(Math.min(...byHour));
    expect(peak).toBeLessThanOrEqual(3);
    expect(trough).toBeGreaterThanOrEqual(8);
    expect(trough).toBeLessThanOrEqual(12);
  });
});

describe('the state file keeps what changed after the history was generated', () => {
  it('restores control-API orders, changes and messages and the live orders over a restart', async () => {
    const file = tempFile();
    const first = await start({ stateFile: file, ordersPerSeller: 2000 });
    const tokens = await connectSeller(first.url, first.state.sellers[0]?.profile.username ?? '');
    const payoutsAtAnchor = (await truth(first.url, 'payouts')).count;
    const stoppedAt = await advance(first.url, 50 * HOUR_S);
    await control(first.url, 'POST', '/sellers/1/orders', { count: 3 });
    await control(first.url, 'POST', '/sellers/1/orders/modify', { count: 4 });
    await control(first.url, 'POST', '/sellers/1/messages', { count: 2 });
    const orders = await truth(first.url, 'orders');
    const messages = await truth(first.url, 'messages');
    const payouts = await truth(first.url, 'payouts');
    const listed = await allOrders(first.url, tokens.access_token, 10);
    expect(orders.count).toBe(2000 + liveDueBy(first, stoppedAt) + 3);
    expect(payouts.count).toBeGreaterThan(payoutsAtAnchor);
    await stop(first);

    // Restarted at the same fixed start (a fixed clock's moves are not kept: set it where it was), the changes made
    // after it are all there.
    const second = await start({ stateFile: file, ordersPerSeller: 2000 });
    // The payouts made while the clock was ahead are kept, even before it gets there again.
    expect(await truth(second.url, 'payouts')).toMatchObject({ count: payouts.count, checksum: payouts.checksum });
    await control(second.url, 'PUT', '/clock', { now: stoppedAt });
    expect(await allOrders(second.url, tokens.access_token, 10)).toEqual(listed);
    expect(await truth(second.url, 'orders')).toMatchObject({ count: orders.count, checksum: orders.checksum });
    expect(await truth(second.url, 'messages')).toMatchObject({ count: messages.count, checksum: messages.checksum });
    // The schedule goes on from there: the next live order comes when it is due, not again.
    const later = await advance(second.url, 3 * HOUR_S);
    expect(liveDueBy(second, later)).toBeGreaterThan(liveDueBy(second, stoppedAt));
    expect((await truth(second.url, 'orders')).count).toBe(2000 + liveDueBy(second, later) + 3);
  });

  it('reads a file written before it kept changes (tokens and anchor only)', async () => {
    const file = tempFile();
    const first = await start({ stateFile: file });
    const tokens = await connectSeller(first.url, first.state.sellers[0]?.profile.username ?? '');
    await stop(first);
    const { overlay: _overlay, ...older } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...older, version: 1 }));

    const second = await start({ stateFile: file });
    expect(await allOrders(second.url, tokens.access_token)).toHaveLength(30);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { version: number }).version).toBe(2);
  });

  it('drops the changes of a dataset generated differently, and refuses a file that contradicts itself', async () => {
    const file = tempFile();
    const first = await start({ stateFile: file });
    await advance(first.url, 10 * HOUR_S);
    await control(first.url, 'POST', '/sellers/1/orders', { count: 2 });
    await stop(first);
    const kept = readFileSync(file, 'utf8');

    const warnings: string[] = [];
    const onWarning = (w: Error): void => {
      warnings.push(w.message);
    };
    process.on('warning', onWarning);
    try {
      const other = await start({ stateFile: file, ordersPerSeller: 40, liveOrdersPerDay: 0 });
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => /describes a dataset generated with other parameters.*dropped/.test(w))).toHaveLength(1);
      expect(warnings.filter((w) => /history generator/.test(w))).toHaveLength(0);
      expect((await truth(other.url, 'orders')).count).toBe(40);
      await stop(other);
    } finally {
      process.off('warning', onWarning);
    }

    // With fewer sellers, the ones left keep their changes.
    const two = tempFile();
    const wide = await start({ stateFile: two, sellers: 2 });
    await control(wide.url, 'POST', '/sellers/1/orders', { count: 2 });
    await control(wide.url, 'POST', '/sellers/2/orders', { count: 5 });
    await stop(wide);
    const narrow = await start({ stateFile: two, sellers: 1 });
    expect((await truth(narrow.url, 'orders')).count).toBe(32);
    await stop(narrow);

    const broken = JSON.parse(kept) as { overlay: { sellers: Array<{ liveOrders: number[] }> } };
    const [seller] = broken.overlay.sellers;
    if (seller) seller.liveOrders = [5];
    writeFileSync(file, JSON.stringify(broken));
    await expect(start({ stateFile: file })).rejects.toThrow(/emulator state file .* is inconsistent .*live order 5.*delete it/);
  });

  it("drops the changes kept for another version of the history's generator, and keeps the grants", async () => {
    const file = tempFile();
    const first = await start({ stateFile: file });
    const tokens = await connectSeller(first.url, first.state.sellers[0]?.profile.username ?? '');
    await control(first.url, 'POST', '/sellers/1/orders', { count: 2 });
    await control(first.url, 'POST', '/sellers/1/orders/modify', { count: 3 });
    await stop(first);
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { overlay: { dataset: Record<string, unknown> } };
    expect(kept.overlay.dataset['history']).toBe(HISTORY_GENERATOR);

    // The same parameters, the same generator: the changes are back.
    const same = await start({ stateFile: file });
    expect((await truth(same.url, 'orders')).count).toBe(32);
    await stop(same);

    // A file written before the generator had a version (evenly spaced orders): its indices name orders whose dates
    // changed.
    delete kept.overlay.dataset['history'];
    writeFileSync(file, JSON.stringify(kept));
    const warnings: string[] = [];
    const onWarning = (w: Error): void => {
      warnings.push(w.message);
    };
    process.on('warning', onWarning);
    try {
      const second = await start({ stateFile: file });
      await new Promise((resolve) => setImmediate(resolve));
      expect(
        warnings.filter((w) =>
          /was written by an older version of the emulator's history generator; the changes it keeps \(orders, messages, live activity\) are dropped/.test(w),
        ),
      ).toHaveLength(1);
      expect(warnings.filter((w) => /generated with other parameters/.test(w))).toHaveLength(0);
      expect((await truth(second.url, 'orders')).count).toBe(30);
      expect(second.state.sellers[0]?.overrides.size).toBe(0);
      expect(await allOrders(second.url, tokens.access_token)).toHaveLength(30);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
