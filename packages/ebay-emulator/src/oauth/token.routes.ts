import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorState } from '../state/emulator-state';
import type { QuotaApi } from '../quotas/quota-config';
import { APP_SCOPES, splitScopes } from './scopes';
import { TOO_MANY_REQUESTS, sendRestError } from '../http/rest-error';

export const REFRESH_TOKEN_LIFETIME_SECONDS = 47_304_000;

const MESSAGES = {
  invalid_client: 'client authentication failed',
  invalid_request: 'request is missing a required parameter or malformed.',
  unsupported_grant_type: 'grant type in request is not supported by the authorization server',
  invalid_code: 'the provided authorization grant code is invalid or was issued to another client',
  invalid_refresh: 'the provided authorization refresh token is invalid or was issued to another client',
  invalid_scope: 'the requested scope is invalid, unknown, malformed, or exceeds the scope granted to the client',
} as const;

function oauthError(reply: FastifyReply, status: number, error: string, description: string): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').send({ error, error_description: description });
}

function basicClient(header: string | undefined): { id: string; secret: string } | undefined {
  const m = /^Basic\s+(.+)$/i.exec(header?.trim() ?? '');
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

const GRANT_QUOTA: Record<string, QuotaApi> = {
  client_credentials: 'oauthClientCredentials',
  authorization_code: 'oauthAuthorizationCode',
  refresh_token: 'oauthRefreshToken',
};

export function registerTokenRoutes(app: FastifyInstance, state: EmulatorState): void {
  app.post('/identity/v1/oauth2/token', { config: { meta: { operation: 'oauth.token', family: 'oauth', auth: 'none' } } }, async (request, reply) => {
    const contentType = request.headers['content-type'] ?? '';
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, string | undefined>;
    const client = basicClient(request.headers.authorization);
    if (!client || client.id !== state.app.clientId || client.secret !== state.app.clientSecret) {
      return oauthError(reply, 401, 'invalid_client', MESSAGES.invalid_client);
    }
    if (!contentType.startsWith('application/x-www-form-urlencoded')) {
      return oauthError(reply, 400, 'invalid_request', MESSAGES.invalid_request);
    }
    const grant = body['grant_type'];
    if (!grant) return oauthError(reply, 400, 'invalid_request', MESSAGES.invalid_request);
    const quota = GRANT_QUOTA[grant];
    if (!quota) return oauthError(reply, 400, 'unsupported_grant_type', MESSAGES.unsupported_grant_type);
    const now = state.clock.now();
    if (!state.quotas.consume(quota, undefined, now)) {
      reply.header('retry-after', String(state.quotas.retryAfterSeconds(quota, now)));
      return sendRestError(reply, 429, TOO_MANY_REQUESTS);
    }
    const lifetime = state.options.accessTokenLifetimeSeconds;
    reply.header('cache-control', 'no-store');

    if (grant === 'client_credentials') {
      const scopes = splitScopes(body['scope']);
      if (scopes.length === 0) return oauthError(reply, 400, 'invalid_request', MESSAGES.invalid_request);
      if (scopes.some((s) => !APP_SCOPES.includes(s))) return oauthError(reply, 400, 'invalid_scope', MESSAGES.invalid_scope);
      const token = state.tokens.issueAccess({ kind: 'app', sellerNumber: undefined, scopes, expiresAt: now + lifetime * 1000 });
      return reply.send({ access_token: token, expires_in: lifetime, token_type: 'Application Access Token' });
    }

    if (grant === 'authorization_code') {
      const code = body['code'];
      if (!code || !body['redirect_uri']) return oauthError(reply, 400, 'invalid_request', MESSAGES.invalid_request);
      const record = state.tokens.codes.get(code);
      if (!record || record.used || record.expiresAt <= now || body['redirect_uri'] !== state.app.ruName) {
        if (record) record.used = true;
        return oauthError(reply, 400, 'invalid_grant', MESSAGES.invalid_code);
      }
      record.used = true;
      const access = state.tokens.issueAccess({ kind: 'user', sellerNumber: record.sellerNumber, scopes: record.scopes, expiresAt: now + lifetime * 1000 });
      const refresh = state.tokens.issueRefresh({ sellerNumber: record.sellerNumber, scopes: record.scopes, expiresAt: now + REFRESH_TOKEN_LIFETIME_SECONDS * 1000 });
      return reply.send({
        access_token: access,
        expires_in: lifetime,
        refresh_token: refresh,
        refresh_token_expires_in: REFRESH_TOKEN_LIFETIME_SECONDS,
        token_type: 'User Access Token',
      });
    }

    const refreshToken = body['refresh_token'];
    if (!refreshToken) return oauthError(reply, 400, 'invalid_request', MESSAGES.invalid_request);
    const record = state.tokens.refresh.get(refreshToken);
    if (!record || record.expiresAt <= now) return oauthError(reply, 400, 'invalid_grant', MESSAGES.invalid_refresh);
    const requested = splitScopes(body['scope']);
    const scopes = requested.length > 0 ? requested : record.scopes;
    if (scopes.some((s) => !record.scopes.includes(s))) {
      return oauthError(reply, 400, 'invalid_scope', MESSAGES.invalid_scope);
    }
    const access = state.tokens.issueAccess({ kind: 'user', sellerNumber: record.sellerNumber, scopes, expiresAt: now + lifetime * 1000 });
    return reply.send({ access_token: access, expires_in: lifetime, token_type: 'User Access Token' });
  });
}
