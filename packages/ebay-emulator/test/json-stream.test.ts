import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../src/http/json-stream';

describe('jsonPieces', () => {
  it('joins to exactly the text JSON.stringify gives, for every kind of property', () => {
    const bodies: Record<string, unknown>[] = [
      {},
      { href: 'https://x/y?a="b"', total: 0, orders: [] },
      { total: 3, skipped: undefined, items: [1, 'two', null, { a: [1, { b: 'c\u2028' }] }], tail: { n: 1.5 } },
      { list: [undefined, () => 1, { toJSON: () => 'custom' }], flag: true, nothing: null },
      { first: [1], second: [[2, 3], []] },
    ];
    for (const body of bodies) expect(jsonPieces(body).join('')).toBe(JSON.stringify(body));
  });

  it('splits a large page into pieces below the large-object size, each element whole', () => {
    const orders = Array.from({ length: 400 }, (_, i) => ({ orderId: `${i}`, title: 'x'.repeat(3000) }));
    const body = { href: 'h', total: 400, orders, next: 'n' };
    const pieces = jsonPieces(body);
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(JSON.stringify(body));
    for (const piece of pieces) expect(piece.length).toBeLessThan(64 * 1024);
  });
});
