/** How a list filter is entered and how its URL value becomes an API parameter. */
export type FilterKind = 'text' | 'select' | 'dateFrom' | 'dateTo';

export interface FilterField {
  /** URL and API parameter name (`q`, `fulfillmentStatus`, `from`, ...). */
  param: string;
  label: string;
  kind: FilterKind;
  /** For `select`: the values offered (any value is still accepted from the URL). */
  options?: readonly string[];
  /** For `select`: how a value reads, when not as the value itself (`true` -> "Unread"). */
  optionLabels?: Readonly<Record<string, string>>;
  placeholder?: string;
}

/** Parameters every list page keeps in its URL besides its filters. */
export const listParams = ['accountId', 'sort', 'order'] as const;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A `YYYY-MM-DD` day from a date input as the ISO instant the API expects: the start of that UTC day (`from`,
 * inclusive), or the start of the next one (`to`, exclusive) so the whole day is included. The lists show times in
 * UTC, so the rows a day filter keeps are the rows that show that day.
 */
export function dayToIso(day: string, edge: 'start' | 'end'): string | undefined {
  if (!dayPattern.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, edge === 'start' ? d : d + 1));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * A list's date range that cannot match anything (its "from" day after its "to" day): the field to mark and what
 * to say, or `null`. Such a list is not queried: an empty answer would look like missing data.
 */
export function dateRangeError(
  values: Record<string, string | undefined>,
  fields: readonly FilterField[],
): { param: string; message: string } | null {
  const from = fields.find((f) => f.kind === 'dateFrom');
  const to = fields.find((f) => f.kind === 'dateTo');
  if (!from || !to) return null;
  const start = values[from.param]?.trim() ?? '';
  const end = values[to.param]?.trim() ?? '';
  if (!dayPattern.test(start) || !dayPattern.test(end) || start <= end) return null;
  return { param: to.param, message: `Must be on or after “${from.label}” (${start})` };
}

/** The API parameters of a list from the page's URL: filters (dates converted), account, sort and order. */
export function apiQueryFromParams(
  params: URLSearchParams,
  fields: readonly FilterField[],
): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of listParams) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  for (const field of fields) {
    const value = params.get(field.param)?.trim();
    if (!value) continue;
    if (field.kind === 'dateFrom' || field.kind === 'dateTo') {
      const iso = dayToIso(value, field.kind === 'dateFrom' ? 'start' : 'end');
      if (iso) query[field.param] = iso;
    } else {
      query[field.param] = value;
    }
  }
  return query;
}

/** `path?a=1&b=2` with keys in a stable order; empty values left out. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const key of Object.keys(query).sort()) {
    const value = query[key];
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

/** The CSV export of a list with the same filters: `/api/orders.csv?...` (no cursor or limit: every row). */
export function csvHref(apiPath: string, query: Record<string, string>): string {
  const { cursor: _cursor, limit: _limit, ...rest } = query;
  return withQuery(`${apiPath}.csv`, rest);
}

/** Next sort state when a column header is pressed: same column flips the order, another starts descending. */
export function nextSort(
  current: { sort: string | undefined; order: 'asc' | 'desc' },
  pressed: string,
  defaultSort: string,
): { sort: string; order: 'asc' | 'desc' } {
  const active = current.sort ?? defaultSort;
  if (active === pressed) return { sort: pressed, order: current.order === 'desc' ? 'asc' : 'desc' };
  return { sort: pressed, order: 'desc' };
}
