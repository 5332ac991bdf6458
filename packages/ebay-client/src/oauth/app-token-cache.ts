import type { AppTokenSource } from '../core/http';
import type { EbayAccessToken } from './oauth.types';

/** Renew application tokens this long before eBay's expiry. */
const EARLY_RENEWAL_MS = 5 * 60 * 1000;

/**
 * In-memory, single-flight cache of the client-credentials application token (one per client family).
 * Application tokens are not account data, so the client may hold them; user tokens stay with the caller.
 */
export function createAppTokenCache(
  mint: (signal: AbortSignal | undefined) => Promise<EbayAccessToken>,
  now: () => number,
): AppTokenSource {
  let current: { token: string; expiresAt: number } | null = null;
  let inFlight: Promise<string> | null = null;
  return {
    async get(signal) {
      if (current !== null && current.expiresAt - EARLY_RENEWAL_MS > now()) return current.token;
      if (inFlight === null) {
        inFlight = mint(signal)
          .then((t) => {
            current = { token: t.accessToken, expiresAt: t.expiresAt.getTime() };
            return t.accessToken;
          })
          .finally(() => {
            inFlight = null;
          });
      }
      return inFlight;
    },
    invalidate(token) {
      if (current?.token === token) current = null;
    },
  };
}

/** Wraps a caller-supplied application token provider. */
export function appTokenFromProvider(provider: () => Promise<string>): AppTokenSource {
  return { get: () => provider(), invalidate: () => undefined };
}
