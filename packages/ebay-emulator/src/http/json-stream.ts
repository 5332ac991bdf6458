import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

// Pieces of a streamed body stay well under V8's large-object threshold (128 KB), so a page of 200 orders is
// never one 700 KB string to flatten and copy into one 700 KB write buffer.
const PIECE_CHARS = 48 * 1024;

/** The JSON text of `body` in pieces of about PIECE_CHARS, each array element serialized on its own. */
export function jsonPieces(body: Readonly<Record<string, unknown>>): string[] {
  const pieces: string[] = [];
  let cur = '{';
  let first = true;
  for (const [key, value] of Object.entries(body)) {
    const text = Array.isArray(value) ? null : JSON.stringify(value);
    if (!Array.isArray(value) && text === undefined) continue;
    cur += `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (text !== null && text !== undefined) {
      cur += text;
      continue;
    }
    cur += '[';
    (value as unknown[]).forEach((item, i) => {
      cur += `${i === 0 ? '' : ','}${JSON.stringify(item) ?? 'null'}`;
      if (cur.length >= PIECE_CHARS) {
        pieces.push(cur);
        cur = '';
      }
    });
    cur += ']';
  }
  pieces.push(`${cur}}`);
  return pieces;
}

/**
 * Sends a large JSON body (a page of records) as a chunked response written piece by piece: the bytes are the
 * same as `reply.send(body)` would produce.
 */
export function sendJsonPage(reply: FastifyReply, body: Readonly<Record<string, unknown>>): FastifyReply {
  return reply.type('application/json').send(Readable.from(jsonPieces(body), { objectMode: false }));
}
