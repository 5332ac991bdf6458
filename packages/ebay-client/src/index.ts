export { createEbayClient } from './client';
export type { EbayAccountOptions, EbayAppCredentials, EbayClient, EbayClientOptions } from './client';

export { resolveBaseUrls } from './core/base-urls';
export type { EbayBaseUrlOverrides, EbayBaseUrls, EbayEnvironment, EbayHost } from './core/base-urls';
export { EbayApiError, isAbortError, isEbayApiError } from './core/errors';
export type { EbayApiErrorInit, EbayErrorDetail, EbayErrorKind } from './core/errors';
export {
  errorFromOAuthResponse,
  errorFromRestResponse,
  errorFromTradingErrors,
  isTokenError,
  TOKEN_ERROR_IDS,
  TRADING_TOKEN_ERROR_CODES,
} from './core/error-mapping';
export type { FetchLike } from './core/http';
export { createLimiter } from './core/limiter';
export type { ConcurrencyLimiter } from './core/limiter';
export {
  isSensitiveKey,
  REDACTED,
  redactBody,
  redactForLog,
  redactFormBody,
  redactHeaders,
  redactJson,
  redactUrl,
  redactXml,
  scrubSecrets,
  truncateUtf8,
} from './core/redaction';
export { sourceBytesOf, sourceJsonOf } from './core/json-page';
export { computeBackoffMs, decideRetry, DEFAULT_RETRY_OPTIONS, parseRetryAfter } from './core/retry';
export type { RetryDecision, RetryOptions } from './core/retry';
export type { Amount, PagedCollection, RawJson } from './core/rest.types';
export type {
  AccessTokenProvider,
  CallOptions,
  EbayCallRecord,
  OnCallHook,
  UnauthorizedContext,
  UnauthorizedHandler,
} from './core/types';

export { buildConsentUrl } from './oauth/consent-url';
export type { ConsentUrlParams } from './oauth/consent-url';
export type { OAuthClient } from './oauth/oauth.client';
export type { EbayAccessToken, EbayRefreshedToken, EbayTokenResponse, EbayUserTokens } from './oauth/oauth.types';
export { APPLICATION_SCOPES, DEFAULT_SELLER_SCOPES, EBAY_SCOPES } from './oauth/scopes';
export type { EbayScope } from './oauth/scopes';

export type { IdentityClient } from './commerce/identity/identity.client';
export type * from './commerce/identity/identity.types';

export { buildDisputeQuery, buildGetOrdersQuery } from './sell/fulfillment/fulfillment.client';
export type {
  FulfillmentClient,
  GetOrdersParams,
  GetPaymentDisputeSummariesParams,
} from './sell/fulfillment/fulfillment.client';
export type * from './sell/fulfillment/fulfillment.types';
export { buildOrderFilter, formatDateRange, formatEbayDate } from './sell/fulfillment/order-filter';
export type { DateRange, OrderFilter, OrderFulfillmentStatusFilter } from './sell/fulfillment/order-filter';

export { buildPayoutFilter, buildTransactionFilter, splitDateWindow } from './sell/finances/finances-filter';
export type { PayoutFilter, TransactionFilter } from './sell/finances/finances-filter';
export { FINANCES_OFFSET_LIMIT } from './sell/finances/finances.client';
export type { FinancesClient, FinancesPage, GetPayoutsParams, GetTransactionsParams } from './sell/finances/finances.client';
export type * from './sell/finances/finances.types';

export type { GetInventoryItemsParams, GetOffersParams, InventoryClient } from './sell/inventory/inventory.client';
export type * from './sell/inventory/inventory.types';

export { chunk, MAX_MESSAGE_IDS_PER_CALL, parseTradingResponse } from './trading/trading.client';
export type {
  GetMyMessagesHeadersParams,
  GetWonListParams,
  TradingClient,
  TradingResponse,
  TradingSettings,
} from './trading/trading.client';
export {
  asArray,
  buildTradingRequestXml,
  isTradingArrayPath,
  parseTradingXml,
  TRADING_ARRAY_PATHS,
  TRADING_NAMESPACE,
} from './trading/trading-xml';
export type { XmlObject, XmlValue } from './trading/trading-xml';
export type * from './trading/trading.types';

export type { GetConversationParams, GetConversationsParams, MessageClient } from './commerce/message/message.client';
export type * from './commerce/message/message.types';

export type { AnalyticsClient, RateLimitParams } from './developer/analytics/analytics.client';
export type * from './developer/analytics/analytics.types';

export { publicKeyToPem } from './commerce/notification/notification.client';
export type { NotificationClient } from './commerce/notification/notification.client';
export type * from './commerce/notification/notification.types';
