import pLimit from 'p-limit';
import type { EbayDisputeSummary } from './ebay-port';
import { upsertDisputes, type DisputeWithDetail } from './other.repository';
import { createWindowedSyncer } from './windowed.syncer';
import { inclusiveBounds } from './windows';

/**
 * Payment disputes: summaries in 90-day openDate windows (18 months back), then the detail of each one
 * (bounded fan-out), stored together. The summary API needs both bounds, so an open window ends now.
 */
export const disputesSyncer = createWindowedSyncer<EbayDisputeSummary>({
  resource: 'disputes',
  pageSize: 200,
  offsetLimit: Number.POSITIVE_INFINITY,
  fetch: (q, ctx, o) => {
    const b = inclusiveBounds(q.window);
    return ctx.api.getDisputeSummaries(
      {
        openDateFrom: b.from,
        openDateTo: b.to ?? new Date().toISOString(),
        limit: q.limit,
        offset: q.offset,
      },
      o,
    );
  },
  async enrich(items, ctx, o) {
    const limit = pLimit(Math.max(1, Math.min(ctx.fetchConcurrency, 4)));
    const withDetail: DisputeWithDetail[] = await Promise.all(
      items.map((d) =>
        limit(async () => ({ ...d, detail: await ctx.api.getDispute(d.paymentDisputeId, o) })),
      ),
    );
    return { items: withDetail, calls: items.length };
  },
  write: upsertDisputes,
  modifiedAt: (d) => d.closedDate ?? d.openDate,
});
