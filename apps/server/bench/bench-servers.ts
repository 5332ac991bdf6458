/**
 * Helpers for the benches that drive real server processes (`main.ts --role=...`) over HTTP: an emulator process
 * with several sellers, server processes, sign-in, the OAuth connect flow, sync runs, SSE counting, autocannon.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort, repoRoot } from './bench-setup';

export const ADMIN_EMAIL = 'bench@example.com';
export const ADMIN_PASSWORD = 'bench-password-123';

export interface Proc {
  name: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

function spawnNode(name: string, args: string[], env: Record<string, string>): Proc {
  const base: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[key];
    if (value !== undefined) base[key] = value;
  }
  // BENCH_CPU_PROFILE_DIR=<dir> writes a V8 CPU profile of each server process in a folder named after it.
  const dir = process.env.BENCH_CPU_PROFILE_DIR;
  const profile = dir ? ['--cpu-prof', `--cpu-prof-dir=${join(dir, name.replace(/[^a-z0-9-]+/gi, '-'))}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', ...args], {
    cwd: repoRoot,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (c: Buffer) => {
    output = (output + c.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return {
    name,
    child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export async function waitFor(url: string, proc: Proc, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited early:\n${proc.output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await sleep(150);
  }
  throw new Error(`${proc.name}: ${url} not ready in ${timeoutMs} ms\n${proc.output()}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The emulator in its own process with `sellers` sellers; consent redirects to `acceptUrl`. */
export async function startEmulator(opts: {
  sellers: number;
  orders: number;
  acceptUrl: string;
}): Promise<Proc & { url: string }> {
  const port = await freePort();
  const proc = spawnNode(
    'emulator',
    [
      'packages/ebay-emulator/src/cli.ts',
      `--port=${port}`,
      `--sellers=${opts.sellers}`,
      `--orders=${opts.orders}`,
      '--history-days=720',
      '--inventory=1',
      '--seed=42',
      '--token-lifetime=86400',
      `--accept-url=${opts.acceptUrl}`,
    ],
    {},
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/__emulator/health`, proc);
  return { ...proc, url };
}

/** `main.ts --role=<role>` on `port` (0 for workers), against `databaseUrl` and the emulator at `emulatorUrl`. */
export async function startServer(opts: {
  name: string;
  role: 'api' | 'worker' | 'all';
  port: number;
  databaseUrl: string;
  emulatorUrl: string;
  publicUrl: string;
  dataDir: string;
  env?: Record<string, string>;
}): Promise<Proc> {
  const proc = spawnNode('server ' + opts.name, ['apps/server/src/main.ts', `--role=${opts.role}`], {
    PORT: String(opts.port),
    HOST: '127.0.0.1',
    PUBLIC_URL: opts.publicUrl,
    DATABASE_URL: opts.databaseUrl,
    DATA_DIR: opts.dataDir,
    APP_SECRET: 'bench-app-secret-0123456789abcdef0123456789',
    LOG_LEVEL: 'warn',
    EBAY_ENV: 'emulator',
    // With every eBay host set, EBAY_ENV=emulator starts no emulator of its own: all use the shared one.
    EBAY_AUTH_BASE_URL: opts.emulatorUrl,
    EBAY_API_BASE_URL: opts.emulatorUrl,
    EBAY_APIZ_BASE_URL: opts.emulatorUrl,
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    LOGIN_MAX_FAILURES_PER_IP: '100000',
    ...opts.env,
  });
  if (opts.role !== 'worker') await waitFor(`http://127.0.0.1:${opts.port}/healthz`, proc);
  return proc;
}

/** Bearer token for the bootstrap admin. */
export async function login(apiUrl: string): Promise<string> {
  const res = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export interface EmulatorSeller {
  id: string;
  username: string;
  userId: string;
}

export async function emulatorSellers(emulatorUrl: string): Promise<EmulatorSeller[]> {
  const res = await fetch(`${emulatorUrl}/__emulator/sellers`);
  return ((await res.json()) as { sellers: EmulatorSeller[] }).sellers;
}

/** start -> consent (agree, as `seller`) -> callback on `apiUrl`; returns the new account's id. */
export async function connectSeller(
  apiUrl: string,
  emulatorUrl: string,
  token: string,
  seller: EmulatorSeller,
): Promise<string> {
  const start = await fetch(`${apiUrl}/api/ebay/oauth/start?label=${encodeURIComponent(seller.username)}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });
  if (!start.ok) throw new Error(`oauth start: ${start.status} ${await start.text()}`);
  const authorize = new URL(((await start.json()) as { authorizeUrl: string }).authorizeUrl);
  const form = new URLSearchParams({
    client_id: authorize.searchParams.get('client_id') ?? '',
    redirect_uri: authorize.searchParams.get('redirect_uri') ?? '',
    scope: authorize.searchParams.get('scope') ?? '',
    state: authorize.searchParams.get('state') ?? '',
    decision: 'agree',
    seller: seller.username,
  });
  const decision = await fetch(`${emulatorUrl}/oauth2/authorize/decision`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  const location = decision.headers.get('location');
  if (decision.status !== 302 || !location) throw new Error(`consent: ${decision.status}`);
  // The emulator redirects to its accept URL: the callback of this or another API process.
  const callback = await fetch(location, { redirect: 'manual' });
  if (callback.status !== 302) throw new Error(`callback: ${callback.status} ${await callback.text()}`);
  const accounts = await getJson<{ accounts: Array<{ id: string; username: string }> }>(
    `${apiUrl}/api/ebay/accounts`,
    token,
  );
  const account = accounts.accounts.find((a) => a.username === seller.username);
  if (!account) throw new Error(`account for ${seller.username} not listed`);
  return account.id;
}

export async function getJson<T>(url: string, token: string): Promise<T> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function startSync(apiUrl: string, token: string, accountId: string): Promise<string> {
  const res = await fetch(`${apiUrl}/api/ebay/sync/orders`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ accountId, mode: 'full' }),
  });
  if (res.status !== 202) throw new Error(`sync start: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { runId: string }).runId;
}

export interface RunRow {
  id: string;
  status: string;
  recordsFetched?: number;
}

/** Polls `GET /api/ebay/sync/runs/:id` until the run is finished (or `timeoutMs`). */
export async function waitRun(
  apiUrl: string,
  token: string,
  runId: string,
  timeoutMs: number,
): Promise<string> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    // A busy API may answer 503 (pool exhausted) now and then: that is measured elsewhere, keep polling.
    const res = await fetch(`${apiUrl}/api/ebay/sync/runs/${runId}`, {
      headers: { authorization: `Bearer ${token}` },
    }).catch(() => null);
    if (res?.ok) {
      const body = (await res.json()) as { run: RunRow };
      if (!['queued', 'running'].includes(body.run.status)) return body.run.status;
    }
    await sleep(200);
  }
  return 'timeout';
}

