import { describe, expect, it } from 'vitest';
import { buildPayoutFilter, buildTransactionFilter, splitDateWindow } from './finances-filter';
import { buildTransactionsQuery, walkFinancesPages } from './finances.client';

describe('finances filters', () => {
  it('builds transaction filters', () => {
    expect(
      buildTransactionFilter({
        transactionDate: { from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z' },
        transactionTypes: ['SALE', 'REFUND'],
        orderId: '12-345',
      }),
    ).toBe('transactionDate:[2024-01-01T00:00:00.000Z..2024-02-01T00:00:00.000Z],transactionType:{SALE|REFUND},orderId:{12-345}');
    expect(() => buildTransactionFilter({ transactionId: 'x' })).toThrow(TypeError);
    expect(buildTransactionFilter({})).toBeUndefined();
  });

  it('builds payout filters', () => {
    expect(buildPayoutFilter({ payoutStatuses: ['SUCCEEDED'], payoutDate: { from: '2024-01-01T00:00:00Z' } })).toBe(
      'payoutDate:[2024-01-01T00:00:00.000Z..],payoutStatus:{SUCCEEDED}',
    );
  });

  it('validates limit and offset', () => {
    expect(() => buildTransactionsQuery({ limit: 1001 })).toThrow(RangeError);
    expect(() => buildTransactionsQuery({ offset: 5000 })).toThrow(RangeError);
    expect(buildTransactionsQuery({ limit: 1000, offset: 4999 })).toMatchObject({ limit: 1000, offset: 4999 });
  });

  it('splits a window into two halves without gap or overlap', () => {
    const [a, b] = splitDateWindow({ from: '2024-01-01T00:00:00.000Z', to: '2024-01-03T00:00:00.000Z' });
    expect(a).toEqual({ from: '2024-01-01T00:00:00.000Z', to: '2024-01-02T00:00:00.000Z' });
    expect(b).toEqual({ from: '2024-01-02T00:00:00.001Z', to: '2024-01-03T00:00:00.000Z' });
  });
});

describe('walkFinancesPages', () => {
  // A pure in-memory page source: the offset arithmetic is what is tested here.
  const source = (total: number) => (query: Record<string, unknown>) => {
    const offset = Number(query['offset'] ?? 0);
    const limit = Number(query['limit'] ?? 20);
    const items = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => offset + i);
    return Promise.resolve({ items, offset, limit, total });
  };

  it('walks every page when under the offset limit', async () => {
    const seen: number[] = [];
    const flags: boolean[] = [];
    for await (const page of walkFinancesPages({
      first: { limit: 1000 },
      fetchPage: source(2500),
      count: (p) => p.items.length,
      links: (p) => p,
      offsetFallback: true,
    })) {
      seen.push(...page.items);
      flags.push(page.offsetLimitReached);
    }
    expect(seen).toHaveLength(2500);
    expect(flags).toEqual([false, false, false]);
  });

  it('stops before offset 5000 and flags the window', async () => {
    const pages: Array<{ offset: number; offsetLimitReached: boolean }> = [];
    for await (const page of walkFinancesPages({
      first: { limit: 1000 },
      fetchPage: source(12_000),
      count: (p) => p.items.length,
      links: (p) => p,
      offsetFallback: true,
    })) {
      pages.push({ offset: page.offset, offsetLimitReached: page.offsetLimitReached });
    }
    expect(pages.map((p) => p.offset)).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(pages.at(-1)?.offsetLimitReached).toBe(true);
    expect(pages.slice(0, -1).every((p) => !p.offsetLimitReached)).toBe(true);
  });
});
