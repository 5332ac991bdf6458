import { Alert, Button, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';

/** Shown when a signed-in user opens a page their role does not allow (never sends them to the login page). */
export function PermissionDenied() {
  return (
    <Alert color="orange" variant="light" title="You don't have permission" role="alert" data-testid="permission-denied">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">Your account's role does not allow this page. Ask an administrator if you need access.</Text>
        <Button component={Link} to="/" size="xs" variant="light" color="orange">
          Go to the home page
        </Button>
      </Stack>
    </Alert>
  );
}
