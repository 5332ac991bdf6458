// getOrders throughput (limit 200, zero latency, real HTTP with keep-alive) and memory at 1,000,000 orders.
import { Agent, request } from 'node:http';
import { DEFAULT_APP, startEmulator } from '../src/index';

const ORDERS = 1_000_000;
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? '10');
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? '1');

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

function call(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string; location?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const out: { status: number; body: string; location?: string } = { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') };
        if (res.headers.location) out.location = res.headers.location;
        resolve(out);
      });
    });
    req.on('error', reject);
    if (init.body) req.write(init.body);
    req.end();
  });
}

async function userToken(url: string): Promise<string> {
  const form = new URLSearchParams({
    client_id: DEFAULT_APP.clientId, redirect_uri: DEFAULT_APP.ruName, scope: 'https://api.ebay.com/oauth/api_scope/sell.fulfillment',
    state: 'bench', seller: 'vintage.vault_us', decision: 'agree',
  });
  const decision = await call(`${url}/oauth2/authorize/decision`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
  const code = new URL(decision.location ?? '').searchParams.get('code') ?? '';
  const basic = Buffer.from(`${DEFAULT_APP.clientId}:${DEFAULT_APP.clientSecret}`).toString('base64');
  const res = await call(`${url}/identity/v1/oauth2/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: DEFAULT_APP.ruName }).toString(),
  });
  return (JSON.parse(res.body) as { access_token: string }).access_token;
}

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const rssBefore = process.memoryUsage().rss;
  const started = Date.now();
  const emu = await startEmulator({ port: 0, sellers: 1, ordersPerSeller: ORDERS, now: '2025-06-01T00:00:00.000Z', quotas: { fulfillment: 1e9 } });
  const startMs = Date.now() - started;
  const token = await userToken(emu.url);
  const headers = { authorization: `Bearer ${token}` };
  const window = encodeURIComponent('creationdate:[2024-06-01T00:00:00.000Z..2025-06-01T00:00:00.000Z]');
  const pageUrl = (offset: number): string => `${emu.url}/sell/fulfillment/v1/order?filter=${window}&limit=200&offset=${offset}`;

  const first = JSON.parse((await call(pageUrl(0), { headers })).body) as { total: number };
  console.log(`dataset: ${first.total.toLocaleString('en-US')} orders in the window, started in ${startMs} ms`);

  async function measure(label: string, offsetOf: (k: number) => number): Promise<void> {
    let pages = 0;
    let orders = 0;
    const until = Date.now() + SECONDS * 1000;
    const t0 = process.hrtime.bigint();
    const workers = Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < until) {
        const k = pages;
        pages += 1;
        const res = await call(pageUrl(offsetOf(k)), { headers });
        if (res.status !== 200) throw new Error(`status ${res.status}`);
        orders += (JSON.parse(res.body) as { orders: unknown[] }).orders.length;
      }
    });
    await Promise.all(workers);
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    console.log(`${label}: ${(pages / secs).toFixed(1)} pages/s (${(orders / secs).toFixed(0)} orders/s, ${pages} pages in ${secs.toFixed(1)} s)`);
  }

  // Warm up the JIT before measuring.
  for (let k = 0; k < 60; k += 1) await call(pageUrl(k * 200), { headers });
  await measure('getOrders limit=200 from offset 0 (sequential pages)', (k) => (k * 200) % 100_000);
  await measure('getOrders limit=200 deep pages (offset >= 900,000)', (k) => 900_000 + ((k * 200) % 99_800));
  const deep = await call(pageUrl(999_800), { headers });
  const deepBody = JSON.parse(deep.body) as { orders: unknown[]; next?: string };
  console.log(`last page (offset 999,800): ${deepBody.orders.length} orders, next ${deepBody.next ? 'present' : 'absent'}`);
  const mem = process.memoryUsage();
  console.log(`RSS at ${ORDERS.toLocaleString('en-US')} orders: ${mb(mem.rss)} (heap used ${mb(mem.heapUsed)}, RSS before start ${mb(rssBefore)})`);
  agent.destroy();
  await emu.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
