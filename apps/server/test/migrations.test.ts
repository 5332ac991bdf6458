import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { bootstrapAdmin } from '../src/auth/bootstrap-admin';
import { loadConfig } from '../src/platform/config';
import { checksumOf, checksumsFile, currentVersion, latestVersion, loadMigrations, migrate, migrationsDir } from '../src/platform/migrations';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { testLogger } from './helpers/silent-logger';

const created: TestDatabase[] = [];
afterAll(async () => {
  for (const d of created) await d.destroy();
});
async function emptyDatabase() {
  const d = await createTestDatabase({ empty: true });
  created.push(d);
  return d;
}

describe('the migration chain', () => {
  it('is linear: NNNN_name.sql numbered 1..N without gaps or duplicates', () => {
    const files = readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).sort();
    expect(files.length).toBeGreaterThan(0);
    files.forEach((f, i) => expect(f).toMatch(new RegExp(`^${String(i + 1).padStart(4, '0')}_[a-z0-9_]+\\.sql$`)));
    expect(loadMigrations().map((m) => m.version)).toEqual(files.map((_, i) => i + 1));
  });

  it('matches checksums.json: every file is locked and no landed migration was edited', () => {
    const lock = JSON.parse(readFileSync(checksumsFile, 'utf8')) as Record<string, string>;
    const migrations = loadMigrations();
    for (const m of migrations) {
      expect(lock[m.file], `${m.file} is not in checksums.json: run npm run migrate -- --lock`).toBeDefined();
      expect(lock[m.file], `${m.file} was edited after landing; add a new migration instead`).toBe(m.checksum);
    }
    expect(Object.keys(lock).sort()).toEqual(migrations.map((m) => m.file));
  });

  it('checksums ignore line-ending differences only', () => {
    expect(checksumOf('a\r\nb')).toBe(checksumOf('a\nb'));
    expect(checksumOf('a\nb')).not.toBe(checksumOf('a\nc'));
  });
});

describe('migrate', () => {
  it('takes an empty database to the latest version; a second run is a no-op', async () => {
    const d = await emptyDatabase();
    const latest = latestVersion(loadMigrations());
    expect(await currentVersion(d.db)).toBeNull();
    const first = await migrate(d.url, testLogger());
    expect(first).toEqual(Array.from({ length: latest }, (_, i) => i + 1));
    expect(await currentVersion(d.db)).toBe(latest);
    expect(await migrate(d.url, testLogger())).toEqual([]);
    const rows = await d.db.selectFrom('schema_migrations').select(['version', 'checksum']).orderBy('version').execute();
    expect(rows.map((r) => r.checksum)).toEqual(loadMigrations().map((m) => m.checksum));
  });

  it('refuses a database whose applied migration changed', async () => {
    const d = await emptyDatabase();
    await migrate(d.url, testLogger());
    await d.db.updateTable('schema_migrations').set({ checksum: 'edited' }).where('version', '=', 1).execute();
    await expect(migrate(d.url, testLogger())).rejects.toThrow(/changed after it was applied/);
  });

  it('refuses a database migrated by a newer release', async () => {
    const d = await emptyDatabase();
    await migrate(d.url, testLogger());
    await d.db.insertInto('schema_migrations').values({ version: 9999, name: 'future', checksum: 'x' }).execute();
    await expect(migrate(d.url, testLogger())).rejects.toThrow(/does not know/);
  });

  it('lets two instances migrate the same empty database at once (advisory lock) and bootstrap one admin', async () => {
    const d = await emptyDatabase();
    const config = loadConfig({ DATABASE_URL: d.url });
    const startInstance = async () => {
      await migrate(d.url, testLogger());
      return bootstrapAdmin(d.db, config, testLogger(), () => undefined);
    };
    const results = await Promise.all([startInstance(), startInstance()]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await currentVersion(d.db)).toBe(latestVersion(loadMigrations()));
    const applied = await d.db.selectFrom('schema_migrations').select('version').execute();
    expect(applied).toHaveLength(latestVersion(loadMigrations()));
  });
});
