import { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import Fastify, { type FastifyReply } from 'fastify';
import { describe, expect, it } from 'vitest';
import { RawJsonArray, jsonPieces, sendJson, sendJsonPage } from '../src/http/json-stream';

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

  it('writes the elements of a RawJsonArray as their text, the same as JSON.stringify of the parsed records', () => {
    const records = [{ id: 1, name: 'a "b"' }, { id: 2, tags: [] }, { id: 3, nested: { x: null } }];
    const raw = new RawJsonArray([0, 1, 2], (i) => JSON.stringify(records[i]));
    for (const body of [{ href: 'h', orders: raw, next: 'n' }, { orders: new RawJsonArray([], () => '') }]) {
      expect(jsonPieces(body).join('')).toBe(JSON.stringify(body));
    }
    expect(JSON.stringify({ orders: raw })).toBe(JSON.stringify({ orders: records }));
  });
});

describe('sendJsonPage and sendJson over HTTP', () => {
  // One element alone is longer than a reused write buffer.
  const ascii = { href: 'h', orders: Array.from({ length: 300 }, (_, i) => ({ i, title: `t${i}`.padEnd(i === 150 ? 70_000 : 2000, 'x') })) };
  // Three-byte characters: a piece of ~48K characters is ~150 KB of UTF-8, more than a reused write buffer holds.
  const wide = { href: 'h', orders: Array.from({ length: 100 }, (_, i) => ({ i, title: '東京€'.repeat(700), emoji: '\u{1F600}'.repeat(50) })) };
  const nameOf = (i: number): string => (i % 2 ? 'Zoë "Q" \\ \u0001' : 'plain'.repeat(200));
  const mixed = { href: 'ü', orders: new RawJsonArray([...Array(150).keys()], (i) => JSON.stringify({ i, name: nameOf(i) })) };
  const bodies: Record<string, Record<string, unknown>> = { ascii, wide, mixed };

  it('sends the bytes and content type of reply.send(body), also for concurrent and repeated pages', async () => {
    const app = Fastify();
    app.get('/page/:name', async (request, reply) => sendJsonPage(reply, bodies[(request.params as { name: string }).name] ?? {}));
    app.get('/small/:name', async (request, reply) => sendJson(reply, bodies[(request.params as { name: string }).name] ?? {}));
    app.get('/plain/:name', async (request, reply) => reply.send(bodies[(request.params as { name: string }).name] ?? {}));
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const fetchBytes = async (path: string): Promise<{ type: string | null; bytes: Buffer }> => {
        const res = await fetch(`${url}${path}`);
        return { type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
      };
      for (let round = 0; round < 3; round += 1) {
        const names = ['ascii', 'wide', 'mixed', 'ascii', 'mixed', 'wide'];
        const routes = ['page', 'small', 'plain'];
        const results = await Promise.all(names.flatMap((name) => routes.map((route) => fetchBytes(`/${route}/${name}`))));
        names.forEach((name, k) => {
          const expected = Buffer.from(JSON.stringify(bodies[name]));
          const [page, small, plain] = results.slice(k * 3, k * 3 + 3);
          expect(plain?.bytes.equals(expected), `reply.send ${name}`).toBe(true);
          expect(page?.bytes.equals(expected), `sendJsonPage ${name}`).toBe(true);
          expect(small?.bytes.equals(expected), `sendJson ${name}`).toBe(true);
          expect(small?.type).toBe(plain?.type);
        });
      }
    } finally {
      await app.close();
    }
  });

  it('does not reuse the write buffers of a page before its response has finished', async () => {
    const page = (letter: string): Record<string, unknown> => ({
      orders: Array.from({ length: 300 }, (_, i) => ({ i, body: letter.repeat(2000) })),
    });
    const first = heldReply();
    sendJsonPage(first.reply, page('a'));
    const second = heldReply();
    sendJsonPage(second.reply, page('b'));
    expect(await first.body()).toBe(JSON.stringify(page('a')));
    first.finish();
    const third = heldReply();
    sendJsonPage(third.reply, page('c'));
    expect(await second.body()).toBe(JSON.stringify(page('b')));
    expect(await third.body()).toBe(JSON.stringify(page('c')));
  });
});

/** A reply whose body stays unread, and whose response finishes only when `finish()` is called. */
function heldReply(): { reply: FastifyReply; body: () => Promise<string>; finish: () => void } {
  const raw = new EventEmitter();
  let payload: Readable | undefined;
  const reply = {
    raw,
    type: () => reply,
    send: (body: Readable) => {
      payload = body;
      return reply;
    },
  };
  const body = async (): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const chunk of payload ?? []) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString();
  };
  return { reply: reply as unknown as FastifyReply, body, finish: () => raw.emit('finish') };
}
