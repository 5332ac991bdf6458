import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETION_PATH } from '../../src/accounts/deletion.routes';
import { freePort } from '../helpers/ports';
import {
  control,
  createSyncTestApp,
  startSync,
  startSyncEmulator,
  syncAllResources,
  threadRowsOutOfStep,
  waitForPages,
  waitForRun,
  type Emulator,
  type SyncTestApp,
} from './sync-fixture';

// The verification token of the test eBay settings (see ../accounts/ebay-fixture.ts).
const VERIFICATION_TOKEN = 'test-verification-token-0123456789abcdef';
const MESSAGE_SCOPE = 'https://api.ebay.com/oauth/api_scope/commerce.message';

let emulator: Emulator;
let t: SyncTestApp;
let deletionUrl: string;
/** a: messages through REST, b: through Trading (thread ids built from usernames), c: purged mid-sync. */
const acc = { a: '', b: '', c: '' };

/** Every table holding rows per eBay account (synced data, runs, schedules, the ledger, the event log). */
async function accountTables(): Promise<string[]> {
  const rows = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and c.column_name = 'account_id' and t.table_type = 'BASE TABLE'
    order by c.table_name`.execute(t.db);
  return rows.rows.map((r) => r.table_name);
}

async function countsFor(accountId: string, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) {
    const r = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(table)} where account_id = ${accountId}`.execute(t.db);
    out[table] = r.rows[0]?.n ?? 0;
  }
  return out;
}

/** Each row of `table` (optionally only one account's) as md5 of its text, with whether it mentions `needles`. */
async function snapshot(table: string, needles: string[], accountId?: string) {
  const patterns = needles.map((n) => `%${n.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const mentions = patterns.length > 0 ? sql`(x::text like any (${patterns}::text[]))` : sql`false`;
  const r = await sql<{ h: string; mentions: boolean }>`
    select md5(x::text) as h, ${mentions} as mentions from ${sql.table(table)} as x
    ${accountId ? sql`where x.account_id = ${accountId}` : sql``}`.execute(t.db);
  return r.rows;
}

async function syncAll(accountId: string): Promise<void> {
  for (const r of await syncAllResources(t, accountId)) {
    expect(r).toMatchObject({ status: 'succeeded' });
  }
}

async function notifyDeletion(username: string, userId: string): Promise<void> {
  const report = await control<{ notification: { status: number } }>(
    emulator,
    'POST',
    '/notifications/account-deletion',
    {
      endpointUrl: deletionUrl,
      verificationToken: VERIFICATION_TOKEN,
      username,
      userId,
      // The app's challenge answer hashes its configured endpoint URL, not this test port's; the POST is what counts.
      force: true,
    },
  );
  expect(report.notification.status).toBe(204);
}

async function purge(accountId: string) {
  const res = await t.app.inject({
    method: 'DELETE',
    url: `/api/ebay/accounts/${accountId}?purge=true`,
    headers: { authorization: t.operatorAuth },
  });
  expect(res.statusCode).toBe(200);
}

beforeAll(async () => {
  // Orders of the last 120 days: buyers' names and addresses are not masked yet (eBay masks after 90 days).
  emulator = await startSyncEmulator({
    sellers: 3,
    ordersPerSeller: 1500,
    inventoryItems: 12,
    historyDays: 120,
  });
  // Slow polls keep a purged run writing for a while (the page commits must notice the purge themselves).
  t = await createSyncTestApp(emulator, { settings: { cancelPollMs: 2000, heartbeatStaleMs: 30_000 } });
  const port = await freePort();
  deletionUrl = `http://127.0.0.1:${port}${DELETION_PATH}`;
  await t.app.listen({ port, host: '127.0.0.1' });
  acc.a = await t.connect(0);
  acc.b = await t.connect(1);
  acc.c = await t.connect(2);
  await t.db
    .updateTable('ebay_tokens')
    .set({ scopes: sql`array_remove(scopes, ${MESSAGE_SCOPE})` })
    .where('account_id', '=', acc.b)
    .execute();
  await syncAll(acc.a);
  await syncAll(acc.b);
  await t.ebay.ledger.flush();
}, 120_000);
afterAll(async () => {
  await t?.close();
  await emulator?.close();
});

