import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { loginPathFor } from '../lib/next-path';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { theme } from './theme';

/** Builds the router and the query client once, wiring "401 anywhere" to the login page. */
export function createApp() {
  const router = createAppRouter();
  const queryClient = createQueryClient({
    onUnauthenticated: () => {
      const location = router.state.location;
      if (location.pathname === '/login') return;
      // Forget the ended session (and every answer given to it) so the login page does not bounce back.
      queryClient.clear();
      void router.navigate(loginPathFor(location), { replace: true });
    },
  });

  function App() {
    return (
      <MantineProvider theme={theme} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    );
  }
  return { App, router, queryClient };
}
