import { Center } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingState } from '../../../components/loading-state';
import { isApiError } from '../../../lib/api-client';
import { CurrentUserContext } from '../../../lib/current-user';
import { loginPathFor } from '../../../lib/next-path';
import { useMe } from '../api/get-me';

/** Renders its children only for a signed-in user (provided as the current user); else goes to the login page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();

  if (me.data) return <CurrentUserContext value={me.data.user}>{children}</CurrentUserContext>;
  if (isApiError(me.error) && me.error.status === 401) return <Navigate to={loginPathFor(location)} replace />;
  if (me.error) {
    return (
      <Center p="xl">
        <div style={{ maxWidth: 560, width: '100%' }}>
          <ErrorAlert error={me.error} title="Could not load your session" onRetry={() => void me.refetch()} />
        </div>
      </Center>
    );
  }
  return <LoadingState label="Loading your session" />;
}
