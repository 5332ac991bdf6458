import { Badge, Button, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import type { SyncResourceName } from '@ebay-connector/contract';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingState } from '../../../components/loading-state';
import { PageHeader } from '../../../components/page-header';
import { accountsWithData } from '../../../lib/accounts-with-data';
import { hasRole, useCurrentUser } from '../../../lib/current-user';
import { useAccounts } from '../../../lib/api/get-accounts';
import { useSyncStatus } from '../api/get-sync-status';
import { useStartSync, type SyncModeName } from '../api/start-sync';
import { useStartSyncAll } from '../api/start-sync-all';
import { useStopAll } from '../api/stop-all';
import { useStopRun } from '../api/stop-run';
import { useSyncEvents } from '../api/sync-events';
import { AccountMatrix } from './account-matrix';
import { activeRunIdOf, AlreadyRunningAlert } from './already-running-alert';
import { isActive } from './format';
import { RunDetailModal } from './run-detail-modal';
import { RunHistory } from './run-history';
import { SchedulesModal } from './schedules-modal';

export function SyncPage() {
  const user = useCurrentUser();
  const canOperate = hasRole(user, ['admin', 'operator']);
  const queryClient = useQueryClient();
  const accounts = useAccounts();
  const status = useSyncStatus();
  const start = useStartSync();
  const startAll = useStartSyncAll();
  const stop = useStopRun();
  const stopAll = useStopAll();
  const [openRun, setOpenRun] = useState<string | null>(null);
  const [scheduleAccount, setScheduleAccount] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<unknown>(null);

  const refresh = useCallback(
    (type: string) => void queryClient.invalidateQueries({ queryKey: type.startsWith('account.') ? ['ebay', 'accounts'] : ['sync'] }),
    [queryClient],
  );
  const events = useSyncEvents(undefined, refresh);

  const anyActive = status.data?.status.some((s) => isActive(s.lastRun?.status)) ?? false;
  const failure = [start.error, startAll.error, stop.error, stopAll.error].find((e) => e && e !== dismissed) ?? null;
  const activeRunId = activeRunIdOf(failure);
  const list = accounts.data?.accounts ?? [];
  const scheduleTarget = list.find((a) => a.id === scheduleAccount) ?? null;
  const onStart = (accountId: string, resource: SyncResourceName, mode: SyncModeName) => {
    setDismissed(null);
    start.mutate({ accountId, resource, mode });
  };

  return (
    <>
      <PageHeader
        title="Sync"
        description="What each account has synced, what runs now and what runs next."
        actions={
          <Badge color={events.live ? 'teal' : 'gray'} variant="dot" size="lg" data-testid="sync-live">
            {events.live ? 'Live' : 'Polling'}
          </Badge>
        }
      />
      <Stack gap="md">
        {activeRunId ? (
          <AlreadyRunningAlert runId={activeRunId} onOpen={() => setOpenRun(activeRunId)} onClose={() => setDismissed(failure)} />
        ) : failure ? (
          <ErrorAlert error={failure} title={
              failure === stop.error ? 'The run was not stopped' : failure === stopAll.error ? 'The runs were not stopped' : 'The sync did not start'
            } />
        ) : null}
        {(accounts.isPending || status.isPending) && <LoadingState label="Loading sync status" />}
        {accounts.isError && <ErrorAlert error={accounts.error} onRetry={() => void accounts.refetch()} />}
        {status.isError && <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />}
        {accounts.data && list.length === 0 && (
          <EmptyState
            title="No eBay accounts yet"
            description="Connect a seller account first; its data syncs from here."
            action={<Button component={Link} to="/accounts">Connect an account</Button>}
          />
        )}
        {status.data &&
          list.map((account) => (
            <AccountMatrix
              key={account.id}
              account={account}
              entries={status.data.status.filter((s) => s.accountId === account.id)}
              live={events.progress}
              canOperate={canOperate}
              busy={startAll.isPending && startAll.variables.accountId === account.id}
              onStart={(resource, mode) => onStart(account.id, resource, mode)}
              onStartAll={(mode) => {
                setDismissed(null);
                startAll.mutate({ accountId: account.id, mode });
              }}
              onStop={(runId) => stop.mutate(runId)}
              onStopAll={() => {
                setDismissed(null);
                stopAll.mutate(account.id);
              }}
              stoppingAll={stopAll.isPending && stopAll.variables === account.id}
              onOpenRun={setOpenRun}
              onEditSchedules={() => setScheduleAccount(account.id)}
            />
          ))}
        {list.length > 0 && <RunHistory accounts={accountsWithData(list)} live={anyActive} onOpenRun={setOpenRun} />}
      </Stack>
      <RunDetailModal runId={openRun} canOperate={canOperate} onClose={() => setOpenRun(null)} onOpenRun={setOpenRun} />
      <SchedulesModal account={scheduleTarget} canOperate={canOperate} onClose={() => setScheduleAccount(null)} />
    </>
  );
}
