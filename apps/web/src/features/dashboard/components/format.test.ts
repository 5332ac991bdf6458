import { describe, expect, it } from 'vitest';
import { chartPoints, dayLabel } from './format';

describe('chart days', () => {
  it('keeps the server UTC days as the points days and labels them from the day itself', () => {
    const points = chartPoints([{ day: '2026-11-29', currency: 'USD', orders: 2, revenue: '12.5' }], '2026-11-28T00:00:00.000Z', 3, 'USD');
    expect(points.map((p) => p.day)).toEqual(['2026-11-28', '2026-11-29', '2026-11-30']);
    expect(points[1]).toMatchObject({ orders: 2, revenue: 12.5 });
    expect(dayLabel('2026-11-29')).toBe('Nov 29');
    expect(dayLabel('2027-01-01')).toBe('Jan 1');
  });
});
