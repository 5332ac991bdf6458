import type { Role, User } from '@ebay-connector/contract';
import type { Config } from '../platform/config';
import type { Db } from '../platform/database';
import type { PgListener } from '../platform/pg-listener';
import { clearFailuresForEmail, recentFailures, recordFailure } from './login-failures.repository';
import { hashPassword, verifyPassword } from './password';
import { createSessionCache } from './session-cache';
import { hashSessionToken, newSessionToken } from './session-token';
import {
  SESSIONS_CHANNEL,
  findSessionByTokenHash,
  insertSession,
  notifySessions,
  parseSessionNotice,
  revokeOtherSessions,
  revokeSession,
} from './sessions.repository';
import { findUserByEmail, findUserById, toUser, touchLastLogin, updateUser } from './users.repository';

export interface AuthContext {
  user: User;
  sessionId: string;
  /** How the credential arrived; cookie-authenticated unsafe requests get a CSRF check. */
  via: 'cookie' | 'bearer';
}

/** `account_disabled` only once the password was verified: without it, a disabled user looks like a wrong password. */
export type LoginResult =
  | { ok: true; token: string; expiresAt: Date; user: User }
  | { ok: false; reason: 'invalid_credentials' | 'account_disabled' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

export type ChangePasswordResult =
  | { ok: true }
  | { ok: false; reason: 'wrong_password' | 'same_password' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

/**
 * `invalid`: unknown, revoked or expired. `account_disabled`: the token was one of a user who is disabled now (only
 * a holder of the token learns it).
 */
export type AuthenticateResult =
  | ({ ok: true } & Omit<AuthContext, 'via'>)
  | { ok: false; reason: 'invalid' | 'account_disabled' };

export interface AuthService {
  login(input: { email: string; password: string; ip: string; userAgent: string | null }): Promise<LoginResult>;
  /**
   * The signed-in user's own password change. A wrong current password counts as a failed sign-in (the same limits
   * apply, so a stolen session cannot be used to guess the password); a new password equal to the current one is
   * refused; the user's other sessions are signed out.
   */
  changePassword(input: { auth: Omit<AuthContext, 'via'>; currentPassword: string; newPassword: string; ip: string }): Promise<ChangePasswordResult>;
  authenticate(token: string): Promise<AuthenticateResult>;
  logout(sessionId: string): Promise<void>;
  /** Drops what this process remembers of the user's sessions (after a role change, disable or password reset). */
  forgetUser(userId: string): void;
}

/**
 * How long a valid session is remembered without asking the database again (see `session-cache.ts`): the
 * session lookup was one query per request, as much work as the data query of a list page.
 */
export const SESSION_CACHE_TTL_MS = 5000;
const SESSION_CACHE_MAX_ENTRIES = 10_000;

export const roleRank: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

/**
 * `listener`: the process's LISTEN connection. With it, a sign-out, a disabled user, a password reset or a role
 * change made by any process reaches this one's session cache as a notice within milliseconds; while that
 * connection is down nothing is served from the cache, and it is emptied when the connection is back (notices may
 * have been missed). Without it (a single process, tests) other processes' changes are seen within the TTL.
 */
export function createAuthService(deps: {
  db: Db;
  config: Config;
  sessionCacheTtlMs?: number;
  listener?: PgListener | undefined;
}): AuthService {
  const { db, listener } = deps;
  const cache = createSessionCache({
    ttlMs: deps.sessionCacheTtlMs ?? SESSION_CACHE_TTL_MS,
    maxEntries: SESSION_CACHE_MAX_ENTRIES,
  });
  if (listener) {
    listener.onConnected((first) => {
      if (!first) cache.clear();
    });
    void listener
      .listen(SESSIONS_CHANNEL, (payload) => {
        const notice = parseSessionNotice(payload);
        if (notice && 'session' in notice) cache.forgetSession(notice.session);
        else if (notice) cache.forgetUser(notice.user);
      })
      .catch(() => undefined); // logged by the listener, which connects again by itself
  }
  const cacheUsable = () => listener === undefined || listener.connected();
  const { sessionTtlHours, maxFailuresPerEmail, maxFailuresPerIp, failureWindowMinutes } = deps.config.auth;
  const windowMs = failureWindowMinutes * 60_000;
  // Verified against when the email is unknown, so both failures take about as long.
  let dummyHash: Promise<string> | null = null;

  async function retryAfter(email: string, ip: string): Promise<number | null> {
    const since = new Date(Date.now() - windowMs);
    const [byEmail, byIp] = await Promise.all([
      recentFailures(db, 'email', email, since),
      recentFailures(db, 'ip', ip, since),
    ]);
    const limited = [
      byEmail.count >= maxFailuresPerEmail ? byEmail.oldest : null,
      byIp.count >= maxFailuresPerIp ? byIp.oldest : null,
    ].filter((d): d is Date => d !== null);
    if (limited.length === 0) return null;
    const freeAt = Math.max(...limited.map((d) => d.getTime() + windowMs));
    return Math.max(1, Math.ceil((freeAt - Date.now()) / 1000));
  }

  return {
    async login({ email: rawEmail, password, ip, userAgent }) {
      const email = rawEmail.trim().toLowerCase();
      const wait = await retryAfter(email, ip);
      if (wait !== null) return { ok: false, reason: 'rate_limited', retryAfterSeconds: wait };

      const row = await findUserByEmail(db, email);
      dummyHash ??= hashPassword('not-a-real-password-only-for-timing');
      const valid = await verifyPassword(row?.password_hash ?? (await dummyHash), password);
      if (!row || !valid || row.disabled) {
        await recordFailure(db, email, ip, new Date(Date.now() - windowMs));
        // Told only to someone who knows the password, so it reveals nothing about which emails exist.
        return { ok: false, reason: row && valid ? 'account_disabled' : 'invalid_credentials' };
      }
      await clearFailuresForEmail(db, email);
      const token = newSessionToken();
      const session = await insertSession(db, {
        userId: row.id,
        tokenHash: hashSessionToken(token),
        expiresAt: new Date(Date.now() + sessionTtlHours * 3_600_000),
        ip,
        userAgent: userAgent?.slice(0, 500) ?? null,
      });
      await touchLastLogin(db, row.id);
      return { ok: true, token, expiresAt: session.expiresAt, user: toUser({ ...row, last_login_at: new Date() }) };
    },

    async changePassword({ auth, currentPassword, newPassword, ip }) {
      const email = auth.user.email.trim().toLowerCase();
      const wait = await retryAfter(email, ip);
      if (wait !== null) return { ok: false, reason: 'rate_limited', retryAfterSeconds: wait };
      const row = await findUserById(db, auth.user.id);
      if (!row || row.disabled || !(await verifyPassword(row.password_hash, currentPassword))) {
        await recordFailure(db, email, ip, new Date(Date.now() - windowMs));
        return { ok: false, reason: 'wrong_password' };
      }
      if (newPassword === currentPassword) return { ok: false, reason: 'same_password' };
      const passwordHash = await hashPassword(newPassword);
      await db.transaction().execute(async (trx) => {
        await updateUser(trx, row.id, { passwordHash });
        await revokeOtherSessions(trx, row.id, auth.sessionId);
        await notifySessions(trx, { user: row.id });
      });
      cache.forgetUser(row.id);
      return { ok: true };
    },

    async authenticate(token) {
      if (token.length === 0 || token.length > 200) return { ok: false, reason: 'invalid' };
      const tokenHash = hashSessionToken(token);
      const cached = cacheUsable() ? cache.get(tokenHash) : undefined;
      if (cached) return { ok: true, user: cached.user, sessionId: cached.sessionId };
      const generation = cache.generation();
      const found = await findSessionByTokenHash(db, tokenHash);
      if (!found) return { ok: false, reason: 'invalid' };
      if (found.user.disabled) return { ok: false, reason: 'account_disabled' };
      if (found.revokedAt !== null || found.expiresAt.getTime() <= Date.now()) return { ok: false, reason: 'invalid' };
      const session = { user: toUser(found.user), sessionId: found.sessionId };
      cache.set(tokenHash, { ...session, expiresAt: found.expiresAt.getTime() }, generation);
      return { ok: true, ...session };
    },

    async logout(sessionId) {
      cache.forgetSession(sessionId);
      await db.transaction().execute(async (trx) => {
        await revokeSession(trx, sessionId);
        await notifySessions(trx, { session: sessionId });
      });
      cache.forgetSession(sessionId);
    },

    forgetUser: (userId) => cache.forgetUser(userId),
  };
}
