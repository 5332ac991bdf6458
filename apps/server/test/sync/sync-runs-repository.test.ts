import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalls, claimRun, createRun, recordPage } from '../../src/sync/sync-runs.repository';
import type { SyncDb } from '../../src/sync/sync-db';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

let t: TestDatabase;
let db: SyncDb;
let accountId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db as unknown as SyncDb;
  const res = await sql<{ id: string }>`insert into ebay_accounts (environment, ebay_user_id, username, label)
    values ('emulator', 'u-runs', 'runs_seller', 'runs') returning id`.execute(t.db);
  accountId = res.rows[0]?.id ?? '';
});
afterAll(async () => {
  await t?.destroy();
});

const counters = { calls: 1, pages: 1, fetched: 10, inserted: 10, updated: 0 };

describe('sync run counters', () => {
  it('keeps the largest progress total when pages commit out of order', async () => {
    const created = await createRun(db, {
      accountId,
      resource: 'disputes',
      mode: 'full',
      trigger: 'manual',
      since: null,
      until: null,
      correlationId: null,
      requestedBy: null,
      checkpoint: {},
      resumedFrom: null,
    });
    if (!created.created) throw new Error('run not created');
    const id = created.run.id;
    expect(await claimRun(db, id, 'w1')).toBeDefined();
    const total = async () => (await db.selectFrom('sync_runs').select('total').where('id', '=', id).executeTakeFirstOrThrow()).total;

    // Window B's page (the sum of both windows' totals) commits before window A's (only A's total was known then).
    await db.transaction().execute((trx) => recordPage(trx, id, counters, { done: ['b:0'] }, 30));
    await db.transaction().execute((trx) => recordPage(trx, id, counters, { done: ['a:0'] }, 21));
    expect(await total()).toBe(30);
    await db.transaction().execute((trx) => recordPage(trx, id, counters, { done: ['a:10'] }, null));
    await addCalls(db, id, 1, 12);
    expect(await total()).toBe(30);
    await addCalls(db, id, 1, 31);
    expect(await total()).toBe(31);
  });
});
