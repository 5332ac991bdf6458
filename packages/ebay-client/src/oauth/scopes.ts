const PREFIX = 'https://api.ebay.com/oauth/api_scope';

/** OAuth scopes used by the connector, as eBay spells them (full URLs). */
export const EBAY_SCOPES = {
  /** Base scope: the only one for client-credentials (application) tokens. */
  base: PREFIX,
  sellFulfillment: `${PREFIX}/sell.fulfillment`,
  sellFulfillmentReadonly: `${PREFIX}/sell.fulfillment.readonly`,
  sellFinances: `${PREFIX}/sell.finances`,
  sellPaymentDispute: `${PREFIX}/sell.payment.dispute`,
  sellInventory: `${PREFIX}/sell.inventory`,
  sellInventoryReadonly: `${PREFIX}/sell.inventory.readonly`,
  sellAccount: `${PREFIX}/sell.account`,
  sellAccountReadonly: `${PREFIX}/sell.account.readonly`,
  sellAnalyticsReadonly: `${PREFIX}/sell.analytics.readonly`,
  commerceIdentityReadonly: `${PREFIX}/commerce.identity.readonly`,
  commerceMessage: `${PREFIX}/commerce.message`,
  commerceNotificationSubscription: `${PREFIX}/commerce.notification.subscription`,
  commerceNotificationSubscriptionReadonly: `${PREFIX}/commerce.notification.subscription.readonly`,
} as const;

export type EbayScope = (typeof EBAY_SCOPES)[keyof typeof EBAY_SCOPES];

/** Scopes the connector requests at consent: everything it reads, nothing it does not need. */
export const DEFAULT_SELLER_SCOPES: readonly EbayScope[] = [
  EBAY_SCOPES.base,
  EBAY_SCOPES.commerceIdentityReadonly,
  EBAY_SCOPES.sellFulfillment,
  EBAY_SCOPES.sellFinances,
  EBAY_SCOPES.sellPaymentDispute,
  EBAY_SCOPES.sellInventory,
  EBAY_SCOPES.sellAnalyticsReadonly,
  EBAY_SCOPES.commerceMessage,
];

/** Scope of client-credentials application tokens (Developer Analytics getRateLimits, Notification getPublicKey). */
export const APPLICATION_SCOPES: readonly EbayScope[] = [EBAY_SCOPES.base];
