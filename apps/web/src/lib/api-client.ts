import type { ErrorCode, ValidationIssue } from '@ebay-connector/contract';

/** Every failed request, whether the server answered with the error envelope or never answered. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; `0` when the server could not be reached. */
  readonly status: number;
  readonly code: ErrorCode;
  /** From the error body, else from the `X-Request-ID` header; `null` when the request never got an answer. */
  readonly requestId: string | null;
  readonly details: unknown;
  /** Seconds from a `Retry-After` header (429, 503), when present. */
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    status: number;
    code: ErrorCode;
    message: string;
    requestId: string | null;
    details?: unknown;
    retryAfterSeconds?: number | null;
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.details = init.details;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  /** Field issues of a 422 `validation_failed`, or `[]`. */
  get validationIssues(): ValidationIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is ValidationIssue =>
        typeof d === 'object' && d !== null && typeof (d as ValidationIssue).path === 'string' &&
        typeof (d as ValidationIssue).message === 'string',
    );
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequestOptions {
  method?: HttpMethod;
  /** Serialized as JSON. */
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
  /** Non-2xx statuses whose body is a normal answer, not an error envelope (e.g. 503 of `/healthz/db`). */
  acceptStatuses?: readonly number[];
}

function parseRetryAfter(value: string | null): number | null {
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function buildUrl(path: string, query: ApiRequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.append(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}${path.includes('?') ? '&' : '?'}${search}` : path;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toApiError(response: Response, body: unknown): ApiError {
  const headerId = response.headers.get('x-request-id');
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  const envelope =
    typeof body === 'object' && body !== null && 'error' in body ? (body as { error: unknown }).error : null;
  if (typeof envelope === 'object' && envelope !== null) {
    const e = envelope as Record<string, unknown>;
    return new ApiError({
      status: response.status,
      code: typeof e['code'] === 'string' ? e['code'] : 'unknown_error',
      message: typeof e['message'] === 'string' ? e['message'] : response.statusText,
      requestId: typeof e['requestId'] === 'string' ? e['requestId'] : headerId,
      details: e['details'],
      retryAfterSeconds,
    });
  }
  return new ApiError({
    status: response.status,
    code: response.status >= 500 ? 'internal_error' : 'unexpected_response',
    message: `The server answered ${response.status} ${response.statusText}`.trim(),
    requestId: headerId,
    retryAfterSeconds,
  });
}

/**
 * The one way the UI talks to the server: JSON in and out, the session cookie (same origin), and every failure
 * as an {@link ApiError}. `T` comes from `@ebay-connector/contract`.
 */
export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal, acceptStatuses = [] } = options;
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (signal) init.signal = signal;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), init);
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError({
      status: 0,
      code: 'network_error',
      message: 'The server could not be reached. Check your connection and try again.',
      requestId: null,
    });
  }
  let parsed: unknown;
  try {
    parsed = await readBody(response);
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError({
      status: 0,
      code: 'network_error',
      message: 'The connection broke while reading the answer. Try again.',
      requestId: response.headers.get('x-request-id'),
    });
  }
  if (response.ok || acceptStatuses.includes(response.status)) return parsed as T;
  throw toApiError(response, parsed);
}

export const api = {
  get: <T>(path: string, options: Omit<ApiRequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options: Omit<ApiRequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body?: unknown, options: Omit<ApiRequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options: Omit<ApiRequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'DELETE' }),
};
