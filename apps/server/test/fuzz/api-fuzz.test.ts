import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../helpers/app';
import { connectSeller, createEbayTestApp, sellers, startTestEmulator, type EbayTestApp, type Emulator } from '../accounts/ebay-fixture';

/**
 * Sends hostile input to EVERY route in `app.routeTable` (whatever features are registered when this runs), as an
 * admin (bearer) and unauthenticated, over a real HTTP port. Asserts: no 5xx, every error is the JSON envelope
 * with the response's request id, the process keeps answering, and no stored data changed.
 * The PRNG is seeded: a failure names its case and reproduces with the same FUZZ_SEED.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20240611);
const BODY_LIMIT = 16_384;

/** mulberry32: small, deterministic, good enough to pick cases. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const INJECTIONS = ["' OR 1=1 --", '"; DROP TABLE users; --', '${7*7}', '{{7*7}}', '<script>alert(1)</script>', '$where', '%s%n%x'];
const ODD_STRINGS = [
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  '\u202eevil\u202c',
  'مرحبا',
  '👩‍👩‍👧‍👦🔥',
  'e\u0301\u0301\u0301',
  'x'.repeat(10_000),
  '',
  ' ',
  '\r\n\t',
  ...INJECTIONS,
  '../../etc/passwd',
];
const WRONG_TYPES: unknown[] = [123, -1, 1e308, true, null, [], [1, 'a'], { nested: { deeper: ['x'] } }, 'x'.repeat(10_000)];

/** Path segment values, already URL-encoded (some deliberately invalid). */
const PATH_VALUES = [
  '0',
  '-1',
  '99999999999999999999999',
  'not-an-id',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  encodeURIComponent("' OR 1=1 --"),
  encodeURIComponent('"; DROP TABLE users; --'),
  encodeURIComponent('${7*7}'),
  encodeURIComponent('<script>'),
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '%2e%2e',
  '%00',
  'a%00b',
  '%ED%A0%80', // a lone surrogate as (invalid) UTF-8
  '%FF%FE',
  '%E2%80%AE', // RTL override
  encodeURIComponent('👩‍👩‍👧‍👦'),
  'x'.repeat(10_000),
  '%',
  '%zz',
];

const QUERY_KEYS = ['limit', 'cursor', 'offset', 'page', 'sort', 'order', 'q', 'search', 'status', 'accountId', 'resource', 'since', 'from', 'to', 'id', 'label', 'returnTo', 'challenge_code', 'code', 'state', 'error', 'after', 'before', 'format'];
const QUERY_VALUES = [
  '-1',
  '0',
  '99999999999999999999',
  '1e309',
  'NaN',
  'abc',
  'bogus-cursor',
  Buffer.from('{"id":"\' OR 1=1 --","ts":"not-a-date"}').toString('base64url'),
  Buffer.from('null').toString('base64url'),
  Buffer.from('[1,2,3]').toString('base64url'),
  '2024-13-45T99:99:99Z',
  '../../etc/passwd',
  "' OR 1=1 --",
  '${7*7}',
  '<script>',
  '\u0000',
  '%00',
  '👩‍👩‍👧‍👦',
  'x'.repeat(10_000),
];

interface Case {
  label: string;
  path: string;
  query?: string;
  body?: string;
  contentType?: string;
}

type ErrorEnvelope = { error?: { code?: unknown; message?: unknown; requestId?: unknown } };

function parseJson(text: string): ErrorEnvelope | null {
  try {
    return JSON.parse(text) as ErrorEnvelope;
  } catch {
    return null;
  }
}

function concretePath(url: string, value: string): string {
  return url.replace(/:(\w+)/g, value).replace(/\*$/, value);
}

