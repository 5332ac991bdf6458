import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectWithRetry, createDb, createPool } from '../src/platform/database';
import { migrate } from '../src/platform/migrations';
import { createTestApp, type Session, type TestApp } from './helpers/app';
import { testPoolSettings } from './helpers/database';
import { startDedicatedPostgres, type DedicatedPostgres } from './helpers/postgres';
import { testLogger } from './helpers/silent-logger';

let pg: DedicatedPostgres;
let t: TestApp;
let session: Session;
beforeAll(async () => {
  pg = await startDedicatedPostgres();
  await migrate(pg.url, testLogger());
  const pool = createPool(pg.url, { ...testPoolSettings, connectTimeoutMs: 1000 }, testLogger());
  const db = createDb(pool);
  const database = { name: 'dedicated', url: pg.url, db, pool, destroy: () => db.destroy() };
  t = await createTestApp({ database });
  session = await t.loginAs('viewer');
});
afterAll(async () => {
  await t?.close();
  await t?.database.destroy();
  await pg?.cleanup();
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('condition not reached in time');
}

describe('database outage', () => {
  it('answers 503 while Postgres is down and recovers by itself when it returns', async () => {
    const ok = await t.app.inject({ url: '/healthz/db' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'ok', migration: ok.json().latestMigration });
    expect(typeof ok.json().latencyMs).toBe('number');

    await pg.stop();
    const down = await t.app.inject({ url: '/healthz/db' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ status: 'unavailable', migration: null, latencyMs: null });
    expect(down.json().reason).toMatch(/unreachable/);

    const api = await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${session.token}` } });
    expect(api.statusCode).toBe(503);
    expect(api.json().error.code).toBe('database_unavailable');
    expect(api.headers['retry-after']).toBeDefined();
    // The process is up even though the database is not.
    expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);

    await pg.start();
    await waitFor(async () => (await t.app.inject({ url: '/healthz/db' })).statusCode === 200);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${session.token}` } });
    expect(me.statusCode).toBe(200);
  });
});

describe('start-up connection', () => {
  it('retries with backoff, logging each attempt, until the database comes up', async () => {
    await pg.stop();
    const lines: Record<string, unknown>[] = [];
    const logger = testLogger(lines);
    const pool = createPool(pg.url, { ...testPoolSettings, connectTimeoutMs: 1000 }, logger);
    try {
      const connecting = connectWithRetry(pool, logger, { retries: 60, delayMs: 50, maxDelayMs: 400 });
      await new Promise((r) => setTimeout(r, 600));
      await pg.start();
      await connecting;
      const retries = lines.filter((l) => l.msg === 'database not reachable yet, retrying');
      expect(retries.length).toBeGreaterThanOrEqual(2);
      const delays = retries.map((l) => Number(l.retryInMs));
      expect(delays[1]).toBe(100);
      expect(Math.max(...delays)).toBeLessThanOrEqual(400);
      expect(lines.some((l) => l.msg === 'database connection established')).toBe(true);
    } finally {
      await pool.end();
    }
  });

  it('gives up after the configured retries', async () => {
    await pg.stop();
    const pool = createPool(pg.url, { ...testPoolSettings, connectTimeoutMs: 500 }, testLogger());
    try {
      await expect(connectWithRetry(pool, testLogger(), { retries: 2, delayMs: 10, maxDelayMs: 20 })).rejects.toThrow();
    } finally {
      await pool.end();
      await pg.start();
    }
  });
});
