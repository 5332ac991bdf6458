import { createEbayClient, type EbayCallRecord, type EbayClient } from '@ebay-connector/ebay-client';
import { createEventBus } from '../src/ebay-calls/event-bus';
import { createLedgerRecorder } from '../src/ebay-calls/ledger.recorder';
import { createDb, createPool } from '../src/platform/database';
import { createLogger } from '../src/platform/logger';
import { syncApiFromClient } from '../src/sync/ebay-client.adapter';
import type { SyncDb } from '../src/sync/sync-db';
import { executeRun } from '../src/sync/sync-run.service';
import { createRun } from '../src/sync/sync-runs.repository';
import { defaultSyncSettings } from '../src/sync/sync-settings';
import { createSyncers } from '../src/sync/syncers';
import { splitWindows } from '../src/sync/windows';

export interface ChildArgs {
  kind: 'engine' | 'naive';
  mode: 'full' | 'incremental';
  databaseUrl: string;
  emulatorUrl: string;
  token: string;
  accountId: string;
}

export interface ChildResult {
  orders: number;
  seconds: number;
  calls: number;
  pages: number;
  maxRssMb: number;
  fetchConcurrency: number;
  /** CPU time of the sync process during the run (user + system). */
  cpuMs: number;
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
}

/** The server's default LEDGER_BODY_MAX_BYTES. */
const LEDGER_BODY_MAX_BYTES = 16_384;

function clientFor(args: ChildArgs, onCall?: (call: EbayCallRecord) => void): EbayClient {
  const url = args.emulatorUrl;
  return createEbayClient({
    environment: 'production',
    baseUrls: { authBaseUrl: url, apiBaseUrl: url, apizBaseUrl: url },
    maxLoggedBodyBytes: LEDGER_BODY_MAX_BYTES,
  }).withAccount({
    getAccessToken: async () => args.token,
    ...(onCall ? { onCall } : {}),
  });
}

/**
 * The engine, as a worker runs it (page + checkpoint transactions, progress events, every call in the ledger with
 * its event), without the queue.
 */
async function engine(args: ChildArgs): Promise<ChildResult> {
  const logger = createLogger({ level: 'warn' });
  const pool = createPool(args.databaseUrl, { ...poolSettings, poolMax: 12 }, logger);
  const db = createDb(pool);
  const syncDb = db as unknown as SyncDb;
  const events = createEventBus({ db, connectionString: args.databaseUrl, logger });
  const settings = {
    ...defaultSyncSettings,
    fetchConcurrency: Number(process.env.BENCH_FETCH_CONCURRENCY ?? defaultSyncSettings.fetchConcurrency),
    orderCancelDetails: process.env.BENCH_CANCEL_DETAILS !== 'false',
  };
  const ledger = createLedgerRecorder({ db, events, logger, bodyMaxBytes: LEDGER_BODY_MAX_BYTES });
  let fetchMs = 0;
  // The run id is known once the run exists; calls only start after that.
  let record: ((call: EbayCallRecord) => void) | null = null;
  const base = syncApiFromClient(clientFor(args, (call) => record?.(call)));
  const api = {
    ...base,
    getOrders: async (...a: Parameters<typeof base.getOrders>) => {
      const t = performance.now();
      try {
        return await base.getOrders(...a);
      } finally {
        fetchMs += performance.now() - t;
      }
    },
  };
  const created = await createRun(syncDb, {
    accountId: args.accountId,
    resource: 'orders',
    mode: args.mode,
    trigger: 'manual',
    since: null,
    until: null,
    correlationId: 'bench',
    requestedBy: null,
    checkpoint: {},
    resumedFrom: null,
  });
  if (!created.created) throw new Error('a run is already active');
  record = ledger.hookFor({ accountId: args.accountId, runId: created.run.id, correlationId: 'bench' });
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await executeRun(
    {
      db: syncDb,
      logger,
      apiFor: async () => api,
      syncers: createSyncers({ orderCancelDetails: settings.orderCancelDetails }),
      publish: (e) => events.publish(e),
      onReauthRequired: async () => undefined,
      settings: {
        fetchConcurrency: settings.fetchConcurrency,
        overlapMs: settings.overlapMs,
        pollMs: settings.cancelPollMs,
        maxAttempts: settings.maxAttempts,
        retryBaseMs: settings.retryBaseMs,
      },
    },
    created.run.id,
    { workerId: 'bench', shutdown: new AbortController().signal },
  );
  await ledger.flush();
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = cpuSince(cpuStart);
  if (process.env.BENCH_VERBOSE)
    console.error(`getOrders time summed over calls: ${(fetchMs / 1000).toFixed(1)} s`);
  if (result !== 'succeeded') throw new Error(`run ended ${result}`);
  const run = await syncDb
    .selectFrom('sync_runs')
    .selectAll()
    .where('id', '=', created.run.id)
    .executeTakeFirstOrThrow();
  await events.close();
  await db.destroy();
  return {
    orders: run.records_fetched,
    seconds,
    calls: run.calls,
    pages: run.pages,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    fetchConcurrency: settings.fetchConcurrency,
    cpuMs,
  };
}