/** Counts events of each type on `GET /api/ebay/events` until `stop()`. */
export function countEvents(apiUrl: string, token: string): { counts: Map<string, number>; stop(): void } {
  const counts = new Map<string, number>();
  const abort = new AbortController();
  void (async () => {
    try {
      const res = await fetch(`${apiUrl}/api/ebay/events`, {
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
        signal: abort.signal,
      });
      if (!res.body) return;
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of res.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.+)$/m.exec(frame)?.[1];
          const data = /^data: (.+)$/m.exec(frame)?.[1];
          if (type) {
            const runId = data ? ((JSON.parse(data) as { runId?: string }).runId ?? '') : '';
            const key = runId ? `${type}:${runId}` : type;
            counts.set(key, (counts.get(key) ?? 0) + 1);
            counts.set(type, (counts.get(type) ?? 0) + 1);
          }
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  return { counts, stop: () => abort.abort() };
}

export interface LoadResult {
  scenario: string;
  requests: number;
  'req/s': number;
  'p50 ms': number;
  'p95 ms': number;
  'p99 ms': number;
  'max ms': number;
  errors: number;
  non2xx: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Number((sorted[Math.max(0, i)] ?? 0).toFixed(1));
}

/** autocannon for `seconds` with `connections`; latencies are recorded per response for exact p95. */
export function load(opts: {
  scenario: string;
  url: string;
  token: string;
  connections: number;
  seconds: number;
  path: () => string;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        duration: opts.seconds,
        timeout: 30,
        headers: { authorization: `Bearer ${opts.token}` },
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: opts.path() }) }],
      },
      (err, result) => {
        if (err) return reject(err);
        latencies.sort((a, b) => a - b);
        resolve({
          scenario: opts.scenario,
          requests: result.requests.total,
          'req/s': Math.round(result.requests.total / opts.seconds),
          'p50 ms': percentile(latencies, 50),
          'p95 ms': percentile(latencies, 95),
          'p99 ms': percentile(latencies, 99),
          'max ms': percentile(latencies, 100),
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, ms) => {
      if (latencies.length < 5_000_000) latencies.push(ms);
    });
  });
}
