import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from './helpers/app';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp({ env: { ALLOWED_ORIGINS: 'https://ui.example.test' } });
  admin = await t.loginAs('admin');
});
afterAll(() => t.close());

const newUser = () => ({ email: `u${Math.random().toString(36).slice(2)}@example.test`, password: 'long-enough-password', role: 'viewer' });

describe('CSRF origin check on cookie-authenticated unsafe requests', () => {
  it('rejects a cookie POST without Origin or Referer', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: { cookie: admin.cookie }, payload: newUser() });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_rejected');
  });

  it('rejects a foreign Origin (and a foreign Referer)', async () => {
    for (const headers of [{ origin: 'https://evil.example' }, { referer: 'https://evil.example/page' }, { origin: 'null' }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: { cookie: admin.cookie, ...headers }, payload: newUser() });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().error.code).toBe('csrf_rejected');
    }
  });

  it('accepts the same origin, a same-origin Referer and ALLOWED_ORIGINS', async () => {
    for (const headers of [
      { origin: 'http://localhost:80' }, // the default port normalises away: same origin
      { origin: 'http://localhost' },
      { referer: 'http://localhost/admin/users' },
      { origin: 'https://ui.example.test' },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: { cookie: admin.cookie, host: 'localhost', ...headers }, payload: newUser() });
      expect(res.statusCode, JSON.stringify(headers)).toBe(201);
    }
  });

  it('exempts bearer-authenticated requests', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: { authorization: `Bearer ${admin.token}`, origin: 'https://evil.example' }, payload: newUser() });
    expect(res.statusCode).toBe(201);
  });

  it('does not check safe methods', async () => {
    const res = await t.app.inject({ url: '/api/auth/me', headers: { cookie: admin.cookie, origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(200);
  });

  it('answers 401 (not 403) when the cookie is invalid, whatever the Origin', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: 'ebc_session=bogus', origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(401);
  });
});
