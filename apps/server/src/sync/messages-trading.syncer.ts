import pLimit from 'p-limit';
import type { EbayMessage } from './ebay-port';
import { upsertMessages } from './other.repository';
import { resourceLimits } from './resources';
import { maxDate, type PlanContext, type RunContext, type RunOutcome, type SyncPlan } from './syncer';
import { incrementalStart } from './windows';

const HEADERS_PER_PAGE = 200;
const BODY_BATCH = 10;

function range(
  ctx: { mode: string; since: Date | null; until: Date | null; watermark: Date | null; overlapMs: number },
  now: Date,
) {
  const floor = new Date(now.getTime() - resourceLimits.messages.historyMs);
  const start =
    ctx.mode === 'incremental' && ctx.watermark && !ctx.since
      ? incrementalStart(ctx.watermark, ctx.overlapMs, floor)
      : ctx.since && ctx.since > floor
        ? ctx.since
        : floor;
  return { startTime: start.toISOString(), endTime: (ctx.until ?? now).toISOString() };
}

/**
 * Buyer messages through Trading GetMyMessages: headers first (ReturnHeaders, paged), then the bodies of the
 * messages not stored with a body yet, 10 ids per call, fetched concurrently and written with the header page.
 * `pathSet` goes into the checkpoint with every page (which API the run reads through).
 */
export async function runTradingMessages(
  ctx: RunContext,
  pathSet: Record<string, unknown>,
): Promise<RunOutcome> {
  const window =
    (ctx.checkpoint.range as { startTime: string; endTime: string } | undefined) ?? range(ctx, ctx.startedAt);
  const limit = pLimit(ctx.fetchConcurrency);
  let maxSeen: Date | null = null;
  for (let page = 1; ; page += 1) {
    const key = `h${page}`;
    const headers = await ctx.api.getMessageHeaders(
      { ...window, page, entriesPerPage: HEADERS_PER_PAGE },
      ctx.call,
    );
    if (!ctx.done.has(key)) {
      const ids = headers.items.map((m) => m.messageId);
      const stored = await ctx.db
        .selectFrom('ebay_messages')
        .select('message_id')
        .where('account_id', '=', ctx.accountId)
        .where('message_id', 'in', ids.length > 0 ? ids : [''])
        .where('body', 'is not', null)
        .execute();
      const have = new Set(stored.map((r) => r.message_id));
      const missing = ids.filter((id) => !have.has(id));
      const batches: string[][] = [];
      for (let i = 0; i < missing.length; i += BODY_BATCH) batches.push(missing.slice(i, i + BODY_BATCH));
      const bodies = (
        await Promise.all(batches.map((b) => limit(() => ctx.api.getMessageBodies(b, ctx.call))))
      ).flat();
      const byId = new Map<string, EbayMessage>(bodies.map((m) => [m.messageId, m]));
      const merged = headers.items.map((h) => {
        const full = byId.get(h.messageId);
        return full ? { ...h, ...full, raw: { ...h.raw, ...full.raw } } : h;
      });
      for (const m of merged) maxSeen = maxDate(maxSeen, m.receiveDate);
      await ctx.commit({
        fetched: merged.length,
        calls: 1 + batches.length,
        done: [key],
        set: { ...pathSet, range: window },
        total: headers.totalEntries,
        write: (trx) => upsertMessages(trx, ctx.accountId, merged),
      });
    } else {
      await ctx.countCalls(1, headers.totalEntries);
    }
    if (page >= headers.totalPages || headers.items.length === 0) break;
  }
  return { maxSeen };
}

export async function planTradingMessages(ctx: PlanContext, note: string): Promise<SyncPlan> {
  const r = range(ctx, new Date());
  const first = await ctx.api.getMessageHeaders(
    { ...r, page: 1, entriesPerPage: HEADERS_PER_PAGE },
    ctx.call,
  );
  const pages = Math.max(1, Math.ceil(first.totalEntries / HEADERS_PER_PAGE));
  return {
    windows: [{ from: r.startTime, to: r.endTime, total: first.totalEntries }],
    total: first.totalEntries,
    estimatedCalls: pages + Math.ceil(first.totalEntries / BODY_BATCH),
    notes: [note, 'headers 200 per call, then bodies of new messages 10 per call'],
  };
}
