import type { EbayConversation, EbayConversationMessage, EbayMessage } from './ebay-port';
import { storedMessageIds, upsertMessages } from './other.repository';
import { maxDate, type PlanContext, type RunContext, type RunOutcome, type SyncPlan } from './syncer';
import type { SyncDb } from './sync-db';
import { TaskGroup } from './task-group';
import { incrementalStart } from './windows';

/** eBay's maximum for getConversations and getConversation alike. */
const CONVERSATIONS_PER_PAGE = 50;
const MESSAGES_PER_PAGE = 50;

/**
 * What a run lists (saved in the checkpoint, so a resume reads the same set). getConversations' `start_time` keeps
 * the conversations with a message sent since ("only messages sent after this time will be retrieved"), so an
 * incremental run lists from the watermark minus the overlap: one call when nothing is new, however many
 * conversations the account has.
 */
interface RestListing {
  startTime: string | null;
  endTime: string | null;
  /** Incremental: only conversations whose latest message is this recent are read. */
  changedSince: string | null;
}

function restListing(ctx: {
  mode: string;
  since: Date | null;
  until: Date | null;
  watermark: Date | null;
  overlapMs: number;
}): RestListing {
  const incremental = ctx.mode === 'incremental' && ctx.watermark !== null && !ctx.since;
  const changedSince =
    incremental && ctx.watermark ? incrementalStart(ctx.watermark, ctx.overlapMs, new Date(0)).toISOString() : null;
  return {
    startTime: changedSince ?? ctx.since?.toISOString() ?? null,
    endTime: ctx.until ? ctx.until.toISOString() : null,
    changedSince,
  };
}

function listQuery(l: RestListing): { startTime?: string; endTime?: string } {
  return { ...(l.startTime ? { startTime: l.startTime } : {}), ...(l.endTime ? { endTime: l.endTime } : {}) };
}

/** A conversation is read when it is new or changed since `changedSince` (no date: read it, to be safe). */
function changed(c: EbayConversation, changedSince: string | null): boolean {
  if (changedSince === null) return true;
  const latest = Date.parse(c.latestMessage?.createdDate ?? '');
  return Number.isNaN(latest) || latest >= Date.parse(changedSince);
}

/** REST messages onto the same typed columns as Trading's; the thread is eBay's conversation. */
export function fromConversation(
  c: EbayConversation,
  messages: readonly EbayConversationMessage[],
  sellerUsername: string | null,
): EbayMessage[] {
  const { latestMessage: _latest, ...conversation } = c;
  const itemId = c.referenceType === 'LISTING' ? c.referenceId : undefined;
  return messages.map((m) => ({
    messageId: m.messageId,
    ...(m.senderUsername !== undefined ? { sender: m.senderUsername } : {}),
    ...(m.recipientUsername !== undefined ? { recipient: m.recipientUsername } : {}),
    ...(m.subject !== undefined ? { subject: m.subject } : {}),
    ...(m.messageBody !== undefined ? { text: m.messageBody } : {}),
    ...(m.readStatus !== undefined ? { read: m.readStatus } : {}),
    receiveDate: m.createdDate ?? c.createdDate ?? new Date(0).toISOString(),
    ...(itemId !== undefined ? { itemId } : {}),
    // The REST API has no folders: what the seller sent is the sent folder (1), the rest the inbox (0).
    ...(sellerUsername !== null ? { folderId: m.senderUsername === sellerUsername ? 1 : 0 } : {}),
    conversationId: c.conversationId,
    raw: { ...m, conversation } as Record<string, unknown>,
  }));
}

async function sellerUsername(db: SyncDb, accountId: string): Promise<string | null> {
  const row = await db
    .selectFrom('ebay_accounts')
    .select('username')
    .where('id', '=', accountId)
    .executeTakeFirst();
  return row?.username ?? null;
}

async function readConversation(
  ctx: RunContext,
  c: EbayConversation,
  signal: AbortSignal,
): Promise<{ conversation: EbayConversation; messages: EbayConversationMessage[]; calls: number }> {
  const messages: EbayConversationMessage[] = [];
  let calls = 0;
  for (let offset = 0; ; offset += MESSAGES_PER_PAGE) {
    const page = await ctx.api.getConversationMessages(
      c.conversationId,
      { limit: MESSAGES_PER_PAGE, offset },
      { signal },
    );
    calls += 1;
    messages.push(...page.items);
    if (page.items.length === 0 || offset + MESSAGES_PER_PAGE >= page.total) break;
  }
  return { conversation: c, messages, calls };
}

