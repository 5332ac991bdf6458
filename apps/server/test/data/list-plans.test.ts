import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPageJson, type ListQuery } from '../../src/data/list-engine';
import { ordersList } from '../../src/data/list-specs';
import { createDb, createPool, type Db } from '../../src/platform/database';
import type { SyncDb } from '../../src/sync/sync-db';
import { createTestDatabase, testPoolSettings, type TestDatabase } from '../helpers/database';
import { testLogger } from '../helpers/silent-logger';

let t: TestDatabase;
let db: Db;
const accounts: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  // One connection: every list below runs the same session's named statements.
  db = createDb(createPool(t.url, { ...testPoolSettings, poolMax: 1 }, testLogger()));
  for (const k of [1, 2, 3]) {
    const res = await sql<{
      id: string;
    }>`insert into ebay_accounts (environment, ebay_user_id, username, label)
      values ('emulator', ${`u-plan-${k}`}, ${`plan_seller_${k}`}, 'plans') returning id`.execute(t.db);
    accounts.push(res.rows[0]?.id ?? '');
  }
  // As in a seller's history: nearly every order is fulfilled, a few are not (yet). The first account is small
  // (60 orders), the other two share the rest.
  await sql`insert into ebay_orders (account_id, order_id, created_at_ebay, modified_at_ebay, fulfillment_status, raw)
    select (${sql.val(accounts)}::uuid[])[case when i % 1000 = 1 then 1 else 2 + i % 2 end], 'o-' || i, now() - make_interval(mins => i), now() - make_interval(mins => i),
      case when i % 50 = 0 then 'NOT_STARTED' when i % 50 = 25 then 'IN_PROGRESS' else 'FULFILLED' end, '{}'::jsonb
    from generate_series(1, 60000) i`.execute(t.db);
  await sql`analyze ebay_orders`.execute(t.db);
});
afterAll(async () => {
  await db?.destroy();
  await t?.destroy();
});

/** How Postgres planned the executions of the session's named statement for orders lists. */
async function plans(keyset: boolean): Promise<{ generic: number; custom: number }> {
  const rows = await sql<{ generic_plans: string; custom_plans: string }>`
    select generic_plans, custom_plans from pg_prepared_statements
    where statement like '/* prepared */%' and statement like '%ebay_orders%'
      and (statement like '%) < (%') = ${keyset}`.execute(db);
  expect(rows.rows).toHaveLength(1);
  return { generic: Number(rows.rows[0]?.generic_plans), custom: Number(rows.rows[0]?.custom_plans) };
}

const list = (q: Partial<ListQuery> & Record<string, unknown>) =>
  listPageJson(db as unknown as SyncDb, ordersList, {
    limit: 50,
    order: 'desc',
    format: 'json',
    ...q,
  } as ListQuery);

describe('orders list statements', () => {
  it('run their cached generic plan after a few executions, whatever the filter value', async () => {
    const pages: string[] = [];
    for (let i = 0; i < 10; i += 1)
      pages.push(await list({ fulfillmentStatus: i < 8 ? 'FULFILLED' : 'NOT_STARTED' }));
    const { generic, custom } = await plans(false);
    // Postgres plans the first five executions with their values, then keeps the generic plan.
    expect(custom).toBe(5);
    expect(generic).toBe(5);
    // The generic plan answers each value right: the newest fulfilled orders, then the unfulfilled ones.
    const fulfilled = JSON.parse(pages[7] ?? '') as {
      items: Array<{ orderId: string; fulfillmentStatus: string }>;
    };
    const notStarted = JSON.parse(pages[9] ?? '') as {
      items: Array<{ orderId: string; fulfillmentStatus: string }>;
    };
    expect(fulfilled.items.map((o) => o.orderId).slice(0, 3)).toEqual(['o-1', 'o-2', 'o-3']);
    expect(new Set(fulfilled.items.map((o) => o.fulfillmentStatus))).toEqual(new Set(['FULFILLED']));
    expect(notStarted.items.map((o) => o.orderId).slice(0, 3)).toEqual(['o-50', 'o-100', 'o-150']);
    expect(notStarted.items).toHaveLength(50);
  });

  it('keep their generic plan across keyset pages and one account', async () => {
    await sql`deallocate all`.execute(db);
    let cursor: string | null = null;
    const seen: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const page = JSON.parse(
        await list({ fulfillmentStatus: 'FULFILLED', accountId: accounts[1], ...(cursor ? { cursor } : {}) }),
      ) as { items: Array<{ orderId: string; accountId: string }>; nextCursor: string | null };
      seen.push(...page.items.map((o) => o.orderId));
      expect(new Set(page.items.map((o) => o.accountId))).toEqual(new Set([accounts[1]]));
      cursor = page.nextCursor;
    }
    // The cursor pages follow each other without a gap or a repeat: accounts[1] has the even orders (fulfilled).
    const expected: string[] = [];
    for (let i = 2; expected.length < 400; i += 2) if (i % 50 !== 0) expected.push(`o-${i}`);
    expect(seen).toEqual(expected);
    // Seven pages after the first: five planned with their cursor's values, then the generic plan.
    expect(await plans(true)).toEqual({ custom: 5, generic: 2 });
  });

  it("read a small account's own index range, not every account's orders", async () => {
    // The statement as the API runs it: captured from Kysely (not destroyed: the pool is the test database's),
    // prepared, planned after six executions.
    const captured: CompiledQuery[] = [];
    const logged = new Kysely<unknown>({
      dialect: new PostgresDialect({ pool: t.pool }),
      log: (event) => {
        captured.push(event.query);
      },
    });
    await listPageJson(logged as unknown as SyncDb, ordersList, {
      limit: 50,
      order: 'desc',
      format: 'json',
      fulfillmentStatus: 'FULFILLED',
      accountId: accounts[0],
    } as ListQuery);
    const query = captured[0];
    if (!query) throw new Error('no query captured');
    const client = await t.pool.connect();
    try {
      await client.query(`prepare small_account as ${query.sql}`);
      const args = query.parameters.map((p) => `'${String(p)}'`).join(', ');
      for (let i = 0; i < 6; i += 1) await client.query(`execute small_account(${args})`);
      const plan = (
        await client.query<{ 'QUERY PLAN': Array<{ Plan: unknown }> }>(
          `explain (analyze, buffers, format json) execute small_account(${args})`,
        )
      ).rows[0]?.['QUERY PLAN'][0]?.Plan;
      const scans: Array<{ index: string; rows: number }> = [];
      const walk = (node: Record<string, unknown>) => {
        if (typeof node['Index Name'] === 'string') {
          scans.push({ index: node['Index Name'], rows: Number(node['Actual Rows']) });
        }
        for (const child of (node.Plans as Array<Record<string, unknown>> | undefined) ?? []) walk(child);
      };
      walk(plan as Record<string, unknown>);
      // The account's own range of (account, status, creation date): the page's 51 rows, none of the others'.
      expect(scans).toEqual([{ index: 'ebay_orders_status_created', rows: 51 }]);
    } finally {
      await client.query('deallocate small_account').catch(() => undefined);
      client.release();
    }
  });
});
