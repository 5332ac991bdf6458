import { Group, Progress, Text } from '@mantine/core';
import type { SyncRun } from '@ebay-connector/contract';
import type { LiveProgress } from '../api/sync-events';
import { percent } from './format';

/** Fetched vs total of a run, the newest of the live stream and the last status poll. */
export function RunProgress({ run, live, testId }: { run: SyncRun; live?: LiveProgress | undefined; testId?: string }) {
  const fetched = Math.max(run.counters.recordsFetched, live?.fetched ?? 0);
  const total = live?.total ?? run.total;
  const pct = percent(fetched, total);
  return (
    <Group gap="xs" wrap="nowrap" data-testid={testId} data-fetched={fetched} data-total={total ?? ''}>
      <Progress
        value={pct ?? 100}
        striped
        animated={pct === null || run.status === 'running'}
        w={110}
        size="lg"
        aria-label={`Progress of ${run.resource}`}
        color={run.status === 'queued' ? 'gray' : 'blue'}
      />
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {run.status === 'queued' ? 'queued' : `${fetched}${total !== null ? ` / ${total}` : ''}`}
      </Text>
    </Group>
  );
}
