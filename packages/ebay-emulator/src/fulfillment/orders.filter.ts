import type { RestError } from '../http/rest-error';
import { parseFilterParts, parseRange, parseSet } from '../http/filter-syntax';
import type { FulfillmentStatus } from '../data/order-lifecycle';
import { DAY, parseIso } from '../util/time';

export interface OrdersFilter {
  dateField: 'creation' | 'lastModified' | undefined;
  start: number;
  end: number;
  statuses: FulfillmentStatus[] | undefined;
}

const STATUS_SETS = [
  ['NOT_STARTED', 'IN_PROGRESS'],
  ['FULFILLED', 'IN_PROGRESS'],
];
/** Tolerance added to the 2-year maximum range so "now minus 2 years" computed by a client a moment earlier passes. */
const MAX_RANGE = 730 * DAY + DAY;

function fail(errorId: number, message: string, name: string, value: string): { error: RestError } {
  return { error: { errorId, domain: 'API_FULFILLMENT', category: 'REQUEST', message, parameters: [{ name, value }] } };
}

/** Parse getOrders' `filter`. Without a date filter the window is the last 90 days by creation date. */
export function parseOrdersFilter(raw: string | undefined, now: number): { filter: OrdersFilter } | { error: RestError } {
  const filter: OrdersFilter = { dateField: undefined, start: now - 90 * DAY, end: now, statuses: undefined };
  if (raw === undefined || raw.trim() === '') return { filter };
  let creation: { start: number; end: number } | undefined;
  let lastModified: { start: number; end: number } | undefined;
  for (const part of parseFilterParts(raw)) {
    const name = part.name.toLowerCase();
    if (name === 'creationdate' || name === 'lastmodifieddate') {
      const range = parseRange(part.value);
      if (!range.ok) return fail(30810, `Invalid date format. The date range must be in the format [start..end].`, 'filter', part.value);
      if (range.start === undefined) return fail(30820, 'The start date is missing in the date range filter.', 'filter', part.value);
      const start = parseIso(range.start);
      const end = range.end === undefined ? now : parseIso(range.end);
      if (start === undefined || end === undefined) return fail(30810, 'Invalid date format. Dates must be in ISO-8601 UTC format (YYYY-MM-DDThh:mm:ss.sssZ).', 'filter', part.value);
      if (start > now) return fail(30850, 'The date range must not start in the future.', 'filter', part.value);
      if (start > end) return fail(30840, 'The start date must be before the end date.', 'filter', part.value);
      if (end - start > MAX_RANGE) return fail(30830, 'The date range is too long. The maximum range is 2 years.', 'filter', part.value);
      if (name === 'creationdate') creation = { start, end };
      else lastModified = { start, end };
    } else if (name === 'orderfulfillmentstatus') {
      const set = parseSet(part.value);
      const sorted = set ? [...set].sort().join('|') : '';
      if (!set || !STATUS_SETS.some((s) => [...s].sort().join('|') === sorted)) {
        return fail(30800, 'Invalid filter value. orderfulfillmentstatus accepts {NOT_STARTED|IN_PROGRESS} or {FULFILLED|IN_PROGRESS}.', 'filter', part.value);
      }
      filter.statuses = set as FulfillmentStatus[];
    } else {
      return fail(30700, `Invalid filter name: ${part.name}`, 'filter', part.name);
    }
  }
  // When both date filters are sent only creationdate is used, as eBay does.
  if (creation) Object.assign(filter, { dateField: 'creation', ...creation });
  else if (lastModified) Object.assign(filter, { dateField: 'lastModified', ...lastModified });
  return { filter };
}
