import { Avatar, Badge, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../../lib/current-user';
import { useLogout } from '../api/logout';

/** Header menu with who is signed in and "Sign out". */
export function UserMenu() {
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();

  const signOut = () => {
    logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
  };

  return (
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
        <Menu.Item onClick={signOut} color="red" data-testid="sign-out">
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
