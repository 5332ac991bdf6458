import { Alert, CloseButton, Group, Stack, Text } from '@mantine/core';
import type { RefreshResponse } from '@ebay-connector/contract';
import { formatRelative, formatUtc } from './format';
import { wrapAnywhere } from './long-label';

export function RefreshResult({ label, result, onClose }: { label: string; result: RefreshResponse; onClose: () => void }) {
  const title = result.dryRun
    ? `Dry run for ${label}: ${result.wouldRefresh ? 'a refresh would run' : 'no refresh would run'}`
    : `Token of ${label} refreshed`;
  return (
    <Alert color={result.dryRun ? 'blue' : 'teal'} variant="light" title={title} data-testid="refresh-result" role="status" style={wrapAnywhere}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} miw={0}>
          {/* The server's explanation of a dry run; a refresh that ran is said by the title alone. */}
          {result.dryRun && (
            <Text size="sm" data-testid="refresh-reason">
              {result.reason}
            </Text>
          )}
          <Text size="sm">
            {result.dryRun ? 'Access token expires' : 'New access token expires'} {formatUtc(result.expiresAt)}{' '}
            {result.expiresAt && `(${formatRelative(result.expiresAt)})`}
          </Text>
          {result.refreshExpiresAt && (
            <Text size="xs" c="dimmed">
              Refresh token expires {formatUtc(result.refreshExpiresAt)}; status {result.status}; {result.scopes.length} scopes.
            </Text>
          )}
        </Stack>
        <CloseButton aria-label="Dismiss" onClick={onClose} />
      </Group>
    </Alert>
  );
}
