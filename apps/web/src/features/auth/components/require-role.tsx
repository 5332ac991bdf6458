import type { ReactNode } from 'react';
import type { Role } from '@ebay-connector/contract';
import { PermissionDenied } from '../../../components/permission-denied';
import { hasRole, useCurrentUser } from '../../../lib/current-user';

/** Shows the permission message (not the login page) when the signed-in user's role is not allowed. */
export function RequireRole({ roles, children }: { roles: readonly Role[] | undefined; children: ReactNode }) {
  const user = useCurrentUser();
  return hasRole(user, roles) ? children : <PermissionDenied />;
}
