import { EbayApiError, type EbayErrorDetail, type EbayErrorKind } from './errors';
import { parseRetryAfter } from './retry';

/** Response headers eBay uses for its request id, in order of preference. */
const REQUEST_ID_HEADERS = ['x-ebay-c-request-id', 'x-ebay-request-id', 'rlogid'] as const;

export interface HeaderReader {
  get(name: string): string | null;
}

export function readRequestId(headers: HeaderReader): string | null {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value !== null && value !== '') return value;
  }
  return null;
}

/** errorIds that mean "the access token is bad": the call may be retried once after `onUnauthorized`. */
export const TOKEN_ERROR_IDS: ReadonlySet<number> = new Set([1001, 1002]);
/** Trading error codes for an expired (21917053) or invalid (21916984) IAF token. */
export const TRADING_TOKEN_ERROR_CODES: ReadonlySet<number> = new Set([21917053, 21916984]);

export function kindForStatus(status: number): EbayErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'invalid_request';
}

function tryParseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toDetail(raw: unknown): EbayErrorDetail | null {
  if (!isRecord(raw)) return null;
  const detail: EbayErrorDetail = {};
  const errorId = typeof raw['errorId'] === 'number' ? raw['errorId'] : Number(raw['errorId']);
  if (Number.isFinite(errorId)) detail.errorId = errorId;
  for (const key of ['domain', 'subdomain', 'category', 'message', 'longMessage'] as const) {
    const value = raw[key];
    if (typeof value === 'string') detail[key] = value;
  }
  if (Array.isArray(raw['parameters'])) {
    detail.parameters = raw['parameters'].filter(isRecord).map((p) => {
      const out: { name?: string; value?: string } = {};
      if (typeof p['name'] === 'string') out.name = p['name'];
      if (typeof p['value'] === 'string') out.value = p['value'];
      return out;
    });
  }
  return detail;
}

/** Parses a REST `{ errors: [...] }` envelope; returns [] when the body is not one. */
export function parseRestErrors(bodyText: string): EbayErrorDetail[] {
  const body = tryParseJson(bodyText);
  if (!isRecord(body) || !Array.isArray(body['errors'])) return [];
  return body['errors'].map(toDetail).filter((d): d is EbayErrorDetail => d !== null);
}

export interface ErrorContext {
  api?: string;
  operation?: string;
  requestId?: string | null;
  retryAfterHeader?: string | null;
  now?: number;
}

/** Maps a non-2xx REST response to an EbayApiError. */
export function errorFromRestResponse(status: number, bodyText: string, ctx: ErrorContext = {}): EbayApiError {
  const errors = parseRestErrors(bodyText);
  const first = errors[0];
  let kind = kindForStatus(status);
  // Some gateways answer token problems with 400/403 + errorId 1001/1002; treat them as auth.
  if (first?.errorId !== undefined && TOKEN_ERROR_IDS.has(first.errorId)) kind = 'auth';
  if (first?.errorId === 2001) kind = 'rate_limited';
  const retryAfterMs = parseRetryAfter(ctx.retryAfterHeader ?? null, ctx.now ?? Date.now());
  const message = first?.message ?? first?.longMessage ?? `eBay returned HTTP ${status}`;
  return new EbayApiError({
    kind,
    message,
    status,
    errorId: first?.errorId ?? null,
    domain: first?.domain ?? null,
    requestId: ctx.requestId ?? null,
    retryAfterMs,
    errors,
    api: ctx.api ?? null,
    operation: ctx.operation ?? null,
  });
}

/** Maps a token-endpoint failure (`{ error, error_description }`, or a REST envelope) to an EbayApiError. */
export function errorFromOAuthResponse(status: number, bodyText: string, ctx: ErrorContext = {}): EbayApiError {
  const body = tryParseJson(bodyText);
  if (!isRecord(body) || typeof body['error'] !== 'string') {
    return errorFromRestResponse(status, bodyText, ctx);
  }
  const oauthError = body['error'];
  const description = typeof body['error_description'] === 'string' ? body['error_description'] : oauthError;
  let kind: EbayErrorKind;
  switch (oauthError) {
    case 'invalid_grant':
    case 'invalid_client':
    case 'unauthorized_client':
      kind = 'auth';
      break;
    case 'access_denied':
      kind = 'forbidden';
      break;
    case 'temporarily_unavailable':
    case 'server_error':
      kind = 'server';
      break;
    default:
      kind = status >= 500 || status === 429 ? kindForStatus(status) : 'invalid_request';
  }
  return new EbayApiError({
    kind,
    message: `${oauthError}: ${description}`,
    status,
    oauthError,
    requestId: ctx.requestId ?? null,
    retryAfterMs: parseRetryAfter(ctx.retryAfterHeader ?? null, ctx.now ?? Date.now()),
    api: ctx.api ?? null,
    operation: ctx.operation ?? null,
  });
}

/** Trading `ErrorCode`s with a specific kind; every other Trading error is `invalid_request`. */
const TRADING_KINDS: ReadonlyMap<number, EbayErrorKind> = new Map<number, EbayErrorKind>([
  [21917053, 'auth'], // IAF token expired
  [21916984, 'auth'], // IAF token invalid
  [931, 'auth'], // auth token invalid
  [932, 'auth'], // auth token hard expired
  [518, 'rate_limited'], // call usage limit reached
  [10007, 'server'], // internal error
]);

export interface TradingErrorInput {
  ShortMessage?: string;
  LongMessage?: string;
  ErrorCode?: string;
  SeverityCode?: string;
  ErrorClassification?: string;
}

export function tradingErrorDetails(errors: readonly TradingErrorInput[]): EbayErrorDetail[] {
  return errors.map((e) => {
    const d: EbayErrorDetail = { domain: 'Trading' };
    const code = Number(e.ErrorCode);
    if (e.ErrorCode !== undefined && Number.isFinite(code)) d.errorId = code;
    if (e.ShortMessage !== undefined) d.message = e.ShortMessage;
    if (e.LongMessage !== undefined) d.longMessage = e.LongMessage;
    if (e.SeverityCode !== undefined) d.severity = e.SeverityCode;
    if (e.ErrorClassification !== undefined) d.category = e.ErrorClassification;
    return d;
  });
}

/** Maps Trading `Errors` of an `Ack=Failure` response to an EbayApiError. */
export function errorFromTradingErrors(
  status: number,
  errors: readonly TradingErrorInput[],
  ctx: ErrorContext = {},
): EbayApiError {
  const details = tradingErrorDetails(errors);
  const first = details.find((d) => d.severity !== 'Warning') ?? details[0];
  const kind = (first?.errorId !== undefined ? TRADING_KINDS.get(first.errorId) : undefined) ?? 'invalid_request';
  return new EbayApiError({
    kind,
    message: first?.longMessage ?? first?.message ?? 'Trading call failed',
    status,
    errorId: first?.errorId ?? null,
    domain: 'Trading',
    requestId: ctx.requestId ?? null,
    errors: details,
    api: ctx.api ?? null,
    operation: ctx.operation ?? null,
  });
}

/** Whether an error means "get a new access token and try again". */
export function isTokenError(error: EbayApiError): boolean {
  if (error.kind !== 'auth' || error.oauthError !== null) return false;
  if (error.domain === 'Trading') return error.errorId !== null && TRADING_TOKEN_ERROR_CODES.has(error.errorId);
  return error.status === 401 || (error.errorId !== null && TOKEN_ERROR_IDS.has(error.errorId));
}
