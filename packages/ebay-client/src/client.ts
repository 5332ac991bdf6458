import { resolveBaseUrls, type EbayBaseUrlOverrides, type EbayBaseUrls, type EbayEnvironment } from './core/base-urls';
import { Transport, type AppTokenSource, type FetchLike } from './core/http';
import { createLimiter, type ConcurrencyLimiter } from './core/limiter';
import { DEFAULT_RETRY_OPTIONS, type RetryOptions } from './core/retry';
import type { AccessTokenProvider, OnCallHook, UnauthorizedHandler } from './core/types';
import { createIdentityClient, type IdentityClient } from './commerce/identity/identity.client';
import { createMessageClient, type MessageClient } from './commerce/message/message.client';
import { createNotificationClient, type NotificationClient } from './commerce/notification/notification.client';
import { createAnalyticsClient, type AnalyticsClient } from './developer/analytics/analytics.client';
import { appTokenFromProvider, createAppTokenCache } from './oauth/app-token-cache';
import { createOAuthClient, type OAuthClient } from './oauth/oauth.client';
import { createFinancesClient, type FinancesClient } from './sell/finances/finances.client';
import { createFulfillmentClient, type FulfillmentClient } from './sell/fulfillment/fulfillment.client';
import { createInventoryClient, type InventoryClient } from './sell/inventory/inventory.client';
import { createTradingClient, type TradingClient } from './trading/trading.client';

export interface EbayAppCredentials {
  /** App ID. */
  readonly clientId: string;
  /** Cert ID. Never logged; redacted from hook payloads. */
  readonly clientSecret: string;
  /** RuName, needed for the consent URL and the code exchange. */
  readonly ruName?: string | undefined;
}

/** Options of `createEbayClient`; the account-scoped ones can be changed per account with `withAccount`. */
export interface EbayClientOptions extends EbayAccountOptions {
  /** Default `production`. */
  readonly environment?: EbayEnvironment | undefined;
  /** Per-host overrides (emulator, proxy): `{ authBaseUrl, apiBaseUrl, apizBaseUrl }`. */
  readonly baseUrls?: EbayBaseUrlOverrides | undefined;
  /** Needed for OAuth calls and for the built-in application-token cache. */
  readonly credentials?: EbayAppCredentials | undefined;
  /** Supplies application tokens; by default the client mints and caches them from `credentials`. */
  readonly getApplicationToken?: (() => Promise<string>) | undefined;
  /** Default: global fetch. */
  readonly fetch?: FetchLike | undefined;
  /** Per-attempt timeout. Default 30 000 ms. */
  readonly timeoutMs?: number | undefined;
  readonly retry?: Partial<RetryOptions> | undefined;
  /** Hook receiving every HTTP attempt (redacted). */
  readonly onCall?: OnCallHook | undefined;
  /** Max UTF-8 bytes of each body given to `onCall`. Default 65 536. */
  readonly maxLoggedBodyBytes?: number | undefined;
  /** Default `X-EBAY-C-MARKETPLACE-ID` for Finances calls. */
  readonly marketplaceId?: string | undefined;
  /** Trading `X-EBAY-API-SITEID`. Default 0. */
  readonly tradingSiteId?: number | undefined;
  /** Trading `X-EBAY-API-COMPATIBILITY-LEVEL`. Default 967. */
  readonly tradingCompatibilityLevel?: number | undefined;
  /** Source of jitter in [0, 1). Default Math.random. */
  readonly random?: (() => number) | undefined;
  /** Clock (ms since epoch) for token expiry computations. Default Date.now. */
  readonly now?: (() => number) | undefined;
}

export interface EbayAccountOptions {
  /** User access token of the account (see AccessTokenProvider). */
  readonly getAccessToken?: AccessTokenProvider | undefined;
  /** Called once per call on a rejected token, then the call is retried once (see UnauthorizedHandler). */
  readonly onUnauthorized?: UnauthorizedHandler | undefined;
  /** Shared limiter for the account; wins over `maxConcurrency`. */
  readonly limiter?: ConcurrencyLimiter | undefined;
  /** Creates a limiter of this size for this client when no `limiter` is given. Default: unlimited. */
  readonly maxConcurrency?: number | undefined;
  /** Replaces the client's onCall hook for this account (e.g. to tag records with an account id). */
  readonly onCall?: OnCallHook | undefined;
}

