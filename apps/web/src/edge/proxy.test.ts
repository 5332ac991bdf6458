import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveHandler, type RunningServer } from './node-server';
import { createProxyHandler } from './proxy';
import { rawRequest, startBackend, unusedPort } from './test-helpers';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

let backend: Awaited<ReturnType<typeof startBackend>>;
let proxy: RunningServer;
let lastSeen: Seen | null = null;
let releaseSecondEvent: () => void = () => {};

function route(req: IncomingMessage, res: ServerResponse) {
  lastSeen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
  const path = (req.url ?? '').split('?')[0];
  switch (path) {
    case '/api/echo':
      res.setHeader('content-type', 'application/json');
      res.setHeader('x-request-id', String(req.headers['x-request-id'] ?? 'none'));
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers }));
      return;
    case '/api/cookies':
      res.setHeader('set-cookie', ['session=abc; Path=/; HttpOnly; SameSite=Lax', 'theme=dark; Path=/', 'csrf=x, y; Path=/']);
      res.end('ok');
      return;
    case '/api/redirect':
      res.writeHead(302, { location: 'https://auth.example.com/consent?state=a%2Fb&x=1' });
      res.end();
      return;
    case '/api/no-content':
      res.writeHead(204, { 'x-request-id': 'from-backend' });
      res.end();
      return;
    case '/api/head':
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '11', 'x-extra': 'yes' });
      res.end(req.method === 'HEAD' ? undefined : 'hello world');
      return;
    case '/api/events':
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write('id: 1\ndata: first\n\n');
      releaseSecondEvent = () => {
        res.write('id: 2\ndata: second\n\n');
        res.end();
      };
      return;
    case '/api/gzip':
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync(JSON.stringify({ compressed: true })));
      return;
    case '/api/upload': {
      const hash = createHash('sha256');
      let bytes = 0;
      req.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        hash.update(chunk);
      });
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ bytes, sha256: hash.digest('hex'), chunked: req.headers['transfer-encoding'] === 'chunked' }));
      });
      return;
    }
    default:
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'not_found', message: 'no route', requestId: 'x' } }));
  }
}

beforeAll(async () => {
  backend = await startBackend(route);
  proxy = await serveHandler(createProxyHandler({ backendUrl: backend.url }));
});

afterAll(async () => {
  await proxy?.close();
  await backend?.close();
});

