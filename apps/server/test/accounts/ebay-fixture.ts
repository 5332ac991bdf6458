import { startEmulator, DEFAULT_APP } from '@ebay-connector/ebay-emulator';
import type { FastifyInstance } from 'fastify';
import { createEbayModule, type EbayModule } from '../../src/accounts/ebay.module';
import type { EbaySettings } from '../../src/accounts/ebay-settings';
import { createTestApp, TEST_APP_SECRET, type TestApp, type TestAppOptions } from '../helpers/app';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { testLogger } from '../helpers/silent-logger';

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

export async function startTestEmulator(): Promise<Emulator> {
  const emulator = await startEmulator({ port: 0, sellers: 2, ordersPerSeller: 5, inventoryItems: 1, historyDays: 30 });
  await control(emulator, 'PUT', '/app/accept-url', { url: 'http://localhost:3000/api/ebay/oauth/callback' });
  return emulator;
}

/** The emulator's control API (`/__emulator/...`). */
export async function control<T = unknown>(emulator: Emulator, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${emulator.url}/__emulator${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator ${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export function ebaySettings(emulatorUrl: string, overrides: Partial<EbaySettings> = {}): EbaySettings {
  return {
    environment: 'emulator',
    clientId: DEFAULT_APP.clientId,
    clientSecret: DEFAULT_APP.clientSecret,
    ruName: DEFAULT_APP.ruName,
    baseUrls: { authBaseUrl: emulatorUrl, apiBaseUrl: emulatorUrl, apizBaseUrl: emulatorUrl },
    emulatorPort: 0,
    demoLiveOrdersPerDay: null,
    appSecretPrevious: null,
    debugEndpoints: true,
    deletion: { verificationToken: 'test-verification-token-0123456789abcdef', endpointUrl: null },
    ledger: { bodyMaxBytes: 4096, retentionDays: 30 },
    events: { retentionHours: 24, heartbeatMs: 200 },
    ...overrides,
  };
}

export interface EbayTestApp extends TestApp {
  ebay: EbayModule;
  logLines: Record<string, unknown>[];
}

/** The real app with the eBay feature wired to `emulator`, on `database` (fresh by default). */
export async function createEbayTestApp(
  emulator: Emulator,
  options: { database?: TestDatabase; settings?: Partial<EbaySettings>; publicUrl?: string; extra?: TestAppOptions } = {},
): Promise<EbayTestApp> {
  const logLines: Record<string, unknown>[] = [];
  const database = options.database ?? (await createTestDatabase());
  const ebay = createEbayModule({
    settings: ebaySettings(emulator.url, options.settings),
    db: database.db,
    logger: testLogger(logLines),
    appSecret: TEST_APP_SECRET,
    databaseUrl: database.url,
    publicUrl: options.publicUrl ?? 'http://localhost:3000',
  });
  const t = await createTestApp({
    ...options.extra,
    database,
    logLines,
    deps: { ...options.extra?.deps, ebay },
  });
  return {
    ...t,
    ebay,
    logLines,
    async close() {
      await t.close();
      await ebay.close();
      if (!options.database) await database.destroy();
    },
  };
}

/** Runs the consent flow as the browser would; returns the callback path+query eBay redirected to. */
export async function consent(
  emulator: Emulator,
  authorizeUrl: string,
  decision: { seller?: string; agree?: boolean },
): Promise<string> {
  const url = new URL(authorizeUrl);
  const form = new URLSearchParams({
    client_id: url.searchParams.get('client_id') ?? '',
    redirect_uri: url.searchParams.get('redirect_uri') ?? '',
    scope: url.searchParams.get('scope') ?? '',
    state: url.searchParams.get('state') ?? '',
    decision: decision.agree === false ? 'decline' : 'agree',
    seller: decision.seller ?? '',
  });
  const res = await fetch(`${emulator.url}/oauth2/authorize/decision`, { method: 'POST', body: form, redirect: 'manual' });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`consent did not redirect: ${res.status} ${await res.text()}`);
  const target = new URL(location);
  return `${target.pathname}${target.search}`;
}

export async function sellers(emulator: Emulator): Promise<Array<{ id: string; username: string; userId: string }>> {
  return (await control<{ sellers: Array<{ id: string; username: string; userId: string }> }>(emulator, 'GET', '/sellers')).sellers;
}

/** Connects `seller` through the whole flow with an operator session; returns the callback response. */
export async function connectSeller(t: TestApp, emulator: Emulator, cookie: string, seller: string, label?: string) {
  const start = await t.app.inject({
    method: 'GET',
    url: `/api/ebay/oauth/start${label ? `?label=${encodeURIComponent(label)}` : ''}`,
    headers: { cookie, accept: 'application/json' },
  });
  if (start.statusCode !== 200) throw new Error(`start failed: ${start.statusCode} ${start.body}`);
  const callback = await consent(emulator, start.json<{ authorizeUrl: string }>().authorizeUrl, { seller });
  return t.app.inject({ method: 'GET', url: callback });
}

export type { FastifyInstance };
