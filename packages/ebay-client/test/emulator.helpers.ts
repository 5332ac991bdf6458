import { DEFAULT_APP, startEmulator } from '@ebay-connector/ebay-emulator';
import { createEbayClient, type EbayCallRecord, type EbayClient, type EbayClientOptions } from '../src/index';

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;
export type EmulatorOptions = Parameters<typeof startEmulator>[0];

export { DEFAULT_APP };

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ port: 0, seed: 7, sellers: 2, ordersPerSeller: 120, ...options });
}

/** An app-level client pointed at the emulator for all three hosts. */
export function appClient(emu: Emulator, extra: Partial<EbayClientOptions> = {}): EbayClient {
  return createEbayClient({
    baseUrls: { authBaseUrl: emu.url, apiBaseUrl: emu.url, apizBaseUrl: emu.url },
    credentials: { clientId: DEFAULT_APP.clientId, clientSecret: DEFAULT_APP.clientSecret, ruName: DEFAULT_APP.ruName },
    retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 3000 },
    timeoutMs: 10_000,
    ...extra,
  });
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Walks the emulator's consent form like a browser and returns the authorization code from the accept redirect. */
export async function consent(
  emu: Emulator,
  client: EbayClient,
  options: { sellerIndex?: number; state?: string } = {},
): Promise<{ code: string; seller: string; state: string | null }> {
  const consentUrl = client.oauth.buildConsentUrl({ state: options.state ?? 'state-123' });
  const page = await fetch(consentUrl);
  if (page.status !== 200) throw new Error(`consent page returned ${page.status}: ${await page.text()}`);
  const html = await page.text();
  const sellers = [...html.matchAll(/name="seller" value="([^"]*)"/g)].map((m) => unescapeHtml(m[1] ?? ''));
  const seller = sellers[options.sellerIndex ?? 0];
  if (seller === undefined) throw new Error('consent page lists no seller');
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    form.set(m[1] ?? '', unescapeHtml(m[2] ?? ''));
  }
  form.set('seller', seller);
  form.set('decision', 'agree');
  const action = /<form[^>]*method="post"[^>]*action="([^"]+)"/i.exec(html)?.[1] ?? '/oauth2/authorize/decision';
  const res = await fetch(new URL(unescapeHtml(action), emu.url), { method: 'POST', body: form, redirect: 'manual' });
  const location = res.headers.get('location');
  if (location === null) throw new Error(`consent decision returned ${res.status} without redirect`);
  const accept = new URL(location, emu.url);
  const code = accept.searchParams.get('code');
  if (code === null) throw new Error(`accept URL has no code: ${location}`);
  return { code, seller, state: accept.searchParams.get('state') };
}

export interface ConnectedAccount {
  readonly client: EbayClient;
  readonly seller: string;
  readonly refreshToken: string;
  accessToken: string;
  readonly calls: EbayCallRecord[];
  refreshes: number;
}

/** Consents as a seller, exchanges the code and returns an account-scoped client that refreshes on 401. */
export async function connectAccount(
  emu: Emulator,
  extra: Partial<EbayClientOptions> = {},
  sellerIndex = 0,
): Promise<ConnectedAccount> {
  const calls: EbayCallRecord[] = [];
  const app = appClient(emu, { onCall: (c) => void calls.push(c), ...extra });
  const { code, seller } = await consent(emu, app, { sellerIndex });
  const tokens = await app.oauth.exchangeCode(code);
  const account: ConnectedAccount = {
    client: app,
    seller,
    refreshToken: tokens.refreshToken,
    accessToken: tokens.accessToken,
    calls,
    refreshes: 0,
  };
  const client = app.withAccount({
    getAccessToken: () => Promise.resolve(account.accessToken),
    onUnauthorized: async () => {
      account.refreshes += 1;
      const refreshed = await app.oauth.refreshAccessToken(account.refreshToken);
      account.accessToken = refreshed.accessToken;
    },
    ...(extra.maxConcurrency === undefined ? {} : { maxConcurrency: extra.maxConcurrency }),
    ...(extra.limiter === undefined ? {} : { limiter: extra.limiter }),
  });
  return Object.assign(account, { client });
}

/** Emulator control API. */
export async function control(emu: Emulator, method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${emu.url}/__emulator${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`control ${method} ${path} -> ${res.status}: ${text}`);
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

export function setFaults(emu: Emulator, faults: Record<string, unknown>): Promise<unknown> {
  return control(emu, 'PUT', '/faults', faults);
}

export function clearFaults(emu: Emulator): Promise<unknown> {
  return setFaults(emu, { latencyMs: 0, jitterMs: 0, endpoints: {}, queue: [] });
}
