import type { DisconnectResponse, EbayAccount, RefreshResponse } from '@ebay-connector/contract';
import type { Db } from '../platform/database';
import type { EventBus } from '../ebay-calls/event-bus';
import type { AccountDataRegistry } from './account-data.registry';
import {
  findAccountWithToken,
  listAccountsWithTokens,
  setAccountStatus,
  updateAccountLabel,
} from './accounts.repository';
import { toApiAccount } from './accounts.mapper';
import { deleteTokens } from './tokens.repository';
import { TokenUnavailableError, type TokenManager } from './token-refresh.service';

export type AccountsResult<T> = { ok: true; value: T } | { ok: false; code: 'not_found' | 'not_connected' | 'reauth_required'; message: string };

export interface AccountsServiceDeps {
  db: Db;
  events: EventBus;
  tokens: TokenManager;
  registry: AccountDataRegistry;
  now?: () => Date;
}

const notFound = { ok: false, code: 'not_found', message: 'No eBay account with this id' } as const;

export function createAccountsService(deps: AccountsServiceDeps) {
  const now = deps.now ?? (() => new Date());

  async function get(id: string): Promise<EbayAccount | undefined> {
    const found = await findAccountWithToken(deps.db, id);
    return found ? toApiAccount(found, now()) : undefined;
  }

  return {
    async list(): Promise<EbayAccount[]> {
      const at = now();
      return (await listAccountsWithTokens(deps.db)).map((a) => toApiAccount(a, at));
    },

    get,

    async relabel(id: string, label: string): Promise<EbayAccount | undefined> {
      const updated = await updateAccountLabel(deps.db, id, label);
      return updated ? get(id) : undefined;
    },

    /** Drops the tokens and marks the account revoked; with `purge`, every registered purger runs too. */
    async disconnect(id: string, purge: boolean): Promise<AccountsResult<DisconnectResponse>> {
      const purged = await deps.db.transaction().execute(async (trx) => {
        // First: the account's row stays locked until the purge commits, so a ledger or event write racing with it
        // either commits before (and its rows are purged below) or waits and then finds the account purged.
        const account = await setAccountStatus(trx, id, 'revoked', { purged: purge });
        if (!account) return null;
        await deleteTokens(trx, id);
        const results: DisconnectResponse['purged'] = [];
        if (purge) {
          for (const p of deps.registry.purgers()) results.push({ name: p.name, rows: await p.purge(trx, id) });
        }
        return results;
      });
      if (purged === null) return notFound;
      await deps.events.publish({
        type: 'account.status',
        accountId: purge ? null : id,
        data: { accountId: id, status: 'revoked', purged: purge },
      });
      const account = await get(id);
      return account ? { ok: true, value: { account, purged } } : notFound;
    },

    async refresh(id: string, dryRun: boolean, requestId?: string): Promise<AccountsResult<RefreshResponse>> {
      const found = await findAccountWithToken(deps.db, id);
      if (!found) return notFound;
      const { account, token } = found;
      if (!token || account.status === 'revoked') {
        return { ok: false, code: 'not_connected', message: 'The account is disconnected; connect it again' };
      }
      const facts = (t: typeof token) => ({
        expiresAt: t.expires_at.toISOString(),
        refreshExpiresAt: t.refresh_expires_at?.toISOString() ?? null,
        scopes: t.scopes,
      });
      const plan = deps.tokens.explain(token);
      if (dryRun) {
        // Whether pressing Refresh would ask eBay: not without a refresh token, nor with one eBay no longer takes.
        const wouldRefresh = account.status === 'active' && plan.refreshable;
        return {
          ok: true,
          value: {
            dryRun: true,
            refreshed: false,
            wouldRefresh,
            reason:
              account.status === 'reauth_required'
                ? 'eBay rejected the refresh token, so a refresh would fail: reconnect the account.'
                : plan.reason,
            status: account.status,
            ...facts(token),
          },
        };
      }
      try {
        const row = await deps.tokens.refreshNow(id, { requestId });
        return {
          ok: true,
          value: { dryRun: false, refreshed: true, wouldRefresh: true, reason: 'refreshed', status: 'active', ...facts(row) },
        };
      } catch (err) {
        if (err instanceof TokenUnavailableError && err.code === 'reauth_required') {
          return { ok: false, code: 'reauth_required', message: err.message };
        }
        throw err;
      }
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
