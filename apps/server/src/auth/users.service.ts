import type { CreateUserRequest, UpdateUserRequest, User } from '@ebay-connector/contract';
import type { Db } from '../platform/database';
import { conflict, notFound } from '../platform/errors';
import { isUuid } from '../platform/validation';
import { clearFailuresForEmail } from './login-failures.repository';
import { hashPassword } from './password';
import { notifySessions, revokeUserSessions } from './sessions.repository';
import { findUserById, insertUser, listUsers, lockActiveAdminIds, toUser, updateUser } from './users.repository';

export interface UsersService {
  list(): Promise<User[]>;
  create(input: CreateUserRequest): Promise<User>;
  update(id: string, patch: UpdateUserRequest): Promise<User>;
  resetPassword(id: string, password: string): Promise<void>;
}


/**
 * `sessions`: the auth service of this process, told about every change that affects who may do what, so its
 * session cache drops the user at once; other processes hear of it through a session notice sent on commit.
 */
export function createUsersService(deps: { db: Db; sessions?: { forgetUser(userId: string): void } }): UsersService {
  const { db } = deps;
  const forget = (userId: string) => deps.sessions?.forgetUser(userId);
  return {
    list: async () => (await listUsers(db)).map(toUser),

    async create(input) {
      const row = await insertUser(db, { email: input.email.trim(), passwordHash: await hashPassword(input.password), role: input.role });
      if (!row) throw conflict('A user with this email already exists');
      return toUser(row);
    },

    async update(id, patch) {
      if (!isUuid(id)) throw notFound('No such user');
      const user = await db.transaction().execute(async (trx) => {
        const admins = await lockActiveAdminIds(trx);
        const current = await findUserById(trx, id);
        if (!current) throw notFound('No such user');
        const losesAdmin =
          admins.includes(id) && ((patch.role !== undefined && patch.role !== 'admin') || patch.disabled === true);
        if (losesAdmin && admins.length === 1) {
          throw conflict('This is the last enabled admin; promote another admin first');
        }
        const row = await updateUser(trx, id, patch);
        if (!row) throw notFound('No such user');
        if (patch.disabled === true) await revokeUserSessions(trx, id);
        await notifySessions(trx, { user: id });
        return toUser(row);
      });
      forget(id);
      return user;
    },

    async resetPassword(id, password) {
      if (!isUuid(id)) throw notFound('No such user');
      const row = await updateUser(db, id, { passwordHash: await hashPassword(password) });
      if (!row) throw notFound('No such user');
      await db.transaction().execute(async (trx) => {
        await revokeUserSessions(trx, id);
        await notifySessions(trx, { user: id });
        // The failed sign-ins that locked the user out were against the old password: the new one works at once.
        await clearFailuresForEmail(trx, row.email.trim().toLowerCase());
      });
      forget(id);
    },
  };
}
