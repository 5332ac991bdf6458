import type { User } from '@ebay-connector/contract';

/** A session that was valid when it was read from the database. */
export interface CachedSession {
  user: User;
  sessionId: string;
  /** When the session itself expires (ms since epoch). */
  expiresAt: number;
}

/**
 * Sessions recently read from the database, by token hash, so a busy client costs one session query per
 * `ttlMs` instead of one per request. Only valid sessions are kept (unknown tokens always reach the database);
 * an entry lives at most `ttlMs` and never past the session's expiry.
 *
 * Sign-out, disabling a user, a password reset or a role change made through this process drop the entries at
 * once; made by another process, they arrive as a notice (see `auth.service.ts`). A change made directly in the
 * database is seen here within `ttlMs`.
 */
export interface SessionCache {
  get(tokenHash: string): CachedSession | undefined;
  /** Counter to read before the database lookup and hand to `set`: a lookup that raced a `forget*` is not kept. */
  generation(): number;
  set(tokenHash: string, session: CachedSession, generation: number): void;
  forgetSession(sessionId: string): void;
  forgetUser(userId: string): void;
  /** Drops every entry (notices of changes may have been missed). */
  clear(): void;
}

export function createSessionCache(opts: {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}): SessionCache {
  const now = opts.now ?? Date.now;
  const entries = new Map<string, CachedSession & { until: number }>();
  let generation = 0;

  function forget(match: (e: CachedSession) => boolean): void {
    generation += 1;
    for (const [key, e] of entries) if (match(e)) entries.delete(key);
  }

  return {
    get(tokenHash) {
      const e = entries.get(tokenHash);
      if (!e) return undefined;
      if (now() >= e.until) {
        entries.delete(tokenHash);
        return undefined;
      }
      return e;
    },
    generation: () => generation,
    set(tokenHash, session, gen) {
      if (opts.ttlMs <= 0 || gen !== generation) return;
      if (entries.size >= opts.maxEntries) {
        // Oldest first (insertion order): drop the first key.
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(tokenHash, { ...session, until: Math.min(now() + opts.ttlMs, session.expiresAt) });
    },
    forgetSession: (sessionId) => forget((e) => e.sessionId === sessionId),
    forgetUser: (userId) => forget((e) => e.user.id === userId),
    clear: () => forget(() => true),
  };
}
