import type { EbayOrder } from './ebay-port';
import {
  hasStoredOrders,
  ordersMissingCancelDetails,
  ordersWithCurrentCancelDetails,
  prepareOrdersPage,
  type PreparedOrdersPage,
  saveCancelDetails,
  withCancelDetails,
  writeOrdersPage,
} from './orders.repository';
import { resourceLimits } from './resources';
import { maxDate, type PlanContext, type RunContext, type Syncer, type SyncPlan } from './syncer';
import { TaskGroup, type SlotCall } from './task-group';
import {
  inclusiveBounds,
  incrementalStart,
  remainingOffsets,
  splitWindows,
  type TimeWindow,
} from './windows';

const PAGE = 200;
const limits = resourceLimits.orders;

interface OrdersPlan {
  field: 'creationdate' | 'lastmodifieddate';
  windows: TimeWindow[];
}

/** Earliest date getOrders serves, with a day of margin so the first window is never rejected. */
function earliest(now: Date): Date {
  return new Date(now.getTime() - limits.historyMs + 86_400_000);
}

export function planOrders(
  mode: 'full' | 'incremental',
  opts: { since: Date | null; until: Date | null; watermark: Date | null; overlapMs: number; now: Date },
): OrdersPlan {
  const floor = earliest(opts.now);
  if (mode === 'incremental' && opts.watermark && !opts.since) {
    const from = incrementalStart(opts.watermark, opts.overlapMs, floor);
    return {
      field: 'lastmodifieddate',
      windows: [{ from: from.toISOString(), to: opts.until?.toISOString() ?? null }],
    };
  }
  const from = opts.since && opts.since > floor ? opts.since : floor;
  return {
    field: 'creationdate',
    windows: splitWindows(from, opts.until, limits.windowMs ?? Infinity, opts.now),
  };
}

function needsCancelDetails(o: EbayOrder): boolean {
  const state = o.cancelStatus?.cancelState;
  return state !== undefined && state !== 'NONE_REQUESTED';
}

/** A fetched page, as its write needs it. */
interface FetchedPage {
  total: number;
  fetched: number;
  lastModified: Date | null;
  prepared: PreparedOrdersPage;
  /** Its orders with a cancellation (whose getOrder details are written with the page). */
  cancelled: Array<{ orderId: string; lastModifiedDate: string }>;
  /** getOrder calls made for it. */
  detailCalls: number;
}

export interface OrdersSyncerOptions {
  /** Call getOrder for orders with a cancellation, to store its cancelRequests. */
  cancelDetails: boolean;
}

/**
 * Orders: backfill in creation-date windows (2 years at most), incremental by lastmodifieddate from the watermark
 * minus an overlap. Every window's first page reveals `total`, after which its remaining offsets are fetched
 * concurrently; each page is written with its checkpoint key in one transaction.
 */
