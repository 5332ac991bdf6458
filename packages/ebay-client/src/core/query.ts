export type QueryValue = string | number | boolean | readonly string[] | null | undefined;
export type QueryInput = Readonly<Record<string, QueryValue>>;

/** Builds a query string (without `?`); undefined/null are skipped, arrays repeat the parameter. */
export function buildQuery(query: QueryInput | undefined): string {
  if (query === undefined) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value as readonly string[]) params.append(key, item);
    } else {
      params.append(key, String(value));
    }
  }
  return params.toString();
}

/**
 * Query parameters of a `next` link as a plain record. eBay's `next` is an absolute URL on eBay's host; only its
 * query is reused so that paging stays on the configured base URL (emulator, proxy).
 */
export function queryFromLink(link: string): Record<string, string | string[]> {
  const url = new URL(link, 'http://placeholder.invalid');
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length === 1 ? (all[0] ?? '') : all;
  }
  return out;
}

/** Encodes one path segment (order ids, SKUs, dispute ids...). */
export function pathSegment(value: string): string {
  if (value === '') throw new TypeError('empty path parameter');
  return encodeURIComponent(value);
}
