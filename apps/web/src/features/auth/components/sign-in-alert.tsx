import { Alert, Code, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ApiError } from '../../../lib/api-client';

/** True when the server refused a sign-in or a session because an admin disabled the account. */
export function isAccountDisabled(error: ApiError): boolean {
  if (error.status !== 401) return false;
  const details = error.details;
  return typeof details === 'object' && details !== null && (details as { reason?: unknown }).reason === 'account_disabled';
}

/**
 * An expected answer at sign-in (wrong password, too many attempts, a disabled account): one message, what to do
 * next, and the request id for support. No error code: nothing went wrong that support would need to look up by it.
 */
export function SignInAlert({
  title,
  requestId,
  color = 'red',
  children,
  testId = 'error-alert',
}: {
  title: ReactNode;
  requestId: string | null;
  color?: string;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    // The message is not the Alert's title: a titled alert is labelled by it, and "Email or password is not correct"
    // would then also be found as a label of the email field.
    <Alert color={color} variant="light" role="alert" data-testid={testId}>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        {children}
        {requestId && (
          <Text size="xs" c="dimmed">
            Request id{' '}
            <Code fz={11} data-testid="error-request-id" style={{ wordBreak: 'break-all' }}>
              {requestId}
            </Code>
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
