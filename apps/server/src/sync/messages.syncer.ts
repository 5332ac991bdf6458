import { EBAY_SCOPES } from '@ebay-connector/ebay-client';
import { messageOf } from './errors';
import { planRestMessages, runRestMessages } from './messages-rest.syncer';
import { planTradingMessages, runTradingMessages } from './messages-trading.syncer';
import type { SyncDb } from './sync-db';
import type { PlanContext, RunContext, Syncer, SyncPlan } from './syncer';

type MessagesPath = 'rest' | 'trading';

interface PathChoice {
  path: MessagesPath;
  note: string;
}

const REST_GRANTED = 'REST Message API: the account granted commerce.message';
const NOT_GRANTED = 'Trading GetMyMessages: the account did not grant commerce.message';

/** The scopes stored with the account's tokens (what it consented to). */
async function grantedScopes(db: SyncDb, accountId: string): Promise<readonly string[]> {
  const row = await db
    .selectFrom('ebay_tokens')
    .select('scopes')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row?.scopes ?? [];
}

async function chooseByScope(db: SyncDb, accountId: string): Promise<PathChoice> {
  return (await grantedScopes(db, accountId)).includes(EBAY_SCOPES.commerceMessage)
    ? { path: 'rest', note: REST_GRANTED }
    : { path: 'trading', note: NOT_GRANTED };
}

/** eBay refused the REST call although the token is valid (403, e.g. errorId 1100 insufficient scope). */
function isRefused(err: unknown): boolean {
  return err instanceof Error && (err as { kind?: unknown }).kind === 'forbidden';
}

const refusedNote = (err: unknown) =>
  `Trading GetMyMessages: the REST Message API refused the account (${messageOf(err)})`;

/**
 * Buyer messages: through the REST Message API where the account has it (its grant includes commerce.message
 * and eBay does not refuse the call), through Trading GetMyMessages otherwise. The path a run takes is saved in
 * its checkpoint (`path`, `pathNote`) with every page, so a resumed run stays on it.
 */
export const messagesSyncer: Syncer = {
  resource: 'messages',
  async run(ctx: RunContext) {
    const saved = ctx.checkpoint.path;
    const choice: PathChoice =
      saved === 'rest' || saved === 'trading'
        ? { path: saved, note: typeof ctx.checkpoint.pathNote === 'string' ? ctx.checkpoint.pathNote : '' }
        : await chooseByScope(ctx.db, ctx.accountId);
    if (choice.path === 'trading') return runTradingMessages(ctx, { path: 'trading', pathNote: choice.note });
    try {
      return await runRestMessages(ctx, { path: 'rest', pathNote: choice.note });
    } catch (err) {
      if (!isRefused(err) || ctx.call.signal.aborted) throw err;
      ctx.log.info(
        { err: { message: messageOf(err) } },
        'REST Message API refused; reading messages through Trading',
      );
      await ctx.countCalls(1);
      return runTradingMessages(ctx, { path: 'trading', pathNote: refusedNote(err) });
    }
  },
  async plan(ctx: PlanContext): Promise<SyncPlan> {
    const choice = await chooseByScope(ctx.db, ctx.accountId);
    if (choice.path === 'trading') return planTradingMessages(ctx, `path: trading (${choice.note})`);
    try {
      return await planRestMessages(ctx, `path: rest (${choice.note})`);
    } catch (err) {
      if (!isRefused(err)) throw err;
      return planTradingMessages(ctx, `path: trading (${refusedNote(err)})`);
    }
  },
};
