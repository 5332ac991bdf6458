import { Box, Center, Stack } from '@mantine/core';
import { Outlet } from 'react-router';
import { BuildInfo } from '../../features/system';

/** Pages shown before signing in (login): centered content and the build number. */
export function PublicLayout() {
  return (
    <Stack mih="100vh" gap={0} bg="var(--mantine-color-gray-0)">
      <Box component="main" style={{ flex: 1, display: 'flex', flexDirection: 'column', justifyContent: 'center' }}>
        <Outlet />
      </Box>
      <Center component="footer" py="sm">
        <BuildInfo />
      </Center>
    </Stack>
  );
}
