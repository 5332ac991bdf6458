import { sleep, throwIfAborted } from './abort';
import { baseUrlFor, type EbayBaseUrls, type EbayHost } from './base-urls';
import { errorFromRestResponse, isTokenError, readRequestId } from './error-mapping';
import { abortError, EbayApiError } from './errors';
import type { ConcurrencyLimiter } from './limiter';
import { buildQuery, type QueryInput } from './query';
import { parseJsonPage } from './json-page';
import { REDACTION_MARGIN_BYTES, redactBody, redactForLog, redactUrl } from './redaction';
import { decideRetry, type RetryOptions } from './retry';
import type { AccessTokenProvider, CallOptions, EbayCallRecord, OnCallHook, UnauthorizedHandler } from './types';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface AppTokenSource {
  get(signal: AbortSignal | undefined): Promise<string>;
  /** Forget a token eBay rejected. */
  invalidate(token: string): void;
}

export interface TransportConfig {
  readonly baseUrls: EbayBaseUrls;
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
  readonly retry: RetryOptions;
  readonly limiter: ConcurrencyLimiter | null;
  readonly onCall: OnCallHook | undefined;
  readonly maxLoggedBodyBytes: number;
  readonly getAccessToken: AccessTokenProvider | undefined;
  readonly onUnauthorized: UnauthorizedHandler | undefined;
  readonly appToken: AppTokenSource | undefined;
  /** `clientId:clientSecret`, for Basic auth on the token endpoint. */
  readonly basicCredentials: { clientId: string; clientSecret: string } | undefined;
  readonly random: () => number;
  readonly now: () => number;
}

export interface RawHttpResponse {
  readonly status: number;
  readonly headers: Headers;
  /** The body as received. */
  readonly bytes: Uint8Array;
  /** The body decoded as UTF-8 (on first use: a large page parsed from `bytes` is never decoded whole). */
  readonly text: string;
  readonly requestId: string | null;
}

/** A response over `bytes`, decoding its text only when asked for it. */
export function rawResponse(
  status: number,
  headers: Headers,
  bytes: Uint8Array,
  requestId: string | null,
): RawHttpResponse {
  let text: string | undefined;
  return {
    status,
    headers,
    bytes,
    requestId,
    get text() {
      // As `Response.text()` does: UTF-8, a leading byte order mark dropped.
      text ??= new TextDecoder('utf-8').decode(bytes);
      return text;
    },
  };
}

export type AuthMode = 'user' | 'app' | 'basic' | 'none';

export interface HttpRequestSpec<T> {
  readonly api: string;
  readonly operation: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly host: EbayHost;
  readonly path: string;
  readonly query?: QueryInput | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly body?: string | undefined;
  readonly auth: AuthMode;
  /** Where the token goes: `Authorization: Bearer` (default) or `X-EBAY-API-IAF-TOKEN` (Trading). */
  readonly tokenHeader?: 'bearer' | 'iaf' | undefined;
  /** Turns a response into a value, or throws an EbayApiError. */
  readonly parse: (response: RawHttpResponse) => T;
  /** Values in the request that must never reach hooks (refresh token, authorization code...). */
  readonly secrets?: readonly string[] | undefined;
  /** Take a slot of the account limiter. Default: true for user-token calls. */
  readonly limited?: boolean | undefined;
}

/** Pages at least this large are parsed record by record (`jsonPage`); smaller ones whole. */
const SPLIT_PAGE_BYTES = 64 * 1024;

/**
 * A body as `redactForLog` takes it: whole when it is small, else only as much as the log may keep of it (a large
 * page is never decoded whole for the log) with the whole body's size.
 */
