import type { SellerDataset } from './seller-dataset';
import { eventsOfOrder, walkStreams, type StreamEvent, type StreamSpec } from './event-streams';
import { CANCEL_DELAY, DISPUTE_DELAY, REFUND_DELAY } from './order-lifecycle';
import { refundIdOf } from './order-document';
import { lineItemIdOf, numericId, parseNumericId } from '../util/ids';
import { amount } from '../util/money';
import { HOUR, iso } from '../util/time';

export type TxKey = 'SALE' | 'CANCEL_REFUND' | 'PARTIAL_REFUND' | 'DISPUTE';

/** Finance transactions: a SALE per order, a REFUND per cancellation or partial refund, a DISPUTE per dispute. */
export const TX_STREAMS: readonly StreamSpec<TxKey>[] = [
  { key: 'SALE', fate: 'all', delayMs: 0 },
  { key: 'CANCEL_REFUND', fate: 'cancelled', delayMs: CANCEL_DELAY },
  { key: 'PARTIAL_REFUND', fate: 'refunded', delayMs: REFUND_DELAY },
  { key: 'DISPUTE', fate: 'disputed', delayMs: DISPUTE_DELAY },
];

export const TX_TYPE: Record<TxKey, 'SALE' | 'REFUND' | 'DISPUTE'> = {
  SALE: 'SALE',
  CANCEL_REFUND: 'REFUND',
  PARTIAL_REFUND: 'REFUND',
  DISPUTE: 'DISPUTE',
};

export const PAYOUT_DELAY = 8 * HOUR;

export function disputeIdOf(ds: SellerDataset, index: number): string {
  return numericId(5, ds.number, index, 8);
}

export function parseDisputeId(ds: SellerDataset, id: string): number | undefined {
  const p = parseNumericId(id, 5, 8);
  return p && p.sellerNumber === ds.number && p.value < ds.timeline.total && ds.fates.fateOf(p.value) === 'disputed' ? p.value : undefined;
}

/**
 * Number of payouts made by the dataset's start, or by the time the live activity reached (payout p covers period p
 * and is paid PAYOUT_DELAY after it ends).
 */
export function payoutCount(ds: SellerDataset): number {
  return Math.max(0, Math.floor((ds.liveAsOf - PAYOUT_DELAY - ds.timeline.start) / ds.payoutPeriod));
}

export function payoutIdOf(ds: SellerDataset, period: number): string {
  return numericId(6, ds.number, period, 7);
}

export function parsePayoutId(ds: SellerDataset, id: string): number | undefined {
  const p = parseNumericId(id, 6, 7);
  return p && p.sellerNumber === ds.number && p.value < payoutCount(ds) ? p.value : undefined;
}

export function periodOf(ds: SellerDataset, date: number): number {
  return Math.floor((date - ds.timeline.start) / ds.payoutPeriod);
}

export function periodWindow(ds: SellerDataset, period: number): [number, number] {
  const start = ds.timeline.start + period * ds.payoutPeriod;
  return [start, start + ds.payoutPeriod - 1];
}

/** Signed net effect of a transaction on the seller's balance, in cents. */
export function txNetCents(ds: SellerDataset, ev: StreamEvent<TxKey>): number {
  const m = ds.money(ev.index);
  switch (ev.key) {
    case 'SALE':
      return m.netCents;
    case 'CANCEL_REFUND':
      return -m.dueSellerCents;
    case 'PARTIAL_REFUND':
      return -m.partialRefundCents;
    case 'DISPUTE':
      return -m.totalCents;
  }
}

export function transactionIdOf(ds: SellerDataset, ev: StreamEvent<TxKey>): string {
  if (ev.key === 'SALE') return ds.orderId(ev.index);
  if (ev.key === 'DISPUTE') return disputeIdOf(ds, ev.index);
  return refundIdOf(ds, ev.index);
}

