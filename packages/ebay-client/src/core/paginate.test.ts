import { describe, expect, it } from 'vitest';
import { followPages } from './paginate';
import { buildQuery, queryFromLink } from './query';

describe('query helpers', () => {
  it('builds queries, skipping empties and repeating arrays', () => {
    expect(buildQuery({ a: 'x y', b: undefined, c: null, d: 2, e: ['1', '2'] })).toBe('a=x+y&d=2&e=1&e=2');
  });

  it('reads the query of a next link', () => {
    expect(
      queryFromLink('https://api.ebay.com/sell/fulfillment/v1/order?filter=creationdate%3A%5B2025..%5D&limit=2&offset=2'),
    ).toEqual({ filter: 'creationdate:[2025..]', limit: '2', offset: '2' });
  });
});

describe('followPages', () => {
  // In-memory page source; no HTTP involved.
  const pages: Record<string, { items: number[]; next?: string; total: number; offset: number }> = {
    '0': { items: [1, 2], next: 'https://elsewhere.test/x?offset=2&limit=2', total: 5, offset: 0 },
    '2': { items: [3, 4], next: 'https://elsewhere.test/x?offset=4&limit=2', total: 5, offset: 2 },
    '4': { items: [5], total: 5, offset: 4 },
  };
  const fetchPage = (q: Record<string, unknown>) => {
    const page = pages[String(q['offset'] ?? '0')];
    if (page === undefined) throw new Error('no page');
    return Promise.resolve(page);
  };

  it('follows next links and keeps the first query', async () => {
    const seen: number[] = [];
    const queries: unknown[] = [];
    for await (const page of followPages({
      first: { filter: 'f', limit: 2 },
      fetchPage: (q) => {
        queries.push(q);
        return fetchPage(q);
      },
      count: (p) => p.items.length,
      links: (p) => p,
    })) {
      seen.push(...page.items);
    }
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(queries[1]).toEqual({ filter: 'f', limit: '2', offset: '2' });
  });

  it('falls back to offset arithmetic when allowed and next is missing', async () => {
    const seen: number[] = [];
    for await (const page of followPages({
      first: { limit: 2 },
      fetchPage: (q) => {
        const offset = Number(q['offset'] ?? 0);
        return Promise.resolve({ items: [offset, offset + 1].filter((n) => n < 5), total: 5, offset });
      },
      count: (p) => p.items.length,
      links: (p) => p,
      offsetFallback: true,
    })) {
      seen.push(...page.items);
    }
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it('stops on a repeated link', async () => {
    let calls = 0;
    for await (const _page of followPages({
      first: {},
      fetchPage: () => {
        calls += 1;
        return Promise.resolve({ items: [1], next: 'https://x.test/?offset=1' });
      },
      count: (p) => p.items.length,
      links: (p) => p,
    })) {
      if (calls > 5) break;
    }
    expect(calls).toBe(2);
  });
});