function forLog(response: RawHttpResponse, maxBytes: number): { body: string; totalBytes?: number } {
  const end = maxBytes + REDACTION_MARGIN_BYTES;
  if (response.bytes.length <= end) return { body: response.text };
  // A multi-byte character cut at the end decodes to U+FFFD, which the cut drops.
  return { body: new TextDecoder('utf-8').decode(response.bytes.subarray(0, end)), totalBytes: response.bytes.length };
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return `${error.message}: ${typeof code === 'string' ? `${code} ` : ''}${cause.message}`.trim();
  }
  return error.message;
}

/** Shared request pipeline: auth, limiter, timeout, retries, token refresh, error mapping and the onCall hook. */
export class Transport {
  constructor(readonly config: TransportConfig) {}

  /** JSON helper: 2xx -> parsed body (undefined for an empty body), else the mapped REST error. */
  static json<T>(ctx: { api: string; operation: string }): (res: RawHttpResponse) => T | undefined {
    return (res) => {
      if (res.status < 200 || res.status >= 300) {
        throw errorFromRestResponse(res.status, res.text, {
          ...ctx,
          requestId: res.requestId,
          retryAfterHeader: res.headers.get('retry-after'),
        });
      }
      if (res.text.trim() === '') return undefined;
      try {
        return JSON.parse(res.text) as T;
      } catch (cause) {
        throw new EbayApiError({
          kind: 'server',
          retryable: false,
          message: `unparseable JSON response (HTTP ${res.status})`,
          status: res.status,
          requestId: res.requestId,
          api: ctx.api,
          operation: ctx.operation,
          cause,
        });
      }
    };
  }

  /**
   * Like `json`, for a page whose `key` holds many records: each record is parsed on its own from the response's
   * bytes, which stay available for `sourceBytesOf` (see `json-page.ts`). Same results and errors as `json`.
   */
  static jsonPage<T>(ctx: { api: string; operation: string }, key: string): (res: RawHttpResponse) => T | undefined {
    const whole = Transport.json<T>(ctx);
    return (res) => {
      if (res.status < 200 || res.status >= 300 || res.bytes.length < SPLIT_PAGE_BYTES) return whole(res);
      try {
        return parseJsonPage(res.bytes, key, () => res.text) as T;
      } catch {
        return whole(res); // reports the unparseable body as `json` does
      }
    };
  }

  /** Like `json`, but an empty 2xx body is an error (for single-resource GETs). */
  static jsonBody<T>(ctx: { api: string; operation: string }): (res: RawHttpResponse) => T {
    const parse = Transport.json<T>(ctx);
    return (res) => {
      const value = parse(res);
      if (value === undefined) {
        throw new EbayApiError({
          kind: 'server',
          retryable: false,
          message: `empty response body (HTTP ${res.status})`,
          status: res.status,
          requestId: res.requestId,
          api: ctx.api,
          operation: ctx.operation,
        });
      }
      return value;
    };
  }

  async request<T>(spec: HttpRequestSpec<T>, options: CallOptions = {}): Promise<T> {
    const { signal } = options;
    const ctx = { api: spec.api, operation: spec.operation };
    const url = this.buildUrl(spec);
    let attempt = 0;
    let budgetAttempt = 0;
    let tokenRetried = false;
    let tokenOverride: string | undefined;

    for (;;) {
      throwIfAborted(signal, ctx);
      attempt += 1;
      budgetAttempt += 1;
      const token = await this.resolveToken(spec, tokenOverride, signal);
      tokenOverride = undefined;
      const { result, error, record } = await this.attempt(spec, url, token, attempt, options);

      if (error === undefined) {
        this.emit({ ...record, willRetry: false });
        return result as T;
      }
      if (error.kind === 'aborted') {
        this.emit({ ...record, willRetry: false });
        throw error;
      }

      const canRefresh =
        !tokenRetried &&
        isTokenError(error) &&
        ((spec.auth === 'user' && this.config.onUnauthorized !== undefined) || spec.auth === 'app');
      if (canRefresh) {
        this.emit({ ...record, willRetry: true });
        tokenRetried = true;
        budgetAttempt -= 1;
        if (spec.auth === 'app') {
          if (token !== null) this.config.appToken?.invalidate(token);
        } else if (this.config.onUnauthorized !== undefined) {
          const fresh = await this.config.onUnauthorized({ ...ctx, error });
          if (typeof fresh === 'string' && fresh !== '') tokenOverride = fresh;
        }
        continue;
      }

      const decision = decideRetry(error, budgetAttempt, this.config.retry, this.config.random);
      this.emit({ ...record, willRetry: decision.retry });
      if (!decision.retry) throw error;
      await sleep(decision.delayMs, signal).catch(() => {
        throw abortError(signal, ctx);
      });
    }
  }

