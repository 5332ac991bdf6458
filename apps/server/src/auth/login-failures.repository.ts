import { sql } from 'kysely';
import type { Db } from '../platform/database';

export interface FailureWindow {
  count: number;
  /** Oldest failure still inside the window (when it leaves, a slot frees up). */
  oldest: Date | null;
}

export async function recentFailures(db: Db, by: 'email' | 'ip', value: string, since: Date): Promise<FailureWindow> {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('created_at').as('oldest')])
    .where(by, '=', value)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), oldest: row.oldest ? new Date(row.oldest) : null };
}

export async function recordFailure(db: Db, email: string, ip: string, purgeBefore: Date): Promise<void> {
  await db.insertInto('login_failures').values({ email, ip }).execute();
  await db.deleteFrom('login_failures').where('created_at', '<', purgeBefore).execute();
}

export async function clearFailuresForEmail(db: Db, email: string): Promise<void> {
  await db.deleteFrom('login_failures').where('email', '=', email).execute();
}

/** Test and maintenance helper. */
export async function clearAllFailures(db: Db): Promise<void> {
  await sql`truncate login_failures`.execute(db);
}
