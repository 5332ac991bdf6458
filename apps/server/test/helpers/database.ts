import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, createPool, type Db } from '../../src/platform/database';
import type { Logger } from '../../src/platform/logger';
import { testLogger } from './silent-logger';

export interface TestDatabase {
  name: string;
  url: string;
  db: Db;
  pool: pg.Pool;
  destroy(): Promise<void>;
}

export function urlFor(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('testPostgres').adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export const testPoolSettings = {
  poolMax: 5,
  connectTimeoutMs: 2000,
  statementTimeoutMs: 10_000,
  idleTimeoutMs: 5000,
  keepAlive: true,
  keepAliveInitialDelayMs: 10_000,
};

/**
 * A fresh database for one test file: cloned from the migrated template (or empty with `{ empty: true }`).
 * `destroy()` closes the pool and drops it.
 */
export async function createTestDatabase(opts: { empty?: boolean; logger?: Logger } = {}): Promise<TestDatabase> {
  const { adminUrl, template } = inject('testPostgres');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const source = opts.empty ? 'template0' : template;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await adminQuery(`create database "${name}" template "${source}"`);
      break;
    } catch (err) {
      // Two files cloning the template at the same instant can collide; try again shortly.
      if (attempt >= 10 || !/being accessed by other users/.test((err as Error).message)) throw err;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
  const url = urlFor(adminUrl, name);
  const pool = createPool(url, testPoolSettings, opts.logger ?? testLogger());
  const db = createDb(pool);
  return {
    name,
    url,
    db,
    pool,
    async destroy() {
      await db.destroy();
      await adminQuery(`drop database if exists "${name}" with (force)`);
    },
  };
}
