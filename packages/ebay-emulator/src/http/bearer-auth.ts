import type { EmulatorState } from '../state/emulator-state';
import type { AuthContext } from './route-meta';

export type BearerResult = { ok: true; auth: AuthContext } | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

/** Validate an access token against the store and the virtual clock. */
export function checkAccessToken(state: EmulatorState, token: string | undefined): BearerResult {
  if (!token) return { ok: false, reason: 'missing' };
  const record = state.tokens.access.get(token);
  if (!record) return { ok: false, reason: 'invalid' };
  if (record.expiresAt <= state.clock.now()) return { ok: false, reason: 'expired' };
  return { ok: true, auth: { token, record } };
}

export function bearerFrom(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  return m?.[1]?.trim() || undefined;
}
