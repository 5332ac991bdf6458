import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, unusedPort } from '../edge/test-helpers';
import { ApiError, apiRequest } from './api-client';

let backend: Awaited<ReturnType<typeof startBackend>>;
let lastBody = '';

beforeAll(async () => {
  backend = await startBackend((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      lastBody = body;
      res.setHeader('x-request-id', 'hdr-id');
      switch (path) {
        case '/ok':
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ url: req.url, method: req.method, contentType: req.headers['content-type'] ?? null }));
          return;
        case '/empty':
          res.writeHead(204).end();
          return;
        case '/invalid':
          res.writeHead(422, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              error: {
                code: 'validation_failed',
                message: 'Invalid body',
                requestId: 'body-id',
                details: [{ path: 'email', message: 'Invalid email' }, { nonsense: true }],
              },
            }),
          );
          return;
        case '/limited':
          res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '42' });
          res.end(JSON.stringify({ error: { code: 'rate_limited', message: 'Slow down', requestId: 'rl-id' } }));
          return;
        case '/html-error':
          res.writeHead(502, { 'content-type': 'text/html' });
          res.end('<h1>Bad gateway</h1>');
          return;
        case '/unavailable':
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: 'unavailable' }));
          return;
        default:
          res.writeHead(404).end();
      }
    });
  });
});

afterAll(async () => {
  await backend?.close();
});

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('apiRequest', () => {
  it('sends JSON, adds the query and parses the answer', async () => {
    const result = await apiRequest<{ url: string; method: string; contentType: string }>(`${backend.url}/ok`, {
      method: 'POST',
      body: { a: 1 },
      query: { page: 2, q: 'a b', skip: undefined, none: null },
    });
    expect(result).toEqual({ url: '/ok?page=2&q=a+b', method: 'POST', contentType: 'application/json' });
    expect(lastBody).toBe('{"a":1}');
  });

  it('returns undefined for 204', async () => {
    expect(await apiRequest(`${backend.url}/empty`, { method: 'DELETE' })).toBeUndefined();
  });

  it('turns the error envelope into an ApiError with its details', async () => {
    const error = await failure(apiRequest(`${backend.url}/invalid`, { method: 'POST', body: {} }));
    expect(error).toMatchObject({ status: 422, code: 'validation_failed', message: 'Invalid body', requestId: 'body-id' });
    expect(error.validationIssues).toEqual([{ path: 'email', message: 'Invalid email' }]);
  });

  it('reads Retry-After of a 429', async () => {
    const error = await failure(apiRequest(`${backend.url}/limited`));
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: 42, requestId: 'rl-id' });
  });

  it('uses the X-Request-ID header when the body is not an envelope', async () => {
    const error = await failure(apiRequest(`${backend.url}/html-error`));
    expect(error).toMatchObject({ status: 502, code: 'internal_error', requestId: 'hdr-id' });
  });

  it('accepts listed non-2xx statuses as answers', async () => {
    expect(await apiRequest(`${backend.url}/unavailable`, { acceptStatuses: [503] })).toEqual({ status: 'unavailable' });
  });

  it('turns a network failure into an ApiError with status 0 and no request id', async () => {
    const port = await unusedPort();
    const error = await failure(apiRequest(`http://127.0.0.1:${port}/x`));
    expect(error).toMatchObject({ status: 0, code: 'network_error', requestId: null });
  });
});
