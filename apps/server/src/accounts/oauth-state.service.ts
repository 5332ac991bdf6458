import { createHash, randomBytes } from 'node:crypto';
import type { EbayEnvironment } from '@ebay-connector/contract';
import type { Db } from '../platform/database';
import { consumeOauthState, findOauthState, insertOauthState, type OauthStateRow } from './oauth-state.repository';

export const STATE_TTL_MS = 10 * 60 * 1000;

const hashState = (state: string) => createHash('sha256').update(state).digest('hex');

/** A same-origin path (`/x?y`), or null: never `//host`, a scheme, or a backslash trick. */
export function safeReturnTo(value: string | undefined): string | null {
  if (!value || value.length > 500) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  if ([...value].some((c) => c.charCodeAt(0) < 0x20)) return null;
  try {
    const url = new URL(value, 'http://same-origin.invalid');
    if (url.host !== 'same-origin.invalid') return null;
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}

/** Creates a one-time state; only its SHA-256 is stored. */
export async function createOauthState(
  db: Db,
  input: { userId: string; environment: EbayEnvironment; label: string | null; returnTo: string | null; now: Date },
): Promise<string> {
  const state = randomBytes(32).toString('base64url');
  await insertOauthState(db, {
    stateHash: hashState(state),
    userId: input.userId,
    environment: input.environment,
    label: input.label,
    returnTo: input.returnTo,
    expiresAt: new Date(input.now.getTime() + STATE_TTL_MS),
  });
  return state;
}

export type StateCheck =
  | { ok: true; state: OauthStateRow }
  | { ok: false; reason: 'missing' | 'unknown' | 'expired' | 'replayed' | 'wrong_environment' };

/** Uses the state up (whatever happens next, it cannot be presented again). */
export async function redeemOauthState(
  db: Db,
  raw: string | undefined,
  environment: EbayEnvironment,
  now: Date,
): Promise<StateCheck> {
  if (!raw || raw.length > 200) return { ok: false, reason: raw ? 'unknown' : 'missing' };
  const hash = hashState(raw);
  const state = await consumeOauthState(db, hash, now);
  if (!state) return { ok: false, reason: (await findOauthState(db, hash)) ? 'replayed' : 'unknown' };
  if (state.expires_at.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  if (state.environment !== environment) return { ok: false, reason: 'wrong_environment' };
  return { ok: true, state };
}