describe('marketplace account deletion of a buyer', () => {
  it('anonymises the buyer everywhere they appear and changes nothing else', async () => {
    // A buyer of account b whose order is in a stored ledger body (cut at 4 KB here), then the one who appears in
    // the most kinds of records (orders, finances, disputes, messages).
    const pick = await sql<{ buyer: string }>`
      select o.buyer_username as buyer from ebay_orders o where o.account_id = ${acc.b}
      group by o.buyer_username
      order by (exists (select 1 from ebay_calls c where c.account_id = ${acc.b} and c.operation = 'getOrders'
                 and strpos(c.response_body, '"username":"' || o.buyer_username || '"') > 0)) desc,
             (exists (select 1 from ebay_disputes d where d.buyer_username = o.buyer_username))::int
             + (exists (select 1 from ebay_messages m where m.sender = o.buyer_username and m.account_id = ${acc.b}))::int desc,
             count(*) desc, o.buyer_username
      limit 1`.execute(t.db);
    const buyer = pick.rows[0]?.buyer ?? '';
    const order = await t.syncDb
      .selectFrom('ebay_orders')
      .select('raw')
      .where('account_id', '=', acc.b)
      .where('buyer_username', '=', buyer)
      .orderBy('created_at_ebay', 'desc')
      .executeTakeFirstOrThrow();
    const registration = (order.raw as { buyer: { buyerRegistrationAddress: Record<string, unknown> } }).buyer
      .buyerRegistrationAddress as {
      fullName: string;
      email: string;
      primaryPhone: { phoneNumber: string };
      contactAddress: { addressLine1: string };
    };
    // Generated names and streets repeat across buyers: look only for the values no other buyer has.
    const personal: string[] = [];
    for (const value of [
      buyer,
      registration.fullName,
      registration.email,
      registration.primaryPhone.phoneNumber,
      registration.contactAddress.addressLine1,
    ]) {
      const shared = await sql<{ n: number }>`
        select count(*)::int as n from ebay_orders
        where buyer_username <> ${buyer} and strpos(raw::text, ${value}) > 0`.execute(t.db);
      if (shared.rows[0]?.n === 0) personal.push(value);
    }
    expect(personal).toEqual(
      expect.arrayContaining([buyer, registration.email, registration.primaryPhone.phoneNumber]),
    );
    // The ledger holds more of them than the name: their email and phone in the order's JSON.
    const inLedger = await sql<{ n: number }>`
      select count(*)::int as n from ebay_calls
      where strpos(response_body, ${registration.email}) > 0 and strpos(response_body, ${registration.primaryPhone.phoneNumber}) > 0`.execute(
      t.db,
    );
    expect(inLedger.rows[0]?.n).toBeGreaterThan(0);
    // A seller account a bought from (a deleted eBay user can be a seller too).
    const purchase = await t.syncDb
      .selectFrom('ebay_purchases')
      .select('seller_username')
      .where('account_id', '=', acc.a)
      .where('seller_username', 'is not', null)
      .executeTakeFirstOrThrow();
    const seller = purchase.seller_username ?? '';

    const tables = [...(await accountTables()).filter((n) => n !== 'ebay_events'), 'ebay_accounts'];
    const before = new Map<string, Awaited<ReturnType<typeof snapshot>>>();
    for (const table of tables) before.set(table, await snapshot(table, [...personal, seller]));
    const mentioned = Object.fromEntries(
      [...before].map(([table, rows]) => [table, rows.filter((r) => r.mentions).length]),
    );
    // The buyer is in b's orders, transactions, messages (and their conversations' counterpart) and the ledger; the
    // seller in a's purchases.
    for (const table of [
      'ebay_orders',
      'ebay_finance_transactions',
      'ebay_messages',
      'ebay_message_threads',
      'ebay_purchases',
      'ebay_calls',
    ]) {
      expect({ table, mentioned: (mentioned[table] ?? 0) > 0 }).toEqual({ table, mentioned: true });
    }
    const ledgerBefore = await sql<{ id: string }>`select max(id)::text as id from ebay_calls`.execute(t.db);

    await notifyDeletion(buyer, 'u-deleted-buyer');
    await notifyDeletion(seller, 'u-deleted-seller');

    // Per table: rows still naming them (none), rows added or removed (none), rows not naming them that changed.
    const outcome: Record<string, { mentions: number; added: number; changed: number }> = {};
    const expected: typeof outcome = {};
    for (const table of tables) {
      const after = await snapshot(table, [...personal, seller]);
      // The ledger gained the notification's public key call since; compare the rows that were there.
      const rows =
        table === 'ebay_calls'
          ? await sql<{ h: string; mentions: boolean }>`
            select md5(x::text) as h, false as mentions from ebay_calls as x
            where x.id <= ${ledgerBefore.rows[0]?.id ?? '0'}::bigint`
              .execute(t.db)
              .then((r) => r.rows)
          : after;
      const old = before.get(table) ?? [];
      const now = new Set(rows.map((r) => r.h));
      outcome[table] = {
        mentions: after.filter((r) => r.mentions).length,
        added: rows.length - old.length,
        changed: old.filter((r) => !r.mentions && !now.has(r.h)).length,
      };
      expected[table] = { mentions: 0, added: 0, changed: 0 };
    }
    expect(outcome).toEqual(expected);
    expect((await snapshot('ebay_events', [...personal, seller])).filter((r) => r.mentions)).toEqual([]);
    // The buyer's conversations got new ids (a Trading thread id names the counterpart); their rows followed.
    expect(await threadRowsOutOfStep(t.syncDb)).toEqual([]);
    // The rows stay usable: b's orders of the buyer keep their totals and the ship-to country.
    const anonymised = await t.syncDb
      .selectFrom('ebay_orders')
      .select(['buyer_username', 'total_value', 'raw'])
      .where('account_id', '=', acc.b)
      .where('order_id', '=', (order.raw as { orderId: string }).orderId)
      .executeTakeFirstOrThrow();
    expect(anonymised.buyer_username).toMatch(/^deleted-user-/);
    expect(anonymised.total_value).not.toBeNull();
    const shipTo = (
      anonymised.raw as { fulfillmentStartInstructions: Array<{ shippingStep: { shipTo: unknown } }> }
    ).fulfillmentStartInstructions[0]?.shippingStep.shipTo;
    expect(shipTo).toEqual({ contactAddress: { countryCode: expect.stringMatching(/^[A-Z]{2}$/) } });
  });
});

