import { sql, type Selectable } from 'kysely';
import type { Role, User } from '@ebay-connector/contract';
import type { Db, UsersTable } from '../platform/database';

export type UserRow = Selectable<UsersTable>;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    disabled: row.disabled,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
  };
}

export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase())).executeTakeFirst();
}

export function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('created_at').orderBy('email').execute();
}

export function countUsers(db: Db): Promise<number> {
  return db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

/** Inserts a user; `undefined` when the email is taken. */
export function insertUser(db: Db, user: { email: string; passwordHash: string; role: Role }): Promise<UserRow | undefined> {
  return db
    .insertInto('users')
    .values({ email: user.email.toLowerCase(), password_hash: user.passwordHash, role: user.role })
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function updateUser(
  db: Db,
  id: string,
  patch: { role?: Role | undefined; disabled?: boolean | undefined; passwordHash?: string | undefined },
): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set({
      updated_at: new Date(),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
      ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function touchLastLogin(db: Db, id: string): Promise<void> {
  await db.updateTable('users').set({ last_login_at: new Date() }).where('id', '=', id).execute();
}

/** Ids of enabled admins, row-locked so concurrent demotions serialise. Call inside a transaction. */
export async function lockActiveAdminIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled', '=', false).forUpdate().execute();
  return rows.map((r) => r.id);
}
