import pg from 'pg';
import { Kysely, PostgresDialect, type ColumnType, type Generated } from 'kysely';
import type { AccountsTables } from '../accounts/accounts.tables';
import type { EbayCallsTables } from '../ebay-calls/ebay-calls.tables';
import type { SyncTables } from '../sync/sync.tables';
import type { Config } from './config';
import type { Logger } from './logger';
import { preparingPool } from './prepared-statements';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** Tables of the `auth` feature. Later features add their own table interfaces and list them in `Database`. */
export interface UsersTable {
  id: Generated<string>;
  email: string;
  password_hash: string;
  role: 'admin' | 'operator' | 'viewer';
  disabled: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_login_at: NullableTimestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Date;
  revoked_at: NullableTimestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginFailuresTable {
  id: Generated<string>;
  email: string;
  ip: string;
  created_at: Timestamp;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

/** Every table the server queries through Kysely: each feature declares its tables beside its code. */
export interface Database extends AccountsTables, EbayCallsTables, SyncTables {
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  schema_migrations: SchemaMigrationsTable;
}

export type Db = Kysely<Database>;

export type PoolSettings = Pick<
  Config['database'],
  'poolMax' | 'connectTimeoutMs' | 'statementTimeoutMs' | 'idleTimeoutMs' | 'keepAlive' | 'keepAliveInitialDelayMs'
>;

/** A pg pool with explicit limits. Pool and idle-client errors are logged, never thrown (the pool heals itself). */
export function createPool(url: string, settings: PoolSettings, logger: Logger): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: settings.poolMax,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    idleTimeoutMillis: settings.idleTimeoutMs,
    keepAlive: settings.keepAlive,
    keepAliveInitialDelayMillis: settings.keepAliveInitialDelayMs,
    application_name: 'ebay-connector',
    ...(settings.statementTimeoutMs > 0 ? { statement_timeout: settings.statementTimeoutMs } : {}),
  });
  pool.on('error', (err) => logger.warn({ err: { message: err.message } }, 'idle database connection failed'));
  // A checked-out client has no pool listener: without this, a connection dying between two queries of a
  // transaction would be an unhandled 'error' event and crash the process. The pool drops the broken client.
  pool.on('connect', (client) => {
    client.on('error', (err) => logger.warn({ err: { message: err.message } }, 'database connection failed'));
  });
  return pool;
}

/** Kysely over `pool`; SQL marked with `prepared()` runs as named prepared statements (see prepared-statements.ts). */
export function createDb(pool: pg.Pool): Db {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
}

export async function pingDatabase(pool: Pick<pg.Pool, "query">): Promise<number> {
  const started = performance.now();
  await pool.query('select 1');
  return Math.round((performance.now() - started) * 100) / 100;
}

/** Runs `select 1` until it works, with exponential backoff; logs every failed attempt. */
export async function connectWithRetry(
  pool: pg.Pool,
  logger: Logger,
  opts: { retries: number; delayMs: number; maxDelayMs: number },
): Promise<void> {
  let delay = opts.delayMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await pingDatabase(pool);
      if (attempt > 1) logger.info({ attempt }, 'database connection established');
      return;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (attempt > opts.retries) {
        logger.error({ attempt, err: { message } }, 'database unreachable, giving up');
        throw err;
      }
      logger.warn({ attempt, retryInMs: delay, err: { message } }, 'database not reachable yet, retrying');
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, opts.maxDelayMs);
    }
  }
}
