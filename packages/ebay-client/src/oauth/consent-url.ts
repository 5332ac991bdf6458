import { resolveBaseUrls, type EbayEnvironment } from '../core/base-urls';
import { DEFAULT_SELLER_SCOPES } from './scopes';

export interface ConsentUrlParams {
  /** eBay App ID (client id). */
  readonly clientId: string;
  /** The RuName (eBay's redirect name), not a URL. */
  readonly ruName: string;
  /** Opaque anti-CSRF value echoed back to the accept URL. */
  readonly state: string;
  /** Defaults to DEFAULT_SELLER_SCOPES. */
  readonly scopes?: readonly string[] | undefined;
  /** `login` forces eBay to ask for credentials even when a session exists. */
  readonly prompt?: 'login' | undefined;
  readonly locale?: string | undefined;
  /** Consent host; defaults to the environment's auth host. */
  readonly authBaseUrl?: string | undefined;
  readonly environment?: EbayEnvironment | undefined;
}

/** Builds the `GET /oauth2/authorize` URL a seller is sent to. Scopes are space-separated and %20-encoded. */
export function buildConsentUrl(params: ConsentUrlParams): string {
  if (params.clientId === '') throw new TypeError('clientId is required');
  if (params.ruName === '') throw new TypeError('ruName is required');
  const base = resolveBaseUrls(params.environment ?? 'production', { authBaseUrl: params.authBaseUrl }).authBaseUrl;
  const scopes = params.scopes ?? DEFAULT_SELLER_SCOPES;
  if (scopes.length === 0) throw new TypeError('at least one scope is required');
  const pairs: Array<[string, string]> = [
    ['client_id', params.clientId],
    ['redirect_uri', params.ruName],
    ['response_type', 'code'],
    ['scope', scopes.join(' ')],
    ['state', params.state],
  ];
  if (params.prompt !== undefined) pairs.push(['prompt', params.prompt]);
  if (params.locale !== undefined) pairs.push(['locale', params.locale]);
  const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return `${base}/oauth2/authorize?${query}`;
}
