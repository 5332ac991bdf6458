import type { Db } from '../platform/database';
import type { Logger } from '../platform/logger';
import type { EventBus } from '../ebay-calls/event-bus';
import type { TokenRow } from './accounts.repository';
import { findAccountWithToken, setAccountStatus } from './accounts.repository';
import type { TokenVault } from './token-vault';
import {
  claimRefreshWarning,
  findTokens,
  lockTokens,
  recordRefreshError,
  saveRefreshedAccessToken,
} from './tokens.repository';

/** Refresh when less than this is left on the access token. */
export const REFRESH_SKEW_MS = 5 * 60 * 1000;
/** Warn from this long before the refresh token expires. */
export const REFRESH_WARNING_MS = 30 * 24 * 3600 * 1000;

/**
 * A duration as a person reads it, in its two largest units, rounded down: "1 h 59 min", "3 min 20 s", "2 d 4 h",
 * "45 s".
 */
export function humanDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const units: Array<[string, number]> = [
    ['d', Math.floor(total / 86_400)],
    ['h', Math.floor(total / 3600) % 24],
    ['min', Math.floor(total / 60) % 60],
    ['s', total % 60],
  ];
  const first = units.findIndex(([, n]) => n > 0);
  if (first < 0) return '0 s';
  return units
    .slice(first, first + 2)
    .filter(([, n]) => n > 0)
    .map(([unit, n]) => `${n} ${unit}`)
    .join(' ');
}

/**
 * What a token's state means for refreshing: `wouldRefresh`, whether the next eBay call refreshes first;
 * `refreshable`, whether a refresh asked for now can work (a refresh token stored and not expired); `reason`, both in
 * sentences for the seller.
 */
export interface TokenPlan {
  wouldRefresh: boolean;
  refreshable: boolean;
  reason: string;
}

/** The refresh-token grant, adapted from the eBay client by the composition root. */
export type RefreshGrant = (input: {
  accountId: string;
  refreshToken: string;
  scopes: readonly string[];
  /** Who caused the refresh (request, run), for the call ledger. */
  context: RefreshContext;
}) => Promise<{ accessToken: string; expiresInSeconds: number; refreshToken?: string | undefined }>;

/** Who needs the token: tags the refresh call in the ledger (HTTP request id, sync run id, correlation id). */
export interface RefreshContext {
  runId?: string | null | undefined;
  requestId?: string | null | undefined;
  correlationId?: string | null | undefined;
}

/** Expected failures of token use; anything else is a bug or an eBay outage and is thrown as is. */
export class TokenUnavailableError extends Error {
  constructor(
    readonly code: 'account_not_found' | 'account_not_connected' | 'reauth_required',
    message: string,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'TokenUnavailableError';
  }
}

export interface TokenManagerDeps {
  db: Db;
  vault: TokenVault;
  refreshGrant: RefreshGrant;
  events: EventBus;
  logger: Logger;
  now?: () => Date;
  /** Tells an invalid_grant failure (re-consent needed) from a transient one. */
  isInvalidGrant: (err: unknown) => boolean;
}

export interface TokenManager {
  /** A valid access token, refreshed first when less than 5 minutes are left. */
  getAccessToken(accountId: string, context?: RefreshContext): Promise<string>;
  /** After eBay rejected `rejectedToken`: refresh once (coalesced), unless another caller already replaced it. */
  handleUnauthorized(accountId: string, rejectedToken: string | null, context?: RefreshContext): Promise<string>;
  /** Refreshes now (coalesced with any refresh in flight for the account, in any process). */
  refreshNow(accountId: string, context?: RefreshContext): Promise<TokenRow>;
  /** Why a refresh would or would not happen, without calling eBay. */
  explain(row: TokenRow): TokenPlan;
}

