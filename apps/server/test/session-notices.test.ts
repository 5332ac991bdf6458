import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgListener, type PgListener } from '../src/platform/pg-listener';
import { createTestApp, type Session, type TestApp } from './helpers/app';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { testLogger } from './helpers/silent-logger';

// Two API processes on one database, each with its own LISTEN connection: a session change made through one
// reaches the other's session cache at once (it would otherwise be served from the cache for up to 5 s).
let database: TestDatabase;
let a: TestApp;
let b: TestApp;
let listenerA: PgListener;
let listenerB: PgListener;

async function terminate(applicationName: string): Promise<number> {
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  try {
    const r = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()',
      [applicationName],
    );
    return r.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

async function me(app: TestApp, s: Session) {
  return app.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${s.token}` } });
}

/** Milliseconds until `app` answers `status` for the session (polled every 20 ms), or Infinity after `within`. */
async function msUntil(app: TestApp, s: Session, status: number, within = 1500): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < within) {
    if ((await me(app, s)).statusCode === status) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 20));
  }
  return Infinity;
}

async function until(check: () => boolean, within = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > within) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  const logger = testLogger();
  listenerA = createPgListener({ connectionString: database.url, logger, applicationName: 'test-listen-a' });
  listenerB = createPgListener({
    connectionString: database.url,
    logger,
    applicationName: 'test-listen-b',
    reconnectDelayMs: 300,
  });
  a = await createTestApp({ database, deps: { listener: listenerA } });
  b = await createTestApp({ database, deps: { listener: listenerB } });
  await until(() => listenerA.connected() && listenerB.connected());
});

afterAll(async () => {
  await a.close();
  await b.close();
  await listenerA.close();
  await listenerB.close();
  await database.destroy();
});

describe('session changes across processes', () => {
  it('a sign-out through one process ends the session in the other at once', async () => {
    const viewer = await a.loginAs('viewer');
    expect((await me(b, viewer)).statusCode).toBe(200); // now remembered by B
    const out = await a.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { authorization: `Bearer ${viewer.token}` },
    });
    expect(out.statusCode).toBe(204);
    // Served from B's cache this would stay 200 for about 5 s.
    expect(await msUntil(b, viewer, 401)).toBeLessThan(1000);
  });

  it('disabling a user, a role change and a password reset through one process apply in the other at once', async () => {
    const admin = await a.loginAs('admin');
    const asAdmin = { authorization: `Bearer ${admin.token}` };
    const u = await a.createUser('viewer');
    const s1 = await b.login(u.email, u.password);
    expect((await me(b, s1)).json().user.role).toBe('viewer');

    const promoted = await a.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${u.user.id}`,
      headers: asAdmin,
      payload: { role: 'operator' },
    });
    expect(promoted.statusCode).toBe(200);
    const start = Date.now();
    while ((await me(b, s1)).json().user.role !== 'operator' && Date.now() - start < 1000) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await me(b, s1)).json().user.role).toBe('operator');

    const reset = await a.app.inject({
      method: 'POST',
      url: `/api/admin/users/${u.user.id}/password`,
      headers: asAdmin,
      payload: { password: 'second-password-2' },
    });
    expect(reset.statusCode).toBe(204);
    expect(await msUntil(b, s1, 401)).toBeLessThan(1000);

    const s2 = await b.login(u.email, 'second-password-2');
    expect((await me(b, s2)).statusCode).toBe(200);
    const disabled = await a.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${u.user.id}`,
      headers: asAdmin,
      payload: { disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    expect(await msUntil(b, s2, 401)).toBeLessThan(1000);
  });

  it('while its LISTEN connection is down a process does not serve sessions from memory, and it reconnects', async () => {
    const viewer = await a.loginAs('viewer');
    expect((await me(b, viewer)).statusCode).toBe(200);
    const connectedAgain = new Promise<boolean>((resolve) => listenerB.onConnected((first) => resolve(first)));
    expect(await terminate('test-listen-b')).toBe(1);
    await until(() => !listenerB.connected());
    // Revoked behind every process's back (no notice): B must ask the database, not its memory.
    await database.db
      .updateTable('sessions')
      .set({ revoked_at: new Date() })
      .where('token_hash', 'is not', null)
      .where('revoked_at', 'is', null)
      .where('user_id', '=', viewer.user.id)
      .execute();
    expect((await me(b, viewer)).statusCode).toBe(401);

    expect(await connectedAgain).toBe(false);
    expect(listenerB.connected()).toBe(true);
    // Notices flow again after the reconnection.
    const other = await a.loginAs('viewer');
    expect((await me(b, other)).statusCode).toBe(200);
    await a.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${other.token}` } });
    expect(await msUntil(b, other, 401)).toBeLessThan(1000);
  });
});

describe('pg listener', () => {
  it('delivers notices per channel to every handler, and again after its connection is cut', async () => {
    const logger = testLogger();
    const listener = createPgListener({
      connectionString: database.url,
      logger,
      applicationName: 'test-listen-c',
      reconnectDelayMs: 200,
    });
    const got: string[] = [];
    const connects: boolean[] = [];
    listener.onConnected((first) => {
      connects.push(first);
    });
    try {
      await listener.listen('chan_one', (p) => got.push(`one:${p}`));
      await listener.listen('chan_one', (p) => got.push(`one-again:${p}`));
      await listener.listen('chan_two', (p) => got.push(`two:${p}`));
      const notify = async (channel: string, payload: string) => {
        await database.pool.query('select pg_notify($1, $2)', [channel, payload]);
      };
      await notify('chan_one', 'x');
      await notify('chan_two', 'y');
      await notify('chan_three', 'z');
      await until(() => got.length >= 3);
      expect(got.sort()).toEqual(['one-again:x', 'one:x', 'two:y']);

      expect(await terminate('test-listen-c')).toBe(1);
      await until(() => connects.length === 2);
      expect(connects).toEqual([true, false]);
      got.length = 0;
      await notify('chan_two', 'after');
      await until(() => got.length >= 1);
      expect(got).toEqual(['two:after']);
    } finally {
      await listener.close();
    }
  });
});
