import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { AccessTokenRecord, RefreshTokenRecord, TokenStore } from '../oauth/token.store';
import type { SellerDataset } from '../data/seller-dataset';
import { addBuyerMessage } from '../data/message-records';

/**
 * What eBay keeps across our restarts and an in-memory emulator would forget: the grants it issued (a refresh token
 * lives 18 months), when the seller's history was generated, and what happened since (orders created, modified and
 * messages added through the control API, live orders and how far their activity went). With `stateFile` set the
 * emulator reads this file when it starts and writes it whenever it issues or revokes a token or its data changes, so
 * an app restarted over the same data directory keeps its connected demo accounts, and every order id keeps its dates
 * and its changes.
 *
 * Not kept: authorization codes (single use, five minutes), quota counters, faults, the clock's offset.
 */
const FILE_VERSION = 2;

const scopes = z.array(z.string());
const timestamp = z.number().int().nonnegative();
const index = z.number().int().nonnegative();

/** The parameters a seller's generated history depends on: an overlay's indices refer to that history. */
const datasetSchema = z.object({
  seed: z.number().int(),
  ordersPerSeller: z.number().int().nonnegative(),
  historyDays: z.number(),
  inventoryItems: z.number().int().positive(),
  /**
   * Version of the generator of the history's creation times and of the live orders' schedule (`HISTORY_GENERATOR`);
   * absent: version 1.
   */
  history: z.number().int().positive().optional(),
});
export type DatasetSignature = z.infer<typeof datasetSchema>;

const overlaySchema = z.object({
  dataset: datasetSchema,
  mutationCounter: z.number().int().nonnegative(),
  sellers: z.array(
    z.object({
      number: z.number().int().positive(),
      /** Creation times of the appended orders (control API and live), in timeline order. */
      appended: z.array(timestamp),
      liveOrders: z.array(index),
      /**
       * Live numbers from which live orders have fates. Absent in files written before they had any: the live orders
       * such a file recorded stay without (it kept their shipments as overrides).
       */
      liveFatedFrom: z.number().int().nonnegative().optional(),
      /** How many of `messages` the live activity wrote. */
      liveMessages: z.number().int().nonnegative(),
      /** How far the live activity went (scheduled events, shipments included, and payouts happen up to here). */
      liveAsOf: timestamp,
      /**
       * Orders changed through the control API. Files written before shipments were derived from `liveAsOf` also hold
       * one FULFILLED override per order the live activity shipped; they agree with the derived shipments.
       */
      overrides: z.array(
        z.tuple([index, z.object({ lastModified: timestamp, status: z.enum(['NOT_STARTED', 'IN_PROGRESS', 'FULFILLED']) })]),
      ),
      /** Buyer messages added, as [order index, date], in the order they were added. */
      messages: z.array(z.tuple([index, timestamp])),
    }),
  ),
});
export type Overlay = z.infer<typeof overlaySchema>;

const fileSchema = z.object({
  version: z.union([z.literal(1), z.literal(FILE_VERSION)]),
  /** The dataset's anchor: its order history ends here (epoch ms). */
  anchor: z.number().int().nonnegative(),
  refresh: z.array(
    z.tuple([
      z.string(),
      z.object({ sellerNumber: z.number().int().positive(), scopes, expiresAt: z.number() }),
    ]),
  ),
  access: z.array(
    z.tuple([
      z.string(),
      z.object({
        kind: z.enum(['user', 'app']),
        sellerNumber: z.number().int().positive().optional(),
        scopes,
        expiresAt: z.number(),
      }),
    ]),
  ),
  /** Absent in version 1 files (tokens and anchor only). */
  overlay: overlaySchema.optional(),
});

export interface PersistedState {
  anchor: number;
  refresh: Array<[string, RefreshTokenRecord]>;
  access: Array<[string, AccessTokenRecord]>;
  overlay: Overlay | undefined;
}

/**
 * The state kept in `file`, or null when there is none. A file that cannot be read as this state is an error
 * naming the file (deleting it starts afresh), never silently replaced: it holds the grants of connected accounts.
 */
export function readPersistedState(file: string): PersistedState | null {
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(
      `emulator state file ${file} is not JSON (${(err as Error).message}); delete it to start afresh`,
      {
        cause: err,
      },
    );
  }
  const result = fileSchema.safeParse(parsed);
  if (!result.success) {
    throw new Error(
      `emulator state file ${file} is not an emulator state (version 1 or ${FILE_VERSION}); delete it to start afresh`,
    );
  }
  const { anchor, refresh, access, overlay } = result.data;
  return {
    anchor,
    overlay,
    refresh,
    access: access.map(([token, r]) => [
      token,
      { kind: r.kind, sellerNumber: r.sellerNumber, scopes: r.scopes, expiresAt: r.expiresAt },
    ]),
  };
}

/**
 * Puts the kept tokens of sellers that still exist (`sellers` of them) and that have not expired (at `now`,
 * virtual-clock time) into `store`.
 */
