/**
 * The deployment the drills run against: either one the drill starts itself (embedded PostgreSQL, the emulator
 * behind a TCP gate, 2 `--role=api` + 2 `--role=worker` processes), or a running one described by DRILL_*
 * variables, whose faults are injected by shell commands (a drill without its commands is skipped).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/platform/embedded-postgres';
import { createLogger } from '../src/platform/logger';
import { freePort } from './bench-setup';
import { ADMIN_EMAIL, ADMIN_PASSWORD, sleep, startEmulator, startServer, type Proc } from './bench-servers';
import { startTcpGate, type TcpGate } from './tcp-gate';

export interface Deployment {
  readonly kind: 'own' | 'external';
  /** Base URLs of the API processes; the API drill kills the first one. */
  readonly apis: readonly string[];
  /** The emulator's own URL (control API and consent). */
  readonly emulatorUrl: string;
  readonly databaseUrl: string;
  readonly admin: { email: string; password: string };
  readonly summary: string;
  /** Kills (-9) a worker, preferring one that runs `busyWorkerIds`; returns what it killed (its id when known). */
  killWorker?(busyWorkerIds: readonly string[]): Promise<{ label: string; workerId: string | null }>;
  startWorker?(): Promise<void>;
  killApi?(): Promise<void>;
  startApi?(): Promise<void>;
  stopPostgres?(): Promise<void>;
  startPostgres?(): Promise<void>;
  /** Makes eBay (the emulator) unreachable for the server processes, and reachable again. */
  shutEbay?(): Promise<void>;
  openEbay?(): Promise<void>;
  /** Recent output of the processes (for a failure report). */
  diagnostics(): string;
  close(): Promise<void>;
}

export interface OwnDeploymentOptions {
  sellers: number;
  orders: number;
  /** Extra environment for every server process (e.g. SYNC_HEARTBEAT_STALE_SECONDS). */
  serverEnv: Record<string, string>;
  log(line: string): void;
}

interface Worker {
  proc: Proc;
  workerId: string;
}