export function createTokenManager(deps: TokenManagerDeps): TokenManager {
  const now = deps.now ?? (() => new Date());
  const log = deps.logger.child({ component: 'token-refresh' });
  const inflight = new Map<string, Promise<TokenRow>>();

  const needsRefresh = (row: TokenRow) => row.expires_at.getTime() - now().getTime() < REFRESH_SKEW_MS;

  /**
   * `wouldRefresh` is whether the next eBay call would refresh first; `reason` says that and what a refresh asked for
   * now (always a forced one) would do, in sentences for the seller.
   */
  function explain(row: TokenRow): TokenPlan {
    const at = now().getTime();
    if (row.refresh_token_enc === null) {
      return { wouldRefresh: false, refreshable: false, reason: 'No refresh token is stored, so the access token cannot be renewed: reconnect the account.' };
    }
    if (row.refresh_expires_at && row.refresh_expires_at.getTime() <= at) {
      const ago = humanDuration(at - row.refresh_expires_at.getTime());
      return { wouldRefresh: false, refreshable: false, reason: `The refresh token expired ${ago} ago, so eBay would refuse a refresh: reconnect the account.` };
    }
    const left = row.expires_at.getTime() - at;
    const margin = humanDuration(REFRESH_SKEW_MS);
    if (left <= 0) {
      return {
        wouldRefresh: true,
        refreshable: true,
        reason: `The access token expired ${humanDuration(-left)} ago: a refresh would replace it now, as the next eBay call would.`,
      };
    }
    if (left < REFRESH_SKEW_MS) {
      return {
        wouldRefresh: true,
        refreshable: true,
        reason: `The access token expires in ${humanDuration(left)}, less than ${margin}: a refresh would replace it now, as the next eBay call would.`,
      };
    }
    return {
      wouldRefresh: false,
      refreshable: true,
      reason: `The access token is valid for another ${humanDuration(left)}, so syncs keep using it until less than ${margin} is left; a refresh would replace it now because you asked for it (a forced refresh).`,
    };
  }

  async function maybeWarn(accountId: string, row: TokenRow): Promise<void> {
    if (!row.refresh_expires_at || row.refresh_warning_sent_at) return;
    if (row.refresh_expires_at.getTime() - now().getTime() > REFRESH_WARNING_MS) return;
    if (!(await claimRefreshWarning(deps.db, accountId))) return;
    await deps.events.publish({
      type: 'account.refresh_warning',
      accountId,
      data: { refreshExpiresAt: row.refresh_expires_at.toISOString() },
    });
  }

  /** The cross-process part: lock the row, re-check, and only then call eBay. */
  async function refreshLocked(
    accountId: string,
    shouldRefresh: (locked: TokenRow) => boolean,
    context: RefreshContext,
  ): Promise<TokenRow> {
    let failure: unknown = null;
    let reauth = false;
    let refreshed = false;
    const row = await deps.db.transaction().execute(async (trx) => {
      const locked = await lockTokens(trx, accountId);
      if (!locked) throw new TokenUnavailableError('account_not_connected', 'the account has no stored tokens');
      if (!shouldRefresh(locked)) return locked; // another process refreshed while we waited for the lock
      const refreshToken = deps.vault.openRefresh(locked);
      if (refreshToken === null) {
        throw new TokenUnavailableError('reauth_required', 'no refresh token stored; the seller must reconnect');
      }
      try {
        const granted = await deps.refreshGrant({ accountId, refreshToken, scopes: locked.scopes, context });
        refreshed = true;
        return await saveRefreshedAccessToken(trx, accountId, {
          keyId: deps.vault.keyId,
          accessTokenEnc: deps.vault.sealAccess(accountId, granted.accessToken),
          // eBay does not rotate refresh tokens; re-seal the stored one so a key rotation completes on this write.
          refreshTokenEnc: deps.vault.sealRefresh(accountId, granted.refreshToken ?? refreshToken),
          expiresAt: new Date(now().getTime() + granted.expiresInSeconds * 1000),
        });
      } catch (err) {
        failure = err;
        reauth = deps.isInvalidGrant(err);
        const message = err instanceof Error ? err.message : String(err);
        await recordRefreshError(trx, accountId, reauth ? `invalid_grant: ${message}` : message);
        if (reauth) await setAccountStatus(trx, accountId, 'reauth_required');
        return locked;
      }
    });
    if (failure !== null) {
      log.warn({ accountId, reauth, err: { message: failure instanceof Error ? failure.message : String(failure) } }, 'token refresh failed');
      if (reauth) {
        await deps.events.publish({
          type: 'account.status',
          accountId,
          data: { status: 'reauth_required', reason: 'refresh token rejected (invalid_grant)' },
        });
        throw new TokenUnavailableError('reauth_required', 'eBay rejected the refresh token; reconnect the account', failure);
      }
      throw failure;
    }
    if (refreshed) {
      log.info({ accountId, expiresAt: row.expires_at.toISOString() }, 'access token refreshed');
    }
    await maybeWarn(accountId, row);
    return row;
  }

  function coalesce(accountId: string, run: () => Promise<TokenRow>): Promise<TokenRow> {
    const existing = inflight.get(accountId);
    if (existing) return existing;
    const p = run().finally(() => inflight.delete(accountId));
    inflight.set(accountId, p);
    return p;
  }

  async function loadActive(accountId: string): Promise<TokenRow> {
    const found = await findAccountWithToken(deps.db, accountId);
    if (!found) throw new TokenUnavailableError('account_not_found', 'unknown eBay account');
    if (found.account.status === 'revoked' || !found.token) {
      throw new TokenUnavailableError('account_not_connected', 'the account is disconnected');
    }
    if (found.account.status === 'reauth_required') {
      throw new TokenUnavailableError('reauth_required', 'the account must be reconnected');
    }
    return found.token;
  }

  return {
    explain,
    async getAccessToken(accountId, context = {}) {
      let row = await loadActive(accountId);
      if (needsRefresh(row)) row = await coalesce(accountId, () => refreshLocked(accountId, needsRefresh, context));
      return deps.vault.openAccess(row);
    },
    async handleUnauthorized(accountId, rejectedToken, context = {}) {
      await loadActive(accountId);
      const row = await coalesce(accountId, () =>
        refreshLocked(
          accountId,
          (locked) => rejectedToken === null || deps.vault.openAccess(locked) === rejectedToken,
          context,
        ),
      );
      return deps.vault.openAccess(row);
    },
    async refreshNow(accountId, context = {}) {
      await loadActive(accountId);
      const before = await findTokens(deps.db, accountId);
      const beforeUpdated = before?.updated_at.getTime() ?? 0;
      // Coalesced like the others; a refresh that landed after we read `before` counts as ours.
      return coalesce(accountId, () =>
        refreshLocked(accountId, (locked) => locked.updated_at.getTime() <= beforeUpdated, context),
      );
    },
  };
}