export function restoreTokens(store: TokenStore, state: PersistedState, sellers: number, now: number): void {
  const exists = (n: number | undefined) => n === undefined || n <= sellers;
  for (const [token, record] of state.refresh) {
    if (exists(record.sellerNumber) && record.expiresAt > now) store.refresh.set(token, record);
  }
  for (const [token, record] of state.access) {
    if (exists(record.sellerNumber) && record.expiresAt > now) store.access.set(token, record);
  }
}

/** The overlay of `sellers` (generated with `dataset`) as the state file keeps it. */
export function snapshotOverlay(dataset: DatasetSignature, sellers: readonly SellerDataset[], mutationCounter: number): Overlay {
  return {
    dataset,
    mutationCounter,
    sellers: sellers.map((ds) => ({
      number: ds.number,
      appended: [...ds.timeline.appended],
      liveOrders: [...ds.liveOrders],
      liveFatedFrom: ds.fates.liveFatedFrom,
      liveMessages: ds.liveMessages,
      liveAsOf: ds.liveAsOf,
      overrides: [...ds.overrides],
      messages: ds.addedMessages.map((m) => [m.index, m.date] as [number, number]),
    })),
  };
}

/** Whether `a` and `b` have the same parameters (seed, sizes), the history's generator aside. */
function sameParameters(a: DatasetSignature, b: DatasetSignature): boolean {
  return a.seed === b.seed && a.ordersPerSeller === b.ordersPerSeller && a.historyDays === b.historyDays &&
    a.inventoryItems === b.inventoryItems;
}


/**
 * Puts a kept overlay back into freshly generated `sellers` and returns its mutation counter. An overlay of a
 * dataset generated with other parameters (seed, sizes) or by another version of the history's generator (after an
 * upgrade, with nothing changed by the operator) no longer describes these orders: it is dropped with a warning
 * saying which, and 0 is returned; the changes of a seller no longer generated
 * (fewer sellers) are left out. A file whose overlay contradicts itself (indices out of range, dates going backwards)
 * is an error naming the file.
 */
export function restoreOverlay(
  file: string,
  overlay: Overlay,
  dataset: DatasetSignature,
  sellers: readonly SellerDataset[],
): number {
  if (!sameParameters(overlay.dataset, dataset)) {
    process.emitWarning(
      `emulator state file ${file} describes a dataset generated with other parameters; the changes it keeps (orders, messages, live activity) are dropped`,
    );
    return 0;
  }
  const keptGenerator = overlay.dataset.history ?? 1;
  const generator = dataset.history ?? 1;
  if (keptGenerator !== generator) {
    process.emitWarning(
      `emulator state file ${file} was written by ${keptGenerator < generator ? 'an older' : 'a newer'} version of the emulator's history generator; the changes it keeps (orders, messages, live activity) are dropped`,
    );
    return 0;
  }
  const bad = (what: string) =>
    new Error(`emulator state file ${file} is inconsistent (${what}); delete it to start afresh`);
  for (const kept of overlay.sellers) {
    const ds = sellers[kept.number - 1];
    if (ds === undefined) continue;
    let last = ds.timeline.lastCreated();
    for (const t of kept.appended) {
      if (t < last) throw bad(`seller ${kept.number}: appended orders out of date order`);
      last = t;
    }
    ds.timeline.append(kept.appended);
    const total = ds.timeline.total;
    for (const i of kept.liveOrders) {
      if (i < ds.timeline.baseCount || i >= total || i <= (ds.liveOrders[ds.liveOrders.length - 1] ?? -1)) {
        throw bad(`seller ${kept.number}: live order ${i} out of range`);
      }
      ds.liveOrders.push(i);
    }
    const fatedFrom = kept.liveFatedFrom ?? kept.liveOrders.length;
    if (fatedFrom > kept.liveOrders.length) throw bad(`seller ${kept.number}: live orders with fates from ${fatedFrom} of ${kept.liveOrders.length}`);
    ds.fates.liveFatedFrom = fatedFrom;
    ds.liveAsOf = Math.max(ds.asOf, kept.liveAsOf);
    for (const [i, override] of kept.overrides) {
      if (i >= total) throw bad(`seller ${kept.number}: modified order ${i} out of range`);
      ds.overrides.set(i, override);
    }
    for (const [i, at] of kept.messages) {
      if (i >= total) throw bad(`seller ${kept.number}: message about order ${i} out of range`);
      addBuyerMessage(ds, i, at);
    }
    if (kept.liveMessages > kept.messages.length) throw bad(`seller ${kept.number}: more live messages than messages`);
    ds.liveMessages = kept.liveMessages;
  }
  return overlay.mutationCounter;
}

/**
 * Writes the anchor, the unexpired tokens of `store` (at `now`, virtual-clock time) and the overlay to `file`
 * (readable by its owner only), atomically.
 */
export function writePersistedState(file: string, anchor: number, store: TokenStore, now: number, overlay: Overlay): void {
  const body = {
    version: FILE_VERSION,
    anchor,
    refresh: [...store.refresh].filter(([, r]) => r.expiresAt > now),
    access: [...store.access].filter(([, r]) => r.expiresAt > now),
    overlay,
  };
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, `${JSON.stringify(body)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}
