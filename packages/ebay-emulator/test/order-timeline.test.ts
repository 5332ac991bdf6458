import { describe, expect, it } from 'vitest';
import { SellerDataset } from '../src/data/seller-dataset';
import { OrderTimeline } from '../src/data/order-timeline';
import { Rng } from '../src/util/prng';
import { FIXED_NOW } from './helpers/emulator.helper';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const AS_OF = Date.parse(FIXED_NOW);
const ORDERS = 2000;

/** A seller as the app's demo generates it: 2,000 orders over 365 days. */
function demoSeller(number: number): SellerDataset {
  return new SellerDataset({ seed: 42, number, orders: ORDERS, historyDays: 365, inventoryItems: 200, asOf: AS_OF });
}

function createdTimes(t: OrderTimeline): number[] {
  return Array.from({ length: t.baseCount }, (_, i) => t.created(i));
}

/** Orders per UTC day over the whole days of the history (the first and the last, partial, are left out). */
function dailyCounts(times: readonly number[], start: number, end: number): { firstDay: number; counts: number[] } {
  const firstDay = Math.ceil(start / DAY);
  const counts = new Array<number>(Math.floor(end / DAY) - firstDay).fill(0);
  for (const c of times) {
    const d = Math.floor(c / DAY) - firstDay;
    if (d >= 0 && d < counts.length) counts[d] = (counts[d] ?? 0) + 1;
  }
  return { firstDay, counts };
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const variation = (xs: readonly number[]): number => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2))) / mean(xs);
/** Day of the week of a day number since the epoch, Sunday 0 (1970-01-01 was a Thursday). */
const weekday = (day: number): number => (day + 4) % 7;

describe("the history's creation times", () => {
  const ds = demoSeller(1);
  const t = ds.timeline;
  const times = createdTimes(t);
  const end = t.start + 365 * DAY;

  it('increase strictly with the index, in whole ms, all within the history window', () => {
    expect(times.every((c, i) => Number.isInteger(c) && c > (times[i - 1] ?? -Infinity))).toBe(true);
    expect(times[0]).toBeGreaterThanOrEqual(t.start);
    expect(times[ORDERS - 1]).toBeLessThan(end);
    expect(t.lastCreated()).toBe(times[ORDERS - 1]);
    // The whole window holds every order, and nothing is before or after it.
    expect(t.range(t.start, end)).toEqual([0, ORDERS]);
    expect(t.range(t.start - 30 * DAY, t.start - 1)).toEqual([0, 0]);
    expect(t.range(end, end + 30 * DAY)).toEqual([ORDERS, ORDERS]);
  });

  it('map to indices by lowerBound and range, at, around and between the orders', () => {
    const expected = (x: number): number => {
      const i = times.findIndex((c) => c >= x);
      return i < 0 ? ORDERS : i;
    };
    const rng = new Rng(7);
    for (let k = 0; k < 300; k += 1) {
      const i = rng.int(0, ORDERS - 1);
      const c = times[i] ?? 0;
      expect([t.lowerBound(c - 1), t.lowerBound(c), t.lowerBound(c + 1)]).toEqual([i, i, i + 1]);
      const x = t.start - DAY + Math.floor(rng.next() * 367 * DAY);
      expect(t.lowerBound(x)).toBe(expected(x));
      const to = x + Math.floor(rng.next() * 20 * DAY);
      const [lo, hi] = t.range(x, to);
      expect(hi - lo).toBe(times.filter((ct) => ct >= x && ct <= to).length);
      expect(lo).toBe(expected(x));
    }
  });

  it('vary from day to day as a shop does: weekdays, noise, the holiday season and the January dip', () => {
    const { firstDay, counts } = dailyCounts(times, t.start, end);
    // Evenly spaced orders gave 5, 6, 5, 6... a day.
    const step = Math.floor((365 * DAY) / ORDERS);
    const even = dailyCounts(Array.from({ length: ORDERS }, (_, i) => t.start + i * step), t.start, end).counts;
    expect(variation(even)).toBeLessThan(0.1);
    expect(variation(counts)).toBeGreaterThan(0.25);
    expect(variation(counts)).toBeGreaterThan(2.5 * variation(even));
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(2 * mean(counts));

    const byWeekday = Array.from({ length: 7 }, (_, w) => mean(counts.filter((_, d) => weekday(firstDay + d) === w)));
    const [sunday = 0, monday = 0, , , , friday = 0, saturday = 0] = byWeekday;
    expect(Math.min(sunday, monday)).toBeGreaterThan(Math.max(friday, saturday));
    expect(sunday / saturday).toBeGreaterThan(1.2);

    const daysFrom = (from: string, to: string): number[] =>
      counts.slice(Date.parse(from) / DAY - firstDay, Date.parse(to) / DAY - firstDay + 1);
    expect(mean(daysFrom('2024-11-22', '2024-12-14'))).toBeGreaterThan(1.15 * mean(counts));
    expect(mean(daysFrom('2025-01-01', '2025-01-31'))).toBeLessThan(0.9 * mean(counts));
  });

  it('come mostly in the American evening (01:00-03:00 UTC), least in its night (09:00-12:00 UTC)', () => {
    const byHour = new Array<number>(24).fill(0);
    for (const c of times) {
      const hour = Math.floor(c / HOUR) % 24;
      byHour[hour] = (byHour[hour] ?? 0) + 1;
    }
    const peak = byHour.indexOf(Math.max(...byHour));
    const trough = byHour.indexOf(Math.min(...byHour));
    expect(peak).toBeGreaterThanOrEqual(0);
    expect(peak).toBeLessThanOrEqual(3);
    expect(trough).toBeGreaterThanOrEqual(8);
    expect(trough).toBeLessThanOrEqual(12);
    const hours = (from: number, to: number): number => byHour.slice(from, to + 1).reduce((s, x) => s + x, 0);
    expect(hours(0, 3)).toBeGreaterThan(2.5 * hours(9, 12));
  });

  it("follow each seller's own trend, and depend only on the seed, the seller and the window", () => {
    // Volume of the last 90 days over the first 90's: each seller grows (or shrinks) at its own seeded rate.
    const ratios = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => {
      const s = demoSeller(n).timeline;
      const first = s.range(s.start, s.start + 90 * DAY);
      const last = s.range(AS_OF - 90 * DAY, AS_OF);
      return (last[1] - last[0]) / (first[1] - first[0]);
    });
    expect(Math.max(...ratios) - Math.min(...ratios)).toBeGreaterThan(0.25);
    expect(createdTimes(demoSeller(1).timeline)).toEqual(times);
    expect(createdTimes(demoSeller(2).timeline)).not.toEqual(times);
  });

  it('refuses more orders than the window keeps apart, and serves as many as the options allow', () => {
    expect(() => new OrderTimeline(42, 1, 20_000_000, AS_OF - DAY, DAY)).toThrow('too many orders for the history window');
    const big = new OrderTimeline(42, 1, 100_000_000, AS_OF - 720 * DAY, 720 * DAY);
    const rng = new Rng(11);
    for (let k = 0; k < 1000; k += 1) {
      const i = rng.int(0, 100_000_000 - 2);
      const c = big.created(i);
      expect(big.created(i + 1)).toBeGreaterThan(c);
      expect(big.lowerBound(c)).toBe(i);
    }
    expect(big.created(100_000_000 - 1)).toBeLessThan(AS_OF);
  });
});
