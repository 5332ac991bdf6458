import { sql } from 'kysely';
import { startEmulator } from '@ebay-connector/ebay-emulator';
import { checksumOfLines, orderTruthLine, type Checksum } from '../../bench/orders-truth';
import { createEbayModule, type EbayModule } from '../../src/accounts/ebay.module';
import { defaultSyncSettings, type SyncSettings } from '../../src/sync/sync-settings';
import { createSyncModule, type SyncModule } from '../../src/sync/sync.module';
import type { SyncDb } from '../../src/sync/sync-db';
import type { SyncWorker } from '../../src/sync/sync-worker';
import { TEST_APP_SECRET, createTestApp, type TestApp } from '../helpers/app';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { testLogger } from '../helpers/silent-logger';
import { connectSeller, control, ebaySettings, sellers, type Emulator } from '../accounts/ebay-fixture';

export { checksumOfLines, control, type Emulator };

export interface SyncTestApp extends TestApp {
  ebay: EbayModule;
  sync: SyncModule;
  syncDb: SyncDb;
  worker: SyncWorker | null;
  operatorCookie: string;
  /** `Authorization` header value of the operator session. */
  operatorAuth: string;
  /** Connects emulator seller `index` and returns the account id. */
  connect(index?: number): Promise<string>;
}

export async function startSyncEmulator(
  options: Parameters<typeof startEmulator>[0] = {},
): Promise<Emulator> {
  const emulator = await startEmulator({
    port: 0,
    sellers: 1,
    ordersPerSeller: 300,
    inventoryItems: 30,
    historyDays: 400,
    ...options,
  });
  await control(emulator, 'PUT', '/app/accept-url', { url: 'http://localhost:3000/api/ebay/oauth/callback' });
  return emulator;
}

export const fastSettings: SyncSettings = {
  ...defaultSyncSettings,
  workerConcurrency: 2,
  cancelPollMs: 200,
  heartbeatStaleMs: 3000,
  sweepIntervalMs: 500,
  scheduleIntervalMs: 60_000,
  retryBaseMs: 200,
  pollingIntervalSeconds: 0.5,
  queue: { retryLimit: 3, retryDelaySeconds: 1, expireInSeconds: 600 },
};

