import { Badge, Card, Code, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { AdminSystemResponse } from '@ebay-connector/contract';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingState } from '../../../components/loading-state';
import { utcLabel } from '../../../lib/utc-time';
import { useAdminSystem } from '../api/get-admin-system';

function QueueCard({ queue }: { queue: AdminSystemResponse['queue'] }) {
  return (
    <Card withBorder padding="lg" data-testid="queue-card">
      <Title order={2} size="h4" mb="md">Job queue <Text span c="dimmed" size="sm">(schema {queue.schema})</Text></Title>
      {!queue.available ? (
        <Text size="sm" c="dimmed">{queue.reason ?? 'Not available.'}</Text>
      ) : (
        <Stack gap="sm">
          <Group gap="xs">
            {Object.entries(queue.byState).map(([state, n]) => (
              <Badge key={state} variant="light" color={state === 'failed' ? 'red' : state === 'active' ? 'blue' : 'gray'}>
                {state}: {n}
              </Badge>
            ))}
            {Object.keys(queue.byState).length === 0 && <Text size="sm" c="dimmed">No jobs.</Text>}
          </Group>
          {queue.byQueue.length > 0 && (
            <Table fz="sm" withTableBorder>
              <Table.Thead><Table.Tr><Table.Th>Queue</Table.Th><Table.Th>State</Table.Th><Table.Th ta="right">Jobs</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {queue.byQueue.map((q) => (
                  <Table.Tr key={`${q.name}:${q.state}`}><Table.Td><Code>{q.name}</Code></Table.Td><Table.Td>{q.state}</Table.Td><Table.Td ta="right">{q.count}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Card>
  );
}

function WorkersCard({ workers, runs }: { workers: AdminSystemResponse['workers']; runs: AdminSystemResponse['runsLast24h'] }) {
  return (
    <Card withBorder padding="lg" data-testid="workers-card">
      <Title order={2} size="h4" mb="md">Sync workers</Title>
      <Stack gap="sm">
        <Group gap="xs">
          <Text size="sm">Runs in the last 24 h:</Text>
          {Object.entries(runs).map(([status, n]) => <Badge key={status} variant="outline">{status}: {n}</Badge>)}
          {Object.keys(runs).length === 0 && <Text size="sm" c="dimmed">none</Text>}
        </Group>
        <Text size="sm" fw={500}>Active runs</Text>
        {workers.activeRuns.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="no-active-runs">No run is queued or running.</Text>
        ) : (
          <Table fz="sm" withTableBorder>
            <Table.Thead><Table.Tr><Table.Th>Run</Table.Th><Table.Th>Resource</Table.Th><Table.Th>Status</Table.Th><Table.Th>Worker</Table.Th><Table.Th>Heartbeat</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {workers.activeRuns.map((r) => (
                <Table.Tr key={r.runId}>
                  <Table.Td><Code>{r.runId.slice(0, 8)}</Code></Table.Td>
                  <Table.Td>{r.resource}</Table.Td>
                  <Table.Td>{r.status}</Table.Td>
                  <Table.Td><Code>{r.workerId ?? '-'}</Code></Table.Td>
                  <Table.Td title={utcLabel(r.heartbeatAt) ?? undefined}>
                    {r.heartbeatAgeSeconds === null ? '-' : `${r.heartbeatAgeSeconds.toFixed(1)} s ago`}
                    {r.stale && <Badge ml="xs" color="red" size="xs">stale</Badge>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="sm" fw={500}>Workers seen in the last 24 h</Text>
        {workers.seen.length === 0 ? (
          <Text size="sm" c="dimmed">No worker has run a sync yet.</Text>
        ) : (
          <Table fz="sm" withTableBorder>
            <Table.Tbody>
              {workers.seen.map((w) => (
                <Table.Tr key={w.workerId}>
                  <Table.Td><Code>{w.workerId}</Code></Table.Td>
                  <Table.Td>last heartbeat {utcLabel(w.lastHeartbeatAt) ?? '-'}</Table.Td>
                  <Table.Td>{w.activeRuns} running</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" c="dimmed">A running run whose heartbeat is older than {workers.heartbeatStaleSeconds} s is interrupted and resumed.</Text>
      </Stack>
    </Card>
  );
}

/** Runtime facts below the health cards of `/admin/system`: queue, workers, flags and non-secret settings. */
export function AdminSystemPanel() {
  const system = useAdminSystem();
  const data = system.data;
  return (
    <Stack gap="md" mt="md" data-testid="admin-system-panel">
      {system.isPending && <LoadingState label="Loading runtime facts" />}
      {system.isError && <ErrorAlert error={system.error} onRetry={() => void system.refetch()} />}
      {data && (
        <>
          <Card withBorder padding="lg" data-testid="runtime-db">
            <Title order={2} size="h4" mb="xs">Database runtime</Title>
            <Text size="sm">
              Postgres {data.database.serverVersion ?? 'unknown'} · {data.database.status} · migration {data.database.migration ?? '-'} of {data.database.latestMigration}
              {data.database.latencyMs !== null ? ` · ${data.database.latencyMs.toFixed(1)} ms` : ''}
            </Text>
          </Card>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <QueueCard queue={data.queue} />
            <WorkersCard workers={data.workers} runs={data.runsLast24h} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Card withBorder padding="lg" data-testid="features-card">
              <Title order={2} size="h4" mb="md">Features</Title>
              <Table fz="sm" withTableBorder>
                <Table.Tbody>
                  {data.features.map((f) => (
                    <Table.Tr key={f.name}>
                      <Table.Td>{f.name}<Text size="xs" c="dimmed">{f.description}</Text></Table.Td>
                      <Table.Td><Badge color={f.enabled ? 'teal' : 'gray'} variant="light">{f.enabled ? 'on' : 'off'}</Badge></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
            <Card withBorder padding="lg" data-testid="settings-card">
              <Title order={2} size="h4" mb="md">Effective settings <Text span size="xs" c="dimmed">(secrets are never shown)</Text></Title>
              <Table fz="sm" withTableBorder>
                <Table.Tbody>
                  {data.settings.map((s) => (
                    <Table.Tr key={s.name} data-testid={`setting-${s.name}`}>
                      <Table.Td><Code>{s.name}</Code><Text size="xs" c="dimmed">{s.description}</Text></Table.Td>
                      <Table.Td>{s.value}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