const poolSettings = {
  poolMax: 2,
  connectTimeoutMs: 5000,
  statementTimeoutMs: 0,
  idleTimeoutMs: 10_000,
  keepAlive: true,
  keepAliveInitialDelayMs: 10_000,
};

/**
 * The naive way: one page after the other, one INSERT per order and per line item, autocommit, and one getOrder
 * after the other for the cancellation details.
 */
async function naive(args: ChildArgs): Promise<ChildResult> {
  const cancelDetails = process.env.BENCH_CANCEL_DETAILS !== 'false';
  const logger = createLogger({ level: 'warn' });
  const pool = createPool(args.databaseUrl, poolSettings, logger);
  const client = clientFor(args);
  const now = new Date();
  const windows = splitWindows(new Date(now.getTime() - 729 * 86_400_000), null, 90 * 86_400_000, now);
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let orders = 0;
  let calls = 0;
  for (const w of windows) {
    for (let offset = 0; ; offset += 200) {
      const page = await client.fulfillment.getOrders({
        creationDate: { from: w.from, ...(w.to ? { to: new Date(Date.parse(w.to) - 1).toISOString() } : {}) },
        limit: 200,
        offset,
      });
      calls += 1;
      for (const o of page.orders) {
        await pool.query(
          `insert into ebay_orders (account_id, order_id, created_at_ebay, modified_at_ebay, fulfillment_status, payment_status,
             buyer_username, total_value, total_currency, raw)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           on conflict (account_id, order_id) do update set modified_at_ebay = excluded.modified_at_ebay, raw = excluded.raw, last_seen_at = now()`,
          [
            args.accountId,
            o.orderId,
            o.creationDate,
            o.lastModifiedDate,
            o.orderFulfillmentStatus ?? null,
            o.orderPaymentStatus ?? null,
            o.buyer?.username ?? null,
            o.pricingSummary?.total?.value ?? null,
            o.pricingSummary?.total?.currency ?? null,
            JSON.stringify(o),
          ],
        );
        for (const li of o.lineItems ?? []) {
          await pool.query(
            `insert into ebay_order_line_items (account_id, order_id, line_item_id, sku, title, quantity)
             values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
            [args.accountId, o.orderId, li.lineItemId, li.sku ?? null, li.title ?? null, li.quantity ?? null],
          );
        }
        // The same data as the engine: getOrder fills the cancellation details getOrders leaves out.
        const cancelState = o.cancelStatus?.cancelState;
        if (cancelDetails && cancelState !== undefined && cancelState !== 'NONE_REQUESTED') {
          const full = await client.fulfillment.getOrder(o.orderId);
          calls += 1;
          await pool.query(
            'update ebay_orders set cancel_details = $3 where account_id = $1 and order_id = $2',
            [args.accountId, o.orderId, JSON.stringify(full.cancelStatus ?? {})],
          );
        }
        orders += 1;
      }
      if (offset + 200 >= page.total) break;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await pool.end();
  return {
    orders,
    seconds,
    calls,
    pages: calls,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    fetchConcurrency: 1,
    cpuMs: cpuSince(cpuStart),
  };
}

export async function runChild(args: ChildArgs): Promise<ChildResult> {
  return args.kind === 'engine' ? engine(args) : naive(args);
}