/**
 * The listed conversations whose messages a run reads: all of them in a full run; in an incremental run those whose
 * latest message is at or after `changedSince` and not stored yet (the overlap lists again the conversations the
 * last run read: with their latest message stored, they hold nothing new, as a conversation is always read and
 * written whole).
 */
async function toRead(
  ctx: RunContext,
  conversations: readonly EbayConversation[],
  changedSince: string | null,
): Promise<EbayConversation[]> {
  if (changedSince === null) return [...conversations];
  const candidates = conversations.filter((c) => changed(c, changedSince));
  const latest = candidates.flatMap((c) => (c.latestMessage?.messageId ? [c.latestMessage.messageId] : []));
  const stored = await storedMessageIds(ctx.db, ctx.accountId, latest);
  return candidates.filter((c) => !c.latestMessage?.messageId || !stored.has(c.latestMessage.messageId));
}

/**
 * Buyer messages through the REST Message API: FROM_MEMBERS conversations 50 per call (an incremental run lists
 * those with a message since the watermark minus the overlap); the messages of each conversation `toRead` keeps are
 * read, `fetchConcurrency` conversations at a time, and written with their list page in one commit (`l<offset>`).
 * `pathSet` goes into the checkpoint with every page.
 */
export async function runRestMessages(
  ctx: RunContext,
  pathSet: Record<string, unknown>,
): Promise<RunOutcome> {
  const listing = (ctx.checkpoint.listing as RestListing | undefined) ?? restListing(ctx);
  const seller = await sellerUsername(ctx.db, ctx.accountId);
  const saved = ctx.checkpoint['total:conversations'];
  let total: number | null = typeof saved === 'number' ? saved : null;
  let maxSeen: Date | null = null;
  for (let offset = 0; total === null || offset < total; offset += CONVERSATIONS_PER_PAGE) {
    const key = `l${offset}`;
    if (ctx.done.has(key)) continue;
    const page = await ctx.api.getConversations(
      { ...listQuery(listing), limit: CONVERSATIONS_PER_PAGE, offset },
      ctx.call,
    );
    total = page.total;
    for (const c of page.items) maxSeen = maxDate(maxSeen, c.latestMessage?.createdDate);
    const read: Array<Awaited<ReturnType<typeof readConversation>>> = [];
    const group = new TaskGroup(ctx.fetchConcurrency, ctx.call.signal);
    for (const c of await toRead(ctx, page.items, listing.changedSince)) {
      group.add(async (signal) => {
        read.push(await readConversation(ctx, c, signal));
      });
    }
    await group.wait();
    const messages = read.flatMap((r) => fromConversation(r.conversation, r.messages, seller));
    for (const m of messages) maxSeen = maxDate(maxSeen, m.receiveDate);
    await ctx.commit({
      fetched: messages.length,
      calls: 1 + read.reduce((a, r) => a + r.calls, 0),
      done: [key],
      set: { ...pathSet, listing, 'total:conversations': page.total },
      write: (trx) => upsertMessages(trx, ctx.accountId, messages),
    });
    if (page.items.length === 0) break;
  }
  return { maxSeen };
}

export async function planRestMessages(ctx: PlanContext, note: string): Promise<SyncPlan> {
  const listing = restListing(ctx);
  const first = await ctx.api.getConversations({ ...listQuery(listing), limit: 1, offset: 0 }, ctx.call);
  const listCalls = Math.max(1, Math.ceil(first.total / CONVERSATIONS_PER_PAGE));
  return {
    windows: [
      {
        from: listing.changedSince ?? listing.startTime ?? new Date(0).toISOString(),
        to: listing.endTime,
        total: first.total,
      },
    ],
    total: first.total,
    estimatedCalls: listCalls + first.total,
    notes: [
      note,
      listing.changedSince === null
        ? `${first.total} FROM_MEMBERS conversations, listed 50 per call`
        : `${first.total} FROM_MEMBERS conversations with a message since ${listing.changedSince}, listed 50 per call`,
      'then the messages of each listed conversation, 50 per call',
    ],
  };
}