  private buildUrl(spec: HttpRequestSpec<unknown>): string {
    const query = buildQuery(spec.query);
    return `${baseUrlFor(this.config.baseUrls, spec.host)}${spec.path}${query === '' ? '' : `?${query}`}`;
  }

  private async resolveToken(
    spec: HttpRequestSpec<unknown>,
    override: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<string | null> {
    if (spec.auth === 'user') {
      if (override !== undefined) return override;
      if (this.config.getAccessToken === undefined) {
        throw new EbayApiError({
          kind: 'auth',
          message: `${spec.operation} needs a user access token but no getAccessToken provider was configured`,
          api: spec.api,
          operation: spec.operation,
        });
      }
      return this.config.getAccessToken();
    }
    if (spec.auth === 'app') {
      if (this.config.appToken === undefined) {
        throw new EbayApiError({
          kind: 'auth',
          message: `${spec.operation} needs an application token: configure credentials or getApplicationToken`,
          api: spec.api,
          operation: spec.operation,
        });
      }
      return this.config.appToken.get(signal);
    }
    return null;
  }

  private headersFor(spec: HttpRequestSpec<unknown>, token: string | null): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json', ...spec.headers };
    if (spec.auth === 'basic') {
      const creds = this.config.basicCredentials;
      if (creds === undefined) {
        throw new EbayApiError({
          kind: 'auth',
          message: `${spec.operation} needs client credentials (clientId, clientSecret)`,
          api: spec.api,
          operation: spec.operation,
        });
      }
      headers['Authorization'] = `Basic ${Buffer.from(`${creds.clientId}:${creds.clientSecret}`).toString('base64')}`;
    } else if (token !== null) {
      if (spec.tokenHeader === 'iaf') headers['X-EBAY-API-IAF-TOKEN'] = token;
      else headers['Authorization'] = `Bearer ${token}`;
    }
    return headers;
  }

  private secretsFor(spec: HttpRequestSpec<unknown>, headers: Record<string, string>, token: string | null): string[] {
    const secrets: string[] = [...(spec.secrets ?? [])];
    if (token !== null) secrets.push(token);
    const creds = this.config.basicCredentials;
    if (creds !== undefined) secrets.push(creds.clientSecret);
    const authorization = headers['Authorization'];
    if (authorization !== undefined) secrets.push(authorization.replace(/^\w+\s+/, ''));
    return secrets;
  }

