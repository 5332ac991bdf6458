/** Split an eBay `filter` value on top-level commas (commas inside [] or {} belong to the value). */
export function splitFilter(filter: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of filter) {
    if (ch === '[' || ch === '{') depth += 1;
    if (ch === ']' || ch === '}') depth -= 1;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim()) parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Decode leftover percent-encoding of `[ ] { | }` (clients sometimes encode them twice). */
export function decodeFilter(filter: string): string {
  if (!filter.includes('%')) return filter;
  try {
    return decodeURIComponent(filter);
  } catch {
    return filter;
  }
}

export type FilterPart = { name: string; value: string };

export function parseFilterParts(filter: string): FilterPart[] {
  return splitFilter(decodeFilter(filter)).map((p) => {
    const colon = p.indexOf(':');
    return colon < 0 ? { name: p, value: '' } : { name: p.slice(0, colon).trim(), value: p.slice(colon + 1).trim() };
  });
}

export type RangeParse =
  | { ok: true; start: string | undefined; end: string | undefined }
  | { ok: false };

/** `[a..b]`, `[a..]`, `[..b]` */
export function parseRange(value: string): RangeParse {
  const m = /^\[([^\]]*)\]$/.exec(value);
  if (!m || m[1] === undefined) return { ok: false };
  const inner = m[1];
  const sep = inner.indexOf('..');
  if (sep < 0) return { ok: false };
  const start = inner.slice(0, sep).trim();
  const end = inner.slice(sep + 2).trim();
  return { ok: true, start: start || undefined, end: end || undefined };
}

/** `{A|B}` -> ['A','B']; undefined when not a set. */
export function parseSet(value: string): string[] | undefined {
  const m = /^\{([^}]*)\}$/.exec(value);
  if (!m || m[1] === undefined) return undefined;
  return m[1].split('|').map((s) => s.trim()).filter((s) => s.length > 0);
}