export interface EbayClient {
  readonly baseUrls: EbayBaseUrls;
  /** The limiter in use, or null when unlimited. */
  readonly limiter: ConcurrencyLimiter | null;
  readonly oauth: OAuthClient;
  readonly identity: IdentityClient;
  readonly fulfillment: FulfillmentClient;
  readonly finances: FinancesClient;
  readonly inventory: InventoryClient;
  readonly trading: TradingClient;
  readonly message: MessageClient;
  readonly analytics: AnalyticsClient;
  readonly notification: NotificationClient;
  /** Same app configuration (and application-token cache), different account. */
  withAccount(account: EbayAccountOptions): EbayClient;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v <= 0) throw new RangeError(`${name} must be a positive number, got ${v}`);
  return v;
}

function build(options: EbayClientOptions, shared: { appToken: AppTokenSource | undefined } | undefined): EbayClient {
  const baseUrls = resolveBaseUrls(options.environment ?? 'production', options.baseUrls ?? {});
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const retry: RetryOptions = { ...DEFAULT_RETRY_OPTIONS, ...options.retry };
  if (!Number.isInteger(retry.maxAttempts) || retry.maxAttempts < 1) {
    throw new RangeError(`retry.maxAttempts must be a positive integer, got ${retry.maxAttempts}`);
  }
  const limiter =
    options.limiter ?? (options.maxConcurrency === undefined ? null : createLimiter(options.maxConcurrency));
  const credentials = options.credentials;

  const base = {
    baseUrls,
    fetch: fetchImpl,
    timeoutMs: positive('timeoutMs', options.timeoutMs, 30_000),
    retry,
    onCall: options.onCall,
    maxLoggedBodyBytes: positive('maxLoggedBodyBytes', options.maxLoggedBodyBytes, 65_536),
    basicCredentials:
      credentials === undefined ? undefined : { clientId: credentials.clientId, clientSecret: credentials.clientSecret },
    random,
    now,
  };

  // OAuth calls never take account limiter slots and never go through onUnauthorized.
  const oauthTransport = new Transport({
    ...base,
    limiter: null,
    getAccessToken: undefined,
    onUnauthorized: undefined,
    appToken: undefined,
  });
  const oauth = createOAuthClient({
    transport: oauthTransport,
    clientId: credentials?.clientId,
    ruName: credentials?.ruName,
    now,
  });

  let appToken = shared?.appToken;
  if (appToken === undefined) {
    if (options.getApplicationToken !== undefined) appToken = appTokenFromProvider(options.getApplicationToken);
    else if (credentials !== undefined) {
      appToken = createAppTokenCache((signal) => oauth.getApplicationToken({ signal }), now);
    }
  }

  const transport = new Transport({
    ...base,
    limiter,
    getAccessToken: options.getAccessToken,
    onUnauthorized: options.onUnauthorized,
    appToken,
  });

  return {
    baseUrls,
    limiter,
    oauth,
    identity: createIdentityClient(transport),
    fulfillment: createFulfillmentClient(transport),
    finances: createFinancesClient(transport, { marketplaceId: options.marketplaceId }),
    inventory: createInventoryClient(transport),
    trading: createTradingClient(transport, {
      compatibilityLevel: options.tradingCompatibilityLevel ?? 967,
      siteId: options.tradingSiteId ?? 0,
    }),
    message: createMessageClient(transport),
    analytics: createAnalyticsClient(transport),
    notification: createNotificationClient(transport),
    withAccount(account) {
      const next: EbayClientOptions = {
        ...options,
        getAccessToken: account.getAccessToken,
        onUnauthorized: account.onUnauthorized,
        limiter: account.limiter,
        maxConcurrency: account.maxConcurrency,
        onCall: account.onCall ?? options.onCall,
      };
      return build(next, { appToken });
    },
  };
}

/**
 * Creates a client. Typical server use: one client per app (credentials, base URLs, onCall), then
 * `client.withAccount({ getAccessToken, onUnauthorized, limiter })` per eBay account.
 */
export function createEbayClient(options: EbayClientOptions = {}): EbayClient {
  return build(options, undefined);
}
