import { errorFromOAuthResponse } from '../core/error-mapping';
import { EbayApiError } from '../core/errors';
import type { RawHttpResponse, Transport } from '../core/http';
import type { CallOptions } from '../core/types';
import { buildConsentUrl, type ConsentUrlParams } from './consent-url';
import type { EbayAccessToken, EbayRefreshedToken, EbayTokenResponse, EbayUserTokens } from './oauth.types';
import { APPLICATION_SCOPES } from './scopes';

const API = 'oauth';
const TOKEN_PATH = '/identity/v1/oauth2/token';

export interface OAuthClient {
  /** Consent URL for this app (clientId and ruName from the client's credentials). */
  buildConsentUrl(params: Omit<ConsentUrlParams, 'clientId' | 'ruName' | 'authBaseUrl' | 'environment'>): string;
  /** `grant_type=authorization_code`. The code is single-use: a retried exchange may fail with invalid_grant. */
  exchangeCode(code: string, options?: CallOptions): Promise<EbayUserTokens>;
  /** `grant_type=refresh_token`; `scopes` must be the consented set or a subset (default: eBay's consented set). */
  refreshAccessToken(
    refreshToken: string,
    options?: CallOptions & { readonly scopes?: readonly string[] | undefined },
  ): Promise<EbayRefreshedToken>;
  /** `grant_type=client_credentials` application token. */
  getApplicationToken(options?: CallOptions & { readonly scopes?: readonly string[] | undefined }): Promise<EbayAccessToken>;
}

export interface OAuthClientDeps {
  readonly transport: Transport;
  readonly clientId: string | undefined;
  readonly ruName: string | undefined;
  readonly now: () => number;
}

function parseToken(operation: string, now: () => number): (res: RawHttpResponse) => EbayTokenResponse {
  return (res) => {
    const ctx = { api: API, operation, requestId: res.requestId, retryAfterHeader: res.headers.get('retry-after') };
    if (res.status < 200 || res.status >= 300) throw errorFromOAuthResponse(res.status, res.text, { ...ctx, now: now() });
    let body: unknown;
    try {
      body = JSON.parse(res.text);
    } catch (cause) {
      throw new EbayApiError({ kind: 'server', retryable: false, message: 'unparseable token response', status: res.status, ...ctx, cause });
    }
    const token = body as Partial<EbayTokenResponse> | null;
    if (token === null || typeof token.access_token !== 'string' || typeof token.expires_in !== 'number') {
      throw new EbayApiError({ kind: 'server', retryable: false, message: 'token response without access_token/expires_in', status: res.status, ...ctx });
    }
    return token as EbayTokenResponse;
  };
}

function toAccessToken(raw: EbayTokenResponse, receivedAt: number): EbayAccessToken {
  return {
    accessToken: raw.access_token,
    expiresIn: raw.expires_in,
    expiresAt: new Date(receivedAt + raw.expires_in * 1000),
    tokenType: raw.token_type,
    raw,
  };
}

export function createOAuthClient(deps: OAuthClientDeps): OAuthClient {
  const { transport, now } = deps;
  const post = (operation: string, form: Record<string, string>, secrets: string[], options: CallOptions) =>
    transport.request(
      {
        api: API,
        operation,
        method: 'POST',
        host: 'api',
        path: TOKEN_PATH,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
        auth: 'basic',
        parse: parseToken(operation, now),
        secrets,
        limited: false,
      },
      options,
    );
  const requireRuName = (): string => {
    if (deps.ruName === undefined || deps.ruName === '') throw new TypeError('credentials.ruName is required for this operation');
    return deps.ruName;
  };
  const requireClientId = (): string => {
    if (deps.clientId === undefined || deps.clientId === '') throw new TypeError('credentials.clientId is required');
    return deps.clientId;
  };

  return {
    buildConsentUrl(params) {
      return buildConsentUrl({
        ...params,
        clientId: requireClientId(),
        ruName: requireRuName(),
        authBaseUrl: transport.config.baseUrls.authBaseUrl,
      });
    },

    async exchangeCode(code, options = {}) {
      if (code === '') throw new TypeError('authorization code is empty');
      const raw = await post(
        'exchangeCode',
        { grant_type: 'authorization_code', code, redirect_uri: requireRuName() },
        [code],
        options,
      );
      const receivedAt = now();
      if (typeof raw.refresh_token !== 'string' || typeof raw.refresh_token_expires_in !== 'number') {
        throw new EbayApiError({
          kind: 'server',
          retryable: false,
          message: 'authorization_code grant returned no refresh_token',
          api: API,
          operation: 'exchangeCode',
        });
      }
      return {
        ...toAccessToken(raw, receivedAt),
        refreshToken: raw.refresh_token,
        refreshTokenExpiresIn: raw.refresh_token_expires_in,
        refreshTokenExpiresAt: new Date(receivedAt + raw.refresh_token_expires_in * 1000),
      };
    },

    async refreshAccessToken(refreshToken, options = {}) {
      if (refreshToken === '') throw new TypeError('refresh token is empty');
      const form: Record<string, string> = { grant_type: 'refresh_token', refresh_token: refreshToken };
      if (options.scopes !== undefined && options.scopes.length > 0) form['scope'] = options.scopes.join(' ');
      const raw = await post('refreshToken', form, [refreshToken], options);
      const token = toAccessToken(raw, now());
      return typeof raw.refresh_token === 'string' ? { ...token, refreshToken: raw.refresh_token } : token;
    },

    async getApplicationToken(options = {}) {
      const scopes = options.scopes ?? APPLICATION_SCOPES;
      const raw = await post('clientCredentials', { grant_type: 'client_credentials', scope: scopes.join(' ') }, [], options);
      return toAccessToken(raw, now());
    },
  };
}
