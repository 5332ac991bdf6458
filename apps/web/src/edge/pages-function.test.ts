import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onRequest } from '../../functions/api/[[path]]';
import { startBackend, unusedPort } from './test-helpers';

let backend: Awaited<ReturnType<typeof startBackend>>;

beforeAll(async () => {
  backend = await startBackend((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.setHeader('set-cookie', ['a=1; Path=/', 'b=2; Path=/']);
    res.end(JSON.stringify({ url: req.url, headers: req.headers }));
  });
});

afterAll(async () => {
  await backend?.close();
});

describe('Cloudflare Pages Function functions/api/[[path]].ts', () => {
  it('forwards to BACKEND_URL with the public host, scheme and the client IP', async () => {
    const request = new Request('https://connector.example.com/api/orders?page=2', {
      headers: { 'cf-connecting-ip': '198.51.100.7', cookie: 'session=s' },
    });
    const res = await onRequest({ request, env: { BACKEND_URL: backend.url } });
    const body = (await res.json()) as { url: string; headers: Record<string, string> };
    expect(body.url).toBe('/api/orders?page=2');
    expect(body.headers['x-forwarded-host']).toBe('connector.example.com');
    expect(body.headers['x-forwarded-proto']).toBe('https');
    expect(body.headers['x-forwarded-for']).toBe('198.51.100.7');
    expect(body.headers['cookie']).toBe('session=s');
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
  });

  it('answers 502 with the error envelope when BACKEND_URL is missing or unreachable', async () => {
    const missing = await onRequest({ request: new Request('https://x.example.com/api/version'), env: {} });
    expect(missing.status).toBe(502);
    const missingBody = (await missing.json()) as { error: { code: string; requestId: string } };
    expect(missingBody.error.code).toBe('bad_gateway');
    expect(missing.headers.get('x-request-id')).toBe(missingBody.error.requestId);

    const port = await unusedPort();
    const dead = await onRequest({
      request: new Request('https://x.example.com/api/version'),
      env: { BACKEND_URL: `http://127.0.0.1:${port}` },
    });
    expect(dead.status).toBe(502);
    expect(((await dead.json()) as { error: { code: string } }).error.code).toBe('bad_gateway');
  });
});