/** The real app with the accounts and sync features wired to `emulator`; a worker unless `worker: false`. */
export async function createSyncTestApp(
  emulator: Emulator,
  opts: { settings?: Partial<SyncSettings>; worker?: boolean; database?: TestDatabase } = {},
): Promise<SyncTestApp> {
  const logLines: Record<string, unknown>[] = [];
  const database = opts.database ?? (await createTestDatabase());
  const logger = testLogger(logLines);
  const ebay = createEbayModule({
    settings: ebaySettings(emulator.url),
    db: database.db,
    logger,
    appSecret: TEST_APP_SECRET,
    databaseUrl: database.url,
    publicUrl: 'http://localhost:3000',
  });
  const sync = await createSyncModule({
    db: database.db,
    databaseUrl: database.url,
    logger,
    settings: { ...fastSettings, ...opts.settings },
    ebay,
  });
  const t = await createTestApp({
    database,
    logLines,
    beforeReady: async (app) => {
      for (const plugin of [...ebay.routes, ...sync.routes]) await app.register(plugin);
    },
  });
  const worker = opts.worker === false ? null : await sync.startWorker();
  const operator = await t.loginAs('operator');
  return {
    ...t,
    ebay,
    sync,
    syncDb: database.db as unknown as SyncDb,
    worker,
    operatorCookie: operator.cookie,
    operatorAuth: `Bearer ${operator.token}`,
    async connect(index = 0) {
      const seller = (await sellers(emulator))[index];
      if (!seller) throw new Error(`no emulator seller ${index}`);
      const res = await connectSeller(t, emulator, operator.cookie, seller.username);
      if (res.statusCode >= 400) throw new Error(`connect failed: ${res.statusCode} ${res.body}`);
      const row = await database.db
        .selectFrom('ebay_accounts')
        .select('id')
        .where('username', '=', seller.username)
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async close() {
      await sync.close();
      await t.close();
      await ebay.close();
      if (!opts.database) await database.destroy();
    },
  };
}

/** The emulator's truth of a resource and the database's side of it: count and checksum of its lines. */
export type Truth = Checksum;

export async function truth(emulator: Emulator, resource: string, sellerIndex = 0): Promise<Truth> {
  const seller = (await sellers(emulator))[sellerIndex];
  if (!seller) throw new Error('no seller');
  const t = await control<Truth>(emulator, 'GET', `/sellers/${seller.id}/truth?resource=${resource}`);
  return { count: t.count, checksum: t.checksum };
}

/** The database's side of the emulator's orders checksum (see the emulator README). */
export async function ordersChecksum(db: SyncDb, accountId: string): Promise<Truth> {
  const rows = await db
    .selectFrom('ebay_orders')
    .select(['order_id', 'raw'])
    .where('account_id', '=', accountId)
    .execute();
  return checksumOfLines(
    rows.map((r) => orderTruthLine(r.order_id, (r.raw as { lastModifiedDate: string }).lastModifiedDate)),
  );
}

/** Polls until the run reaches a final status. */
/**
 * Conversation rows (`ebay_message_threads`) that differ from their messages grouped by account and thread
 * (missing, left over or with other counts, item or last message time): [] when the rows are in step.
 */
export async function threadRowsOutOfStep(db: SyncDb): Promise<unknown[]> {
  const r = await sql`
    with grouped as (
      select account_id, thread_id, max(item_id) as item_id, max(item_title) as item_title,
        count(*)::int as message_count, (count(*) filter (where not coalesce(is_read, false)))::int as unread,
        max(received_at) as last_message_at
      from ebay_messages group by account_id, thread_id
    ), firsts as (
      -- The first message with a subject; the counterpart from the first received message (folder 0), else the
      -- first sent (folder 1), else the first sender.
      select distinct on (account_id, thread_id) account_id, thread_id, subject
      from ebay_messages where subject is not null order by account_id, thread_id, received_at, message_id
    ), ranked as (
      select account_id, thread_id, received_at, message_id,
        case when folder_id = 0 and sender is not null then 0 when folder_id = 1 and recipient is not null then 1
          when sender is not null then 2 end as rank,
        case when folder_id = 1 and recipient is not null then recipient else sender end as counterpart
      from ebay_messages
    ), parties as (
      select distinct on (account_id, thread_id) account_id, thread_id, counterpart
      from ranked where rank is not null order by account_id, thread_id, rank, received_at, message_id
    )
    select g as expected, t as stored from grouped g
    left join firsts f on f.account_id = g.account_id and f.thread_id = g.thread_id
    left join parties p on p.account_id = g.account_id and p.thread_id = g.thread_id
    full join ebay_message_threads t on t.account_id = g.account_id and t.thread_id = g.thread_id
    where t.account_id is null or g.account_id is null
      or (t.item_id, t.item_title, t.message_count, t.unread, t.last_message_at, t.subject, t.counterpart)
        is distinct from (g.item_id, g.item_title, g.message_count, g.unread, g.last_message_at, f.subject,
          p.counterpart)`.execute(db);
  return r.rows;
}

export async function waitForRun(
  db: SyncDb,
  runId: string,
  timeoutMs = 60_000,
): Promise<{ status: string; error_code: string | null }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await db
      .selectFrom('sync_runs')
      .select(['status', 'error_code'])
      .where('id', '=', runId)
      .executeTakeFirstOrThrow();
    if (!['queued', 'running'].includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Follows resumed runs to the last one of the chain, and waits for it. */
export async function waitForChain(db: SyncDb, runId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let id = runId;
  for (;;) {
    const run = await waitForRun(db, id, Math.max(1000, deadline - Date.now()));
    const findNext = () => db.selectFrom('sync_runs').select('id').where('resumed_from', '=', id).executeTakeFirst();
    let next = await findNext();
    // An interrupted run is resumed by a new run; the sweeper may create it a moment after marking this one.
    while (!next && run.status === 'interrupted' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      next = await findNext();
    }
    if (!next) return { ...run, id };
    id = next.id;
  }
}

/** `POST /api/ebay/sync/{resource}` as the operator; returns the new run's id (expects 202). */
export async function startSync(t: SyncTestApp, resource: string, payload: Record<string, unknown>): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/ebay/sync/${resource}`,
    headers: { authorization: t.operatorAuth },
    payload,
  });
  if (res.statusCode !== 202) throw new Error(`sync did not start: ${res.statusCode} ${res.body}`);
  return res.json<{ runId: string }>().runId;
}

/**
 * `POST /api/ebay/sync/all` as the operator (expects 202), then waits for every run it started; each run's resource
 * with its final status.
 */
export async function syncAllResources(
  t: SyncTestApp,
  accountId: string,
): Promise<Array<{ resource: string; status: string; error_code: string | null }>> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/ebay/sync/all',
    headers: { authorization: t.operatorAuth },
    payload: { accountId },
  });
  if (res.statusCode !== 202) throw new Error(`sync all did not start: ${res.statusCode} ${res.body}`);
  const done = [];
  for (const r of res.json<{ runs: Array<{ resource: string; runId: string }> }>().runs) {
    done.push({ resource: r.resource, ...(await waitForRun(t.syncDb, r.runId)) });
  }
  return done;
}

/** Polls until the run has committed at least `pages` pages; `check` runs on every poll (e.g. a process died). */
export async function waitForPages(
  db: SyncDb,
  runId: string,
  pages: number,
  opts: { timeoutMs?: number; check?: () => void } = {},
): Promise<number> {
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    opts.check?.();
    const run = await db.selectFrom('sync_runs').select('pages').where('id', '=', runId).executeTakeFirstOrThrow();
    if (run.pages >= pages || Date.now() > deadline) return run.pages;
    await new Promise((r) => setTimeout(r, 50));
  }
}
