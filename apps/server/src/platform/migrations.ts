import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from './database';
import type { Logger } from './logger';

export const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));
export const checksumsFile = join(migrationsDir, 'checksums.json');

/** Key of the Postgres advisory lock held while migrating (and while bootstrapping the first admin). */
export const MIGRATION_LOCK_KEY = 7_420_314_159;

export interface Migration {
  version: number;
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const fileName = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

/** Reads `NNNN_name.sql` files in order; throws unless versions are 1..N without gaps or duplicates. */
export function loadMigrations(dir: string = migrationsDir): Migration[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql'));
  const migrations = files.map((file) => {
    const m = fileName.exec(file);
    if (!m) throw new MigrationError(`${file}: migration files must be named NNNN_snake_case.sql`);
    const sql = readFileSync(join(dir, file), 'utf8');
    return { version: Number(m[1]), name: m[2] ?? '', file, sql, checksum: checksumOf(sql) };
  });
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new MigrationError(
        `migration chain is not linear at ${m.file}: expected version ${String(i + 1).padStart(4, '0')}`,
      );
    }
  });
  return migrations;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

const createTable = `
  create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`;

/** Refuses a database whose applied migrations differ from the files (edited, or from a newer release). */
export function verifyApplied(applied: readonly AppliedRow[], migrations: readonly Migration[]): void {
  for (const row of applied) {
    const file = migrations.find((m) => m.version === row.version);
    if (!file) {
      throw new MigrationError(
        `database has migration ${row.version} (${row.name}) that this release does not know; refusing to run an older release against it`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `migration ${file.file} was changed after it was applied (checksum mismatch); landed migrations must never be edited`,
      );
    }
  }
}

/**
 * Applies pending migrations under a session-level advisory lock, each in its own transaction.
 * Safe to run from several processes at once; re-running is a no-op. Returns the versions applied.
 */
export async function migrate(
  url: string,
  logger: Logger,
  opts: { migrations?: readonly Migration[]; connectTimeoutMs?: number } = {},
): Promise<number[]> {
  const migrations = opts.migrations ?? loadMigrations();
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
    application_name: 'ebay-connector-migrate',
  });
  client.on('error', (err) => logger.warn({ err: { message: err.message } }, 'migration connection error'));
  await client.connect();
  const applied: number[] = [];
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(createTable);
    const { rows } = await client.query<AppliedRow>('select version, name, checksum from schema_migrations order by version');
    verifyApplied(rows, migrations);
    const done = new Set(rows.map((r) => r.version));
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      logger.info({ version: m.version, name: m.name }, 'applying migration');
      await client.query('begin');
      try {
        await client.query(m.sql);
        await client.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [
          m.version,
          m.name,
          m.checksum,
        ]);
        await client.query('commit');
      } catch (err) {
        await client.query('rollback');
        throw new MigrationError(`migration ${m.file} failed: ${(err as Error).message}`, { cause: err });
      }
      applied.push(m.version);
    }
    logger.info({ applied: applied.length, version: latestVersion(migrations) }, 'database schema is up to date');
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
  return applied;
}

/** Highest applied version, or `null` when the database was never migrated. */
export async function currentVersion(db: Db): Promise<number | null> {
  const exists = await sql<{ t: string | null }>`select to_regclass('schema_migrations')::text as t`.execute(db);
  if (!exists.rows[0]?.t) return null;
  const row = await db.selectFrom('schema_migrations').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
  return row?.v ?? null;
}
