import type { SellerDataset } from './seller-dataset';
import { DISPUTE_REASONS } from './catalog';
import { DISPUTE_DELAY } from './order-lifecycle';
import { disputeIdOf } from './finance-records';
import type { StreamSpec } from './event-streams';
import { hashInts } from '../util/prng';
import { DAY, iso } from '../util/time';

export const DISPUTE_STREAM: StreamSpec<'DISPUTE'> = { key: 'DISPUTE', fate: 'disputed', delayMs: DISPUTE_DELAY };

export type DisputeStatus = 'OPEN' | 'ACTION_NEEDED' | 'CLOSED';

/** A dispute opened less than 3 days before the time the activity reached needs action, after 30 days it is closed. */
export function disputeStatus(ds: SellerDataset, index: number): { status: DisputeStatus; opened: number; closed: number | undefined } {
  const opened = ds.timeline.created(index) + DISPUTE_DELAY;
  const age = ds.liveAsOf - opened;
  if (age >= 30 * DAY) return { status: 'CLOSED', opened, closed: opened + 30 * DAY };
  return { status: age < 3 * DAY ? 'ACTION_NEEDED' : 'OPEN', opened, closed: undefined };
}

export function disputeSummary(ds: SellerDataset, index: number): Record<string, unknown> {
  const { status, opened, closed } = disputeStatus(ds, index);
  const m = ds.money(index);
  const doc: Record<string, unknown> = {
    paymentDisputeId: disputeIdOf(ds, index),
    paymentDisputeStatus: status,
    reason: DISPUTE_REASONS[hashInts(ds.seed, ds.number, index, 11) % DISPUTE_REASONS.length],
    orderId: ds.orderId(index),
    buyerUsername: ds.buyerOf(index),
    amount: { value: (m.totalCents / 100).toFixed(2), currency: ds.profile.currency },
    openDate: iso(opened),
    respondByDate: iso(opened + 10 * DAY),
  };
  if (closed !== undefined) doc['closedDate'] = iso(closed);
  return doc;
}

export function disputeDetail(ds: SellerDataset, index: number): Record<string, unknown> {
  const summary = disputeSummary(ds, index);
  const m = ds.money(index);
  const { status } = disputeStatus(ds, index);
  const detail: Record<string, unknown> = {
    ...summary,
    revision: status === 'CLOSED' ? 3 : 1,
    lineItems: m.lines.map((_, l) => ({ itemId: m.lines[l]?.listingId ?? '', lineItemId: `${ds.orderId(index)}-${l + 1}` })),
    availableChoices: status === 'ACTION_NEEDED' ? ['CONTEST', 'ACCEPT'] : [],
    evidence: [],
    evidenceRequests: [],
    monetaryTransactions: [{ date: summary['openDate'], type: 'DEBIT', reason: 'DISPUTE_OPENED', amount: summary['amount'] }],
  };
  if (status === 'CLOSED') detail['resolution'] = { reasonForClosure: 'SELLER_WINS', protectedAmount: summary['amount'] };
  return detail;
}
