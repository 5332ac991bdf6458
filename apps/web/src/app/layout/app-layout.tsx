import { Anchor, AppShell, Box, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet } from 'react-router';
import { UserMenu } from '../../features/auth';
import { BuildInfo } from '../../features/system';
import { AppNavbar } from './app-navbar';

/**
 * Header (product name, user menu), navbar (sections the user may open), page, footer (build number). The footer
 * ends the page rather than staying fixed: on a phone a fixed one covered the page's last controls.
 */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: { sm: 220, lg: 260 }, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a href="#main-content" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Text fw={700} size="lg">
                eBay Connector
              </Text>
            </Anchor>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <AppNavbar onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} style={{ display: 'flex', flexDirection: 'column' }}>
        <Box style={{ flex: 1 }}>
          <Outlet />
        </Box>
        <Box
          component="footer"
          mt="xl"
          pt="xs"
          style={{ borderTop: '1px solid var(--app-shell-border-color, var(--mantine-color-default-border))' }}
        >
          <BuildInfo />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
