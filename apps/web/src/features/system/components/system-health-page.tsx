import { Button, Card, SimpleGrid, Stack, Table, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingState } from '../../../components/loading-state';
import { PageHeader } from '../../../components/page-header';
import { utcText } from '../../../lib/utc-time';
import { useDbHealth } from '../api/get-db-health';
import { useVersion } from '../api/get-version';
import { DbStatusBadge, migrationText } from './db-status-badge';

function Rows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Table variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={180}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function DatabaseCard() {
  const health = useDbHealth();
  return (
    <Card withBorder padding="lg" aria-labelledby="db-health-title">
      <Title order={2} size="h4" id="db-health-title" mb="md">
        Database
      </Title>
      {health.isPending && <LoadingState label="Checking the database" />}
      {health.isError && <ErrorAlert error={health.error} onRetry={() => void health.refetch()} />}
      {health.data && (
        <Stack gap="sm">
          <Rows
            rows={[
              ['Status', <DbStatusBadge status={health.data.status} />],
              ['Migration', <span data-testid="db-migration">{migrationText(health.data)}</span>],
              ['Latest migration', health.data.latestMigration],
              ['Latency', health.data.latencyMs === null ? 'n/a' : `${health.data.latencyMs.toFixed(1)} ms`],
              ...(health.data.reason ? [['Reason', health.data.reason] as [string, ReactNode]] : []),
            ]}
          />
          <div>
            <Button size="xs" variant="light" loading={health.isFetching} onClick={() => void health.refetch()}>
              Check again
            </Button>
          </div>
        </Stack>
      )}
    </Card>
  );
}

function VersionCard() {
  const version = useVersion();
  return (
    <Card withBorder padding="lg" aria-labelledby="version-title">
      <Title order={2} size="h4" id="version-title" mb="md">
        Version
      </Title>
      {version.isPending && <LoadingState label="Loading version" />}
      {version.isError && <ErrorAlert error={version.error} onRetry={() => void version.refetch()} />}
      {version.data && (
        <Rows
          rows={[
            ['Version', version.data.version],
            ['Commit', <code style={{ wordBreak: 'break-all' }}>{version.data.commit}</code>],
            ['Built (UTC)', utcText(version.data.builtAt) ?? version.data.builtAt],
          ]}
        />
      )}
    </Card>
  );
}

export function SystemHealthPage() {
  return (
    <>
      <PageHeader title="System health" description="Database connectivity, schema migrations and the running build." />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <DatabaseCard />
        <VersionCard />
      </SimpleGrid>
    </>
  );
}
