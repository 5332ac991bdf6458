import type { EbayEnvironment } from '@ebay-connector/contract';
import type { Db } from '../platform/database';
import type { EventBus } from '../ebay-calls/event-bus';
import type { CallContext } from '../ebay-calls/ledger.recorder';
import { upsertAccount } from './accounts.repository';
import { createOauthState, redeemOauthState, type StateCheck } from './oauth-state.service';
import type { TokenVault } from './token-vault';
import { upsertTokens } from './tokens.repository';

/** The eBay operations the connect flow needs, bound to the configured keyset (built from the client). */
export interface ConnectGateway {
  consentUrl(state: string): string;
  exchangeCode(
    code: string,
    ctx: CallContext,
  ): Promise<{ accessToken: string; refreshToken: string; expiresAt: Date; refreshTokenExpiresAt: Date; scopes: string[] }>;
  getUser(accessToken: string, ctx: CallContext): Promise<{ userId: string; username: string }>;
  /** eBay's error classification: `invalid_grant` (a used, expired or foreign code) vs anything else. */
  oauthErrorOf(err: unknown): string | null;
}

export type CallbackOutcome =
  | { kind: 'bad_state'; reason: Exclude<StateCheck, { ok: true }>['reason'] }
  | { kind: 'redirect'; location: string; accountId?: string };

export interface OauthServiceDeps {
  db: Db;
  environment: EbayEnvironment;
  gateway: ConnectGateway;
  vault: TokenVault;
  events: EventBus;
  /** After a successful connect: the calls of this request (code exchange, getUser) now belong to the account. */
  onConnected?: (requestId: string, accountId: string) => Promise<void>;
  now?: () => Date;
}

const ACCOUNTS_PAGE = '/accounts';

function withParams(path: string, params: Record<string, string>): string {
  const url = new URL(path, 'http://same-origin.invalid');
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return `${url.pathname}${url.search}`;
}

const errorCode = (value: string) => (/^[a-z_]{1,40}$/.test(value) ? value : 'oauth_error');

export function createOauthService(deps: OauthServiceDeps) {
  const now = deps.now ?? (() => new Date());

  return {
    async start(input: { userId: string; label: string | null; returnTo: string | null }): Promise<string> {
      const state = await createOauthState(deps.db, { ...input, environment: deps.environment, now: now() });
      return deps.gateway.consentUrl(state);
    },

    /** Never throws for eBay or user errors: every outcome is a page or a redirect back to the UI. */
    async callback(
      query: { code?: string | undefined; state?: string | undefined; error?: string | undefined },
      requestId: string,
      log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void },
    ): Promise<CallbackOutcome> {
      const fail = (code: string, returnTo: string | null = null): CallbackOutcome => ({
        kind: 'redirect',
        location: withParams(returnTo ?? ACCOUNTS_PAGE, { error: errorCode(code), requestId }),
      });

      const checked = await redeemOauthState(deps.db, query.state, deps.environment, now());
      if (!checked.ok) return { kind: 'bad_state', reason: checked.reason };
      const state = checked.state;
      if (query.error) return fail(query.error, state.return_to);
      if (!query.code) return fail('missing_code', state.return_to);

      const ctx: CallContext = { requestId };
      let tokens;
      try {
        tokens = await deps.gateway.exchangeCode(query.code, ctx);
      } catch (err) {
        const oauthError = deps.gateway.oauthErrorOf(err);
        log.warn({ oauthError, err: { message: err instanceof Error ? err.message : String(err) } }, 'oauth code exchange failed');
        return fail(oauthError === 'invalid_grant' ? 'invalid_grant' : 'token_exchange_failed', state.return_to);
      }
      let user;
      try {
        user = await deps.gateway.getUser(tokens.accessToken, ctx);
      } catch (err) {
        log.warn({ err: { message: err instanceof Error ? err.message : String(err) } }, 'oauth getUser failed');
        return fail('get_user_failed', state.return_to);
      }

      const { account, created } = await deps.db.transaction().execute(async (trx) => {
        const result = await upsertAccount(trx, {
          environment: deps.environment,
          ebayUserId: user.userId,
          username: user.username,
          label: state.label ?? user.username,
          keepLabel: state.label === null,
          connectedBy: state.user_id,
        });
        await upsertTokens(
          trx,
          result.account.id,
          deps.vault.seal(result.account.id, {
            accessToken: tokens.accessToken,
            refreshToken: tokens.refreshToken,
            expiresAt: tokens.expiresAt,
            refreshExpiresAt: tokens.refreshTokenExpiresAt,
            scopes: tokens.scopes,
          }),
        );
        return result;
      });
      log.info({ requestId, accountId: account.id, ebayUserId: user.userId, created, scopes: tokens.scopes }, 'oauth success');
      await deps
        .onConnected?.(requestId, account.id)
        .catch((err: unknown) => log.warn({ err }, 'could not attribute the connect calls to the account'));
      await deps.events
        .publish({
          type: 'account.connected',
          accountId: account.id,
          data: { accountId: account.id, username: account.username, label: account.label, reconnected: !created },
        })
        .catch((err: unknown) => log.warn({ err }, 'could not publish account.connected'));
      return {
        kind: 'redirect',
        // `created`: a seller new here (1) or one connected before, whose tokens were renewed (0).
        location: withParams(state.return_to ?? ACCOUNTS_PAGE, { connected: account.id, created: created ? '1' : '0' }),
        accountId: account.id,
      };
    },
  };
}

export type OauthService = ReturnType<typeof createOauthService>;
