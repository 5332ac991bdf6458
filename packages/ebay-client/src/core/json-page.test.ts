import { describe, expect, it } from 'vitest';
import { findRecordArray, parseJsonPage, sourceBytesOf, sourceJsonOf } from './json-page';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const page = (text: string, key = 'orders') => parseJsonPage(bytes(text), key, () => text);

/** A deterministic generator of awkward JSON values: quotes, backslashes, brackets in strings, unicode, nesting. */
function generator(seed: number) {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  const pieces = ['a', '"', '\\', '[', ']', '{', '}', ',', ':', ' ', '\n', 'é', '日本', '😀', '\\"', 'orders', '\u0000', '\u2028'];
  const string = () => Array.from({ length: Math.floor(next() * 8) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
  const value = (depth: number): unknown => {
    const r = next();
    if (depth > 3 || r < 0.3) return [string(), Math.floor(next() * 1e6) / 100, true, null, -0.5e-3][Math.floor(next() * 5)];
    if (r < 0.6) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
    return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, () => [string(), value(depth + 1)]));
  };
  return { value, next };
}

describe('parseJsonPage', () => {
  it('gives what JSON.parse gives, keeping each record text as it was sent', () => {
    const text = `{"href":"x?a=[1]","total":3,"orders":[ {"orderId":"1","note":"a \\"quoted\\" ] , }"} ,\n{"orderId":"2","lineItems":[{"sku":"[x]"}]},{"orderId":"3","title":"Schöne Jacke 😀"}\n],"next":"y"}`;
    const parsed = page(text) as { orders: object[] };
    expect(parsed).toEqual(JSON.parse(text));
    expect(parsed.orders.map((o) => sourceJsonOf(o))).toEqual([
      '{"orderId":"1","note":"a \\"quoted\\" ] , }"}',
      '{"orderId":"2","lineItems":[{"sku":"[x]"}]}',
      '{"orderId":"3","title":"Schöne Jacke 😀"}',
    ]);
    // Keys in any order, the records array first or last, an empty array.
    for (const t of [
      '{"orders":[{"a":1}],"total":1}',
      '{"total":1,"warnings":[{"orders":[{"x":1}]}],"orders":[{"a":1},{"b":[2,{"c":"]"}]}]}',
      '{"orders":[]}',
      '  {\n  "orders" : [ {"a":1} ]\n}  ',
    ]) {
      const p = page(t) as { orders: object[] };
      expect(p).toEqual(JSON.parse(t));
      for (const o of p.orders) expect(JSON.parse(sourceJsonOf(o) ?? 'null')).toEqual(o);
    }
  });

  it('matches JSON.parse on generated pages, however they are formatted', () => {
    const { value, next } = generator(42);
    for (let n = 0; n < 300; n += 1) {
      const records = Array.from({ length: Math.floor(next() * 6) }, () => value(0));
      const doc: Record<string, unknown> = { href: value(2), total: records.length, orders: records, next: value(1) };
      const text = JSON.stringify(doc, null, n % 3 === 0 ? 2 : undefined);
      const parsed = page(text) as { orders: unknown[] };
      expect(parsed).toEqual(JSON.parse(text));
      parsed.orders.forEach((o, i) => {
        if (typeof o !== 'object' || o === null) return;
        const source = sourceJsonOf(o);
        expect(source).toBeDefined();
        expect(text).toContain(source);
        expect(JSON.parse(source ?? '')).toEqual(records[i]);
      });
    }
  });

  it("keeps each record's bytes as a view of the response, unless the body is not UTF-8", () => {
    const body = bytes('{"orders":[{"title":"Schöne Jacke"},{"b":2}],"total":2}');
    const parsed = parseJsonPage(body, 'orders', () => body.toString('utf8')) as { orders: object[] };
    const first = sourceBytesOf(parsed.orders[0] ?? {});
    expect(Buffer.from(first ?? []).toString('utf8')).toBe('{"title":"Schöne Jacke"}');
    expect(first?.buffer).toBe(body.buffer);
    // A byte that is not UTF-8 (0xff) decodes to U+FFFD: the record is what JSON.parse gives, without source bytes.
    const bad = Buffer.concat([bytes('{"orders":[{"title":"a'), Buffer.from([0xff]), bytes('b"}],"total":1}')]);
    const decoded = bad.toString('utf8');
    const p = parseJsonPage(bad, 'orders', () => decoded) as { orders: object[] };
    expect(p).toEqual(JSON.parse(decoded));
    expect(sourceBytesOf(p.orders[0] ?? {})).toBeUndefined();
    expect(sourceJsonOf(p.orders[0] ?? {})).toBeUndefined();
  });

  it('leaves what it cannot split to JSON.parse: same value, same errors', () => {
    // Not an object, no such key, not an array, the key only in a nested object, the key twice (last one wins).
    for (const t of [
      '[{"orders":[1]}]',
      '{"total":0}',
      '{"orders":null}',
      '{"page":{"orders":[{"a":1}]}}',
      '{"orders":[{"a":1}],"orders":[{"b":2}]}',
      '{"orders":[{"a":1}],"orders":[]}',
    ]) {
      expect(page(t)).toEqual(JSON.parse(t));
    }
    expect(findRecordArray(bytes('{"orders":[{"a":1}],"orders":[]}'), 'orders')).toBeNull();
    for (const t of [
      '{"orders":[{"a":1},]}',
      '{"orders":[{"a":1} {"b":2}]}',
      '{"orders":[{"a":1},,{"b":2}]}',
      '{"orders":[{"a":"unterminated}]}',
      '{"orders":[{"a":1}]',
      '{"orders":[{"a":1}]} trailing',
      '',
    ]) {
      expect(() => page(t)).toThrow(SyntaxError);
      expect(() => JSON.parse(t)).toThrow(SyntaxError);
    }
  });

  it('finds the elements of the records array by byte offsets (multi-byte text included)', () => {
    const text = '{"x":"ü","orders":[ {"t":"日本"} , 7 ,"s"]}';
    const b = bytes(text);
    const span = findRecordArray(b, 'orders');
    expect(span?.elements.map(([s, e]) => b.toString('utf8', s, e))).toEqual(['{"t":"日本"}', '7', '"s"']);
    expect(b.toString('utf8', span?.open, span?.close)).toBe('[ {"t":"日本"} , 7 ,"s"]');
  });
});
