/** Daily call quotas per API (eBay defaults from the developer program). */
export interface QuotaLimits {
  fulfillment: number;
  paymentDispute: number;
  finances: number;
  inventory: number;
  identity: number;
  trading: number;
  analytics: number;
  notification: number;
  message: number;
  oauthClientCredentials: number;
  oauthAuthorizationCode: number;
  oauthRefreshToken: number;
}

export type QuotaApi = keyof QuotaLimits;

export const DEFAULT_QUOTAS: QuotaLimits = {
  fulfillment: 100_000,
  paymentDispute: 250_000,
  finances: 15_000,
  inventory: 2_000_000,
  identity: 5_000,
  trading: 5_000,
  analytics: 5_000,
  notification: 10_000,
  message: 5_000,
  oauthClientCredentials: 1_000,
  oauthAuthorizationCode: 10_000,
  oauthRefreshToken: 50_000,
};

/** How each quota appears in the Developer Analytics response. */
export const QUOTA_DESCRIPTORS: Record<QuotaApi, { apiContext: string; apiName: string; apiVersion: string; resource: string }> = {
  fulfillment: { apiContext: 'sell', apiName: 'Fulfillment', apiVersion: 'v1', resource: 'sell.fulfillment' },
  paymentDispute: { apiContext: 'sell', apiName: 'Fulfillment', apiVersion: 'v1', resource: 'sell.fulfillment.payment_dispute' },
  finances: { apiContext: 'sell', apiName: 'Finances', apiVersion: 'v1', resource: 'sell.finances' },
  inventory: { apiContext: 'sell', apiName: 'Inventory', apiVersion: 'v1', resource: 'sell.inventory' },
  identity: { apiContext: 'commerce', apiName: 'Identity', apiVersion: 'v1', resource: 'commerce.identity' },
  trading: { apiContext: 'TradingAPI', apiName: 'TradingAPI', apiVersion: 'v1', resource: 'TradingAPI' },
  analytics: { apiContext: 'developer', apiName: 'Analytics', apiVersion: 'v1_beta', resource: 'developer.analytics' },
  notification: { apiContext: 'commerce', apiName: 'Notification', apiVersion: 'v1', resource: 'commerce.notification' },
  message: { apiContext: 'commerce', apiName: 'Message', apiVersion: 'v1', resource: 'commerce.message' },
  oauthClientCredentials: { apiContext: 'oauth', apiName: 'OAuth', apiVersion: 'v1', resource: 'oauth.client_credentials' },
  oauthAuthorizationCode: { apiContext: 'oauth', apiName: 'OAuth', apiVersion: 'v1', resource: 'oauth.authorization_code' },
  oauthRefreshToken: { apiContext: 'oauth', apiName: 'OAuth', apiVersion: 'v1', resource: 'oauth.refresh_token' },
};
