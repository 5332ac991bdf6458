import type { EbayAccount } from '@ebay-connector/contract';
import type { AccountWithToken } from './accounts.repository';
import { REFRESH_WARNING_MS } from './token-refresh.service';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The API view of an account: token facts only, never a token or a ciphertext. */
export function toApiAccount({ account, token }: AccountWithToken, now: Date): EbayAccount {
  const refreshExpiresAt = token?.refresh_expires_at ?? null;
  const msLeft = refreshExpiresAt ? refreshExpiresAt.getTime() - now.getTime() : null;
  return {
    id: account.id,
    environment: account.environment,
    ebayUserId: account.ebay_user_id,
    username: account.username,
    label: account.label,
    status: account.status,
    createdAt: account.created_at.toISOString(),
    updatedAt: account.updated_at.toISOString(),
    token: token
      ? {
          expiresAt: token.expires_at.toISOString(),
          refreshExpiresAt: iso(token.refresh_expires_at),
          scopes: token.scopes,
          hasRefreshToken: token.refresh_token_enc !== null,
          createdAt: token.created_at.toISOString(),
          updatedAt: token.updated_at.toISOString(),
          lastRefreshedAt: iso(token.last_refreshed_at),
          lastRefreshError: token.last_refresh_error,
        }
      : null,
    purgedAt: iso(account.purged_at),
    refreshExpiryWarning:
      refreshExpiresAt && msLeft !== null && msLeft <= REFRESH_WARNING_MS && account.status !== 'revoked'
        ? { refreshExpiresAt: refreshExpiresAt.toISOString(), daysLeft: Math.max(0, Math.floor(msLeft / 86_400_000)) }
        : null,
  };
}
