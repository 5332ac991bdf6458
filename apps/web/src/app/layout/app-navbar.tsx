import { NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { Link, matchPath, useLocation } from 'react-router';
import { hasRole, useCurrentUser } from '../../lib/current-user';
import { appPages, navSections } from '../routes';

export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const user = useCurrentUser();
  const location = useLocation();
  const visible = appPages.filter((page) => page.nav && hasRole(user, page.roles));

  return (
    <ScrollArea component="nav" aria-label="Main" type="auto">
      <Stack gap="md">
        {navSections.map((section) => {
          const pages = visible.filter((page) => page.nav === section);
          if (pages.length === 0) return null;
          return (
            <div key={section} data-testid={`nav-section-${section.toLowerCase()}`}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
                {section}
              </Text>
              {pages.map((page) => {
                // A detail page (`/data/orders/:id`) keeps its list highlighted; Home only on itself.
                const exact = matchPath({ path: page.path, end: true }, location.pathname) !== null;
                const active = exact || (page.path !== '/' && matchPath({ path: page.path, end: false }, location.pathname) !== null);
                return (
                  <NavLink
                    key={page.path}
                    component={Link}
                    to={page.path}
                    label={page.title}
                    active={active}
                    aria-current={exact ? 'page' : active ? 'true' : undefined}
                    onClick={onNavigate}
                  />
                );
              })}
            </div>
          );
        })}
      </Stack>
    </ScrollArea>
  );
}
