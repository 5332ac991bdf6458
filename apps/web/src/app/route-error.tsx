import { Button, Center, Stack } from '@mantine/core';
import { useRouteError } from 'react-router';
import { ErrorAlert } from '../components/error-alert';

/** Last resort for a page that crashed while rendering. */
export function RouteError() {
  const error = useRouteError();
  return (
    <Center p="xl">
      <Stack maw={560} w="100%">
        <ErrorAlert error={error} title="This page failed to load" />
        <Button variant="light" onClick={() => window.location.reload()}>
          Reload
        </Button>
      </Stack>
    </Center>
  );
}
