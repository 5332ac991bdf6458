import { Avatar, Badge, Group, Menu, Notification, Portal, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../../lib/current-user';
import { useLogout } from '../api/logout';
import { ChangePasswordModal } from './change-password-modal';

/** How long the "password changed" notice stays. */
const NOTICE_MS = 8000;

/** Header menu with who is signed in, "Change password" and "Sign out". */
export function UserMenu() {
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const [changing, setChanging] = useState(false);
  const [changed, setChanged] = useState(false);

  useEffect(() => {
    if (!changed) return;
    const timer = setTimeout(() => setChanged(false), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [changed]);

  const signOut = () => {
    logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
  };

  return (
    <>
      <Menu position="bottom-end" width={240} withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={`Account menu for ${user.email}`} data-testid="user-menu">
            <Group gap="xs" wrap="nowrap">
              <Avatar size="sm" radius="xl" color="indigo" aria-hidden>
                {user.email.slice(0, 1).toUpperCase()}
              </Avatar>
              <Text size="sm" visibleFrom="sm" truncate maw={220}>
                {user.email}
              </Text>
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Signed in as</Menu.Label>
          <Group px="sm" pb="xs" gap="xs" wrap="nowrap">
            <Text size="sm" truncate>
              {user.email}
            </Text>
            <Badge size="xs" variant="light" data-testid="user-role">
              {user.role}
            </Badge>
          </Group>
          <Menu.Divider />
          <Menu.Item onClick={() => setChanging(true)} data-testid="change-password">
            Change password
          </Menu.Item>
          <Menu.Item onClick={signOut} color="red" data-testid="sign-out">
            Sign out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal
        opened={changing}
        onClose={() => setChanging(false)}
        onChanged={() => setChanged(true)}
      />
      {changed && (
        <Portal>
          <Notification
            color="teal"
            title="Password changed"
            onClose={() => setChanged(false)}
            role="status"
            data-testid="password-changed"
            style={{ position: 'fixed', top: 68, right: 16, zIndex: 400, maxWidth: 360 }}
          >
            Your other sessions were signed out. Use the new password next time you sign in.
          </Notification>
        </Portal>
      )}
    </>
  );
}
