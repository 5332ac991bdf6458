import { afterEach, describe, expect, it } from 'vitest';
import { bootstrapAdmin } from '../src/auth/bootstrap-admin';
import { loadConfig } from '../src/platform/config';
import { createTestApp, type TestApp } from './helpers/app';
import { testLogger } from './helpers/silent-logger';

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

function configWith(env: Record<string, string>) {
  return loadConfig({ DATABASE_URL: 'postgres://unused@127.0.0.1/x', ...env });
}

describe('first admin', () => {
  it('creates ADMIN_EMAIL / ADMIN_PASSWORD when there are no users, and nothing printed', async () => {
    t = await createTestApp();
    const printed: string[] = [];
    const result = await bootstrapAdmin(t.db, configWith({ ADMIN_EMAIL: 'Owner@Example.test', ADMIN_PASSWORD: 'owner-password-1' }), testLogger(), (s) => printed.push(s));
    expect(result).toEqual({ email: 'owner@example.test', generatedPassword: null });
    expect(printed).toEqual([]);
    const session = await t.login('owner@example.test', 'owner-password-1');
    expect(session.user.role).toBe('admin');
  });

  it('generates admin@localhost with a random password printed once in a box', async () => {
    t = await createTestApp();
    const printed: string[] = [];
    const logLines: Record<string, unknown>[] = [];
    const result = await bootstrapAdmin(t.db, configWith({}), testLogger(logLines), (s) => printed.push(s));
    expect(result?.email).toBe('admin@localhost');
    const password = result?.generatedPassword ?? '';
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain(password);
    expect(printed[0]).toMatch(/#{20,}/);
    expect(JSON.stringify(logLines)).toContain('admin@localhost');
    expect(JSON.stringify(logLines)).not.toContain(password);
    expect((await t.login('admin@localhost', password)).user.role).toBe('admin');

    // Second start: users exist, nothing happens.
    const again = await bootstrapAdmin(t.db, configWith({}), testLogger(), (s) => printed.push(s));
    expect(again).toBeNull();
    expect(printed).toHaveLength(1);
  });

  it('creates exactly one admin when two processes start at once', async () => {
    t = await createTestApp();
    const results = await Promise.all([1, 2, 3].map(() => bootstrapAdmin(t!.db, configWith({}), testLogger(), () => undefined)));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    const users = await t.db.selectFrom('users').select('email').execute();
    expect(users).toEqual([{ email: 'admin@localhost' }]);
  });
});
