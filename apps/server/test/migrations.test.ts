import { readFileSync, readdirSync } from 'node:fs';
import { sql } from 'kysely';
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

  it('0010 names the conversations already stored: the first subject, the member the seller talks with', async () => {
    const d = await emptyDatabase();
    await migrate(d.url, testLogger(), { migrations: loadMigrations().filter((m) => m.version <= 9) });
    const account = await sql<{ id: string }>`
      insert into ebay_accounts (environment, ebay_user_id, username, label)
      values ('emulator', 'u-1', 'the.seller', 'shop') returning id`.execute(d.db);
    const id = account.rows[0]?.id ?? '';
    // [message, thread, folder, sender, recipient, subject, minute]
    const messages: Array<[string, string, number | null, string | null, string | null, string | null, number]> = [
      ['m2', 'received', 1, 'the.seller', 'buyer.one', 'Re: Where is my parcel?', 2],
      ['m1', 'received', 0, 'buyer.one', 'the.seller', 'Where is my parcel?', 1],
      ['m3', 'sent', 1, 'the.seller', 'buyer.two', null, 1],
      ['m4', 'sent', 1, 'the.seller', 'buyer.two', 'Your order shipped', 2],
      ['m5', 'no-folder', null, 'buyer.three', null, 'Hello', 1],
    ];
    for (const [messageId, thread, folder, sender, recipient, subject, minute] of messages) {
      await sql`
        insert into ebay_messages (account_id, message_id, thread_id, folder_id, sender, recipient, subject,
          received_at, raw)
        values (${id}::uuid, ${messageId}, ${thread}, ${folder}, ${sender}, ${recipient}, ${subject},
          ${`2026-01-01T00:0${minute}:00Z`}::timestamptz, '{}'::jsonb)`.execute(d.db);
    }
    await sql`
      insert into ebay_message_threads (account_id, thread_id, message_count, unread, last_message_at)
      select account_id, thread_id, count(*), 0, max(received_at) from ebay_messages group by 1, 2`.execute(d.db);
    expect(await migrate(d.url, testLogger())).toContain(10);
    const threads = await sql<{ thread_id: string; subject: string | null; counterpart: string | null }>`
      select thread_id, subject, counterpart from ebay_message_threads order by thread_id`.execute(d.db);
    expect(threads.rows).toEqual([
      { thread_id: 'no-folder', subject: 'Hello', counterpart: 'buyer.three' },
      { thread_id: 'received', subject: 'Where is my parcel?', counterpart: 'buyer.one' },
      { thread_id: 'sent', subject: 'Your order shipped', counterpart: 'buyer.two' },
    ]);
  });
});
