import { upsertPayouts, upsertTransactions } from './finances.repository';
import type { EbayPayout, EbayTransaction } from './ebay-port';
import { createWindowedSyncer } from './windowed.syncer';
import { inclusiveBounds } from './windows';

/** eBay rejects finances offsets >= 5000: windows holding more are halved. */
export const FINANCES_OFFSET_LIMIT = 5000;

/** Finance transactions (with fee lines) in 36-month transactionDate windows, 1000 per call. */
export const financesSyncer = createWindowedSyncer<EbayTransaction>({
  resource: 'finances',
  pageSize: 1000,
  offsetLimit: FINANCES_OFFSET_LIMIT,
  fetch: (q, ctx, o) =>
    ctx.api.getTransactions({ ...inclusiveBounds(q.window), limit: q.limit, offset: q.offset }, o),
  write: upsertTransactions,
  modifiedAt: (t) => t.transactionDate,
});

/** Payouts in 36-month payoutDate windows, 200 per call. */
export const payoutsSyncer = createWindowedSyncer<EbayPayout>({
  resource: 'payouts',
  pageSize: 200,
  offsetLimit: FINANCES_OFFSET_LIMIT,
  fetch: (q, ctx, o) =>
    ctx.api.getPayouts({ ...inclusiveBounds(q.window), limit: q.limit, offset: q.offset }, o),
  write: upsertPayouts,
  modifiedAt: (p) => p.payoutDate,
});
