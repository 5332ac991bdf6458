import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, createPool } from '../../src/platform/database';
import type { SyncDb } from '../../src/sync/sync-db';
import { refreshStatistics } from '../../src/sync/sync-run.service';
import { createTestDatabase, testPoolSettings, type TestDatabase } from '../helpers/database';
import { testLogger } from '../helpers/silent-logger';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.destroy();
});

describe('refreshStatistics', () => {
  it('refreshes the statistics, and a failed ANALYZE is logged, not thrown (the run has stored its data)', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = testLogger(lines);
    expect(await refreshStatistics(t.db as unknown as SyncDb, ['ebay_payouts'], logger)).toBe(true);

    // Another session holds the table; this pool's statement timeout ends the ANALYZE waiting for it.
    const holder = new pg.Client({ connectionString: t.url });
    await holder.connect();
    const impatient = createPool(t.url, { ...testPoolSettings, statementTimeoutMs: 300 }, logger);
    try {
      await holder.query('begin');
      await holder.query('lock table ebay_payouts in access exclusive mode');
      expect(await refreshStatistics(createDb(impatient) as unknown as SyncDb, ['ebay_payouts'], logger)).toBe(false);
      expect(lines.some((l) => String(l.msg).startsWith('planner statistics not refreshed'))).toBe(true);
    } finally {
      await holder.query('rollback');
      await holder.end();
      await impatient.end();
    }
  });
});
