import type { Fate } from './order-fates';
import type { SellerDataset } from './seller-dataset';

/**
 * A stream of dated events, one per member order: members are all orders ('all') or the orders with one fate, and
 * the event happens `delayMs` after the order's creation. Since creation time increases with the index, each
 * stream is sorted by date and a date window maps to an index range.
 */
export interface StreamSpec<K extends string = string> {
  key: K;
  fate: Exclude<Fate, 'normal'> | 'all';
  delayMs: number;
}

export interface StreamEvent<K extends string = string> {
  key: K;
  index: number;
  date: number;
}

/** Index range [lo, hi) of the members of `spec` whose event date is in [from, to]. */
export function streamRange(ds: SellerDataset, spec: StreamSpec, from: number, to: number): [number, number] {
  const t = ds.timeline;
  const [lo, hi] = t.range(from - spec.delayMs, to === Infinity ? Infinity : to - spec.delayMs);
  if (spec.fate === 'all') return [lo, hi];
  // Fated events exist only when they happened by the time the activity reached (the dataset's start without live
  // activity); members created after that are live orders, whose fates OrderFates lays out.
  const realized = t.lowerBound(ds.liveAsOf - spec.delayMs + 1);
  return [lo, Math.max(lo, Math.min(hi, realized))];
}

export function streamCount(ds: SellerDataset, spec: StreamSpec, from: number, to: number): number {
  const [lo, hi] = streamRange(ds, spec, from, to);
  return spec.fate === 'all' ? hi - lo : ds.fates.count(spec.fate, lo, hi);
}

function nextMember(ds: SellerDataset, spec: StreamSpec, x: number, hi: number): number | undefined {
  if (spec.fate === 'all') return x < hi ? x : undefined;
  return ds.fates.next(spec.fate, x, hi);
}

function prevMember(ds: SellerDataset, spec: StreamSpec, x: number, lo: number): number | undefined {
  if (spec.fate === 'all') return x >= lo ? x : undefined;
  return ds.fates.prev(spec.fate, x, lo);
}

/**
 * Events of several streams merged by date within [from, to]; skips `offset` events then returns up to `limit`.
 * Cost is O((offset + limit) * streams).
 */
export function walkStreams<K extends string>(
  ds: SellerDataset,
  specs: readonly StreamSpec<K>[],
  from: number,
  to: number,
  order: 'asc' | 'desc',
  offset: number,
  limit: number,
): StreamEvent<K>[] {
  const cursors = specs.map((spec) => {
    const [lo, hi] = streamRange(ds, spec, from, to);
    const first = order === 'asc' ? nextMember(ds, spec, lo, hi) : prevMember(ds, spec, hi - 1, lo);
    return { spec, lo, hi, at: first };
  });
  const out: StreamEvent<K>[] = [];
  let skipped = 0;
  while (out.length < limit) {
    let best: (typeof cursors)[number] | undefined;
    let bestDate = 0;
    for (const c of cursors) {
      if (c.at === undefined) continue;
      const date = ds.timeline.created(c.at) + c.spec.delayMs;
      if (!best || (order === 'asc' ? date < bestDate : date > bestDate)) {
        best = c;
        bestDate = date;
      }
    }
    if (!best || best.at === undefined) break;
    if (skipped < offset) skipped += 1;
    else out.push({ key: best.spec.key, index: best.at, date: bestDate });
    best.at = order === 'asc' ? nextMember(ds, best.spec, best.at + 1, best.hi) : prevMember(ds, best.spec, best.at - 1, best.lo);
  }
  return out;
}

/** Events of one order (for lookups by order id). */
export function eventsOfOrder<K extends string>(ds: SellerDataset, specs: readonly StreamSpec<K>[], index: number): StreamEvent<K>[] {
  const fate = ds.fates.fateOf(index);
  const created = ds.timeline.created(index);
  return specs
    .filter((s) => (s.fate === 'all' || s.fate === fate) && (s.fate === 'all' || created + s.delayMs <= ds.liveAsOf))
    .map((s) => ({ key: s.key, index, date: created + s.delayMs }));
}
