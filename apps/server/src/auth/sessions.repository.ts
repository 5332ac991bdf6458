import { sql } from 'kysely';
import type { Db } from '../platform/database';
import type { UserRow } from './users.repository';

export async function insertSession(
  db: Db,
  s: { userId: string; tokenHash: string; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<{ id: string; expiresAt: Date }> {
  const row = await db
    .insertInto('sessions')
    .values({ user_id: s.userId, token_hash: s.tokenHash, expires_at: s.expiresAt, ip: s.ip, user_agent: s.userAgent })
    .returning(['id', 'expires_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, expiresAt: row.expires_at };
}

/**
 * The session of a token hash with its user, live or not, or `undefined`. Only a session that is neither revoked nor
 * expired, of an enabled user, signs anybody in; the others tell why a credential is refused.
 */
export async function findSessionByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<{ sessionId: string; expiresAt: Date; revokedAt: Date | null; user: UserRow } | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id as session_id', 's.expires_at as session_expires_at', 's.revoked_at as session_revoked_at'])
    .selectAll('u')
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_id, session_expires_at, session_revoked_at, ...user } = row;
  return { sessionId: session_id, expiresAt: session_expires_at, revokedAt: session_revoked_at, user };
}

/** Postgres channel of session notices: every process drops what it remembers of the session or user named. */
export const SESSIONS_CHANNEL = 'ebay_connector_sessions';
export type SessionNotice = { session: string } | { user: string };

/** Sends a session notice (on commit, when `db` is a transaction). */
export async function notifySessions(db: Db, notice: SessionNotice): Promise<void> {
  await sql`select pg_notify(${SESSIONS_CHANNEL}, ${JSON.stringify(notice)})`.execute(db);
}

/** The notice in a payload, or null when it is not one. */
export function parseSessionNotice(payload: string): SessionNotice | null {
  try {
    const v = JSON.parse(payload) as { session?: unknown; user?: unknown };
    if (typeof v.session === 'string') return { session: v.session };
    if (typeof v.user === 'string') return { user: v.user };
  } catch {
    // not ours
  }
  return null;
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
}

export async function revokeUserSessions(db: Db, userId: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: new Date() }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

/** Revokes every session of the user but `keep` (a password change keeps the session that made it). */
export async function revokeOtherSessions(db: Db, userId: string, keep: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('id', '<>', keep)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Housekeeping: drops sessions that expired or were revoked more than a day ago. */
export async function deleteOldSessions(db: Db): Promise<void> {
  const dayAgo = new Date(Date.now() - 86_400_000);
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', dayAgo), eb('revoked_at', '<', dayAgo)]))
    .execute();
}
