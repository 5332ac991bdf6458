import { formatDateRange, formatEbayDate, type DateRange } from '../fulfillment/order-filter';
import type { PayoutStatus, TransactionType } from './finances.types';

export interface TransactionFilter {
  /** Start within 5 years; range <= 36 months. */
  readonly transactionDate?: DateRange | undefined;
  readonly transactionTypes?: readonly TransactionType[] | undefined;
  readonly transactionStatuses?: readonly string[] | undefined;
  readonly orderId?: string | undefined;
  readonly payoutId?: string | undefined;
  readonly buyerUsername?: string | undefined;
  /** Needs `transactionTypes` too. */
  readonly transactionId?: string | undefined;
}

export interface PayoutFilter {
  readonly payoutDate?: DateRange | undefined;
  readonly payoutStatuses?: readonly PayoutStatus[] | undefined;
}

const set = (values: readonly string[]): string => `{${values.join('|')}}`;

export function buildTransactionFilter(filter: TransactionFilter): string | undefined {
  if (filter.transactionId !== undefined && (filter.transactionTypes?.length ?? 0) === 0) {
    throw new TypeError('transactionId filter needs a transactionTypes filter (eBay error 135009)');
  }
  const parts: string[] = [];
  if (filter.transactionDate !== undefined) parts.push(`transactionDate:${formatDateRange(filter.transactionDate)}`);
  if (filter.transactionTypes !== undefined && filter.transactionTypes.length > 0) {
    parts.push(`transactionType:${set(filter.transactionTypes)}`);
  }
  if (filter.transactionStatuses !== undefined && filter.transactionStatuses.length > 0) {
    parts.push(`transactionStatus:${set(filter.transactionStatuses)}`);
  }
  if (filter.orderId !== undefined) parts.push(`orderId:{${filter.orderId}}`);
  if (filter.payoutId !== undefined) parts.push(`payoutId:{${filter.payoutId}}`);
  if (filter.buyerUsername !== undefined) parts.push(`buyerUsername:{${filter.buyerUsername}}`);
  if (filter.transactionId !== undefined) parts.push(`transactionId:{${filter.transactionId}}`);
  return parts.length === 0 ? undefined : parts.join(',');
}

export function buildPayoutFilter(filter: PayoutFilter): string | undefined {
  const parts: string[] = [];
  if (filter.payoutDate !== undefined) parts.push(`payoutDate:${formatDateRange(filter.payoutDate)}`);
  if (filter.payoutStatuses !== undefined && filter.payoutStatuses.length > 0) {
    parts.push(`payoutStatus:${set(filter.payoutStatuses)}`);
  }
  return parts.length === 0 ? undefined : parts.join(',');
}

/**
 * Splits a closed date window in two halves (millisecond precision, no overlap, no gap) for when a window holds
 * more records than the finances offset limit lets a client page through.
 */
export function splitDateWindow(range: { from: Date | string; to: Date | string }): [
  { from: string; to: string },
  { from: string; to: string },
] {
  const from = Date.parse(formatEbayDate(range.from));
  const to = Date.parse(formatEbayDate(range.to));
  if (to - from < 2) throw new RangeError('date window too small to split');
  const mid = from + Math.floor((to - from) / 2);
  return [
    { from: new Date(from).toISOString(), to: new Date(mid).toISOString() },
    { from: new Date(mid + 1).toISOString(), to: new Date(to).toISOString() },
  ];
}
