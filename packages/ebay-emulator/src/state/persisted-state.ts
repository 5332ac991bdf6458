import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { AccessTokenRecord, RefreshTokenRecord, TokenStore } from '../oauth/token.store';

/**
 * What eBay keeps across our restarts and an in-memory emulator would forget: the grants it issued (a refresh token
 * lives 18 months) and when the seller's history was generated. With `stateFile` set the emulator reads this file
 * when it starts and writes it whenever it issues or revokes a token, so an app restarted over the same data
 * directory keeps its connected demo accounts, and the same order ids keep the same dates.
 *
 * Not kept: authorization codes (single use, five minutes), changes made through the control API, quota counters.
 */
const FILE_VERSION = 1;

const scopes = z.array(z.string());
const fileSchema = z.object({
  version: z.literal(FILE_VERSION),
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
});

export interface PersistedState {
  anchor: number;
  refresh: Array<[string, RefreshTokenRecord]>;
  access: Array<[string, AccessTokenRecord]>;
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
      `emulator state file ${file} is not an emulator state (version ${FILE_VERSION}); delete it to start afresh`,
    );
  }
  const { anchor, refresh, access } = result.data;
  return {
    anchor,
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

/** Writes the anchor and the unexpired tokens of `store` to `file` (readable by its owner only), atomically. */
export function writePersistedState(file: string, anchor: number, store: TokenStore, now: number): void {
  const body = {
    version: FILE_VERSION,
    anchor,
    refresh: [...store.refresh].filter(([, r]) => r.expiresAt > now),
    access: [...store.access].filter(([, r]) => r.expiresAt > now),
  };
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, `${JSON.stringify(body)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}
