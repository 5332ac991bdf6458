import { describe, expect, it } from 'vitest';
import { shownText } from './shown-text';

describe('shownText', () => {
  it('says how many rows are shown of how many match', () => {
    expect(shownText(50, { count: 1234, capped: false }, 'order', 'orders')).toBe('50 of 1,234 orders shown');
    expect(shownText(1, { count: 1, capped: false }, 'order', 'orders')).toBe('1 of 1 order shown');
  });

  it('marks a count that stopped at its cap as a lower bound', () => {
    expect(shownText(100, { count: 10000, capped: true }, 'order', 'orders')).toBe('100 of 10,000+ orders shown');
  });

  it('shows only the rows loaded when there is no total', () => {
    expect(shownText(50, null, 'order', 'orders')).toBe('50 orders shown');
    expect(shownText(1, undefined, 'payout', 'payouts')).toBe('1 payout shown');
  });
});
