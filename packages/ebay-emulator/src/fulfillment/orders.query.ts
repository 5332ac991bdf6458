import type { SellerDataset } from '../data/seller-dataset';
import type { OrdersFilter } from './orders.filter';
import { IndexSelection } from '../data/index-selection';
import { MAX_LASTMOD_DELTA } from '../data/order-lifecycle';
import { DAY } from '../util/time';

/** Orders older than this are never returned. */
export const VISIBILITY = 730 * DAY;
/** Generated and live orders awaiting shipment are all younger than this at the time the activity reached. */
const UNSHIPPED_WINDOW = 3 * DAY;

function byCreation(ds: SellerDataset, start: number, end: number): IndexSelection {
  const [lo, hi] = ds.timeline.range(start, end);
  return IndexSelection.range(lo, hi);
}

/**
 * Orders whose lastModifiedDate is in [start, end]. For untouched orders lastModified - created is within
 * [0, MAX_LASTMOD_DELTA], so the interior of the window maps to an index range and only the two borders and the
 * overlay of modified orders are examined one by one.
 */
function byLastModified(ds: SellerDataset, start: number, end: number): IndexSelection {
  const t = ds.timeline;
  const matches = (i: number): boolean => {
    const lm = ds.lifecycle(i).lastModified;
    return lm >= start && lm <= end;
  };
  const outerLo = t.lowerBound(start - MAX_LASTMOD_DELTA);
  const innerLo = t.lowerBound(start);
  const innerHi = Math.max(innerLo, end === Infinity ? t.total : t.lowerBound(end - MAX_LASTMOD_DELTA + 1));
  const outerHi = Math.max(innerHi, end === Infinity ? t.total : t.lowerBound(end + 1));
  const extra: number[] = [];
  for (let i = outerLo; i < innerLo; i += 1) if (matches(i)) extra.push(i);
  for (let i = innerHi; i < outerHi; i += 1) if (matches(i)) extra.push(i);
  const excluded: number[] = [];
  for (const i of ds.overrides.keys()) {
    if (i >= innerLo && i < innerHi) {
      if (!matches(i)) excluded.push(i);
    } else if ((i < outerLo || i >= outerHi) && matches(i)) extra.push(i);
  }
  return new IndexSelection(innerLo, innerHi, excluded.sort((a, b) => a - b), extra.sort((a, b) => a - b));
}

/** Narrow a selection to orders whose current fulfillment status is in `statuses`. */
function withStatus(ds: SellerDataset, base: IndexSelection, statuses: readonly string[]): IndexSelection {
  const candidates = new Set<number>();
  const t = ds.timeline;
  const lo = Math.min(base.lo, base.extra[0] ?? base.lo);
  const hi = Math.max(base.hi, (base.extra[base.extra.length - 1] ?? -1) + 1);
  // Cancelled orders stay NOT_STARTED; every other generated or live order older than UNSHIPPED_WINDOW is FULFILLED,
  // and orders created through the control API after the anchor (`waiting`) ship only when modified.
  if (statuses.includes('NOT_STARTED')) {
    for (let i = ds.fates.next('cancelled', lo, hi); i !== undefined; i = ds.fates.next('cancelled', i + 1, hi)) candidates.add(i);
  }
  const recent = Math.max(lo, t.lowerBound(ds.liveAsOf - UNSHIPPED_WINDOW));
  const waiting: number[] = [];
  for (let i = Math.max(lo, t.baseCount, t.lowerBound(ds.asOf - UNSHIPPED_WINDOW)); i < Math.min(recent, hi); i += 1) {
    if (ds.fates.liveNumber(i) === undefined) waiting.push(i);
  }
  if (statuses.includes('FULFILLED')) {
    // FULFILLED is the common case: everything in the selection except the few that are not.
    const notFulfilled: number[] = [];
    for (let i = ds.fates.next('cancelled', lo, hi); i !== undefined; i = ds.fates.next('cancelled', i + 1, hi)) {
      if (ds.lifecycle(i).status !== 'FULFILLED') notFulfilled.push(i);
    }
    for (let i = recent; i < hi; i += 1) if (ds.lifecycle(i).status !== 'FULFILLED') notFulfilled.push(i);
    for (const i of waiting) if (ds.lifecycle(i).status !== 'FULFILLED') notFulfilled.push(i);
    for (const i of ds.overrides.keys()) if (i >= lo && i < hi && ds.lifecycle(i).status !== 'FULFILLED') notFulfilled.push(i);
    const drop = new Set(notFulfilled.filter((i) => base.has(i) && !statuses.includes(ds.lifecycle(i).status)));
    const excluded = [...new Set([...base.excluded, ...[...drop].filter((i) => i >= base.lo && i < base.hi)])].sort((a, b) => a - b);
    const extra = base.extra.filter((i) => !drop.has(i));
    return new IndexSelection(base.lo, base.hi, excluded, extra);
  }
  for (let i = recent; i < hi; i += 1) candidates.add(i);
  for (const i of waiting) candidates.add(i);
  for (const i of ds.overrides.keys()) candidates.add(i);
  const members = [...candidates].filter((i) => base.has(i) && statuses.includes(ds.lifecycle(i).status)).sort((a, b) => a - b);
  return IndexSelection.explicit(members);
}

/** The selection of getOrders for a filter, in creationDate-ascending order. */
export function selectOrders(ds: SellerDataset, filter: OrdersFilter, now: number): IndexSelection {
  const floor = now - VISIBILITY;
  const start = Math.max(filter.start, floor);
  let selection = filter.dateField === 'lastModified' ? byLastModified(ds, start, filter.end) : byCreation(ds, start, filter.end);
  if (filter.dateField === 'lastModified') {
    // Never return orders created more than 2 years ago.
    const minIndex = ds.timeline.lowerBound(floor);
    if (selection.lo < minIndex || (selection.extra[0] ?? Infinity) < minIndex) {
      selection = new IndexSelection(
        Math.max(selection.lo, minIndex),
        Math.max(selection.hi, minIndex),
        selection.excluded.filter((i) => i >= minIndex),
        selection.extra.filter((i) => i >= minIndex),
      );
    }
  }
  return filter.statuses ? withStatus(ds, selection, filter.statuses) : selection;
}