  private async attempt<T>(
    spec: HttpRequestSpec<T>,
    url: string,
    token: string | null,
    attempt: number,
    options: CallOptions,
  ): Promise<{ result?: T; error?: EbayApiError; record: Omit<EbayCallRecord, 'willRetry'> }> {
    const { signal } = options;
    const ctx = { api: spec.api, operation: spec.operation };
    const headers = this.headersFor(spec, token);
    // Timing starts when the request is sent, not while waiting for a limiter slot.
    let startedAtMs = this.config.now();
    let started = performance.now();
    const timeoutMs = options.timeoutMs ?? this.config.timeoutMs;

    let response: RawHttpResponse | null = null;
    let error: EbayApiError | undefined;
    let result: T | undefined;

    const run = async (): Promise<RawHttpResponse> => {
      startedAtMs = this.config.now();
      started = performance.now();
      const timeout = AbortSignal.timeout(timeoutMs);
      const combined = signal === undefined ? timeout : AbortSignal.any([signal, timeout]);
      try {
        const res = await this.config.fetch(url, {
          method: spec.method,
          headers,
          ...(spec.body === undefined ? {} : { body: spec.body }),
          signal: combined,
        });
        const bytes = new Uint8Array(await res.arrayBuffer());
        return rawResponse(res.status, res.headers, bytes, readRequestId(res.headers));
      } catch (cause) {
        if (signal?.aborted === true) throw abortError(signal, ctx);
        if (timeout.aborted) {
          throw new EbayApiError({
            kind: 'network',
            message: `request timed out after ${timeoutMs} ms`,
            api: spec.api,
            operation: spec.operation,
            cause,
          });
        }
        throw new EbayApiError({
          kind: 'network',
          message: `network error: ${describeNetworkError(cause)}`,
          api: spec.api,
          operation: spec.operation,
          cause,
        });
      }
    };

    try {
      const useLimiter = spec.limited ?? spec.auth === 'user';
      const limiter = useLimiter ? this.config.limiter : null;
      response = limiter === null ? await run() : await limiter.run(run, signal);
      result = spec.parse(response);
    } catch (caught) {
      if (caught instanceof EbayApiError) error = caught;
      else {
        error = new EbayApiError({
          kind: 'server',
          retryable: false,
          message: `unexpected failure handling the response: ${caught instanceof Error ? caught.message : String(caught)}`,
          status: response?.status ?? null,
          requestId: response?.requestId ?? null,
          api: spec.api,
          operation: spec.operation,
          cause: caught,
        });
      }
    }

    const durationMs = Math.round(performance.now() - started);
    const record = this.buildRecord(spec, url, headers, token, attempt, startedAtMs, durationMs, response, error);
    return error === undefined ? { result: result as T, record } : { error, record };
  }

  private buildRecord(
    spec: HttpRequestSpec<unknown>,
    url: string,
    headers: Record<string, string>,
    token: string | null,
    attempt: number,
    startedAtMs: number,
    durationMs: number,
    response: RawHttpResponse | null,
    error: EbayApiError | undefined,
  ): Omit<EbayCallRecord, 'willRetry'> {
    const wantBodies = this.config.onCall !== undefined;
    const secrets = this.secretsFor(spec, headers, token);
    const limit = this.config.maxLoggedBodyBytes;
    const requestBody =
      wantBodies && spec.body !== undefined
        ? redactForLog(spec.body, { contentType: headers['Content-Type'] ?? null, secrets, maxBytes: limit })
        : null;
    const logged = wantBodies && response !== null ? forLog(response, limit) : null;
    const responseBody =
      logged !== null && response !== null
        ? redactForLog(logged.body, {
            contentType: response.headers.get('content-type'),
            secrets,
            maxBytes: limit,
            ...(logged.totalBytes === undefined ? {} : { totalBytes: logged.totalBytes }),
          })
        : null;
    return {
      method: spec.method,
      url: redactUrl(url, secrets),
      api: spec.api,
      operation: spec.operation,
      status: response?.status ?? null,
      startedAt: new Date(startedAtMs).toISOString(),
      durationMs,
      attempt,
      ebayErrorId: error?.errorId ?? null,
      requestId: error?.requestId ?? response?.requestId ?? null,
      requestBody,
      responseBody,
      ...(error === undefined
        ? {}
        : { error: { kind: error.kind, message: redactBody(error.message, { secrets }) } }),
    };
  }

  private emit(record: EbayCallRecord): void {
    const hook = this.config.onCall;
    if (hook === undefined) return;
    try {
      const out = hook(record);
      if (out instanceof Promise) out.catch(() => undefined);
    } catch {
      // A broken hook must not break eBay calls.
    }
  }
}
