/** A date range; `to` may be omitted (open-ended), `from` may not (eBay error 30820). Bounds are inclusive. */
export interface DateRange {
  readonly from: Date | string;
  readonly to?: Date | string | undefined;
}

/** The only two status combinations eBay accepts. */
export type OrderFulfillmentStatusFilter = 'NOT_STARTED|IN_PROGRESS' | 'FULFILLED|IN_PROGRESS';

export interface OrderFilter {
  readonly creationDate?: DateRange | undefined;
  /** eBay ignores lastmodifieddate when creationdate is also sent, so the builder refuses both. */
  readonly lastModifiedDate?: DateRange | undefined;
  readonly fulfillmentStatus?: OrderFulfillmentStatusFilter | undefined;
}

/** ISO-8601 UTC with milliseconds (`2024-01-02T03:04:05.000Z`). Strings are validated and normalised. */
export function formatEbayDate(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new TypeError(`invalid date: ${String(value)}`);
  return date.toISOString();
}

/** `[from..to]` or `[from..]`. */
export function formatDateRange(range: DateRange): string {
  const from = formatEbayDate(range.from);
  if (range.to === undefined) return `[${from}..]`;
  const to = formatEbayDate(range.to);
  if (Date.parse(from) > Date.parse(to)) throw new RangeError(`date range starts after it ends: ${from} > ${to}`);
  return `[${from}..${to}]`;
}

/** Builds getOrders' `filter` value, or undefined when nothing is filtered. */
export function buildOrderFilter(filter: OrderFilter): string | undefined {
  if (filter.creationDate !== undefined && filter.lastModifiedDate !== undefined) {
    throw new TypeError('getOrders: creationDate and lastModifiedDate cannot be combined (eBay ignores lastmodifieddate)');
  }
  const parts: string[] = [];
  if (filter.creationDate !== undefined) parts.push(`creationdate:${formatDateRange(filter.creationDate)}`);
  if (filter.lastModifiedDate !== undefined) parts.push(`lastmodifieddate:${formatDateRange(filter.lastModifiedDate)}`);
  if (filter.fulfillmentStatus !== undefined) parts.push(`orderfulfillmentstatus:{${filter.fulfillmentStatus}}`);
  return parts.length === 0 ? undefined : parts.join(',');
}
