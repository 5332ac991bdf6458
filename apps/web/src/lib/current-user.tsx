import { createContext, useContext } from 'react';
import type { Role, User } from '@ebay-connector/contract';

/** The signed-in user; provided by the session guard around every signed-in page. */
export const CurrentUserContext = createContext<User | null>(null);

export function useCurrentUser(): User {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser() used outside of a signed-in page');
  return user;
}

/** `true` when `user` may see a page restricted to `roles` (no roles: everyone signed in). */
export function hasRole(user: Pick<User, 'role'>, roles: readonly Role[] | undefined): boolean {
  return roles === undefined || roles.length === 0 || roles.includes(user.role);
}
