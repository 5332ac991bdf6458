import { Badge, Button, Card, Group, NativeSelect, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useCallback, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { EbayEvent, SyncRun } from '@ebay-connector/contract';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { accountsWithData } from '../../../lib/accounts-with-data';
import { isApiError } from '../../../lib/api-client';
import { utcText } from '../../../lib/utc-time';
import { useAccounts } from '../../../lib/api/get-accounts';
import { useSyncRun } from '../../../lib/api/get-sync-run';
import { REPLAY_TAIL, streamEventTypes, useEventStream, type StreamStatus } from '../api/event-stream';
import { formatEvent, type TerminalLine } from './format-event';
import { TerminalOutput } from './terminal-output';
import { accountOptionLabel, accountSelectLook } from '../../../lib/account-option';
import { isUuid } from '../../../lib/uuid';

/** Lines kept in the browser; older ones drop off the top. */
export const MAX_LINES = REPLAY_TAIL;

/**
 * What the empty terminal of one run says. The UI does not know the server's `EVENTS_RETENTION_HOURS`, so it
 * names the setting rather than a number.
 */
function emptyRunText(run: SyncRun | undefined, notFound: boolean): string {
  if (notFound) return 'No sync run with this id.';
  if (!run) return 'Loading the run…';
  if (run.status === 'queued' || run.status === 'running') return `Waiting for events of this ${run.resource} run…`;
  return `No events kept for this run: the server keeps events for EVENTS_RETENTION_HOURS hours (24 by default), and this ${run.resource} run ended ${run.finishedAt ? `at ${utcText(run.finishedAt) ?? run.finishedAt} UTC` : 'earlier'}. Its calls stay in the API logs.`;
}

const statusLook: Record<StreamStatus, { color: string; label: string }> = {
  connecting: { color: 'gray', label: 'Connecting' },
  live: { color: 'teal', label: 'Live' },
  reconnecting: { color: 'yellow', label: 'Reconnecting' },
  closed: { color: 'red', label: 'Disconnected' },
};

export function TerminalPage() {
  const accounts = useAccounts();
  // `/terminal?runId=…&accountId=…` (links from the sync page) start filtered.
  const [searchParams] = useSearchParams();
  const [accountId, setAccountId] = useState(() => searchParams.get('accountId') ?? '');
  const [runIdInput, setRunIdInput] = useState(() => searchParams.get('runId') ?? '');
  const [runId, setRunId] = useState(() => searchParams.get('runId') ?? '');
  const [runIdError, setRunIdError] = useState<string | null>(null);
  const [type, setType] = useState('');
  const [text, setText] = useState('');
  const [lines, setLines] = useState<TerminalLine[]>([]);
  const [paused, setPaused] = useState(false);
  const [buffered, setBuffered] = useState(0);
  const [autoScroll, setAutoScroll] = useState(true);
  const pausedRef = useRef(false);
  const pending = useRef<TerminalLine[]>([]);

  const onEvent = useCallback((event: EbayEvent) => {
    const line = formatEvent(event);
    if (pausedRef.current) {
      pending.current.push(line);
      if (pending.current.length > MAX_LINES) pending.current.splice(0, pending.current.length - MAX_LINES);
      setBuffered(pending.current.length);
      return;
    }
    setLines((prev) => {
      const next = prev.length >= MAX_LINES ? prev.slice(prev.length - MAX_LINES + 1) : prev.slice();
      next.push(line);
      return next;
    });
  }, []);
  const stream = useEventStream({ accountId: accountId || undefined, runId: runId || undefined, types: type || undefined }, onEvent);
  const run = useSyncRun(runId || null);
  const runNotFound = isApiError(run.error) && run.error.status === 404;

  const togglePause = () => {
    if (pausedRef.current) {
      const flushed = pending.current;
      pending.current = [];
      setLines((prev) => [...prev, ...flushed].slice(-MAX_LINES));
      setBuffered(0);
    }
    pausedRef.current = !pausedRef.current;
    setPaused(pausedRef.current);
  };

  const clear = () => {
    setLines([]);
    pending.current = [];
    setBuffered(0);
  };

  // A new account, run or type filter replays the events the server kept for it (see `streamStart`): the lines of
  // the previous filter go, or the replay would repeat some of them.
  const changeFilter = (apply: () => void) => {
    clear();
    apply();
  };

  const applyRunId = () => {
    const value = runIdInput.trim();
    if (value && !isUuid(value)) {
      setRunIdError('A run id is a UUID');
      return;
    }
    setRunIdError(null);
    if (value === runId) return;
    changeFilter(() => setRunId(value));
  };

  const accountName = (id: string | null) => {
    if (!id) return '-';
    const account = accounts.data?.accounts.find((a) => a.id === id);
    return account ? account.label : id.slice(0, 8);
  };
  const needle = text.trim().toLowerCase();
  const visible = lines.filter(
    (line) =>
      (!type || line.type === type) &&
      (!needle || `${line.type} ${accountName(line.accountId)} ${line.text}`.toLowerCase().includes(needle)),
  );
  const look = statusLook[stream.status];

  return (
    <>
      <PageHeader
        title="Live terminal"
        description="eBay calls, sync progress and account changes as they happen (times in UTC). Click a call to open it in the API logs."
        actions={
          <Badge color={look.color} variant="dot" size="lg" data-testid="stream-status" role="status">
            {look.label}
          </Badge>
        }
      />
      <Stack gap="sm">
        {stream.error && (
          <ErrorAlert error={stream.error} title="The live stream stopped" onRetry={stream.reconnect} />
        )}
        {accounts.isError && <ErrorAlert error={accounts.error} title="Account names could not be loaded" />}
        <Card withBorder padding="sm">
          <Stack gap="sm">
            <Group align="flex-end" gap="sm" wrap="wrap">
              <NativeSelect
                label="Account"
                {...accountSelectLook(accounts.data?.accounts ?? [], accountId)}
                value={accountId}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  changeFilter(() => setAccountId(value));
                }}
                data={[
                  { value: '', label: 'All accounts' },
                  ...accountsWithData(accounts.data?.accounts ?? []).map((a) => ({ value: a.id, label: accountOptionLabel(a) })),
                ]}
                w={200}
              />
              <TextInput
                label="Run id"
                placeholder="Press Enter to apply"
                value={runIdInput}
                error={runIdError}
                onChange={(e) => setRunIdInput(e.currentTarget.value)}
                onBlur={applyRunId}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') applyRunId();
                }}
                w={220}
              />
              <NativeSelect
                label="Event type"
                value={type}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  changeFilter(() => setType(value));
                }}
                data={[{ value: '', label: 'All events' }, ...streamEventTypes]}
                w={190}
              />
              <TextInput label="Text" placeholder="Filter lines" value={text} onChange={(e) => setText(e.currentTarget.value)} w={180} />
            </Group>
            <Group gap="sm" wrap="wrap">
              <Button variant={paused ? 'filled' : 'default'} onClick={togglePause} aria-pressed={paused}>
                {paused ? `Resume (${buffered} buffered)` : 'Pause'}
              </Button>
              <Button variant="default" onClick={clear}>
                Clear
              </Button>
              <Switch label="Auto-scroll" checked={autoScroll} onChange={(e) => setAutoScroll(e.currentTarget.checked)} />
              <Text size="xs" c="dimmed" data-testid="terminal-count">
                {visible.length} of {lines.length} lines (last {MAX_LINES} kept)
              </Text>
            </Group>
          </Stack>
        </Card>
        <TerminalOutput
          lines={visible}
          accountName={accountName}
          autoScroll={autoScroll}
          onUserScroll={(atBottom) => {
            if (!atBottom && autoScroll) setAutoScroll(false);
          }}
          emptyText={
            lines.length > 0
              ? 'No lines match the filters.'
              : stream.status !== 'live'
                ? 'Connecting to the event stream…'
                : runId
                  ? stream.replayed || runNotFound
                    ? emptyRunText(run.data?.run, runNotFound)
                    : 'Loading the events kept for this run…'
                  : !stream.replayed
                    ? accountId || type
                      ? 'Loading the kept events that match the filters…'
                      : 'Loading the kept events…'
                    : 'Waiting for events… refresh a token or start a sync to see eBay calls here.'
          }
        />
      </Stack>
    </>
  );
}
