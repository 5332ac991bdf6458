import { DEFAULT_APP, startEmulator, type EmulatorOptionsInput, type RunningEmulator } from '../../src/index';

export const ALL_SCOPES = [
  'https://api.ebay.com/oauth/api_scope',
  'https://api.ebay.com/oauth/api_scope/sell.fulfillment',
  'https://api.ebay.com/oauth/api_scope/sell.finances',
  'https://api.ebay.com/oauth/api_scope/sell.payment.dispute',
  'https://api.ebay.com/oauth/api_scope/sell.inventory',
  'https://api.ebay.com/oauth/api_scope/commerce.identity.readonly',
  'https://api.ebay.com/oauth/api_scope/commerce.message',
];

export const FIXED_NOW = '2025-06-01T12:00:00.000Z';

export function startTestEmulator(options: EmulatorOptionsInput = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, now: FIXED_NOW, ordersPerSeller: 2000, ...options });
}

export function basicAuth(): string {
  return `Basic ${Buffer.from(`${DEFAULT_APP.clientId}:${DEFAULT_APP.clientSecret}`).toString('base64')}`;
}

export async function tokenRequest(url: string, form: Record<string, string>, authorization = basicAuth()): Promise<Response> {
  return fetch(`${url}/identity/v1/oauth2/token`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

/** Run the consent flow through HTTP like a browser without JavaScript, returning the accept-URL redirect. */
export async function consent(url: string, seller: string, scopes: string[], decision: 'agree' | 'decline' = 'agree', state = 'xyz'): Promise<URL> {
  const query = new URLSearchParams({ client_id: DEFAULT_APP.clientId, redirect_uri: DEFAULT_APP.ruName, response_type: 'code', scope: scopes.join(' '), state });
  const page = await fetch(`${url}/oauth2/authorize?${query.toString()}`);
  if (page.status !== 200) throw new Error(`consent page ${page.status}`);
  const html = await page.text();
  const hidden = Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1] ?? '', (m[2] ?? '').replace(/&amp;/g, '&')]));
  const res = await fetch(`${url}/oauth2/authorize/decision`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...hidden, seller, decision }).toString(),
  });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`decision ${res.status}`);
  return new URL(location);
}

export interface UserTokens {
  access_token: string;
  refresh_token: string;
}

export async function connectSeller(url: string, seller: string, scopes: string[] = ALL_SCOPES): Promise<UserTokens> {
  const redirect = await consent(url, seller, scopes);
  const code = redirect.searchParams.get('code');
  if (!code) throw new Error('no code');
  const res = await tokenRequest(url, { grant_type: 'authorization_code', code, redirect_uri: DEFAULT_APP.ruName });
  if (res.status !== 200) throw new Error(`token ${res.status}`);
  return (await res.json()) as UserTokens;
}

export async function appToken(url: string): Promise<string> {
  const res = await tokenRequest(url, { grant_type: 'client_credentials', scope: 'https://api.ebay.com/oauth/api_scope' });
  return ((await res.json()) as { access_token: string }).access_token;
}

export async function get(url: string, token: string | undefined, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(url, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
  const text = await res.text();
  return { status: res.status, body: parseJson(text), headers: res.headers };
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : '';
  } catch {
    return text;
  }
}

export async function control(url: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${url}/__emulator${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return res.json() as Promise<unknown>;
}

export function errorOf(body: unknown): { errorId: number; domain: string; message: string } {
  const errors = (body as { errors?: { errorId: number; domain: string; message: string }[] }).errors;
  const first = errors?.[0];
  if (!first) throw new Error(`not an error envelope: ${JSON.stringify(body)}`);
  return first;
}
