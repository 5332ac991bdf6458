export const BASE_SCOPE = 'https://api.ebay.com/oauth/api_scope';
const P = `${BASE_SCOPE}/`;

/** Scopes a user can consent to. */
export const USER_SCOPES: readonly string[] = [
  BASE_SCOPE,
  `${P}sell.fulfillment`,
  `${P}sell.fulfillment.readonly`,
  `${P}sell.finances`,
  `${P}sell.payment.dispute`,
  `${P}sell.inventory`,
  `${P}sell.inventory.readonly`,
  `${P}sell.account`,
  `${P}sell.account.readonly`,
  `${P}sell.analytics.readonly`,
  `${P}sell.marketing`,
  `${P}sell.marketing.readonly`,
  `${P}sell.reputation`,
  `${P}sell.reputation.readonly`,
  `${P}commerce.identity.readonly`,
  `${P}commerce.message`,
  `${P}commerce.notification.subscription`,
  `${P}commerce.notification.subscription.readonly`,
  `${P}sell.stores`,
  `${P}sell.stores.readonly`,
];

/** Scopes an application (client_credentials) token may carry. */
export const APP_SCOPES: readonly string[] = [BASE_SCOPE, `${P}commerce.catalog.readonly`, `${P}buy.item.feed`];

export const SCOPE = {
  base: BASE_SCOPE,
  fulfillment: `${P}sell.fulfillment`,
  fulfillmentReadonly: `${P}sell.fulfillment.readonly`,
  finances: `${P}sell.finances`,
  dispute: `${P}sell.payment.dispute`,
  inventory: `${P}sell.inventory`,
  inventoryReadonly: `${P}sell.inventory.readonly`,
  identity: `${P}commerce.identity.readonly`,
  message: `${P}commerce.message`,
  marketing: `${P}sell.marketing`,
  marketingReadonly: `${P}sell.marketing.readonly`,
  catalogReadonly: `${P}commerce.catalog.readonly`,
  insightsReadonly: `${P}sell.marketplace.insights.readonly`,
} as const;

export function splitScopes(text: string | undefined): string[] {
  return (text ?? '').split(/[\s+]+/).filter((s) => s.length > 0);
}