export function createOrdersSyncer(options: OrdersSyncerOptions): Syncer {
  return {
    resource: 'orders',

    async run(ctx: RunContext) {
      const saved = ctx.checkpoint.plan as OrdersPlan | undefined;
      const plan =
        saved ??
        planOrders(ctx.mode, {
          since: ctx.since,
          until: ctx.until,
          watermark: ctx.watermark,
          overlapMs: ctx.overlapMs,
          now: ctx.startedAt,
        });
      const totals = new Map<number, number>();
      for (let i = 0; i < plan.windows.length; i += 1) {
        const t = ctx.checkpoint[`total_w${i}`];
        if (typeof t === 'number') totals.set(i, t);
      }
      const knownTotal = () =>
        totals.size === plan.windows.length ? [...totals.values()].reduce((a, b) => a + b, 0) : null;
      let maxSeen: Date | null = null;
      const group = new TaskGroup(ctx.fetchConcurrency, ctx.call.signal);

      // getOrder fills cancelRequests (getOrders leaves them empty): a page's cancelled orders are fetched before
      // it is written, each call in a fetch slot of its own, and their details are written with the orders. An
      // order stored with the same lastModifiedDate keeps the details it has (eBay changes the date with any change
      // to the order): a full run over stored orders, or an incremental run's overlap, costs no getOrder for them.
      // A first backfill has nothing stored to compare with and skips the lookup.
      const compare = options.cancelDetails && (await hasStoredOrders(ctx.db, ctx.accountId));
      const fetchDetails = async (orderIds: readonly string[], call: SlotCall) => {
        const details = new Map<string, unknown>();
        await Promise.all(
          orderIds.map(async (orderId) => {
            const full = await call((signal) => ctx.api.getOrder(orderId, { signal }));
            details.set(orderId, full.cancelStatus);
          }),
        );
        return details;
      };

      const addPage = (w: number, offset: number) => {
        const window = plan.windows[w];
        if (!window) return;
        group.add(
          async (signal): Promise<FetchedPage> => {
            const page = await ctx.api.getOrders(
              { field: plan.field, ...inclusiveBounds(window), limit: PAGE, offset },
              { signal },
            );
            // The total is known: the window's other pages can start while this one is written.
            if (offset === 0) scheduleRest(w, page.total);
            // Only what the write needs waits for it: the statement's parameters, not the parsed orders.
            let lastModified: Date | null = null;
            for (const o of page.items) lastModified = maxDate(lastModified, o.lastModifiedDate);
            return {
              total: page.total,
              fetched: page.items.length,
              lastModified,
              prepared: prepareOrdersPage(ctx.accountId, page.items, page.sourceBytes),
              cancelled: options.cancelDetails
                ? page.items
                    .filter(needsCancelDetails)
                    .map((o) => ({ orderId: o.orderId, lastModifiedDate: o.lastModifiedDate }))
                : [],
              detailCalls: 0,
            };
          },
          async (page) => {
            if (page.lastModified && (maxSeen === null || page.lastModified > maxSeen)) maxSeen = page.lastModified;
            const firstPage = offset === 0 && !totals.has(w);
            if (firstPage) totals.set(w, page.total);
            await ctx.commit({
              fetched: page.fetched,
              calls: 1 + page.detailCalls,
              done: [`w${w}:${offset}`],
              set: { plan, ...(firstPage ? { [`total_w${w}`]: page.total } : {}) },
              total: knownTotal(),
              write: (trx) => writeOrdersPage(trx, page.prepared),
            });
          },
          {
            large: true,
            follow: async (page: FetchedPage, call: SlotCall): Promise<FetchedPage> => {
              if (page.cancelled.length === 0) return page;
              // eBay's lastModifiedDate text, cast by PostgreSQL as the page's statement casts it.
              const current = compare
                ? await ordersWithCurrentCancelDetails(ctx.db, ctx.accountId, page.cancelled)
                : new Set<string>();
              const wanted = page.cancelled.filter((o) => !current.has(o.orderId)).map((o) => o.orderId);
              if (wanted.length === 0) return page;
              const details = await fetchDetails(wanted, call);
              return { ...page, detailCalls: wanted.length, prepared: withCancelDetails(page.prepared, details) };
            },
          },
        );
      };

      const scheduleRest = (w: number, total: number) => {
        for (const offset of remainingOffsets(total, PAGE)) {
          if (!ctx.done.has(`w${w}:${offset}`)) addPage(w, offset);
        }
      };

      plan.windows.forEach((_, w) => {
        const total = totals.get(w);
        if (ctx.done.has(`w${w}:0`) && total !== undefined) scheduleRest(w, total);
        else addPage(w, 0);
      });
      await group.wait();
      if (options.cancelDetails) {
        // Orders whose details are still missing (stored before details came with their page, or while
        // SYNC_ORDER_CANCEL_DETAILS was off): fetched and written in batches. Details fetched with a page are never
        // missing (a missing cancelStatus is stored as `{}`), so none is fetched twice.
        const sweep = new TaskGroup(ctx.fetchConcurrency, ctx.call.signal);
        let pending: Array<{ order_id: string; details: unknown }> = [];
        const flush = async () => {
          const batch = pending;
          pending = [];
          if (batch.length > 0) await ctx.db.transaction().execute((trx) => saveCancelDetails(trx, ctx.accountId, batch));
        };
        for (const orderId of await ordersMissingCancelDetails(ctx.db, ctx.accountId, 10_000)) {
          sweep.add(async (signal) => {
            const full = await ctx.api.getOrder(orderId, { signal });
            pending.push({ order_id: orderId, details: full.cancelStatus });
            await ctx.countCalls(1);
            if (pending.length >= PAGE) await flush();
          });
        }
        await sweep.wait();
        await flush();
      }
      return { maxSeen };
    },

    async plan(ctx: PlanContext): Promise<SyncPlan> {
      const plan = planOrders(ctx.mode, {
        since: ctx.since,
        until: ctx.until,
        watermark: ctx.watermark,
        overlapMs: ctx.overlapMs,
        now: new Date(),
      });
      const windows = await Promise.all(
        plan.windows.map(async (window) => {
          const page = await ctx.api.getOrders(
            { field: plan.field, ...inclusiveBounds(window), limit: 1, offset: 0 },
            ctx.call,
          );
          return { ...window, total: page.total };
        }),
      );
      const total = windows.reduce((a, w) => a + w.total, 0);
      const estimatedCalls = windows.reduce((a, w) => a + Math.max(1, Math.ceil(w.total / PAGE)), 0);
      return {
        windows,
        total,
        estimatedCalls,
        notes: [
          `${plan.field} windows of at most ${Math.round((limits.windowMs ?? 0) / 86_400_000)} days, ${PAGE} orders per call`,
          ...(options.cancelDetails
            ? ['plus one getOrder per order with a cancellation, unless it is stored unchanged with its details']
            : []),
        ],
      };
    },
  };
}
