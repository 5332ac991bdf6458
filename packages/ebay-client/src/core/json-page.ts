/**
 * Large pages of records (200 orders are about 700 KB of JSON) parsed record by record, straight from the
 * response's bytes. Decoding a page into one string and parsing it costs a page-sized string on top of the
 * records, and the caller that stores each record's payload had to serialize every record again. Here the records
 * array is found by a scan of the bytes; each record's text is decoded and parsed on its own, and its bytes, exactly
 * as eBay sent them, stay available (a view of the response, no copy) for `sourceBytesOf` and `sourceJsonOf`.
 */

import { isUtf8 } from 'node:buffer';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

const sourceBytes = new WeakMap<object, Uint8Array>();

/**
 * The UTF-8 bytes of the JSON text a record parsed by `parseJsonPage` had in the response (undefined for any other
 * value): a view of the response's bytes, to be read, not written.
 */
export function sourceBytesOf(record: object): Uint8Array | undefined {
  return sourceBytes.get(record);
}

/** The JSON text a record parsed by `parseJsonPage` had in the response (undefined for any other value). */
export function sourceJsonOf(record: object): string | undefined {
  const bytes = sourceBytes.get(record);
  return bytes === undefined ? undefined : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Index just past the string starting at `start` (a quote), or -1 when it does not end. */
function stringEnd(b: Uint8Array, start: number): number {
  let i = start + 1;
  for (;;) {
    const q = b.indexOf(QUOTE, i);
    if (q < 0) return -1;
    let backslashes = 0;
    for (let k = q - 1; b[k] === BACKSLASH; k -= 1) backslashes += 1;
    if (backslashes % 2 === 0) return q + 1;
    i = q + 1;
  }
}

interface ArraySpan {
  /** Index of the array's `[` and just past its `]`. */
  open: number;
  close: number;
  /** Each element's [start, end) (whitespace trimmed). */
  elements: Array<[number, number]>;
}

/**
 * Where the array that is the value of `key` in the top-level object lies, with its elements; null when the text
 * is not an object holding such an array (or is malformed: parsing it whole then reports the error).
 */
export function findRecordArray(b: Uint8Array, key: string): ArraySpan | null {
  const keyBytes = Buffer.from(JSON.stringify(key), 'utf8');
  let i = 0;
  while (isSpace(b[i])) i += 1;
  if (b[i] !== OPEN_OBJECT) return null;
  let depth = 0;
  let lastKeyMatches = false;
  let found: ArraySpan | null = null;
  while (i < b.length) {
    const c = b[i];
    if (c === QUOTE) {
      const end = stringEnd(b, i);
      if (end < 0) return null;
      if (depth === 1) {
        let j = end;
        while (isSpace(b[j])) j += 1;
        // A key at the top level: remember whether it is ours for the value that follows.
        if (b[j] === COLON) {
          lastKeyMatches =
            end - i === keyBytes.length && Buffer.from(b.buffer, b.byteOffset + i, end - i).equals(keyBytes);
          // The key twice: `JSON.parse` keeps the last value; leave such a page to it.
          if (lastKeyMatches && found !== null) return null;
        }
      }
      i = end;
      continue;
    }
    if (c === OPEN_ARRAY && depth === 1 && lastKeyMatches) {
      found = elementsOf(b, i);
      if (found === null) return null;
      i = found.close;
      lastKeyMatches = false;
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth += 1;
    else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth -= 1;
    i += 1;
  }
  return found;
}

/** The elements of the array whose `[` is at `open`. */
function elementsOf(b: Uint8Array, open: number): ArraySpan | null {
  const elements: Array<[number, number]> = [];
  let depth = 0;
  let start = -1;
  const push = (end: number) => {
    let e = end;
    while (e > start && isSpace(b[e - 1])) e -= 1;
    elements.push([start, e]);
  };
  let i = open + 1;
  while (i < b.length) {
    const c = b[i];
    if (start < 0 && !isSpace(c) && !(c === CLOSE_ARRAY && depth === 0)) start = i;
    if (c === QUOTE) {
      const end = stringEnd(b, i);
      if (end < 0) return null;
      i = end;
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth += 1;
    else if (c === CLOSE_OBJECT || (c === CLOSE_ARRAY && depth > 0)) depth -= 1;
    else if (depth === 0 && c === COMMA) {
      if (start < 0 || start === i) return null; // an empty element: malformed
      push(i);
      start = -1;
    } else if (depth === 0 && c === CLOSE_ARRAY) {
      if (start >= 0) push(i);
      else if (elements.length > 0) return null; // a trailing comma
      return { open, close: i + 1, elements };
    }
    i += 1;
  }
  return null;
}

/**
 * Parses a JSON object whose `key` holds an array of records, parsing each record on its own from `bytes` and
 * keeping its bytes for `sourceBytesOf`. Bodies that are not such an object (or that a scan cannot split) are parsed
 * whole; the result is always what `JSON.parse` of the decoded text gives. Throws `SyntaxError` on bad JSON.
 */
export function parseJsonPage(bytes: Uint8Array, key: string, decode: () => string): unknown {
  const span = findRecordArray(bytes, key);
  if (span === null) return JSON.parse(decode());
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Bytes that are not UTF-8 decode with U+FFFD; a record's bytes are kept only when they are its text.
  const keepBytes = isUtf8(buf);
  let page: unknown;
  const records: unknown[] = [];
  try {
    // The page without its records: `{"href": ..., "orders": [], "total": ...}`.
    page = JSON.parse(`${buf.toString('utf8', 0, span.open)}[]${buf.toString('utf8', span.close)}`);
    for (const [start, end] of span.elements) {
      const text = buf.toString('utf8', start, end);
      const record: unknown = JSON.parse(text);
      if (keepBytes && typeof record === 'object' && record !== null) sourceBytes.set(record, buf.subarray(start, end));
      records.push(record);
    }
  } catch {
    return JSON.parse(decode());
  }
  const empty = (page as Record<string, unknown> | null)?.[key];
  if (typeof page !== 'object' || page === null || !Array.isArray(empty) || empty.length > 0) {
    return JSON.parse(decode());
  }
  (page as Record<string, unknown>)[key] = records;
  return page;
}
