import pLimit from 'p-limit';
import type { EbayOffer } from './ebay-port';
import { upsertInventoryItems, upsertOffers } from './other.repository';
import type { RunContext, Syncer, SyncPlan } from './syncer';

const PAGE = 200;

/**
 * Inventory items, following eBay's `next` links (offset semantics are unverified). With `withOffers`, each page's
 * SKUs are fanned out to getOffers (one call per SKU, bounded concurrency) and stored in the same transaction.
 * eBay gives no modification filter here, so every run reads everything; upserts keep it idempotent.
 */
function createInventorySyncer(withOffers: boolean): Syncer {
  return {
    resource: withOffers ? 'offers' : 'inventory',
    async run(ctx: RunContext) {
      let pageNo = 0;
      const limit = pLimit(ctx.fetchConcurrency);
      for await (const page of ctx.api.inventoryPages({ limit: PAGE }, ctx.call)) {
        const key = `p${pageNo}`;
        pageNo += 1;
        if (ctx.done.has(key) && !withOffers) continue;
        let offers: EbayOffer[] = [];
        let calls = 1;
        if (withOffers && !ctx.done.has(key)) {
          const lists = await Promise.all(
            page.items.map((i) => limit(() => ctx.api.getOffers(i.sku, ctx.call))),
          );
          offers = lists.flat();
          calls += page.items.length;
        } else if (withOffers) {
          await ctx.countCalls(1);
          continue;
        }
        // eBay's total counts inventory items, not offers (a SKU has any number): an offers run reports the offers
        // it fetched and no total, rather than a progress that passes 100 % or a count that is not of its records.
        await ctx.commit({
          fetched: withOffers ? offers.length : page.items.length,
          calls,
          done: [key],
          total: withOffers ? null : page.total,
          write: async (trx) => {
            const items = await upsertInventoryItems(trx, ctx.accountId, page.items);
            if (!withOffers) return items;
            return upsertOffers(trx, ctx.accountId, offers);
          },
        });
      }
      return { maxSeen: null };
    },
    async plan(ctx): Promise<SyncPlan> {
      let total = 0;
      for await (const page of ctx.api.inventoryPages({ limit: 1 }, ctx.call)) {
        total = page.total;
        break;
      }
      const pages = Math.max(1, Math.ceil(total / PAGE));
      return {
        windows: [],
        total,
        estimatedCalls: withOffers ? pages + total : pages,
        notes: withOffers
          ? ['one getInventoryItems per 200 SKUs plus one getOffers per SKU']
          : ['follows next links, 200 per call'],
      };
    },
  };
}

export const inventorySyncer = createInventorySyncer(false);
export const offersSyncer = createInventorySyncer(true);