describe('disconnect with purge', () => {
  it('leaves no row of the account in any account table and does not touch the other accounts', async () => {
    const tables = await accountTables();
    const counts = await countsFor(acc.a, tables);
    for (const table of [
      'ebay_orders',
      'ebay_order_line_items',
      'ebay_finance_transactions',
      'ebay_finance_fees',
      'ebay_payouts',
      'ebay_disputes',
      'ebay_messages',
      'ebay_message_threads',
      'ebay_inventory_items',
      'ebay_offers',
      'ebay_purchases',
      'ebay_calls',
      'sync_runs',
      'sync_state',
      'sync_schedules',
    ]) {
      expect({ table, filled: (counts[table] ?? 0) > 0 }).toEqual({ table, filled: true });
    }
    const others = new Map<string, string[]>();
    for (const table of tables) {
      others.set(table, (await snapshot(table, [], acc.b)).map((r) => r.h).sort());
    }

    await purge(acc.a);
    // Let the worker's sweeper and scheduler pass a few times: nothing may come back.
    await new Promise((r) => setTimeout(r, 1500));
    await t.ebay.ledger.flush();

    const left = await countsFor(acc.a, tables);
    expect(Object.entries(left).filter(([, n]) => n > 0)).toEqual([]);
    for (const table of tables) {
      const now = (await snapshot(table, [], acc.b)).map((r) => r.h).sort();
      expect({ table, rows: now }).toEqual({ table, rows: others.get(table) });
    }
  });

  it('leaves no row behind, ledger and events included, when the account is purged while a sync of it is writing pages', async () => {
    await control(emulator, 'PUT', '/faults', { latencyMs: 300, jitterMs: 600 });
    try {
      const runId = await startSync(t, 'orders', { accountId: acc.c, mode: 'full' });
      await waitForPages(t.syncDb, runId, 1);
      await purge(acc.c);
      // The run ends once its pages find it gone (or its heartbeat does); wait for its job to finish.
      for (let i = 0; i < 100; i += 1) {
        const job = await sql<{ state: string }>`select state from pgboss.job where id = ${runId}`.execute(
          t.db,
        );
        if (!['created', 'retry', 'active'].includes(job.rows[0]?.state ?? 'gone')) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await control(emulator, 'PUT', '/faults', { latencyMs: 0, jitterMs: 0 });
    }
    // Calls that were in flight when the account was purged end after it: they must not be recorded either.
    await t.ebay.ledger.flush();
    const left = await countsFor(acc.c, await accountTables());
    expect(Object.entries(left).filter(([, n]) => n > 0)).toEqual([]);

    // Connected again, the account's calls and events are recorded again.
    expect(await t.connect(2)).toBe(acc.c);
    const again = await startSync(t, 'inventory', { accountId: acc.c, mode: 'full' });
    expect(await waitForRun(t.syncDb, again)).toMatchObject({ status: 'succeeded' });
    await t.ebay.ledger.flush();
    const recorded = await countsFor(acc.c, ['ebay_calls', 'ebay_events']);
    expect(recorded.ebay_calls).toBeGreaterThan(0);
    expect(recorded.ebay_events).toBeGreaterThan(0);
  });
});
