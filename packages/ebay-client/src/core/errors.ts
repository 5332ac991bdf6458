/**
 * Error kinds, from the caller's point of view:
 * - `auth`: the token (or client credentials / grant) is missing, invalid or expired. 401 / errorId 1001-1002,
 *   OAuth `invalid_grant` / `invalid_client`, Trading 21917053 / 21916984.
 * - `forbidden`: authenticated but not allowed (403, e.g. errorId 1100 insufficient scope).
 * - `rate_limited`: 429 (errorId 2001), Trading 518. Retryable; `retryAfterMs` when the server said so.
 * - `not_found`: 404.
 * - `invalid_request`: any other 4xx / request-level eBay error (bad filter, bad offset, ...).
 * - `server`: 5xx or an unreadable response.
 * - `network`: no HTTP response (DNS, reset, refused, per-attempt timeout).
 * - `aborted`: the caller's AbortSignal fired. Never retried. `name` is `'AbortError'`.
 */
export type EbayErrorKind =
  | 'auth'
  | 'forbidden'
  | 'rate_limited'
  | 'not_found'
  | 'invalid_request'
  | 'server'
  | 'network'
  | 'aborted';

/** One entry of a REST `errors[]` / `warnings[]` array, or a Trading `Errors` element mapped to the same shape. */
export interface EbayErrorDetail {
  errorId?: number;
  domain?: string;
  subdomain?: string;
  category?: string;
  message?: string;
  longMessage?: string;
  parameters?: Array<{ name?: string; value?: string }>;
  /** Trading only: `Error` | `Warning`. */
  severity?: string;
}

export interface EbayApiErrorInit {
  kind: EbayErrorKind;
  message: string;
  retryable?: boolean;
  status?: number | null;
  errorId?: number | null;
  domain?: string | null;
  requestId?: string | null;
  retryAfterMs?: number | null;
  oauthError?: string | null;
  errors?: readonly EbayErrorDetail[];
  api?: string | null;
  operation?: string | null;
  cause?: unknown;
}

const DEFAULT_RETRYABLE: Record<EbayErrorKind, boolean> = {
  auth: false,
  forbidden: false,
  rate_limited: true,
  not_found: false,
  invalid_request: false,
  server: true,
  network: true,
  aborted: false,
};

/** The single error type thrown by this client for every eBay, OAuth, Trading, network and abort failure. */
export class EbayApiError extends Error {
  readonly kind: EbayErrorKind;
  readonly retryable: boolean;
  /** HTTP status, or null when no response was received. Trading failures keep the HTTP status (usually 200). */
  readonly status: number | null;
  /** First eBay errorId (REST `errorId`, Trading `ErrorCode`), if any. */
  readonly errorId: number | null;
  readonly domain: string | null;
  /** eBay's request id response header (or Trading CorrelationID), if present. */
  readonly requestId: string | null;
  /** Server-requested wait before retrying (Retry-After), if any. */
  readonly retryAfterMs: number | null;
  /** OAuth error code from the token endpoint, e.g. `invalid_grant` (the account needs re-consent). */
  readonly oauthError: string | null;
  /** All error entries eBay returned. */
  readonly errors: readonly EbayErrorDetail[];
  readonly api: string | null;
  readonly operation: string | null;

  constructor(init: EbayApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = init.kind === 'aborted' ? 'AbortError' : 'EbayApiError';
    this.kind = init.kind;
    this.retryable = init.kind === 'aborted' ? false : (init.retryable ?? DEFAULT_RETRYABLE[init.kind]);
    this.status = init.status ?? null;
    this.errorId = init.errorId ?? null;
    this.domain = init.domain ?? null;
    this.requestId = init.requestId ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.oauthError = init.oauthError ?? null;
    this.errors = init.errors ?? [];
    this.api = init.api ?? null;
    this.operation = init.operation ?? null;
  }

  /** True when the refresh token / authorization code was rejected: the account must re-consent. */
  get isInvalidGrant(): boolean {
    return this.oauthError === 'invalid_grant';
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      retryable: this.retryable,
      status: this.status,
      errorId: this.errorId,
      domain: this.domain,
      requestId: this.requestId,
      retryAfterMs: this.retryAfterMs,
      oauthError: this.oauthError,
      api: this.api,
      operation: this.operation,
    };
  }
}

export function isEbayApiError(error: unknown): error is EbayApiError {
  return error instanceof EbayApiError;
}

/** True for this client's abort error and for a platform AbortError (DOMException). */
export function isAbortError(error: unknown): boolean {
  if (error instanceof EbayApiError) return error.kind === 'aborted';
  return error instanceof Error && error.name === 'AbortError';
}

export function abortError(signal: AbortSignal | undefined, context: { api?: string; operation?: string } = {}): EbayApiError {
  const reason: unknown = signal?.reason;
  const detail = reason instanceof Error && reason.message !== '' ? `: ${reason.message}` : '';
  return new EbayApiError({
    kind: 'aborted',
    message: `eBay call aborted${detail}`,
    api: context.api ?? null,
    operation: context.operation ?? null,
    cause: reason,
  });
}
