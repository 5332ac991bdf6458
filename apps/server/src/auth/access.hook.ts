import type { FastifyRequest } from 'fastify';
import type { Config } from '../platform/config';
import { AppError, accountDisabled, forbidden, unauthenticated } from '../platform/errors';
import { effectiveAccess } from '../platform/route-access';
import { roleRank, type AuthContext, type AuthService } from './auth.service';
import { isTrustedOrigin, isUnsafeMethod } from './csrf';
import { SESSION_COOKIE } from './session-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user on routes that are not public (set by the access hook). */
    auth: AuthContext | null;
  }
}


/** Reads the credential: `Authorization: Bearer` wins over the session cookie. */
function credentialOf(request: FastifyRequest): { token: string; via: 'cookie' | 'bearer' } | null {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m?.[1]) throw unauthenticated('Malformed Authorization header; expected "Bearer <token>"');
    return { token: m[1], via: 'bearer' };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/**
 * The one onRequest hook that enforces `config.access` on every route:
 * 401 for missing/invalid/expired credentials, 403 csrf_rejected, then 403 for an insufficient role.
 */
export function createAccessHook(deps: { config: Config; auth: AuthService }) {
  const { config, auth } = deps;
  return async function accessHook(request: FastifyRequest): Promise<void> {
    const url = request.routeOptions.url;
    // No matched route: the not-found handler answers (404 envelope or the web UI).
    if (url === undefined) return;
    const access = effectiveAccess(url, request.routeOptions.config.access);
    if (access === 'public') return;

    const credential = credentialOf(request);
    if (!credential) throw unauthenticated();
    const found = await auth.authenticate(credential.token);
    if (!found.ok && found.reason === 'account_disabled') throw accountDisabled('Your account was disabled by an administrator; you cannot sign in until it is enabled again');
    if (!found.ok) throw unauthenticated('Your session is invalid or has expired; sign in again');

    if (credential.via === 'cookie' && isUnsafeMethod(request.method)) {
      const ownOrigins = [`${request.protocol}://${request.host}`, ...(config.publicUrl ? [config.publicUrl] : [])];
      const trusted = isTrustedOrigin({
        origin: request.headers.origin,
        referer: request.headers.referer,
        ownOrigins,
        allowedOrigins: config.allowedOrigins,
      });
      if (!trusted) {
        throw new AppError(403, 'csrf_rejected', 'Cross-site request rejected: the Origin is not this server');
      }
    }

    const needed = access === 'admin' ? roleRank.admin : access === 'operator' ? roleRank.operator : roleRank.viewer;
    if (roleRank[found.user.role] < needed) throw forbidden();
    request.auth = { user: found.user, sessionId: found.sessionId, via: credential.via };
  };
}

/** For handlers on non-public routes: the signed-in user (the hook guarantees it). */
export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw unauthenticated();
  return request.auth;
}
