import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index';
import { appToken, connectSeller, control, errorOf, get, startTestEmulator, tokenRequest } from './helpers/emulator.helper';
import { expectSchema } from './helpers/schema.helper';
import { errorEnvelopeSchema, rateLimitsSchema } from './schemas/rest.schemas';

let emu: RunningEmulator;
let tokens: { access_token: string; refresh_token: string };
const ordersUrl = (): string => `${emu.url}/sell/fulfillment/v1/order?limit=1`;

beforeAll(async () => {
  emu = await startTestEmulator({ ordersPerSeller: 300, accessTokenLifetimeSeconds: 60 });
});
beforeEach(async () => {
  await control(emu.url, 'POST', '/reset', {});
  tokens = await connectSeller(emu.url, 'vintage.vault_us');
});
afterAll(async () => {
  await emu.close();
});

describe('bearer tokens', () => {
  it('missing -> 1002, unknown -> 1001 "Invalid access token", app token or missing scope -> 1100', async () => {
    const missing = await get(ordersUrl(), undefined);
    expect(missing.status).toBe(401);
    expect(errorOf(missing.body).errorId).toBe(1002);
    const unknown = await get(ordersUrl(), 'v^1.1#i^1#garbage');
    expect(unknown.status).toBe(401);
    expectSchema(errorEnvelopeSchema, unknown.body);
    expect(errorOf(unknown.body)).toMatchObject({ errorId: 1001, domain: 'OAuth', message: 'Invalid access token' });
    const app = await get(ordersUrl(), await appToken(emu.url));
    expect(app.status).toBe(403);
    expect(errorOf(app.body)).toMatchObject({ errorId: 1100, message: 'Access denied' });
    const narrow = await connectSeller(emu.url, 'vintage.vault_us', ['https://api.ebay.com/oauth/api_scope/commerce.identity.readonly']);
    const denied = await get(ordersUrl(), narrow.access_token);
    expect(denied.status).toBe(403);
    expect(errorOf(denied.body).errorId).toBe(1100);
    expect(missing.headers.get('rlogid')).toBeTruthy();
  });

  it('access tokens expire with the virtual clock and refresh gives a working token', async () => {
    await control(emu.url, 'POST', '/clock/advance', { seconds: 61 });
    const expired = await get(ordersUrl(), tokens.access_token);
    expect(errorOf(expired.body).errorId).toBe(1001);
    const res = await tokenRequest(emu.url, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    const { access_token } = (await res.json()) as { access_token: string };
    expect((await get(ordersUrl(), access_token)).status).toBe(200);
  });

  it('early expiry and revocation', async () => {
    await control(emu.url, 'POST', '/tokens/expire');
    expect(errorOf((await get(ordersUrl(), tokens.access_token)).body).errorId).toBe(1001);
    await control(emu.url, 'POST', '/sellers/vintage.vault_us/revoke-tokens');
    const res = await tokenRequest(emu.url, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_grant');
  });
});

describe('quotas and Developer Analytics', () => {
  it('counts calls live and answers 429 errorId 2001 when the daily quota is used up', async () => {
    await control(emu.url, 'PUT', '/quotas', { fulfillment: 3 });
    for (let i = 0; i < 3; i += 1) expect((await get(ordersUrl(), tokens.access_token)).status).toBe(200);
    const over = await get(ordersUrl(), tokens.access_token);
    expect(over.status).toBe(429);
    expect(errorOf(over.body)).toMatchObject({ errorId: 2001, domain: 'ACCESS', message: 'Too many requests.' });
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);

    const app = await appToken(emu.url);
    const limits = await get(`${emu.url}/developer/analytics/v1_beta/rate_limit/?api_context=sell&api_name=Fulfillment`, app);
    expectSchema(rateLimitsSchema, limits.body);
    const rate = (limits.body as { rateLimits: { resources: { name: string; rates: { count: number; limit: number; remaining: number }[] }[] }[] }).rateLimits[0]!.resources.find((r) => r.name === 'sell.fulfillment')!.rates[0]!;
    expect(rate).toMatchObject({ count: 3, limit: 3, remaining: 0 });

    const userLimits = await get(`${emu.url}/developer/analytics/v1_beta/user_rate_limit/`, tokens.access_token);
    expectSchema(rateLimitsSchema, userLimits.body);
    expect((await get(`${emu.url}/developer/analytics/v1_beta/rate_limit/`, tokens.access_token)).status).toBe(403);

    await control(emu.url, 'POST', '/quotas/reset');
    expect((await get(ordersUrl(), tokens.access_token)).status).toBe(200);
  });
});

describe('faults', () => {
  it('injects 5xx with eBay error bodies, 429 bursts with Retry-After, connection resets and hung responses', async () => {
    await control(emu.url, 'PUT', '/faults', {
      queue: [
        { kind: 'error', operation: 'getOrders', status: 503 },
        { kind: 'rate_limit', operation: 'getOrders', retryAfterSeconds: 2, count: 2 },
        { kind: 'reset', operation: 'getOrders' },
        { kind: 'hang', operation: 'getOrders' },
      ],
    });
    const e = await get(ordersUrl(), tokens.access_token);
    expect(e.status).toBe(503);
    expectSchema(errorEnvelopeSchema, e.body);
    for (let i = 0; i < 2; i += 1) {
      const r = await get(ordersUrl(), tokens.access_token);
      expect(r.status).toBe(429);
      expect(r.headers.get('retry-after')).toBe('2');
    }
    await expect(fetch(ordersUrl(), { headers: { authorization: `Bearer ${tokens.access_token}` } })).rejects.toThrow();
    await expect(fetch(ordersUrl(), { headers: { authorization: `Bearer ${tokens.access_token}` }, signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect((await get(ordersUrl(), tokens.access_token)).status).toBe(200);
    const log = (await control(emu.url, 'GET', '/requests?limit=10')) as { requests: { status: number; fault?: string; tokenHint?: string; path: string }[] };
    expect(log.requests.some((r) => r.fault === 'reset')).toBe(true);
    expect(log.requests.every((r) => !r.tokenHint || r.tokenHint.length <= 7)).toBe(true);
  });

  it('probabilistic error rates are deterministic from the seed', async () => {
    const run = async (): Promise<number[]> => {
      await control(emu.url, 'PUT', '/faults', { endpoints: { getOrders: { errorRate: 0.5 } } });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) statuses.push((await get(ordersUrl(), tokens.access_token)).status);
      return statuses;
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    expect(a.some((s) => s >= 500)).toBe(true);
    expect(a.some((s) => s === 200)).toBe(true);
  });

  it('adds latency', async () => {
    await control(emu.url, 'PUT', '/faults', { latencyMs: 150 });
    const t = Date.now();
    await get(ordersUrl(), tokens.access_token);
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
  });
});