function rawQuery(): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(random() * 3);
  for (let i = 0; i < n; i += 1) {
    const key = pick(QUERY_KEYS);
    const value = pick(QUERY_VALUES);
    // Sometimes raw (invalid escapes), sometimes encoded, sometimes repeated (arrays).
    const encoded = random() < 0.3 ? value.replace(/[ #&]/g, encodeURIComponent) : encodeURIComponent(value);
    parts.push(`${key}=${encoded}`);
    if (random() < 0.2) parts.push(`${key}=${encodeURIComponent(pick(QUERY_VALUES))}`);
  }
  if (random() < 0.1) parts.push('limit[]=1', 'cursor[a]=b');
  return parts.join('&');
}

function objectBody(): Record<string, unknown> {
  // Common field names of our API with wrong types or hostile strings; never a valid request.
  const fields = ['email', 'password', 'role', 'disabled', 'label', 'accountId', 'accountIds', 'resource', 'resources', 'mode', 'enabled', 'intervalMinutes', 'schedules', 'since', 'until', 'name', 'id', 'metadata', 'notification'];
  const body: Record<string, unknown> = {};
  for (const f of fields) body[f] = random() < 0.5 ? pick(WRONG_TYPES) : pick(ODD_STRINGS);
  return body;
}

/** Right types, hostile content: strings that pass a type check and must still not reach SQL unsafely. */
function stringBody(): Record<string, unknown> {
  const odd = pick(ODD_STRINGS);
  return { email: `a${odd}@example.test`, password: `${odd}-long-enough-password`, label: odd, role: odd, resource: odd, mode: odd, accountId: odd, name: odd };
}

function bodyCases(path: string): Case[] {
  const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
  return [
    { label: 'malformed JSON', path, body: '{"email": "a@b.c", ', contentType: 'application/json' },
    { label: 'malformed JSON (trailing comma)', path, body: '{"a":1,}', contentType: 'application/json' },
    { label: 'empty JSON', path, body: '', contentType: 'application/json' },
    { label: 'JSON array', path, body: '[]', contentType: 'application/json' },
    { label: 'JSON string', path, body: '"hello"', contentType: 'application/json' },
    { label: 'JSON number', path, body: '42', contentType: 'application/json' },
    { label: 'JSON null', path, body: 'null', contentType: 'application/json' },
    { label: 'wrong types', path, body: JSON.stringify(objectBody()), contentType: 'application/json' },
    { label: 'wrong types 2', path, body: JSON.stringify(objectBody()), contentType: 'application/json' },
    { label: 'hostile strings', path, body: JSON.stringify(stringBody()), contentType: 'application/json' },
    { label: 'hostile strings 2', path, body: JSON.stringify(stringBody()), contentType: 'application/json' },
    { label: 'odd unicode', path, body: JSON.stringify(Object.fromEntries(ODD_STRINGS.map((s, i) => [`f${i}`, s]))), contentType: 'application/json' },
    { label: 'prototype pollution', path, body: '{"__proto__":{"role":"admin"},"constructor":{"prototype":{"role":"admin"}}}', contentType: 'application/json' },
    { label: 'deep nesting', path, body: deep, contentType: 'application/json' },
    { label: 'huge body', path, body: JSON.stringify({ label: 'x'.repeat(BODY_LIMIT * 2) }), contentType: 'application/json' },
    { label: 'text/plain body', path, body: 'hello', contentType: 'text/plain' },
    { label: 'form body', path, body: 'email=a%40b.c&password=x', contentType: 'application/x-www-form-urlencoded' },
    { label: 'invalid UTF-8 JSON', path, body: '{"label":"\xff\xfe"}', contentType: 'application/json; charset=utf-8' },
  ];
}

function casesFor(method: string, url: string): Case[] {
  const cases: Case[] = [];
  const hasParams = /:\w+|\*$/.test(url);
  const basePath = concretePath(url, '00000000-0000-0000-0000-000000000000');
  if (hasParams) for (const value of PATH_VALUES) cases.push({ label: `path value ${value.slice(0, 40)}`, path: concretePath(url, value) });
  for (let i = 0; i < 30; i += 1) cases.push({ label: 'bad query', path: basePath, query: rawQuery() });
  cases.push({ label: 'traversal suffix', path: `${basePath}/../../etc/passwd` });
  cases.push({ label: 'encoded traversal suffix', path: `${basePath}/%2e%2e%2f%2e%2e%2fetc%2fpasswd` });
  if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') cases.push(...bodyCases(basePath));
  return cases;
}

describe('fuzz every route', () => {
  let emulator: Emulator;
  let t: EbayTestApp;
  let admin: Session;
  let throwaway: Session;
  let base: string;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    t = await createEbayTestApp(emulator, { extra: { env: { BODY_LIMIT_BYTES: String(BODY_LIMIT) } } });
    admin = await t.loginAs('admin');
    const operator = await t.loginAs('operator');
    throwaway = await t.loginAs('admin');
    await t.loginAs('viewer');
    const seller = (await sellers(emulator))[0]!;
    const connected = await connectSeller(t, emulator, operator.cookie, seller.username, 'Fuzz shop');
    if (connected.statusCode !== 302) throw new Error(`connect failed: ${connected.statusCode}`);
    await t.ebay.ledger.flush();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await t?.close();
    await emulator?.close();
  });

  /**
   * Row count and a hash of every row of each application table. Left out, because they legitimately change on
   * requests that fail or that only read: `login_failures` (every refused sign-in is counted), `ebay_calls` and
   * `ebay_events` (the call ledger and the live log record what happened), `ebay_oauth_states` (every
   * `GET /api/ebay/oauth/start` creates a pending consent), and the `sessions` rows of the throwaway admin whose
   * session the fuzzed `POST /api/auth/logout` revokes. `pgboss.*` is the job queue, not application data.
   */
  async function snapshot(): Promise<Record<string, string>> {
    const skip = new Set(['login_failures', 'ebay_calls', 'ebay_events', 'ebay_oauth_states']);
    const { rows } = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = 'public' order by tablename`.execute(t.db);
    const out: Record<string, string> = {};
    for (const { tablename } of rows) {
      if (skip.has(tablename)) continue;
      const filter = tablename === 'sessions' ? sql`where t.user_id <> ${throwaway.user.id}` : sql``;
      const r = await sql<{ n: string; h: string | null }>`
        select count(*) as n, md5(string_agg(t::text, '|' order by t::text)) as h from ${sql.table(tablename)} t ${filter}
      `.execute(t.db);
      out[tablename] = `${r.rows[0]?.n ?? '?'}:${r.rows[0]?.h ?? '-'}`;
    }
    return out;
  }

  it('answers hostile input on every route without a 5xx, in the envelope, changing nothing', { timeout: 120_000 }, async () => {
    const before = await snapshot();
    const routes = t.app.routeTable.filter((r) => r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(10);
    const failures: string[] = [];
    const acceptedWrites: string[] = [];
    let sent = 0;
    const statuses = new Map<number, number>();

    for (const route of routes) {
      for (const c of casesFor(route.method, route.url)) {
        for (const who of ['admin', 'anonymous'] as const) {
          // The throwaway admin's session is the one logout may revoke; everything else uses the main admin.
          const token = route.url === '/api/auth/logout' ? throwaway.token : admin.token;
          const headers: Record<string, string> = { accept: 'application/json' };
          if (who === 'admin') headers.authorization = `Bearer ${token}`;
          if (c.contentType) headers['content-type'] = c.contentType;
          const target = `${base}${c.path}${c.query ? `?${c.query}` : ''}`;
          const what = `${route.method} ${route.url} [${c.label}] as ${who} (seed ${SEED}): ${target.slice(0, 200)}`;
          let res: Response;
          try {
            res = await fetch(target, {
              method: route.method,
              headers,
              ...(c.body === undefined ? {} : { body: c.body }),
              redirect: 'manual',
              signal: AbortSignal.timeout(10_000),
            });
          } catch (err) {
            failures.push(`${what}: request failed (${(err as Error).message})`);
            continue;
          }
          sent += 1;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const type = res.headers.get('content-type') ?? '';
          if (type.startsWith('text/event-stream')) {
            await res.body?.cancel();
            continue;
          }
          const text = await res.text();
          if (res.status >= 500) failures.push(`${what}: ${res.status} ${text.slice(0, 300)}`);
          if (res.status >= 200 && res.status < 300 && route.method !== 'GET') acceptedWrites.push(what);
          if (res.status < 400) continue;
          const requestId = res.headers.get('x-request-id');
          if (!requestId) failures.push(`${what}: no X-Request-ID`);
          if (route.url === '/api/ebay/oauth/callback' && type.startsWith('text/html')) {
            // The callback is the browser's landing page (HTML by design); it must still show the request id.
            if (!requestId || !text.includes(requestId)) failures.push(`${what}: HTML error page without its request id`);
            continue;
          }
          const body = parseJson(text);
          if (!type.startsWith('application/json') || typeof body?.error?.code !== 'string' || typeof body.error.message !== 'string' || body.error.requestId !== requestId) {
            failures.push(`${what}: ${res.status} not the error envelope: ${type} ${text.slice(0, 200)}`);
          }
        }
      }
    }

    if (process.env.FUZZ_VERBOSE) console.log({ sent, routes: routes.map((r) => `${r.method} ${r.url}`), statuses: Object.fromEntries(statuses) });
    // Still alive and still answering.
    expect((await fetch(`${base}/healthz/db`)).status).toBe(200);
    expect((await fetch(`${base}/api/auth/me`, { headers: { authorization: `Bearer ${admin.token}` } })).status).toBe(200);
    expect(failures.slice(0, 40), `${failures.length} failures of ${sent} requests`).toEqual([]);
    // Only logout (of the throwaway session) may succeed with garbage; the deletion endpoint answers 204 only
    // to signed notifications.
    expect(acceptedWrites.filter((w) => !w.startsWith('POST /api/auth/logout '))).toEqual([]);
    await t.ebay.ledger.flush();
    expect(await snapshot()).toEqual(before);
  });
});
