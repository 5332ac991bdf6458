import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_APP } from '@ebay-connector/ebay-emulator';
import { createEbayClient, DEFAULT_SELLER_SCOPES } from '@ebay-connector/ebay-client';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface EmulatorProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** The emulator in its own process, so the sync process's memory and CPU are measured alone. */
export async function startEmulatorProcess(opts: {
  orders: number;
  latencyMs: number;
  seed?: number;
}): Promise<EmulatorProcess> {
  const port = await freePort();
  // BENCH_CPU_PROFILE_DIR=<dir> writes a V8 CPU profile of the emulator in its `emulator` folder.
  const profile = process.env.BENCH_CPU_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${join(process.env.BENCH_CPU_PROFILE_DIR, 'emulator')}`]
    : [];
  const child = spawn(
    process.execPath,
    [
      ...profile,
      '--import',
      'tsx',
      'packages/ebay-emulator/src/cli.ts',
      `--port=${port}`,
      '--sellers=1',
      `--orders=${opts.orders}`,
      '--history-days=720',
      '--inventory=1',
      `--latency=${opts.latencyMs}`,
      `--seed=${opts.seed ?? 42}`,
      '--token-lifetime=86400',
    ],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    try {
      const res = await fetch(`${url}/__emulator/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (i > 600) throw new Error('emulator did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Runs the consent flow against the emulator and exchanges the code: a user token for its first seller. */
export async function emulatorUserToken(
  url: string,
): Promise<{ token: string; username: string; userId: string }> {
  const sellers = (await (await fetch(`${url}/__emulator/sellers`)).json()) as {
    sellers: Array<{ username: string; userId: string }>;
  };
  const seller = sellers.sellers[0];
  if (!seller) throw new Error('no seller');
  await fetch(`${url}/__emulator/app/accept-url`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url: 'http://localhost:3000/callback' }),
  });
  const form = new URLSearchParams({
    client_id: DEFAULT_APP.clientId,
    redirect_uri: DEFAULT_APP.ruName,
    scope: DEFAULT_SELLER_SCOPES.join(' '),
    state: 'bench',
    decision: 'agree',
    seller: seller.username,
  });
  const res = await fetch(`${url}/oauth2/authorize/decision`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  const location = res.headers.get('location');
  const code = location ? new URL(location).searchParams.get('code') : null;
  if (!code) throw new Error(`consent failed: ${res.status}`);
  const client = createEbayClient({
    environment: 'production',
    baseUrls: { authBaseUrl: url, apiBaseUrl: url, apizBaseUrl: url },
    credentials: {
      clientId: DEFAULT_APP.clientId,
      clientSecret: DEFAULT_APP.clientSecret,
      ruName: DEFAULT_APP.ruName,
    },
  });
  const tokens = await client.oauth.exchangeCode(code);
  return { token: tokens.accessToken, username: seller.username, userId: seller.userId };
}
