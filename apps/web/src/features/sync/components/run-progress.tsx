import { Anchor, Group, Progress, Text } from '@mantine/core';
import type { SyncRun } from '@ebay-connector/contract';
import type { LiveProgress } from '../api/sync-events';
import { percent, progressText, shownTotal } from './format';

/**
 * Fetched vs total of a run, the newest of the live stream and the last status poll. `accountName` goes into the
 * bar's accessible name where several accounts' bars are on one page.
 */
export function RunProgress({
  run,
  live,
  testId,
  accountName,
}: {
  run: SyncRun;
  live?: LiveProgress | undefined;
  testId?: string;
  accountName?: string;
}) {
  const fetched = Math.max(run.counters.recordsFetched, live?.fetched ?? 0);
  const total = shownTotal(fetched, live?.total ?? run.total);
  const pct = percent(fetched, total);
  return (
    <Group gap="xs" wrap="nowrap" data-testid={testId} data-fetched={fetched} data-total={total ?? ''}>
      <Progress
        value={pct ?? 100}
        striped
        animated={pct === null || run.status === 'running'}
        w={110}
        size="lg"
        aria-label={`Progress of ${run.resource}${accountName ? ` of ${accountName}` : ''}`}
        color={run.status === 'queued' ? 'gray' : 'blue'}
      />
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {progressText(run, { fetched, total })}
      </Text>
    </Group>
  );
}

/** "resumed from run 1a2b3c4d", opening that run; nothing for a run that started afresh. */
export function ResumedFrom({ run, onOpenRun }: { run: Pick<SyncRun, 'resumedFrom'>; onOpenRun: (runId: string) => void }) {
  if (run.resumedFrom === null) return null;
  const from = run.resumedFrom;
  return (
    <Text size="xs" c="dimmed" data-testid="resumed-from">
      resumed from{' '}
      <Anchor component="button" type="button" size="xs" onClick={() => onOpenRun(from)} title={from}>
        run {from.slice(0, 8)}
      </Anchor>
    </Text>
  );
}
