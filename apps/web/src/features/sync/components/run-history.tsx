import { Anchor, Badge, Button, Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { syncResourceValues, type SyncResourceName, type SyncRunStatus } from '@ebay-connector/contract';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingState } from '../../../components/loading-state';
import { useSyncRuns, type RunFilters } from '../api/get-sync-runs';
import { formatDuration, formatTime, progressText, runErrorNote, statusColor } from './format';
import { formatCount } from '../../../lib/format-count';
import { ResumedFrom } from './run-progress';

const statuses: SyncRunStatus[] = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted'];

/** Every run, newest first, with filters and keyset "Load more". */
export function RunHistory(props: {
  accounts: { id: string; label: string }[];
  live: boolean;
  onOpenRun: (runId: string) => void;
}) {
  const [filters, setFilters] = useState<RunFilters>({});
  const runs = useSyncRuns(filters, props.live);
  const label = (id: string) => props.accounts.find((a) => a.id === id)?.label ?? id.slice(0, 8);
  const rows = runs.data?.pages.flatMap((p) => p.runs) ?? [];

  return (
    <Card withBorder padding="md">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Title order={2} size="h4">Run history</Title>
        <Group gap="sm" align="flex-end">
          <NativeSelect
            label="Account"
            size="xs"
            w={200}
            styles={{ input: { textOverflow: 'ellipsis' } }}
            title={filters.accountId ? label(filters.accountId) : undefined}
            value={filters.accountId ?? ''}
            onChange={(e) => setFilters((f) => ({ ...f, accountId: e.currentTarget.value || undefined }))}
            data={[{ value: '', label: 'All accounts' }, ...props.accounts.map((a) => ({ value: a.id, label: a.label }))]}
          />
          <NativeSelect
            label="Resource"
            size="xs"
            value={filters.resource ?? ''}
            onChange={(e) => setFilters((f) => ({ ...f, resource: (e.currentTarget.value || undefined) as SyncResourceName | undefined }))}
            data={[{ value: '', label: 'All resources' }, ...syncResourceValues]}
          />
          <NativeSelect
            label="Status"
            size="xs"
            value={filters.status ?? ''}
            onChange={(e) => setFilters((f) => ({ ...f, status: (e.currentTarget.value || undefined) as SyncRunStatus | undefined }))}
            data={[{ value: '', label: 'All statuses' }, ...statuses]}
          />
        </Group>
      </Group>
      {runs.isPending && <LoadingState label="Loading runs" />}
      {runs.isError && <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} />}
      {runs.data && rows.length === 0 && (
        <EmptyState title="No runs yet" description="Start a sync above, or wait for a schedule to start one." />
      )}
      {rows.length > 0 && (
        <Stack gap="sm">
          {/*
            Fits a 1400 px screen beside the navbar: the run's resource, mode and trigger share a cell, as do its start
            and duration, calls and pages, inserted and updated (every counter is in the run's detail too). Narrower
            screens scroll it, with a native scrollbar that shows the table goes on (an overlay one showed only on
            hover, so the last columns looked cut off).
          */}
          <Table.ScrollContainer minWidth={900} type="native">
            <Table striped verticalSpacing={4} horizontalSpacing={8} fz="sm" data-testid="runs-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Account</Table.Th>
                  <Table.Th>Run</Table.Th>
                  <Table.Th>Started (UTC)</Table.Th>
                  <Table.Th ta="right">Calls / pages</Table.Th>
                  <Table.Th ta="right">Fetched</Table.Th>
                  <Table.Th ta="right">Inserted / updated</Table.Th>
                  <Table.Th>Progress</Table.Th>
                  <Table.Th>Error</Table.Th>
                  <Table.Th>Links</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id} data-testid={`run-row-${r.id}`} data-status={r.status}>
                    <Table.Td>
                      <Badge color={statusColor[r.status]} variant="light" style={{ cursor: 'pointer', minWidth: 'max-content' }} onClick={() => props.onOpenRun(r.id)} data-testid="run-status">
                        {r.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" maw={140} truncate="end" title={label(r.accountId)}>
                        {label(r.accountId)}
                      </Text>
                    </Table.Td>
                    <Table.Td data-testid="run-kind">
                      <Text size="sm" fw={500}>{r.resource}</Text>
                      <Text size="xs" c="dimmed">
                        {r.mode} · {r.trigger}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatTime(r.startedAt ?? r.createdAt)}</Text>
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="run-duration">
                        {formatDuration(r)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatCount(r.counters.calls)} / {formatCount(r.counters.pages)}
                    </Table.Td>
                    <Table.Td ta="right" data-testid="run-fetched">{formatCount(r.counters.recordsFetched)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatCount(r.counters.recordsInserted)} / {formatCount(r.counters.recordsUpdated)}
                    </Table.Td>
                    <Table.Td miw={140} maw={240} data-testid="run-progress">
                      <Text size="sm">{progressText(r)}</Text>
                      <ResumedFrom run={r} onOpenRun={props.onOpenRun} />
                    </Table.Td>
                    <Table.Td maw={200}>
                      {r.errorCode ? (
                        <Text size="xs" c={runErrorNote(r)?.color ?? 'red'} lineClamp={2} title={`${r.errorCode}: ${r.errorMessage ?? ''}`} data-testid="run-error">
                          <code>{r.errorCode}</code> {r.errorMessage}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component={Link} to={`/terminal?runId=${r.id}`} size="xs" mr="xs">events</Anchor>
                      <Anchor component={Link} to={`/logs?runId=${r.id}`} size="xs">calls</Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {runs.hasNextPage && (
            <Group justify="center">
              <Button variant="default" size="xs" loading={runs.isFetchingNextPage} onClick={() => void runs.fetchNextPage()}>
                Load more
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Card>
  );
}
