import type { RestError } from '../http/rest-error';
import { parseFilterParts, parseRange, parseSet } from '../http/filter-syntax';
import { DAY, parseIso } from '../util/time';

export const FIVE_YEARS = 5 * 365 * DAY + 2 * DAY;
export const THIRTY_SIX_MONTHS = 3 * 365 * DAY + DAY;

export function financeError(errorId: number, message: string, name?: string, value?: string): RestError {
  const e: RestError = { errorId, domain: 'API_FINANCES', category: 'REQUEST', message };
  if (name !== undefined) e.parameters = [{ name, value: value ?? '' }];
  return e;
}

export interface FinanceFilter {
  from: number;
  to: number;
  sets: Map<string, string[]>;
}

/**
 * Parse a Finances `filter`: one date range field (`dateField`) plus `{a|b}` set filters named in `setNames`.
 * Codes: 135008 bad date / unknown filter, 135015 start more than 5 years back, 135016 range over 36 months.
 */
export function parseFinanceFilter(
  raw: string | undefined,
  dateField: string,
  setNames: readonly string[],
  now: number,
): { filter: FinanceFilter } | { error: RestError } {
  const filter: FinanceFilter = { from: -Infinity, to: Infinity, sets: new Map() };
  if (raw === undefined || raw.trim() === '') return { filter };
  for (const part of parseFilterParts(raw)) {
    if (part.name === dateField) {
      const range = parseRange(part.value);
      if (!range.ok || range.start === undefined) return { error: financeError(135008, `The ${dateField} filter is invalid. Use [start..end] with ISO-8601 dates.`, 'filter', part.value) };
      const from = parseIso(range.start);
      const to = range.end === undefined ? now : parseIso(range.end);
      if (from === undefined || to === undefined || from > to) return { error: financeError(135008, `The ${dateField} filter is invalid. Use [start..end] with ISO-8601 dates, start before end.`, 'filter', part.value) };
      if (from < now - FIVE_YEARS) return { error: financeError(135015, 'The start date must be within the last 5 years.', 'filter', part.value) };
      if (to - from > THIRTY_SIX_MONTHS) return { error: financeError(135016, 'The date range must not exceed 36 months.', 'filter', part.value) };
      filter.from = from;
      filter.to = to;
    } else if (setNames.includes(part.name)) {
      const values = parseSet(part.value) ?? (part.value ? [part.value] : undefined);
      if (!values || values.length === 0) return { error: financeError(135008, `The ${part.name} filter is invalid.`, 'filter', part.value) };
      filter.sets.set(part.name, values);
    } else {
      return { error: financeError(135008, `The filter ${part.name} is not supported.`, 'filter', part.name) };
    }
  }
  return { filter };
}

export type Paging = { limit: number; offset: number } | { error: RestError };

/** limit 1..max (default 20), offset 0..4999: anything else is 135003. */
export function parseFinancePaging(limitRaw: string | undefined, offsetRaw: string | undefined, max: number): Paging {
  const limit = limitRaw === undefined ? 20 : /^\d+$/.test(limitRaw) ? Number(limitRaw) : NaN;
  const offset = offsetRaw === undefined ? 0 : /^\d+$/.test(offsetRaw) ? Number(offsetRaw) : NaN;
  if (!(limit >= 1 && limit <= max)) return { error: financeError(135003, `Invalid pagination: limit must be between 1 and ${max}.`, 'limit', limitRaw ?? '') };
  if (!(offset >= 0 && offset < 5000)) return { error: financeError(135003, 'Invalid pagination: offset must be between 0 and 4999.', 'offset', offsetRaw ?? '') };
  return { limit, offset };
}
