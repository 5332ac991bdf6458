import { describe, expect, it } from 'vitest';
import {
  errorFromOAuthResponse,
  errorFromRestResponse,
  errorFromTradingErrors,
  isTokenError,
  readRequestId,
} from './error-mapping';
import { abortError, EbayApiError, isAbortError } from './errors';

const envelope = (errorId: number, domain: string, message: string) =>
  JSON.stringify({ errors: [{ errorId, domain, category: 'REQUEST', message, longMessage: `${message}!` }] });

describe('errorFromRestResponse', () => {
  it('maps 401/1001 to a retry-once token error', () => {
    const err = errorFromRestResponse(401, envelope(1001, 'OAuth', 'Invalid access token'), { requestId: 'r-1' });
    expect(err).toMatchObject({ kind: 'auth', retryable: false, status: 401, errorId: 1001, domain: 'OAuth' });
    expect(err.message).toBe('Invalid access token');
    expect(err.requestId).toBe('r-1');
    expect(isTokenError(err)).toBe(true);
  });

  it('maps 403/1100 to forbidden, not a token error', () => {
    const err = errorFromRestResponse(403, envelope(1100, 'ACCESS', 'Access denied'));
    expect(err.kind).toBe('forbidden');
    expect(isTokenError(err)).toBe(false);
  });

  it('maps 429/2001 to rate_limited with Retry-After', () => {
    const err = errorFromRestResponse(429, envelope(2001, 'ACCESS', 'Too many requests.'), {
      retryAfterHeader: '7',
    });
    expect(err).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterMs: 7000, errorId: 2001 });
  });

  it('maps 400 filter errors, 404 and 5xx', () => {
    const bad = errorFromRestResponse(400, envelope(30810, 'API_FULFILLMENT', 'bad date'));
    expect(bad).toMatchObject({ kind: 'invalid_request', retryable: false, errorId: 30810, domain: 'API_FULFILLMENT' });
    expect(bad.errors).toHaveLength(1);
    expect(errorFromRestResponse(404, '').kind).toBe('not_found');
    const server = errorFromRestResponse(500, envelope(30500, 'API_FULFILLMENT', 'System error'));
    expect(server).toMatchObject({ kind: 'server', retryable: true, errorId: 30500 });
  });

  it('survives non-JSON bodies', () => {
    const err = errorFromRestResponse(502, '<html>Bad gateway</html>');
    expect(err).toMatchObject({ kind: 'server', retryable: true, errorId: null, message: 'eBay returned HTTP 502' });
  });
});

describe('errorFromOAuthResponse', () => {
  it('makes invalid_grant distinguishable', () => {
    const err = errorFromOAuthResponse(
      400,
      JSON.stringify({
        error: 'invalid_grant',
        error_description: 'the provided authorization refresh token is invalid or was issued to another client',
      }),
    );
    expect(err).toMatchObject({ kind: 'auth', oauthError: 'invalid_grant', retryable: false, status: 400 });
    expect(err.isInvalidGrant).toBe(true);
    expect(isTokenError(err)).toBe(false);
  });

  it('maps invalid_scope / invalid_request to invalid_request and invalid_client to auth', () => {
    expect(errorFromOAuthResponse(400, '{"error":"invalid_scope"}')).toMatchObject({
      kind: 'invalid_request',
      oauthError: 'invalid_scope',
    });
    expect(errorFromOAuthResponse(400, '{"error":"invalid_request"}').kind).toBe('invalid_request');
    expect(errorFromOAuthResponse(401, '{"error":"invalid_client"}').kind).toBe('auth');
  });

  it('falls back to the REST mapping for other bodies', () => {
    expect(errorFromOAuthResponse(503, 'unavailable')).toMatchObject({ kind: 'server', retryable: true });
  });
});

describe('errorFromTradingErrors', () => {
  it('maps expired and invalid IAF tokens to auth token errors', () => {
    for (const code of ['21917053', '21916984']) {
      const err = errorFromTradingErrors(200, [
        { ShortMessage: 'Token', LongMessage: 'IAF token problem', ErrorCode: code, SeverityCode: 'Error' },
      ]);
      expect(err).toMatchObject({ kind: 'auth', domain: 'Trading', errorId: Number(code), status: 200 });
      expect(isTokenError(err)).toBe(true);
    }
  });

  it('uses the first Error-severity entry and keeps all details', () => {
    const err = errorFromTradingErrors(200, [
      { ShortMessage: 'warn', ErrorCode: '1', SeverityCode: 'Warning' },
      { ShortMessage: 'Bad id', LongMessage: 'Too many ids', ErrorCode: '21919', SeverityCode: 'Error' },
    ]);
    expect(err).toMatchObject({ kind: 'invalid_request', errorId: 21919, message: 'Too many ids' });
    expect(err.errors).toHaveLength(2);
  });

  it('maps 518 to rate_limited', () => {
    expect(errorFromTradingErrors(200, [{ ErrorCode: '518', SeverityCode: 'Error' }]).kind).toBe('rate_limited');
  });
});

describe('abort errors and request ids', () => {
  it('abort errors are never retryable and look like AbortError', () => {
    const controller = new AbortController();
    controller.abort(new Error('stop requested'));
    const err = abortError(controller.signal);
    expect(err).toBeInstanceOf(EbayApiError);
    expect(err).toMatchObject({ kind: 'aborted', retryable: false, name: 'AbortError' });
    expect(err.message).toContain('stop requested');
    expect(isAbortError(err)).toBe(true);
    expect(new EbayApiError({ kind: 'aborted', message: 'x', retryable: true }).retryable).toBe(false);
  });

  it('reads eBay request id headers', () => {
    expect(readRequestId(new Headers({ 'X-EBAY-C-REQUEST-ID': 'abc' }))).toBe('abc');
    expect(readRequestId(new Headers({ rlogid: 'r' }))).toBe('r');
    expect(readRequestId(new Headers())).toBeNull();
  });
});
