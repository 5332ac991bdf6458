import { Card, Group, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingState } from '../../../components/loading-state';
import { useDbHealth } from '../api/get-db-health';
import { DbStatusBadge, migrationText } from './db-status-badge';

/** Compact database health for the home page. */
export function HealthSummary() {
  const health = useDbHealth();
  return (
    <Card withBorder padding="lg" aria-labelledby="health-summary-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="health-summary-title">
          System health
        </Title>
        {health.data && <DbStatusBadge status={health.data.status} />}
      </Group>
      {health.isPending && <LoadingState label="Checking the database" />}
      {health.isError && <ErrorAlert error={health.error} onRetry={() => void health.refetch()} />}
      {health.data && (
        <Text size="sm" c="dimmed">
          Database migration {migrationText(health.data)}
          {health.data.latencyMs !== null && ` · ${Math.round(health.data.latencyMs)} ms`}
          {health.data.reason && ` · ${health.data.reason}`}
        </Text>
      )}
    </Card>
  );
}