describe('edge proxy (node adapter, real HTTP)', () => {
  it('forwards method, path and the exact query string', async () => {
    const res = await fetch(`${proxy.url}/api/echo?b=2&a=1&a=%2F%20x&empty=`, { method: 'DELETE' });
    const body = (await res.json()) as { method: string; url: string };
    expect(res.status).toBe(200);
    expect(body.method).toBe('DELETE');
    expect(body.url).toBe('/api/echo?b=2&a=1&a=%2F%20x&empty=');
  });

  it('forwards end-to-end headers, drops hop-by-hop ones and sets X-Forwarded-*', async () => {
    const res = await rawRequest(`${proxy.url}/api/echo`, {
      headers: {
        connection: 'keep-alive, x-conn-scoped',
        'x-conn-scoped': 'drop me',
        'keep-alive': 'timeout=5',
        'proxy-authorization': 'Basic Zm9vOmJhcg==',
        te: 'trailers',
        authorization: 'Bearer keep',
        cookie: 'session=abc; theme=dark',
        origin: 'http://ui.example.com',
        'x-custom': 'kept',
        'x-forwarded-for': '203.0.113.9',
      },
    });
    const seen = lastSeen!.headers;
    expect(res.status).toBe(200);
    expect(seen['authorization']).toBe('Bearer keep');
    expect(seen['cookie']).toBe('session=abc; theme=dark');
    expect(seen['origin']).toBe('http://ui.example.com');
    expect(seen['x-custom']).toBe('kept');
    expect(seen['x-conn-scoped']).toBeUndefined();
    expect(seen['keep-alive']).toBeUndefined();
    expect(seen['proxy-authorization']).toBeUndefined();
    expect(seen['te']).toBeUndefined();
    expect(seen['x-forwarded-host']).toBe(new URL(proxy.url).host);
    expect(seen['x-forwarded-proto']).toBe('http');
    expect(seen['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1');
    expect(seen['host']).toBe(new URL(backend.url).host);
  });

  it('keeps a valid X-Request-ID both ways and creates one otherwise', async () => {
    const kept = await fetch(`${proxy.url}/api/echo`, { headers: { 'x-request-id': 'abc-123_XYZ=' } });
    expect(kept.headers.get('x-request-id')).toBe('abc-123_XYZ=');
    expect(lastSeen!.headers['x-request-id']).toBe('abc-123_XYZ=');

    const made = await fetch(`${proxy.url}/api/echo`, { headers: { 'x-request-id': 'bad id with spaces' } });
    const id = made.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lastSeen!.headers['x-request-id']).toBe(id);

    const onNoContent = await fetch(`${proxy.url}/api/no-content`);
    expect(onNoContent.headers.get('x-request-id')).toBe('from-backend');
  });

  it('returns several Set-Cookie headers separately', async () => {
    const res = await fetch(`${proxy.url}/api/cookies`);
    expect(res.headers.getSetCookie()).toEqual([
      'session=abc; Path=/; HttpOnly; SameSite=Lax',
      'theme=dark; Path=/',
      'csrf=x, y; Path=/',
    ]);
    const raw = await rawRequest(`${proxy.url}/api/cookies`);
    expect(raw.headers['set-cookie']).toHaveLength(3);
  });

  it('hands redirects to the client with their Location intact', async () => {
    const res = await fetch(`${proxy.url}/api/redirect`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://auth.example.com/consent?state=a%2Fb&x=1');
    expect(lastSeen!.url).toBe('/api/redirect');
  });

  it('streams server-sent events: the first event arrives before the response ends', async () => {
    const res = await fetch(`${proxy.url}/api/events`, { headers: { accept: 'text/event-stream' } });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    const first = await reader.read();
    expect(first.value).toBe('id: 1\ndata: first\n\n');
    releaseSecondEvent();
    let rest = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += value;
    }
    expect(rest).toBe('id: 2\ndata: second\n\n');
  });

  it('streams a large request body through', async () => {
    const chunk = new Uint8Array(1024 * 1024).map((_, i) => i % 251);
    const chunks = 24;
    const expected = createHash('sha256');
    for (let i = 0; i < chunks; i++) expected.update(chunk);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === chunks) controller.close();
        else {
          sent++;
          controller.enqueue(chunk);
        }
      },
    });
    const res = await fetch(`${proxy.url}/api/upload`, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'content-type': 'application/octet-stream' },
    } as RequestInit);
    const result = (await res.json()) as { bytes: number; sha256: string; chunked: boolean };
    expect(result).toEqual({ bytes: chunks * chunk.length, sha256: expected.digest('hex'), chunked: true });
  });

  it('forwards a body with Content-Length intact', async () => {
    const payload = JSON.stringify({ hello: 'world', list: Array.from({ length: 1000 }, (_, i) => i) });
    const res = await rawRequest(`${proxy.url}/api/upload`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) },
      body: payload,
    });
    const result = JSON.parse(res.body) as { bytes: number };
    expect(result.bytes).toBe(Buffer.byteLength(payload));
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await rawRequest(`${proxy.url}/api/head`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers['x-extra']).toBe('yes');
    expect(res.headers['content-length']).toBe('11');
    expect(res.body).toBe('');
    expect(lastSeen!.method).toBe('HEAD');
  });

  it('passes 204 and 404 through untouched', async () => {
    const empty = await fetch(`${proxy.url}/api/no-content`, { method: 'POST', body: '{}' });
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
    const missing = await fetch(`${proxy.url}/api/nope`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('drops Content-Encoding when fetch has already decoded the body', async () => {
    const res = await rawRequest(`${proxy.url}/api/gzip`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.body)).toEqual({ compressed: true });
  });

  it('keeps a base path of BACKEND_URL', async () => {
    const prefixed = await serveHandler(createProxyHandler({ backendUrl: `${backend.url}/base/` }));
    try {
      await fetch(`${prefixed.url}/api/echo?x=1`);
      expect(lastSeen!.url).toBe('/base/api/echo?x=1');
    } finally {
      await prefixed.close();
    }
  });

  it('answers 502 bad_gateway with a request id when the backend cannot be reached', async () => {
    const port = await unusedPort();
    const dead = await serveHandler(createProxyHandler({ backendUrl: `http://127.0.0.1:${port}` }));
    try {
      const res = await fetch(`${dead.url}/api/auth/me`, { headers: { 'x-request-id': 'trace-me-1' } });
      expect(res.status).toBe(502);
      expect(res.headers.get('x-request-id')).toBe('trace-me-1');
      const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
      expect(body.error.code).toBe('bad_gateway');
      expect(body.error.requestId).toBe('trace-me-1');
      expect(body.error.message).toMatch(/could not be reached/);

      const anonymous = await fetch(`${dead.url}/api/version`);
      const id = anonymous.headers.get('x-request-id');
      expect(id).toBeTruthy();
      expect(((await anonymous.json()) as { error: { requestId: string } }).error.requestId).toBe(id);
    } finally {
      await dead.close();
    }
  });
});
