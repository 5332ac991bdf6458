import { Anchor, Badge, Button, Group, Modal, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingState } from '../../../components/loading-state';
import { useSyncRun } from '../../../lib/api/get-sync-run';
import { useStopRun } from '../api/stop-run';
import { formatDuration, formatTime, isActive, progressText, runErrorNote, statusColor } from './format';
import { formatCount } from '../../../lib/format-count';
import { ResumedFrom, RunProgress } from './run-progress';

/**
 * One run: status, counters, error, links to its live events and API calls, and the run it resumed (opened in its
 * place); STOP while it is active.
 */
export function RunDetailModal(props: { runId: string | null; canOperate: boolean; onClose: () => void; onOpenRun: (runId: string) => void }) {
  const { runId, canOperate, onClose, onOpenRun } = props;
  const run = useSyncRun(runId);
  const stop = useStopRun();
  const r = run.data?.run;
  const note = r ? runErrorNote(r) : null;
  return (
    <Modal opened={runId !== null} onClose={onClose} title="Sync run" size="lg">
      {run.isPending && <LoadingState label="Loading the run" />}
      {run.isError && <ErrorAlert error={run.error} onRetry={() => void run.refetch()} />}
      {r && (
        <>
          <Table variant="vertical" withTableBorder data-testid="run-detail">
            <Table.Tbody>
              <Table.Tr><Table.Th w={160}>Run id</Table.Th><Table.Td><code>{r.id}</code></Table.Td></Table.Tr>
              <Table.Tr><Table.Th>Resource</Table.Th><Table.Td>{r.resource} ({r.mode}, {r.trigger})</Table.Td></Table.Tr>
              <Table.Tr>
                <Table.Th>Status</Table.Th>
                <Table.Td><Badge color={statusColor[r.status]} data-testid="run-detail-status">{r.status}</Badge></Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Progress</Table.Th>
                <Table.Td data-testid="run-detail-progress">
                  {isActive(r.status) ? <RunProgress run={r} /> : <Text size="sm">{progressText(r)}</Text>}
                  <ResumedFrom run={r} onOpenRun={onOpenRun} />
                </Table.Td>
              </Table.Tr>
              <Table.Tr><Table.Th>Started (UTC)</Table.Th><Table.Td>{formatTime(r.startedAt)}</Table.Td></Table.Tr>
              <Table.Tr><Table.Th>Finished (UTC)</Table.Th><Table.Td>{formatTime(r.finishedAt)} ({formatDuration(r)})</Table.Td></Table.Tr>
              <Table.Tr>
                <Table.Th>Counters</Table.Th>
                <Table.Td>
                  calls {formatCount(r.counters.calls)} · pages {formatCount(r.counters.pages)} · fetched{' '}
                  {formatCount(r.counters.recordsFetched)} · inserted {formatCount(r.counters.recordsInserted)} · updated{' '}
                  {formatCount(r.counters.recordsUpdated)}
                </Table.Td>
              </Table.Tr>
              {note && (
                <Table.Tr>
                  <Table.Th>{note.label}</Table.Th>
                  <Table.Td><Text size="sm" c={note.color}><code>{r.errorCode}</code> {r.errorMessage}</Text></Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
          {stop.isError && <ErrorAlert error={stop.error} title="The run could not be stopped" />}
          <Group mt="md" justify="space-between">
            <Group gap="sm">
              <Anchor component={Link} to={`/terminal?runId=${r.id}`} size="sm">Live events</Anchor>
              <Anchor component={Link} to={`/logs?runId=${r.id}`} size="sm">API calls</Anchor>
            </Group>
            {canOperate && isActive(r.status) && (
              <Button color="red" size="xs" loading={stop.isPending} onClick={() => stop.mutate(r.id)}>
                STOP
              </Button>
            )}
          </Group>
        </>
      )}
    </Modal>
  );
}
