import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, LoginResponse, MeResponse, VersionResponse } from '@ebay-connector/contract';
import { serveHandler, type RunningServer } from '../src/edge/node-server';
import { createProxyHandler } from '../src/edge/proxy';
import { admin, startApiServer, type RunningApiServer } from './helpers/server';

let server: RunningApiServer;
let proxy: RunningServer;

beforeAll(async () => {
  // TRUST_PROXY: the server takes its own origin from X-Forwarded-Host/Proto, as set by the proxy.
  server = await startApiServer({ TRUST_PROXY: 'true' });
  proxy = await serveHandler(createProxyHandler({ backendUrl: server.url }));
});

afterAll(async () => {
  await proxy?.close();
  await server?.stop();
});

function cookieHeader(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

describe('edge proxy in front of the real server', () => {
  it('signs in through the proxy: the session cookie arrives and /api/auth/me works with it', async () => {
    const login = await fetch(`${proxy.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: proxy.url },
      body: JSON.stringify(admin),
    });
    expect(login.status).toBe(200);
    const body = (await login.json()) as LoginResponse;
    expect(body.user.email).toBe(admin.email);
    const setCookie = login.headers.getSetCookie();
    expect(setCookie.length).toBeGreaterThan(0);
    expect(setCookie.join('\n')).toMatch(/HttpOnly/i);
    expect(setCookie.join('\n')).toMatch(/SameSite=Lax/i);

    const cookie = cookieHeader(login);
    const me = await fetch(`${proxy.url}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as MeResponse).user.email).toBe(admin.email);

    // Unsafe requests carry the page's Origin: the proxy's origin is the server's own origin via X-Forwarded-*.
    const users = await fetch(`${proxy.url}/api/admin/users`, {
      method: 'POST',
      headers: { cookie, origin: proxy.url, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'through-proxy@example.com', password: 'long-enough-pw', role: 'viewer' }),
    });
    expect(users.status).toBe(201);

    const foreign = await fetch(`${proxy.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example.com' },
    });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as ErrorBody).error.code).toBe('csrf_rejected');

    const logout = await fetch(`${proxy.url}/api/auth/logout`, { method: 'POST', headers: { cookie, origin: proxy.url } });
    expect(logout.status).toBe(204);
    const after = await fetch(`${proxy.url}/api/auth/me`, { headers: { cookie } });
    expect(after.status).toBe(401);
  });

  it('round-trips X-Request-ID, in headers and in error bodies', async () => {
    const version = await fetch(`${proxy.url}/api/version`, { headers: { 'x-request-id': 'edge-test-0001' } });
    expect(version.status).toBe(200);
    expect(version.headers.get('x-request-id')).toBe('edge-test-0001');
    expect(((await version.json()) as VersionResponse).version).toMatch(/^\d+\.\d+\.\d+/);

    const denied = await fetch(`${proxy.url}/api/auth/me`, { headers: { 'x-request-id': 'edge-test-0002' } });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('x-request-id')).toBe('edge-test-0002');
    const body = (await denied.json()) as ErrorBody;
    expect(body.error).toMatchObject({ code: 'unauthenticated', requestId: 'edge-test-0002' });

    const generated = await fetch(`${proxy.url}/api/auth/me`);
    const id = generated.headers.get('x-request-id');
    expect(id).toBeTruthy();
    expect(((await generated.json()) as ErrorBody).error.requestId).toBe(id);
  });

  it('passes validation errors through unchanged', async () => {
    const res = await fetch(`${proxy.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: proxy.url },
      body: JSON.stringify({ email: '', password: '' }),
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('validation_failed');
    expect(Array.isArray(body.error.details)).toBe(true);
  });
});
