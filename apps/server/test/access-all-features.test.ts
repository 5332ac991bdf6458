import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@ebay-connector/contract';
import type { Access } from '../src/platform/route-access';
import type { Session } from './helpers/app';
import { createSyncTestApp, startSyncEmulator, type Emulator, type SyncTestApp } from './sync/sync-fixture';

// The same 401-vs-403 rule as access.test.ts, over the app as `npm start` builds it: every feature registered
// (accounts, call ledger, live events, sync, data, dashboard, admin).
let emulator: Emulator;
let t: SyncTestApp;
const sessions = {} as Record<Role, Session>;

beforeAll(async () => {
  emulator = await startSyncEmulator({ ordersPerSeller: 5, inventoryItems: 2 });
  t = await createSyncTestApp(emulator, { worker: false });
  for (const role of ['viewer', 'operator', 'admin'] as const) sessions[role] = await t.loginAs(role);
});
afterAll(async () => {
  await t.close();
  await emulator.close();
});

const allowed: Record<Exclude<Access, 'public'>, Role[]> = {
  authenticated: ['viewer', 'operator', 'admin'],
  operator: ['operator', 'admin'],
  admin: ['admin'],
};

const concrete = (url: string): string => url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');

describe('route access with every feature registered', () => {
  it('public /api routes are only the ones that must be public', () => {
    const publicApi = t.app.routeTable
      .filter((r) => r.url.startsWith('/api/') && r.access === 'public' && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(publicApi).toEqual(
      [
        'GET /api/ebay/notifications/account-deletion',
        'GET /api/ebay/oauth/callback',
        'GET /api/version',
        'POST /api/auth/login',
        'POST /api/ebay/notifications/account-deletion',
      ].sort(),
    );
  });

  it('answers 401 without credentials and 403 for a lower role on every protected route', async () => {
    const routes = t.app.routeTable.filter((r) => r.access !== 'public' && r.method !== 'HEAD');
    for (const url of ['/api/ebay/accounts', '/api/ebay/sync/all', '/api/orders', '/api/ebay/logs', '/api/dashboard']) {
      expect(routes.some((r) => r.url === url), url).toBe(true);
    }
    for (const route of routes) {
      const method = route.method as 'GET';
      const url = concrete(route.url);
      const body = method === 'GET' || method === ('DELETE' as 'GET') ? {} : { payload: {} };
      const anonymous = await t.app.inject({ method, url, ...body });
      expect(anonymous.statusCode, `${method} ${url} without credentials`).toBe(401);
      expect(anonymous.json().error.code).toBe('unauthenticated');

      for (const role of ['viewer', 'operator', 'admin'] as const) {
        if (allowed[route.access as Exclude<Access, 'public'>].includes(role)) continue;
        const res = await t.app.inject({
          method,
          url,
          headers: { authorization: `Bearer ${sessions[role].token}` },
          ...body,
        });
        expect(res.statusCode, `${method} ${url} as ${role}`).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
    }
  });

  it('the call ledger is readable by every signed-in role (never 403)', async () => {
    for (const role of ['viewer', 'operator', 'admin'] as const) {
      const res = await t.app.inject({
        url: '/api/ebay/logs?limit=100',
        headers: { authorization: `Bearer ${sessions[role].token}` },
      });
      expect(res.statusCode, role).toBe(200);
    }
  });
});
