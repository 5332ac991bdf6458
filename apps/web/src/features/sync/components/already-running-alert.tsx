import { Alert, Button, Code, Group, Text } from '@mantine/core';
import { isApiError } from '../../../lib/api-client';

/** The `activeRunId` of a 409 `sync_already_running`, else `null`. */
export function activeRunIdOf(error: unknown): string | null {
  if (!isApiError(error) || error.code !== 'sync_already_running') return null;
  const details = error.details as { activeRunId?: unknown } | null | undefined;
  return typeof details?.activeRunId === 'string' ? details.activeRunId : null;
}

export function AlreadyRunningAlert({ runId, onOpen, onClose }: { runId: string; onOpen: () => void; onClose: () => void }) {
  return (
    <Alert
      color="yellow"
      variant="light"
      title="A sync of this resource is already running"
      withCloseButton
      onClose={onClose}
      data-testid="already-running"
    >
      <Group gap="sm">
        <Text size="sm">
          Run <Code data-testid="active-run-id">{runId}</Code> is still active.
        </Text>
        <Button size="xs" variant="light" color="yellow" onClick={onOpen}>
          Open the running run
        </Button>
      </Group>
    </Alert>
  );
}
