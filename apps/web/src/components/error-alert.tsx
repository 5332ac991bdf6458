import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { isApiError, type ApiError } from '../lib/api-client';

export interface ErrorAlertProps {
  /** Usually an {@link ApiError}; anything else is shown as an unexpected error in the browser. */
  error: unknown;
  /** Overrides the heading picked from the status. */
  title?: ReactNode;
  /** Shows a "Try again" button. */
  onRetry?: () => void;
  /** Replaces the default "Try again in …" line of a Retry-After (e.g. with a live countdown). */
  retryNotice?: ReactNode;
}

/** "45 seconds", "15 minutes". */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

function headingFor(error: ApiError): string {
  if (error.status === 0) return "Can't reach the server";
  if (error.status === 403) return "You don't have permission";
  if (error.status === 429) return 'Too many requests';
  if (error.code === 'database_unavailable') return 'The database is unavailable';
  if (error.status === 422) return 'Some fields need attention';
  if (error.status >= 500) return 'Something went wrong on the server';
  return 'The request failed';
}

/** Shows what failed: heading, message, error code and the request id (with a copy button) for support. */
export function ErrorAlert({ error, title, onRetry, retryNotice }: ErrorAlertProps) {
  const apiError = isApiError(error) ? error : null;
  const heading = title ?? (apiError ? headingFor(apiError) : 'Something went wrong');
  const message = apiError
    ? apiError.message
    : 'An unexpected error happened in the browser. Reload the page and try again.';
  const issues = apiError?.validationIssues ?? [];

  return (
    <Alert color="red" variant="light" title={heading} role="alert" data-testid="error-alert">
      <Stack gap={6}>
        <Text size="sm">{message}</Text>
        {issues.length > 0 && (
          <Stack component="ul" gap={2} m={0} pl="md">
            {issues.map((issue) => (
              <Text component="li" size="sm" key={`${issue.path}:${issue.message}`}>
                {issue.path ? <strong>{issue.path}: </strong> : null}
                {issue.message}
              </Text>
            ))}
          </Stack>
        )}
        {retryNotice ??
          (apiError?.retryAfterSeconds != null && (
            <Text size="sm">Try again in {formatWait(apiError.retryAfterSeconds)}.</Text>
          ))}
        {apiError && (
          <Group gap="xs" wrap="wrap" align="center">
            <Text size="xs" c="dimmed">
              Code <Code data-testid="error-code">{apiError.code}</Code>
            </Text>
            {apiError.requestId ? (
              <Group gap={4} wrap="wrap" align="center" miw={0}>
                <Text size="xs" c="dimmed">
                  Request id
                </Text>
                <Code data-testid="error-request-id" style={{ wordBreak: 'break-all' }}>
                  {apiError.requestId}
                </Code>
                <CopyButton value={apiError.requestId} timeout={1500}>
                  {({ copied, copy }) => (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color={copied ? 'teal' : 'gray'}
                      onClick={copy}
                      aria-label="Copy request id"
                    >
                      {copied ? 'Copied' : 'Copy'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            ) : (
              <Text size="xs" c="dimmed">
                No request id: the request did not reach the server.
              </Text>
            )}
          </Group>
        )}
        {onRetry && (
          <Group>
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              Try again
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
