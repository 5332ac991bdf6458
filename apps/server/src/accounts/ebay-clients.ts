import { createEbayClient, DEFAULT_SELLER_SCOPES, type EbayClient } from '@ebay-connector/ebay-client';
import type { LedgerRecorder, CallContext } from '../ebay-calls/ledger.recorder';
import type { EbaySettings } from './ebay-settings';
import type { ConnectGateway } from './oauth.service';
import type { RefreshGrant, TokenManager } from './token-refresh.service';
import type { PublicKeyFetcher } from './deletion.service';

/**
 * Every eBay call of the server goes through one app-level client (keyset, hosts, ledger hook); per-account
 * clients are derived from it with the account's token provider and refresh-on-401 handler.
 */
export function createAppClient(settings: EbaySettings, ledger: LedgerRecorder, baseUrls: EbaySettings['baseUrls']): EbayClient {
  return createEbayClient({
    // The emulator speaks eBay's production paths on one host; `baseUrls` points there.
    environment: settings.environment === 'sandbox' ? 'sandbox' : 'production',
    baseUrls,
    credentials: { clientId: settings.clientId, clientSecret: settings.clientSecret, ruName: settings.ruName },
    maxLoggedBodyBytes: settings.ledger.bodyMaxBytes,
    onCall: ledger.hookFor({}),
  });
}

export function connectGateway(client: EbayClient, ledger: LedgerRecorder): ConnectGateway {
  const scopes = [...DEFAULT_SELLER_SCOPES];
  return {
    consentUrl: (state) => client.oauth.buildConsentUrl({ state, scopes }),
    async exchangeCode(code, ctx) {
      const t = await client.withAccount({ onCall: ledger.hookFor(ctx) }).oauth.exchangeCode(code);
      return {
        accessToken: t.accessToken,
        refreshToken: t.refreshToken,
        expiresAt: t.expiresAt,
        refreshTokenExpiresAt: t.refreshTokenExpiresAt,
        scopes,
      };
    },
    async getUser(accessToken, ctx) {
      const user = await client
        .withAccount({ getAccessToken: async () => accessToken, onCall: ledger.hookFor(ctx) })
        .identity.getUser();
      return { userId: user.userId, username: user.username ?? user.userId };
    },
    oauthErrorOf: (err) => (err && typeof err === 'object' && 'oauthError' in err ? (err.oauthError as string | null) : null),
  };
}

export function refreshGrantFor(client: EbayClient, ledger: LedgerRecorder): RefreshGrant {
  return async ({ accountId, refreshToken, scopes, context }) => {
    const onCall = ledger.hookFor({ ...context, accountId });
    const t = await client.withAccount({ onCall }).oauth.refreshAccessToken(refreshToken, { scopes });
    return { accessToken: t.accessToken, expiresInSeconds: t.expiresIn, refreshToken: t.refreshToken };
  };
}

export function publicKeyFetcherFor(client: EbayClient): PublicKeyFetcher {
  return (kid) => client.notification.getPublicKey(kid);
}

/**
 * The client the sync engine uses for one account: tokens come from the token store (refreshed ahead of expiry,
 * single-flight across processes), a 401 triggers one coalesced refresh, and every attempt lands in the ledger
 * tagged with `context` (run id, request or job id).
 */
export function clientForAccount(
  client: EbayClient,
  deps: { tokens: TokenManager; ledger: LedgerRecorder },
  accountId: string,
  context: Omit<CallContext, 'accountId'> = {},
): EbayClient {
  let lastToken: string | null = null;
  return client.withAccount({
    getAccessToken: async () => {
      lastToken = await deps.tokens.getAccessToken(accountId, context);
      return lastToken;
    },
    onUnauthorized: async () => {
      lastToken = await deps.tokens.handleUnauthorized(accountId, lastToken, context);
      return lastToken;
    },
    onCall: deps.ledger.hookFor({ ...context, accountId }),
  });
}
