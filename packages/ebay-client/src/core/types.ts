import type { EbayApiError, EbayErrorKind } from './errors';

/** Per-call options accepted by every operation. */
export interface CallOptions {
  /** Aborts the call (in-flight request, backoff wait or limiter wait). Surfaces as kind `aborted`. */
  readonly signal?: AbortSignal | undefined;
  /** Per-attempt timeout override (ms). */
  readonly timeoutMs?: number | undefined;
}

/** Payload of the `onCall` hook: one per HTTP attempt. Everything here is already redacted. */
export interface EbayCallRecord {
  readonly method: string;
  /** Full URL with the query kept and secret parameters redacted. */
  readonly url: string;
  /** eBay API family, e.g. `sell.fulfillment`, `oauth`, `trading`. */
  readonly api: string;
  /** Operation name, e.g. `getOrders`, `GetMyMessages`, `refreshToken`. */
  readonly operation: string;
  /** HTTP status, or null when no response arrived (network error, timeout, abort). */
  readonly status: number | null;
  readonly startedAt: string;
  readonly durationMs: number;
  /** 1-based attempt number within the call (retries and the post-refresh retry increment it). */
  readonly attempt: number;
  readonly ebayErrorId: number | null;
  /** eBay's request id (response header, or Trading CorrelationID). */
  readonly requestId: string | null;
  /** Redacted and truncated request body (null for none). */
  readonly requestBody: string | null;
  /** Redacted and truncated response body (null when no response). */
  readonly responseBody: string | null;
  /** Whether the client will retry after this attempt. */
  readonly willRetry: boolean;
  readonly error?: { readonly kind: EbayErrorKind; readonly message: string };
}

/** Called for every HTTP attempt. Exceptions and rejections are swallowed; a returned promise is not awaited. */
export type OnCallHook = (call: EbayCallRecord) => void | Promise<void>;

export interface UnauthorizedContext {
  readonly api: string;
  readonly operation: string;
  readonly error: EbayApiError;
}

/**
 * Returns a current user access token for this account. Called before every attempt (so a token replaced by a
 * refresh elsewhere is picked up). Errors it throws propagate unchanged to the caller.
 */
export type AccessTokenProvider = () => Promise<string>;

/**
 * Invoked at most once per call when eBay rejects the token (401 / errorId 1001-1002, Trading 21917053 /
 * 21916984). Refresh (or reload) the token, then resolve with the new token, or with nothing to have
 * `getAccessToken()` asked again. The call is then retried exactly once. Throwing (e.g. an EbayApiError with
 * `oauthError: 'invalid_grant'` from a refresh) fails the call with that error.
 */
export type UnauthorizedHandler = (context: UnauthorizedContext) => Promise<string | void>;