async function workerIdOf(proc: Proc): Promise<string> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited early:\n${proc.output()}`);
    const id = /"workerId":"(worker-[0-9a-f-]+)"/.exec(proc.output())?.[1];
    if (id) return id;
    await sleep(100);
  }
  throw new Error(`${proc.name} did not report its worker id:\n${proc.output()}`);
}

function killed(proc: Proc): Promise<void> {
  return new Promise((resolve) => {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) return resolve();
    proc.child.once('exit', () => resolve());
    proc.child.kill('SIGKILL');
  });
}

/** Starts everything in temporary directories; `close()` stops it all and removes them. */
export async function startOwnDeployment(opts: OwnDeploymentOptions): Promise<Deployment> {
  const logger = createLogger({ level: 'warn' });
  const dataDir = mkdtempSync(join(tmpdir(), 'drill-data-'));
  const pgRoot = mkdtempSync(join(tmpdir(), 'drill-pg-'));
  const pgPort = await freePort();
  const procs: Proc[] = [];
  const workers: Worker[] = [];
  const apiProcs: Proc[] = [];
  let pg: EmbeddedPostgres | null = null;
  let gate: TcpGate | null = null;
  let emulator: (Proc & { url: string }) | null = null;

  const close = async () => {
    await Promise.all(procs.map((p) => p.stop()));
    await emulator?.stop();
    await gate?.shut();
    await pg?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(pgRoot, { recursive: true, force: true });
  };

  try {
    pg = await startEmbeddedPostgres({ dataDir: pgRoot, port: pgPort, logger });
    const databaseUrl = pg.url();
    const apiPorts = [await freePort(), await freePort()];
    const apis = apiPorts.map((p) => `http://127.0.0.1:${p}`);
    emulator = await startEmulator({
      sellers: opts.sellers,
      orders: opts.orders,
      acceptUrl: `${apis[0]}/api/ebay/oauth/callback`,
    });
    const emulatorPort = Number(new URL(emulator.url).port);
    gate = await startTcpGate({ port: await freePort(), upstreamPort: emulatorPort });
    const common = { databaseUrl, emulatorUrl: gate.url, dataDir, env: opts.serverEnv };

    const startApi = async (i: number) => {
      const proc = await startServer({
        ...common,
        name: `api-${i + 1}`,
        role: 'api',
        port: apiPorts[i] ?? 0,
        publicUrl: apis[i] ?? '',
      });
      procs.push(proc);
      apiProcs[i] = proc;
    };
    let workerCount = 0;
    const startWorker = async () => {
      workerCount += 1;
      const proc = await startServer({
        ...common,
        name: `worker-${workerCount}`,
        role: 'worker',
        port: 0,
        publicUrl: apis[0] ?? '',
        env: { ...opts.serverEnv, LOG_LEVEL: 'info' },
      });
      procs.push(proc);
      workers.push({ proc, workerId: await workerIdOf(proc) });
    };
    // One at a time: the first process applies the migrations.
    await startApi(0);
    await startApi(1);
    await startWorker();
    await startWorker();
    opts.log(
      `deployment: embedded PostgreSQL on :${pgPort}, emulator (${opts.sellers} sellers x ${opts.orders} orders) ` +
        `behind a TCP gate, api-1 ${apis[0]}, api-2 ${apis[1]}, worker-1, worker-2`,
    );

    const pgOptions = { dataDir: pgRoot, port: pgPort, logger };
    const eb = emulator;
    const g = gate;
    return {
      kind: 'own',
      apis,
      emulatorUrl: eb.url,
      databaseUrl,
      admin: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      summary: `own: 2 api + 2 worker processes, embedded PostgreSQL, emulator ${opts.sellers} sellers x ${opts.orders} orders`,
      async killWorker(busy) {
        const live = workers.filter(
          (w) => w.proc.child.exitCode === null && w.proc.child.signalCode === null,
        );
        const load = (w: Worker) => busy.filter((id) => id === w.workerId).length;
        const victim = [...live].sort((a, b) => load(b) - load(a))[0];
        if (!victim) throw new Error('no live worker to kill');
        await killed(victim.proc);
        workers.splice(workers.indexOf(victim), 1);
        const runs = load(victim);
        return {
          label: `${victim.proc.name.replace('server ', '')} (${runs} run${runs === 1 ? '' : 's'})`,
          workerId: victim.workerId,
        };
      },
      startWorker,
      async killApi() {
        const proc = apiProcs[0];
        if (proc) await killed(proc);
      },
      startApi: () => startApi(0),
      async stopPostgres() {
        await pg?.stop();
      },
      async startPostgres() {
        pg = await startEmbeddedPostgres(pgOptions);
      },
      shutEbay: () => g.shut(),
      openEbay: () => g.open(),
      diagnostics: () =>
        procs
          .filter((p) => p.output().trim() !== '')
          .map((p) => `--- ${p.name}\n${p.output().slice(-3000)}`)
          .join('\n'),
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

function runCommand(name: string, command: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('sh', ['-c', command], { timeout: 120_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${name} (${command}) failed: ${err.message}\n${stdout}${stderr}`));
      else resolve();
    });
  });
}

/**
 * A running deployment: DRILL_API_URLS (comma-separated), DRILL_DATABASE_URL, DRILL_EMULATOR_URL, DRILL_ADMIN_EMAIL,
 * DRILL_ADMIN_PASSWORD, and the fault commands DRILL_KILL_WORKER_CMD, DRILL_START_WORKER_CMD, DRILL_KILL_API_CMD
 * (the process behind the first URL), DRILL_START_API_CMD, DRILL_STOP_POSTGRES_CMD, DRILL_START_POSTGRES_CMD,
 * DRILL_SHUT_EBAY_CMD, DRILL_OPEN_EBAY_CMD.
 */
export function externalDeployment(env: Record<string, string | undefined>): Deployment | null {
  const apis = (env.DRILL_API_URLS ?? '')
    .split(',')
    .map((u) => u.trim().replace(/\/$/, ''))
    .filter(Boolean);
  if (apis.length === 0) return null;
  const need = (name: string) => {
    const v = env[name];
    if (!v) throw new Error(`DRILL_API_URLS is set: ${name} is required too`);
    return v;
  };
  const cmd = (name: string) => {
    const c = env[name];
    return c ? () => runCommand(name, c) : undefined;
  };
  const pair = <A, B>(a: A | undefined, b: B | undefined) => (a && b ? { a, b } : null);
  const worker = pair(cmd('DRILL_KILL_WORKER_CMD'), cmd('DRILL_START_WORKER_CMD'));
  const api = pair(cmd('DRILL_KILL_API_CMD'), cmd('DRILL_START_API_CMD'));
  const postgres = pair(cmd('DRILL_STOP_POSTGRES_CMD'), cmd('DRILL_START_POSTGRES_CMD'));
  const ebay = pair(cmd('DRILL_SHUT_EBAY_CMD'), cmd('DRILL_OPEN_EBAY_CMD'));
  const first = apis[0] ?? '';
  const deployment: Deployment = {
    kind: 'external',
    apis,
    emulatorUrl: need('DRILL_EMULATOR_URL').replace(/\/$/, ''),
    databaseUrl: need('DRILL_DATABASE_URL'),
    admin: { email: need('DRILL_ADMIN_EMAIL'), password: need('DRILL_ADMIN_PASSWORD') },
    summary: `external: ${apis.join(', ')}`,
    diagnostics: () => '',
    close: async () => undefined,
  };
  if (worker) {
    deployment.killWorker = async () => {
      await worker.a();
      return { label: 'a worker (DRILL_KILL_WORKER_CMD)', workerId: null };
    };
    deployment.startWorker = worker.b;
  }
  if (api) {
    deployment.killApi = api.a;
    deployment.startApi = async () => {
      await api.b();
      const until = Date.now() + 120_000;
      while (Date.now() < until) {
        const ok = await fetch(`${first}/healthz`, { signal: AbortSignal.timeout(2000) })
          .then((r) => r.ok)
          .catch(() => false);
        if (ok) return;
        await sleep(250);
      }
      throw new Error(`${first} did not come back within 120 s`);
    };
  }
  if (postgres) {
    deployment.stopPostgres = postgres.a;
    deployment.startPostgres = postgres.b;
  }
  if (ebay) {
    deployment.shutEbay = ebay.a;
    deployment.openEbay = ebay.b;
  }
  return deployment;
}
