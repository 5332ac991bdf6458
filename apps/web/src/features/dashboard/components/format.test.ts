import { describe, expect, it } from 'vitest';
import { chartPoints, dayLabel, inCurrencyOrder } from './format';

describe('chart days', () => {
  it('keeps the server UTC days as the points days and labels them from the day itself', () => {
    const points = chartPoints([{ day: '2026-11-29', currency: 'USD', orders: 2, revenue: '12.5' }], '2026-11-28T00:00:00.000Z', 3, 'USD');
    expect(points.map((p) => p.day)).toEqual(['2026-11-28', '2026-11-29', '2026-11-30']);
    expect(points[1]).toMatchObject({ orders: 2, revenue: 12.5 });
    expect(dayLabel('2026-11-29')).toBe('Nov 29');
    expect(dayLabel('2027-01-01')).toBe('Jan 1');
  });
});

describe('inCurrencyOrder', () => {
  it('lists amounts in the revenue order of their currencies, others after by code', () => {
    const amounts = [
      { currency: 'USD', value: '1.00' },
      { currency: 'EUR', value: '2.00' },
      { currency: 'GBP', value: '3.00' },
    ];
    expect(inCurrencyOrder(amounts, ['GBP', 'USD']).map((a) => a.currency)).toEqual(['GBP', 'USD', 'EUR']);
  });
});
