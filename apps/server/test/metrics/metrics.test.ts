import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../helpers/app';
import { connectSeller, control, createEbayTestApp, sellers, startTestEmulator, type EbayTestApp, type Emulator } from '../accounts/ebay-fixture';

const TOKEN = 'metrics-token-0123456789abcdef';

/** Parses the Prometheus text format strictly: every line is HELP, TYPE or a sample; returns the samples. */
function parseExposition(text: string): Array<{ name: string; labels: Record<string, string>; value: number }> {
  const samples: Array<{ name: string; labels: Record<string, string>; value: number }> = [];
  const typed = new Set<string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const help = /^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .*$/.exec(line);
    if (help) continue;
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      typed.add(type[1]!);
      continue;
    }
    // Values as Prometheus parses them (Go ParseFloat: NaN and Inf in any case; prom-client writes `Nan`).
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.e+-]+|nan|[+-]inf)$/i.exec(line);
    if (!sample) throw new Error(`not a valid exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const m of (sample[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[m[1]!] = m[2]!;
    const name = sample[1]!;
    const family = name.replace(/_(bucket|sum|count)$/, '');
    if (!typed.has(name) && !typed.has(family)) throw new Error(`sample before its TYPE line: ${line}`);
    samples.push({ name, labels, value: Number(sample[3]) });
  }
  return samples;
}

function valueOf(samples: ReturnType<typeof parseExposition>, name: string, labels: Record<string, string>): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

describe('/metrics with the eBay module (loopback, no token)', () => {
  let emulator: Emulator;
  let t: EbayTestApp;
  let operator: Session;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    t = await createEbayTestApp(emulator);
    operator = await t.loginAs('operator');
  });
  afterAll(async () => {
    await t?.close();
    await emulator?.close();
  });

  async function scrape() {
    const res = await t.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseExposition(res.body);
  }

  it('counts HTTP requests by route pattern and status class, and their duration', async () => {
    const before = await scrape();
    const healthBefore = valueOf(before, 'ebay_connector_http_requests_total', { method: 'GET', route: '/healthz', status_class: '2xx' }) ?? 0;
    for (let i = 0; i < 3; i += 1) expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    await t.app.inject({ url: '/api/no/such/route/123' });
    await t.app.inject({ url: '/api/ebay/accounts' });

    const after = await scrape();
    expect(valueOf(after, 'ebay_connector_http_requests_total', { method: 'GET', route: '/healthz', status_class: '2xx' })).toBe(healthBefore + 3);
    expect(valueOf(after, 'ebay_connector_http_requests_total', { route: 'unmatched', status_class: '4xx' })).toBeGreaterThanOrEqual(1);
    // The raw path never becomes a label value.
    expect(after.some((s) => s.labels.route?.includes('123'))).toBe(false);
    expect(valueOf(after, 'ebay_connector_http_request_duration_seconds_count', { route: '/healthz' })).toBeGreaterThanOrEqual(3);
    expect(valueOf(after, 'ebay_connector_build_info', { version: '0.0.0-test', commit: 'test' })).toBe(1);
    expect(valueOf(after, 'ebay_connector_database_up', {})).toBe(1);
    expect(after.some((s) => s.name === 'process_cpu_user_seconds_total')).toBe(true);
  });

  it('counts eBay calls in process (ledger hook) and from the ledger table (all processes)', async () => {
    const seller = (await sellers(emulator))[0]!;
    const res = await connectSeller(t, emulator, operator.cookie, seller.username);
    expect(res.statusCode).toBe(302);
    await t.ebay.ledger.flush();

    const samples = await scrape();
    const inProcess = samples.filter((s) => s.name === 'ebay_connector_ebay_calls_total');
    expect(inProcess.length).toBeGreaterThan(0);
    expect(inProcess.every((s) => s.labels.api && s.labels.operation && /^(\dxx|none)$/.test(s.labels.status_class ?? ''))).toBe(true);
    const recent = samples.filter((s) => s.name === 'ebay_connector_ebay_calls_recent');
    expect(recent.reduce((n, s) => n + s.value, 0)).toBe(inProcess.reduce((n, s) => n + s.value, 0));
    expect(samples.some((s) => s.name === 'ebay_connector_ebay_call_duration_seconds_bucket' && s.labels.le === '+Inf')).toBe(true);
  });

  it('counts eBay answers of 429 (call limit) apart, from the ledger', async () => {
    // eBay refuses the first identity call for its call limit; the client waits the second it asks and retries.
    await control(emulator, 'PUT', '/faults', { queue: [{ kind: 'rate_limit', operation: 'getUser', retryAfterSeconds: 1 }] });
    const seller = (await sellers(emulator))[1]!;
    expect((await connectSeller(t, emulator, operator.cookie, seller.username)).statusCode).toBe(302);
    await t.ebay.ledger.flush();
    const samples = await scrape();
    const limited = samples.filter((s) => s.name === 'ebay_connector_ebay_calls_rate_limited_recent');
    expect(limited.map((s) => [s.labels.operation, s.value])).toEqual([['getUser', 1]]);
    expect(valueOf(samples, 'ebay_connector_ebay_calls_recent', { operation: 'getUser', status_class: '4xx' })).toBe(1);
  });

  it('reports sync runs by status and resource when the sync tables exist', async () => {
    const exists = await sql<{ ok: boolean }>`select to_regclass('sync_runs') is not null as ok`.execute(t.db);
    if (!exists.rows[0]?.ok) return;
    const account = await t.db.selectFrom('ebay_accounts').select('id').executeTakeFirstOrThrow();
    await sql`insert into sync_runs (account_id, resource, mode, trigger, status) values (${account.id}, 'orders', 'full', 'manual', 'running')`.execute(t.db);
    await sql`insert into sync_runs (account_id, resource, mode, trigger, status, error_code, error_message)
      values (${account.id}, 'payouts', 'full', 'manual', 'queued', 'retry_pending', 'Attempt 1 of 6 failed')`.execute(t.db);
    const samples = await scrape();
    expect(valueOf(samples, 'ebay_connector_sync_runs', { status: 'running', resource: 'orders' })).toBe(1);
    expect(valueOf(samples, 'ebay_connector_sync_runs_retry_pending', { resource: 'payouts' })).toBe(1);
    expect(samples.filter((s) => s.name === 'ebay_connector_sync_runs_retry_pending')).toHaveLength(1);
  });
});

describe('/metrics access rules', () => {
  let open: TestApp;
  let locked: TestApp;
  beforeAll(async () => {
    open = await createTestApp();
    locked = await createTestApp({ env: { METRICS_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await open?.close();
    await locked?.close();
  });

  it('without METRICS_TOKEN: loopback clients only (IPv4 and IPv6), others get 403 forbidden', async () => {
    for (const remoteAddress of ['127.0.0.1', '::1']) {
      expect((await open.app.inject({ url: '/metrics', remoteAddress })).statusCode).toBe(200);
    }
    const res = await open.app.inject({ url: '/metrics', remoteAddress: '10.1.2.3' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'forbidden', requestId: res.headers['x-request-id'] } });
  });

  it('without METRICS_TOKEN behind a trusted proxy: the forwarded client decides', async () => {
    const proxied = await createTestApp({ env: { TRUST_PROXY: 'true' }, database: open.database });
    try {
      const res = await proxied.app.inject({ url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(res.statusCode).toBe(403);
    } finally {
      await proxied.close();
    }
  });

  it('with METRICS_TOKEN: the exact bearer token is required, from anywhere', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789abc', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const res = await locked.app.inject({ url: '/metrics', headers: authorization ? { authorization } : {} });
      expect(res.statusCode, String(authorization)).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthenticated', requestId: res.headers['x-request-id'] } });
    }
    const ok = await locked.app.inject({ url: '/metrics', remoteAddress: '10.1.2.3', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.statusCode).toBe(200);
    expect(parseExposition(ok.body).length).toBeGreaterThan(0);
  });

  it('shows the pool gauges when the app is given its pool', async () => {
    const withPool = await createTestApp({ database: open.database, deps: { pool: open.database.pool } });
    try {
      const samples = parseExposition((await withPool.app.inject({ url: '/metrics' })).body);
      expect(valueOf(samples, 'ebay_connector_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
      expect(valueOf(samples, 'ebay_connector_db_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(0);
      expect(valueOf(samples, 'ebay_connector_db_pool_connections', { state: 'waiting' })).toBeGreaterThanOrEqual(0);
    } finally {
      await withPool.close();
    }
  });
});
