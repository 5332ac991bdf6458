import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@ebay-connector/contract';
import type { Access } from '../src/platform/route-access';
import { createTestApp, type Session, type TestApp } from './helpers/app';

let t: TestApp;
const sessions = {} as Record<Role, Session>;
beforeAll(async () => {
  t = await createTestApp({
    beforeReady: (app) => {
      // A route that forgot to declare its access must still be protected.
      app.get('/api/test/undeclared', async () => ({ ok: true }));
    },
  });
  for (const role of ['viewer', 'operator', 'admin'] as const) sessions[role] = await t.loginAs(role);
});
afterAll(() => t.close());

const allowed: Record<Exclude<Access, 'public'>, Role[]> = {
  authenticated: ['viewer', 'operator', 'admin'],
  operator: ['operator', 'admin'],
  admin: ['admin'],
};

function concrete(url: string): string {
  return url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000').replace(/\*$/, 'x');
}

describe('route access', () => {
  it('collects every route, and an /api route without a declaration defaults to authenticated', () => {
    const table = t.app.routeTable;
    expect(table.find((r) => r.url === '/api/test/undeclared')?.access).toBe('authenticated');
    expect(table.find((r) => r.url === '/api/auth/login')?.access).toBe('public');
    expect(table.find((r) => r.url === '/api/admin/users' && r.method === 'GET')?.access).toBe('admin');
    for (const r of table.filter((r) => r.url.startsWith('/api/') && r.access === 'public')) {
      expect(['/api/auth/login', '/api/version']).toContain(r.url);
    }
  });

  it('answers 401 without credentials and 403 for a role below the route on EVERY protected route', async () => {
    const routes = t.app.routeTable.filter((r) => r.access !== 'public' && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThanOrEqual(6);
    for (const route of routes) {
      const method = route.method as 'GET';
      const url = concrete(route.url);
      const anonymous = await t.app.inject({ method, url, ...(method === 'GET' ? {} : { payload: {} }) });
      expect(anonymous.statusCode, `${method} ${url} without credentials`).toBe(401);
      expect(anonymous.json().error.code).toBe('unauthenticated');

      const access = route.access as Exclude<Access, 'public'>;
      for (const role of ['viewer', 'operator', 'admin'] as const) {
        if (allowed[access].includes(role)) continue;
        const res = await t.app.inject({
          method,
          url,
          headers: { authorization: `Bearer ${sessions[role].token}` },
          ...(method === 'GET' ? {} : { payload: {} }),
        });
        expect(res.statusCode, `${method} ${url} as ${role}`).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
    }
  });

  it('lets an allowed role through', async () => {
    const res = await t.app.inject({ url: '/api/test/undeclared', headers: { authorization: `Bearer ${sessions.viewer.token}` } });
    expect(res.statusCode).toBe(200);
  });
});
