import { describe, expect, it } from 'vitest';
import { buildConsentUrl } from './consent-url';
import { DEFAULT_SELLER_SCOPES, EBAY_SCOPES } from './scopes';

describe('buildConsentUrl', () => {
  it('builds eBay consent URLs with RuName and %20-separated scopes', () => {
    const url = buildConsentUrl({
      clientId: 'App-ID',
      ruName: 'Seller-RuName-abc',
      state: 's t',
      scopes: [EBAY_SCOPES.base, EBAY_SCOPES.sellFulfillment],
      prompt: 'login',
    });
    expect(url.startsWith('https://auth.ebay.com/oauth2/authorize?')).toBe(true);
    expect(url).toContain(
      'scope=https%3A%2F%2Fapi.ebay.com%2Foauth%2Fapi_scope%20https%3A%2F%2Fapi.ebay.com%2Foauth%2Fapi_scope%2Fsell.fulfillment',
    );
    const params = new URL(url).searchParams;
    expect(params.get('client_id')).toBe('App-ID');
    expect(params.get('redirect_uri')).toBe('Seller-RuName-abc');
    expect(params.get('response_type')).toBe('code');
    expect(params.get('state')).toBe('s t');
    expect(params.get('prompt')).toBe('login');
  });

  it('defaults to the seller scopes and honours environment / override', () => {
    const sandbox = new URL(buildConsentUrl({ clientId: 'a', ruName: 'r', state: 'x', environment: 'sandbox' }));
    expect(sandbox.host).toBe('auth.sandbox.ebay.com');
    expect(sandbox.searchParams.get('scope')?.split(' ')).toEqual([...DEFAULT_SELLER_SCOPES]);
    const local = buildConsentUrl({ clientId: 'a', ruName: 'r', state: 'x', authBaseUrl: 'http://127.0.0.1:9/' });
    expect(local.startsWith('http://127.0.0.1:9/oauth2/authorize?')).toBe(true);
  });

  it('lists full scope URLs', () => {
    expect(DEFAULT_SELLER_SCOPES).toContain('https://api.ebay.com/oauth/api_scope/commerce.identity.readonly');
    expect(DEFAULT_SELLER_SCOPES).toContain('https://api.ebay.com/oauth/api_scope/sell.payment.dispute');
    for (const scope of Object.values(EBAY_SCOPES)) expect(scope.startsWith('https://api.ebay.com/oauth/api_scope')).toBe(true);
  });
});
