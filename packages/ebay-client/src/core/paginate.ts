import { queryFromLink, type QueryInput } from './query';

export interface PageLinks {
  next?: string | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
  total?: number | undefined;
}

export interface FollowOptions<P> {
  /** Query of the first page. */
  readonly first: QueryInput;
  readonly fetchPage: (query: QueryInput) => Promise<P>;
  /** Number of items on a page (an empty page ends the walk). */
  readonly count: (page: P) => number;
  readonly links: (page: P) => PageLinks;
  /** When eBay omits `next`, compute the next offset from offset/limit/total (documented offset semantics only). */
  readonly offsetFallback?: boolean;
  /** Safety stop. Default 100 000 pages. */
  readonly maxPages?: number | undefined;
}

/** Query of the page after `page`, or null when there is none. */
export function nextPageQuery<P>(page: P, current: QueryInput, options: FollowOptions<P>): QueryInput | null {
  const links = options.links(page);
  const n = options.count(page);
  if (n === 0) return null;
  if (links.next !== undefined && links.next !== '') return { ...options.first, ...queryFromLink(links.next) };
  if (options.offsetFallback === true && links.total !== undefined) {
    const offset = links.offset ?? Number(current['offset'] ?? 0);
    const nextOffset = offset + n;
    if (nextOffset < links.total) return { ...current, offset: String(nextOffset) };
  }
  return null;
}

/** Async iterator over pages, following `next` links (see FollowOptions). */
export async function* followPages<P>(options: FollowOptions<P>): AsyncGenerator<P, void, undefined> {
  const maxPages = options.maxPages ?? 100_000;
  const seen = new Set<string>();
  let query: QueryInput | null = options.first;
  for (let pages = 0; query !== null && pages < maxPages; pages += 1) {
    const key = JSON.stringify(query);
    if (seen.has(key)) return; // a server repeating a link would otherwise loop forever
    seen.add(key);
    const page = await options.fetchPage(query);
    yield page;
    query = nextPageQuery(page, query, options);
  }
}
