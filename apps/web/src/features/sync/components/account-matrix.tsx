import { Alert, Anchor, Badge, Button, Card, Group, Menu, Stack, Table, Text, Title, Tooltip, type ButtonProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { EbayAccount, SyncResourceName, SyncStatusResponse } from '@ebay-connector/contract';
import { utcLabel } from '../../../lib/utc-time';
import type { LiveProgress } from '../api/sync-events';
import type { SyncModeName } from '../api/start-sync';
import { formatRelative, formatTime, isActive, pausedReason, progressText, statusColor } from './format';
import { formatCount } from '../../../lib/format-count';
import { ResumedFrom, RunProgress } from './run-progress';

type Entry = SyncStatusResponse['status'][number];

export interface AccountMatrixProps {
  account: Pick<EbayAccount, 'id' | 'label' | 'username' | 'status'>;
  entries: Entry[];
  live: Record<string, LiveProgress>;
  canOperate: boolean;
  busy: boolean;
  onStart: (resource: SyncResourceName, mode: SyncModeName) => void;
  onStartAll: (mode: SyncModeName) => void;
  onStop: (runId: string) => void;
  /** Stops every queued or running run of the account (shown while two or more are). */
  onStopAll: () => void;
  stoppingAll: boolean;
  onOpenRun: (runId: string) => void;
  onEditSchedules: () => void;
}

/**
 * A start button that says why it does nothing while the account is paused. It is marked disabled rather than
 * `disabled`: a disabled button gets no pointer events, so its tooltip would never open.
 */
function StartButton(props: ButtonProps & { paused: string | null; label: string; onStart: () => void; children: ReactNode }) {
  const { paused, label, onStart, children, ...button } = props;
  if (!paused) {
    return (
      <Button {...button} onClick={onStart} aria-label={label}>
        {children}
      </Button>
    );
  }
  return (
    <Tooltip label={`Paused: ${paused}.`} multiline maw={280}>
      <Button {...button} data-disabled aria-disabled="true" aria-label={label} onClick={(e) => e.preventDefault()}>
        {children}
      </Button>
    </Tooltip>
  );
}

/**
 * How the buttons of one account name it for screen readers ("Sync orders of Main store"): every card has the same
 * buttons, so their visible words alone do not tell which account they act on. A renamed account adds its eBay
 * username, which tells apart two accounts given the same label.
 */
function accountName(account: Pick<EbayAccount, 'label' | 'username'>): string {
  return account.label === account.username ? account.label : `${account.label} (${account.username})`;
}

/** One account: a row per resource with its last run, schedule, watermark, records and live progress. */
export function AccountMatrix(props: AccountMatrixProps) {
  const { account, entries, live, canOperate } = props;
  const reason = pausedReason(account.status);
  const paused = reason !== null;
  const of = `of ${accountName(account)}`;
  const activeRuns = entries.filter((e) => isActive(e.lastRun?.status)).length;
  // Narrower than the table (a phone, a tablet held upright): the actions come right after the resource, in view.
  const narrow = useMediaQuery('(max-width: 75em)', undefined, { getInitialValueInEffect: false });
  return (
    <Card withBorder padding="md" data-testid={`sync-account-${account.username}`}>
      <Group justify="space-between" mb="sm" wrap="wrap">
        {/* A long label (up to 100 characters) is cut with an ellipsis and shown whole on hover; the buttons keep their place. */}
        <Group gap="xs" wrap="nowrap" miw={0} style={{ flex: '1 1 240px' }}>
          <Title order={2} size="h4" title={account.label} miw={0} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {account.label}
          </Title>
          <Text c="dimmed" size="sm" style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
            {account.username}
          </Text>
          {paused && (
            <Badge color="orange" variant="light" style={{ flexShrink: 0, overflow: 'visible' }}>
              {account.status === 'revoked' ? 'revoked' : 'reconnect needed'}
            </Badge>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          {canOperate && activeRuns > 1 && (
            <Button size="xs" color="red" variant="light" loading={props.stoppingAll} onClick={props.onStopAll} aria-label={`Stop all ${activeRuns} runs ${of}`}>
              Stop all ({activeRuns})
            </Button>
          )}
          <Button size="xs" variant="default" onClick={props.onEditSchedules} aria-label={`${canOperate ? 'Edit schedules' : 'Schedules'} ${of}`}>
            {canOperate ? 'Edit schedules' : 'Schedules'}
          </Button>
          {canOperate && paused && (
            <StartButton size="xs" paused={reason} label={`Sync all ${of}`} onStart={() => props.onStartAll('incremental')}>
              Sync all
            </StartButton>
          )}
          {canOperate && !paused && (
            <Menu position="bottom-end">
              <Menu.Target>
                <Button size="xs" loading={props.busy} aria-label={`Sync all ${of}`}>Sync all</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => props.onStartAll('incremental')}>Incremental (changes since last sync)</Menu.Item>
                <Menu.Item onClick={() => props.onStartAll('full')}>Full (everything again)</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>
      {paused && (
        <Alert color="orange" variant="light" mb="sm" data-testid="paused-hint">
          Schedules of this account are paused: {reason} (on the{' '}
          <Anchor component={Link} to="/accounts" inherit>
            Accounts page
          </Anchor>
          ).
        </Alert>
      )}
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Resource</Table.Th>
              {canOperate && narrow && <Table.Th>Actions</Table.Th>}
              <Table.Th>Last run</Table.Th>
              <Table.Th>Last run time (UTC)</Table.Th>
              <Table.Th>Next run</Table.Th>
              <Table.Th>Watermark (UTC)</Table.Th>
              <Table.Th ta="right">Records</Table.Th>
              <Table.Th>Progress</Table.Th>
              {canOperate && !narrow && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => {
              const run = e.lastRun;
              const active = isActive(run?.status);
              const actions = (
                <Table.Td>
                  {run && active ? (
                    <Button size="compact-xs" color="red" onClick={() => props.onStop(run.id)} aria-label={`Stop ${e.resource} ${of}`}>
                      STOP
                    </Button>
                  ) : (
                    <Group gap={4} wrap="nowrap">
                      <StartButton size="compact-xs" variant="light" paused={reason} label={`Sync ${e.resource} ${of}`} onStart={() => props.onStart(e.resource, 'incremental')}>
                        Sync
                      </StartButton>
                      <StartButton size="compact-xs" variant="subtle" paused={reason} label={`Full sync ${e.resource} ${of}`} onStart={() => props.onStart(e.resource, 'full')}>
                        Full
                      </StartButton>
                    </Group>
                  )}
                </Table.Td>
              );
              return (
                <Table.Tr key={e.resource} data-testid={`sync-cell-${e.resource}`}>
                  <Table.Td fw={500}>{e.resource}</Table.Td>
                  {canOperate && narrow && actions}
                  <Table.Td miw={120}>
                    {run ? (
                      <Tooltip label={run.errorCode ? `${run.errorCode}: ${run.errorMessage ?? ''}` : `${run.mode}, ${run.trigger}`}>
                        <Badge
                          color={statusColor[run.status]}
                          variant="light"
                          style={{ cursor: 'pointer' }}
                          onClick={() => props.onOpenRun(run.id)}
                          data-testid="cell-status"
                        >
                          {run.status}
                        </Badge>
                      </Tooltip>
                    ) : (
                      <Text size="sm" c="dimmed" data-testid="cell-status">never</Text>
                    )}
                  </Table.Td>
                  <Table.Td><Text size="sm">{formatTime(run?.finishedAt ?? run?.startedAt)}</Text></Table.Td>
                  <Table.Td>
                    {paused ? (
                      <Badge color="orange" variant="outline" size="sm">paused</Badge>
                    ) : e.scheduleEnabled === false ? (
                      <Text size="sm" c="dimmed">disabled</Text>
                    ) : (
                      <Text size="sm" data-testid="cell-next-run" title={utcLabel(e.nextRunAt) ?? undefined}>
                        {formatRelative(e.nextRunAt)}
                        {e.nextRunMode === 'full' && (
                          <Tooltip label="A full run: status changes that do not move this resource's dates are read again once a day">
                            <Text span size="xs" c="dimmed">
                              {' '}· full
                            </Text>
                          </Tooltip>
                        )}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td><Text size="sm">{formatTime(e.watermark)}</Text></Table.Td>
                  <Table.Td ta="right" data-testid="cell-records">{formatCount(e.recordCount)}</Table.Td>
                  <Table.Td>
                    {run && active ? (
                      <RunProgress run={run} live={live[run.id]} testId="cell-progress" accountName={accountName(account)} />
                    ) : run ? (
                      <>
                        <Text size="xs" c="dimmed" data-testid="cell-fetched">{progressText(run)}</Text>
                        <ResumedFrom run={run} onOpenRun={props.onOpenRun} />
                      </>
                    ) : null}
                  </Table.Td>
                  {canOperate && !narrow && actions}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap={0} mt={4}>
        <Text size="xs" c="dimmed">Click a status to open the run. Sync reads changes since the watermark; Full reads everything again.</Text>
      </Stack>
    </Card>
  );
}
