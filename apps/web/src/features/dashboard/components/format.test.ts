import { describe, expect, it } from 'vitest';
import { byCurrency, chartPoints, dayLabel, inCurrencyOrder, payoutsHint } from './format';

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

describe('byCurrency', () => {
  it('lists currencies by code whatever their amounts, orders without a currency last', () => {
    const week = [
      { currency: 'USD', value: '900.00' },
      { currency: 'GBP', value: '100.00' },
    ];
    const year = [
      { currency: 'GBP', value: '9000.00' },
      { currency: '', value: '5.00' },
      { currency: 'USD', value: '800.00' },
    ];
    expect(byCurrency(week).map((a) => a.currency)).toEqual(['GBP', 'USD']);
    expect(byCurrency(year).map((a) => a.currency)).toEqual(['GBP', 'USD', '']);
  });
});

describe('payoutsHint', () => {
  const when = (iso: string) => iso.slice(0, 10);
  const last = { date: '2026-11-20T10:00:00Z', status: 'SUCCEEDED', amount: { currency: 'XXX', value: '12.5' } };
  it('counts the payouts of the period in words, then names the last one', () => {
    expect(payoutsHint(30, last, when)).toMatch(/^30 payouts; last: .+ on 2026-11-20 \(SUCCEEDED\)$/);
    expect(payoutsHint(1, last, when)).toMatch(/^1 payout; last: /);
    expect(payoutsHint(1200, last, when)).toMatch(/^1,200 payouts; /);
    expect(payoutsHint(0, last, when)).toMatch(/^No payouts in these days; last: /);
    expect(payoutsHint(0, null, when)).toBe('No payout yet');
  });
});
