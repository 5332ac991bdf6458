import { Button, Card, Stack } from '@mantine/core';
import { useCallback, useState } from 'react';
import type { Role, User } from '@ebay-connector/contract';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingState } from '../../../components/loading-state';
import { PageHeader } from '../../../components/page-header';
import { useCurrentUser } from '../../../lib/current-user';
import { useUsers } from '../api/get-users';
import { useUpdateUser } from '../api/update-user';
import { CreateUserModal } from './create-user-modal';
import { DisableUserModal } from './disable-user-modal';
import { ResetPasswordModal } from './reset-password-modal';
import { RoleDescriptions } from './role-descriptions';
import { UsersTable } from './users-table';

export function UsersPage() {
  const me = useCurrentUser();
  const users = useUsers();
  const updateUser = useUpdateUser();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [disabling, setDisabling] = useState<User | null>(null);

  const { mutate } = updateUser;
  const onChangeRole = useCallback((user: User, role: Role) => mutate({ id: user.id, role }), [mutate]);
  // Enabling is harmless and done at once; disabling ends the user's sessions, so it asks first.
  const onToggleDisabled = useCallback(
    (user: User) => (user.disabled ? mutate({ id: user.id, disabled: false }) : setDisabling(user)),
    [mutate],
  );

  return (
    <>
      <PageHeader
        title="Users & roles"
        description="Who may sign in, and what each role may do."
        actions={<Button onClick={() => setCreating(true)}>Add user</Button>}
      />
      <Stack gap="md">
        {updateUser.error && (
          <ErrorAlert error={updateUser.error} title="The change was not saved" />
        )}
        <Card withBorder padding={0}>
          {users.isPending && <LoadingState label="Loading users" />}
          {users.isError && (
            <Stack p="md">
              <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
            </Stack>
          )}
          {users.data && users.data.users.length === 0 && (
            <EmptyState
              title="No users yet"
              description="Add the first user to give someone access."
              action={<Button onClick={() => setCreating(true)}>Add user</Button>}
            />
          )}
          {users.data && users.data.users.length > 0 && (
            <UsersTable
              users={users.data.users}
              currentUserId={me.id}
              busyUserId={updateUser.isPending ? updateUser.variables.id : null}
              onChangeRole={onChangeRole}
              onToggleDisabled={onToggleDisabled}
              onResetPassword={setResetting}
            />
          )}
        </Card>
        <RoleDescriptions />
      </Stack>
      <CreateUserModal opened={creating} onClose={() => setCreating(false)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <DisableUserModal user={disabling} onClose={() => setDisabling(null)} />
    </>
  );
}
