import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

// Pieces of a streamed body stay well under V8's large-object threshold (128 KB), so a page of 200 orders is
// never one 700 KB string to flatten and copy into one 700 KB write buffer.
const PIECE_CHARS = 48 * 1024;
/** A slab holds one piece's UTF-8 bytes: PIECE_CHARS plus the element that crossed it, when the text is ASCII. */
const SLAB_BYTES = 64 * 1024;
/** Free slabs kept for reuse: a page of 200 orders takes about 10, so this covers several pages in flight. */
const MAX_FREE_SLABS = 64;

/**
 * An array whose elements are written as JSON text (`textOf(item)`, compact JSON) one at a time while the body is
 * serialized: the records of a page are neither built as objects nor all held as strings at once.
 */
export class RawJsonArray<T> {
  constructor(
    readonly items: readonly T[],
    readonly textOf: (item: T) => string,
  ) {}

  /** Keeps `JSON.stringify` (and `reply.send`) of a body holding a raw array right, at the cost of a parse. */
  toJSON(): unknown[] {
    return this.items.map((item) => JSON.parse(this.textOf(item)) as unknown);
  }
}

function* elementTexts(value: readonly unknown[] | RawJsonArray<unknown>): Generator<string> {
  if (value instanceof RawJsonArray) {
    for (const item of value.items) yield value.textOf(item);
  } else {
    for (const item of value) yield JSON.stringify(item) ?? 'null';
  }
}

/** The JSON text of `body` in pieces of about PIECE_CHARS, each array element serialized on its own. */
export function* jsonChunks(body: Readonly<Record<string, unknown>>): Generator<string> {
  let cur = '{';
  let first = true;
  for (const [key, value] of Object.entries(body)) {
    const isArray = Array.isArray(value) || value instanceof RawJsonArray;
    const text = isArray ? null : JSON.stringify(value);
    if (text === undefined) continue;
    cur += `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (text !== null) {
      cur += text;
      continue;
    }
    cur += '[';
    let i = 0;
    for (const element of elementTexts(value as readonly unknown[] | RawJsonArray<unknown>)) {
      cur += `${i === 0 ? '' : ','}${element}`;
      i += 1;
      if (cur.length >= PIECE_CHARS) {
        yield cur;
        cur = '';
      }
    }
    cur += ']';
  }
  yield `${cur}}`;
}

export function jsonPieces(body: Readonly<Record<string, unknown>>): string[] {
  return [...jsonChunks(body)];
}

/**
 * Write buffers for page bodies, reused once the response that used them has been written out. A page encoded
 * into fresh Buffers is ~600 KB of new external memory, and that much per request keeps V8 starting full
 * garbage collections.
 */
class SlabPool {
  private readonly free: Buffer[] = [];

  /** The UTF-8 bytes of `text`: a view of a slab (added to `taken`), or a Buffer of its own when it does not fit. */
  encode(text: string, taken: Buffer[]): Buffer {
    if (text.length > SLAB_BYTES - 4) return Buffer.from(text);
    const slab = this.free.pop() ?? Buffer.allocUnsafe(SLAB_BYTES);
    const length = slab.write(text);
    // write() stops before a character that does not fit whole (at most 4 bytes): the text may have been cut.
    if (length > SLAB_BYTES - 4) {
      this.free.push(slab);
      return Buffer.from(text);
    }
    taken.push(slab);
    return slab.subarray(0, length);
  }

  release(slabs: readonly Buffer[]): void {
    for (const slab of slabs) if (this.free.length < MAX_FREE_SLABS) this.free.push(slab);
  }
}

const slabs = new SlabPool();

/**
 * Sends a large JSON body (a page of records) as a chunked response written piece by piece: the bytes are the
 * same as `reply.send(body)` would produce. Each piece is encoded as soon as it is complete, so the strings of a
 * page die young. The slabs go back to the pool on 'finish' (every byte handed to the socket); a response that
 * ends early leaves them to the garbage collector.
 */
export function sendJsonPage(reply: FastifyReply, body: Readonly<Record<string, unknown>>): FastifyReply {
  const taken: Buffer[] = [];
  const chunks = Array.from(jsonChunks(body), (piece) => slabs.encode(piece, taken));
  reply.raw.once('finish', () => slabs.release(taken));
  return reply.type('application/json').send(Readable.from(chunks, { objectMode: false }));
}

/** Sends a small JSON body as one text: the bytes and headers `reply.send(body)` would give. */
export function sendJson(reply: FastifyReply, body: Readonly<Record<string, unknown>>): FastifyReply {
  return reply.type('application/json').send(jsonPieces(body).join(''));
}
