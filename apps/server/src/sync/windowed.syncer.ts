import type { Transaction } from 'kysely';
import type { CallOptions, OffsetPage } from './ebay-port';
import { resourceLimits, type SyncResource } from './resources';
import type { SyncDatabase } from './sync-db';
import {
  maxDate,
  type PlanContext,
  type RunContext,
  type Syncer,
  type SyncPlan,
  type WriteResult,
} from './syncer';
import { TaskGroup } from './task-group';
import {
  halveWindow,
  inclusiveBounds,
  incrementalStart,
  remainingOffsets,
  splitWindows,
  type TimeWindow,
} from './windows';

/** How one date-windowed, offset-paged eBay list is read and stored (finances, payouts, disputes). */
export interface WindowedSpec<T> {
  resource: SyncResource;
  pageSize: number;
  /** Exclusive offset limit (finances: 5000); a window holding more is halved. */
  offsetLimit: number;
  fetch(
    q: { window: TimeWindow; limit: number; offset: number },
    ctx: { api: RunContext['api'] },
    o: CallOptions,
  ): Promise<OffsetPage<T>>;
  /** Extra per-page work before the write (e.g. dispute details); returns the extra calls made. */
  enrich?(items: T[], ctx: RunContext, o: CallOptions): Promise<{ items: T[]; calls: number }>;
  write(trx: Transaction<SyncDatabase>, accountId: string, items: T[]): Promise<WriteResult>;
  modifiedAt(item: T): string | undefined;
}

interface WindowedPlan {
  windows: TimeWindow[];
}

function planWindows(
  resource: SyncResource,
  ctx: { mode: string; since: Date | null; until: Date | null; watermark: Date | null; overlapMs: number },
  now: Date,
) {
  const limits = resourceLimits[resource];
  const floor = new Date(now.getTime() - limits.historyMs + 86_400_000);
  const windowMs = limits.windowMs ?? limits.historyMs;
  if (ctx.mode === 'incremental' && ctx.watermark && !ctx.since) {
    return splitWindows(incrementalStart(ctx.watermark, ctx.overlapMs, floor), ctx.until, windowMs, now);
  }
  const from = ctx.since && ctx.since > floor ? ctx.since : floor;
  return splitWindows(from, ctx.until, windowMs, now);
}

/**
 * Windows over the API's date filter, each paged by offset with its pages fetched concurrently once `total` is
 * known. When a window's total exceeds what offsets can reach, it is halved (recursively) and the halves are
 * read instead; window ids are their bounds, so a split survives a resume.
 */
export function createWindowedSyncer<T>(spec: WindowedSpec<T>): Syncer {
  return {
    resource: spec.resource,
    async run(ctx) {
      const saved = ctx.checkpoint.plan as WindowedPlan | undefined;
      const plan: WindowedPlan = saved ?? { windows: planWindows(spec.resource, ctx, ctx.startedAt) };
      let maxSeen: Date | null = null;
      let total = 0;
      const group = new TaskGroup(ctx.fetchConcurrency, ctx.call.signal);
      const key = (w: TimeWindow, offset: number) => `${w.from}|${w.to ?? ''}:${offset}`;

      const addPage = (w: TimeWindow, offset: number) => {
        group.add(
          async (signal) => {
            const page = await spec.fetch({ window: w, limit: spec.pageSize, offset }, ctx, { signal });
            if (offset === 0 && page.total >= spec.offsetLimit) {
              const halves = halveWindow(w, ctx.startedAt);
              if (halves) {
                await ctx.countCalls(1);
                for (const h of halves) startWindow(h);
                return null;
              }
            }
            if (offset === 0) scheduleRest(w, page.total);
            if (!spec.enrich || page.items.length === 0) return { page, items: page.items, calls: 1 };
            const enriched = await spec.enrich(page.items, ctx, { signal });
            return { page, items: enriched.items, calls: 1 + enriched.calls };
          },
          async (fetched) => {
            if (!fetched) return;
            const { page, items, calls } = fetched;
            for (const item of items) maxSeen = maxDate(maxSeen, spec.modifiedAt(item));
            if (offset === 0) total += page.total;
            await ctx.commit({
              fetched: items.length,
              calls,
              done: [key(w, offset)],
              set: { plan, [`total:${key(w, 0)}`]: page.total },
              total,
              write: (trx) => spec.write(trx, ctx.accountId, items),
            });
          },
        );
      };

      const scheduleRest = (w: TimeWindow, t: number) => {
        for (const offset of remainingOffsets(t, spec.pageSize, spec.offsetLimit)) {
          if (!ctx.done.has(key(w, offset))) addPage(w, offset);
        }
      };
      const startWindow = (w: TimeWindow) => {
        const t = ctx.checkpoint[`total:${key(w, 0)}`];
        if (ctx.done.has(key(w, 0)) && typeof t === 'number') {
          total += t;
          scheduleRest(w, t);
        } else addPage(w, 0);
      };
      // Halved windows are not in the plan: find them again from the saved totals.
      const splitSaved = (w: TimeWindow): TimeWindow[] => {
        const t = ctx.checkpoint[`total:${key(w, 0)}`];
        if (typeof t === 'number' && t >= spec.offsetLimit) {
          const halves = halveWindow(w, ctx.startedAt);
          if (halves) return halves.flatMap(splitSaved);
        }
        return [w];
      };
      for (const w of plan.windows.flatMap(splitSaved)) startWindow(w);
      await group.wait();
      return { maxSeen };
    },

    async plan(ctx: PlanContext): Promise<SyncPlan> {
      const windows = planWindows(spec.resource, ctx, new Date());
      const counted = await Promise.all(
        windows.map(async (w) => {
          const page = await spec.fetch({ window: w, limit: 1, offset: 0 }, ctx, ctx.call);
          return { ...w, total: page.total };
        }),
      );
      const total = counted.reduce((a, w) => a + w.total, 0);
      const estimatedCalls = counted.reduce(
        (a, w) =>
          a +
          Math.max(1, Math.ceil(w.total / spec.pageSize)) +
          (w.total >= spec.offsetLimit ? Math.ceil(w.total / spec.offsetLimit) : 0),
        0,
      );
      return {
        windows: counted,
        total,
        estimatedCalls,
        notes: [`${spec.pageSize} records per call; windows over ${spec.offsetLimit} records are halved`],
      };
    },
  };
}

export function boundsOf(w: TimeWindow): { from: string; to: string | null } {
  return inclusiveBounds(w);
}