/** The finance transaction JSON for an event. */
export function transactionDocument(ds: SellerDataset, ev: StreamEvent<TxKey>): Record<string, unknown> {
  const cur = ds.profile.currency;
  const m = ds.money(ev.index);
  const period = periodOf(ds, ev.date);
  const paid = period < payoutCount(ds);
  const net = txNetCents(ds, ev);
  const doc: Record<string, unknown> = {
    transactionId: transactionIdOf(ds, ev),
    orderId: ds.orderId(ev.index),
    buyer: { username: ds.buyerOf(ev.index) },
    transactionType: TX_TYPE[ev.key],
    amount: amount(Math.abs(net), cur),
    bookingEntry: net >= 0 ? 'CREDIT' : 'DEBIT',
    transactionDate: iso(ev.date),
    transactionStatus: paid ? 'PAYOUT' : 'FUNDS_AVAILABLE_FOR_PAYOUT',
    salesRecordReference: String(ev.index + 1),
  };
  if (paid) doc['payoutId'] = payoutIdOf(ds, period);
  if (ev.key === 'SALE') {
    doc['totalFeeBasisAmount'] = amount(m.totalCents, cur);
    doc['totalFeeAmount'] = amount(m.feeCents, cur);
    doc['eBayCollectedTaxAmount'] = amount(m.taxCents, cur);
    doc['orderLineItems'] = m.lines.map((line, l) => ({
      lineItemId: lineItemIdOf(ds.number, ev.index, l + 1),
      feeBasisAmount: amount(line.totalCents, cur),
      marketplaceFees: [
        { feeType: 'FINAL_VALUE_FEE', amount: amount(line.feeCents, cur) },
        ...(l === 0 ? [{ feeType: 'FINAL_VALUE_FEE_FIXED_PER_ORDER', amount: amount(m.feeCents - m.lines.reduce((s, x) => s + x.feeCents, 0), cur) }] : []),
      ],
    }));
    doc['references'] = [];
  } else if (ev.key === 'DISPUTE') {
    doc['references'] = [{ referenceId: disputeIdOf(ds, ev.index), referenceType: 'PAYMENTS_DISPUTE_ID' }];
    doc['transactionMemo'] = 'Payment dispute hold';
  } else {
    doc['references'] = [{ referenceId: refundIdOf(ds, ev.index), referenceType: 'REFUND_ID' }];
    doc['transactionMemo'] = ev.key === 'CANCEL_REFUND' ? 'Order cancelled: full refund' : 'Partial refund';
  }
  return doc;
}

export interface PayoutTotals {
  netCents: number;
  count: number;
}

/** Sum of the transactions of a payout period (memoised per dataset). */
export function payoutTotals(ds: SellerDataset, period: number): PayoutTotals {
  const cached = ds.payoutMemo.get(period);
  if (cached) return cached;
  const [from, to] = periodWindow(ds, period);
  const events = walkStreams(ds, TX_STREAMS, from, to, 'asc', 0, Number.MAX_SAFE_INTEGER);
  const totals = { netCents: events.reduce((s, ev) => s + txNetCents(ds, ev), 0), count: events.length };
  if (ds.payoutMemo.size > 2000) ds.payoutMemo.clear();
  ds.payoutMemo.set(period, totals);
  return totals;
}

export function payoutDocument(ds: SellerDataset, period: number): Record<string, unknown> {
  const cur = ds.profile.currency;
  const totals = payoutTotals(ds, period);
  const last = period === payoutCount(ds) - 1;
  const date = periodWindow(ds, period)[1] + 1 + PAYOUT_DELAY;
  return {
    payoutId: payoutIdOf(ds, period),
    payoutStatus: last ? 'INITIATED' : 'SUCCEEDED',
    payoutStatusDescription: last ? 'Funds sent' : 'Funds sent',
    amount: amount(totals.netCents, cur),
    totalAmount: amount(totals.netCents, cur),
    totalFee: amount(0, cur),
    payoutDate: iso(date),
    payoutInstrument: { instrumentType: 'BANK', nickname: 'Business checking', accountLastFourDigits: String(1000 + ((ds.number * 7919) % 9000)) },
    transactionCount: totals.count,
    payoutMemo: last ? 'Expected to arrive in 1-3 business days' : '',
  };
}

export function payoutDate(ds: SellerDataset, period: number): number {
  return periodWindow(ds, period)[1] + 1 + PAYOUT_DELAY;
}

export function orderTransactions(ds: SellerDataset, index: number): StreamEvent<TxKey>[] {
  return eventsOfOrder(ds, TX_STREAMS, index);
}
