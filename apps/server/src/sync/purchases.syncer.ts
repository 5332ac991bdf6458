import { upsertPurchases } from './other.repository';
import type { RunContext, Syncer, SyncPlan } from './syncer';

const PER_PAGE = 200;
const DURATION_DAYS = 60;

/** Purchases (GetMyeBayBuying WonList, the last 60 days eBay keeps), paged; every run re-reads the list. */
export const purchasesSyncer: Syncer = {
  resource: 'purchases',
  async run(ctx: RunContext) {
    for (let page = 1; ; page += 1) {
      const res = await ctx.api.getPurchases(
        { page, entriesPerPage: PER_PAGE, durationInDays: DURATION_DAYS },
        ctx.call,
      );
      await ctx.commit({
        fetched: res.items.length,
        calls: 1,
        done: [`p${page}`],
        total: res.totalEntries,
        write: (trx) => upsertPurchases(trx, ctx.accountId, res.items),
      });
      if (page >= res.totalPages || res.items.length === 0) break;
    }
    return { maxSeen: null };
  },
  async plan(ctx): Promise<SyncPlan> {
    const first = await ctx.api.getPurchases(
      { page: 1, entriesPerPage: PER_PAGE, durationInDays: DURATION_DAYS },
      ctx.call,
    );
    return {
      windows: [],
      total: first.totalEntries,
      estimatedCalls: Math.max(1, first.totalPages),
      notes: [`WonList of the last ${DURATION_DAYS} days, ${PER_PAGE} per call`],
    };
  },
};
