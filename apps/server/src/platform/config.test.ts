import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, envSchema, loadConfig, repoRoot } from './config';

describe('loadConfig', () => {
  it('has working defaults: embedded database under ./.data, port 3000', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe('/srv/app/.data');
    expect(c.database.url).toBeNull();
    expect(c.database.embeddedPort).toBe(54329);
    expect(c.auth.sessionTtlHours).toBe(168);
    expect(c.auth.cookieSecure).toBe(false);
    expect(Object.isFrozen(c) && Object.isFrozen(c.database)).toBe(true);
    expect(c.emulator).toEqual({ seed: 42, ordersPerSeller: 2000, liveOrdersPerDay: 24 });
    expect(loadConfig({ EMULATOR_LIVE_ORDERS_PER_DAY: '0' }).emulator.liveOrdersPerDay).toBe(0);
  });

  it('lists every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', APP_SECRET: 'short', DB_POOL_MAX: '0', LOG_LEVEL: 'loud', EMULATOR_LIVE_ORDERS_PER_DAY: '-1' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'APP_SECRET', 'DB_POOL_MAX', 'LOG_LEVEL', 'EMULATOR_LIVE_ORDERS_PER_DAY']) expect(text).toContain(name);
  });

  it('reads https PUBLIC_URL as a Secure cookie and normalises origins', () => {
    const c = loadConfig({ PUBLIC_URL: 'https://connector.example/some/path', ALLOWED_ORIGINS: 'https://a.example/, http://b.example:8080' });
    expect(c.publicUrl).toBe('https://connector.example');
    expect(c.auth.cookieSecure).toBe(true);
    expect(c.allowedOrigins).toEqual(['https://a.example', 'http://b.example:8080']);
  });

  it('requires ADMIN_EMAIL and ADMIN_PASSWORD together, and DATABASE_URL with MIGRATIONS_URL', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@b.test' })).toThrow(/ADMIN_EMAIL and ADMIN_PASSWORD/);
    expect(() => loadConfig({ MIGRATIONS_URL: 'postgres://x@h/db' })).toThrow(/MIGRATIONS_URL/);
  });
});

describe('configuration documents', () => {
  const variables = Object.keys(envSchema.shape).sort();

  it('.env.example lists every variable the app reads, and no other', () => {
    const text = readFileSync(join(repoRoot, '.env.example'), 'utf8');
    const listed = [...text.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(variables);
  });

  it("the README's configuration table lists every variable the app reads, and no other", () => {
    const text = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const listed = [...text.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(variables);
  });
});
