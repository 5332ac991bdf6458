import { Button, Card, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { EbayAccount, RefreshResponse } from '@ebay-connector/contract';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingState } from '../../../components/loading-state';
import { PageHeader } from '../../../components/page-header';
import { hasRole, useCurrentUser } from '../../../lib/current-user';
import { useAccounts } from '../../../lib/api/get-accounts';
import { useRefreshAccount } from '../api/refresh-account';
import { reconnectReturnTo, useStartOauth } from '../api/start-oauth';
import { AccountBanners } from './account-banners';
import { AccountsTable } from './accounts-table';
import { CallbackNotice } from './callback-notice';
import { ConnectModal } from './connect-modal';
import { DisconnectModal, PurgeModal } from './disconnect-modal';
import { RefreshResult } from './refresh-result';
import { RelabelModal } from './relabel-modal';

/** The empty page's words in demo mode; they say the demo keeps selling when its emulator does. */
function demoHint(liveOrdersPerDay: number | null): string {
  const base =
    'Demo mode: this server talks to the offline eBay emulator. Connect, pick one of its sellers and agree; its orders, money, disputes, messages and listings then sync in seconds.';
  if (!liveOrdersPerDay) return base;
  return `${base} Its sellers keep selling (about ${liveOrdersPerDay} new orders a day each), and the scheduled syncs bring them in.`;
}

export function AccountsPage() {
  const me = useCurrentUser();
  const canManage = hasRole(me, ['admin', 'operator']);
  const accounts = useAccounts();
  const refresh = useRefreshAccount();
  const reconnect = useStartOauth();
  const [connecting, setConnecting] = useState(false);
  const [relabeling, setRelabeling] = useState<EbayAccount | null>(null);
  const [disconnecting, setDisconnecting] = useState<EbayAccount | null>(null);
  const [purging, setPurging] = useState<EbayAccount | null>(null);
  const [refreshed, setRefreshed] = useState<{ label: string; result: RefreshResponse } | null>(null);

  // Relative times ("in 1 h 52 min") stay current. They are measured from the data's arrival at least: a clock read
  // before a refresh would put that refresh in the future.
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setTick(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const now = Math.max(tick, accounts.dataUpdatedAt);

  const onRefresh = (account: EbayAccount, dryRun: boolean) => {
    setRefreshed(null);
    refresh.mutate(
      { id: account.id, dryRun },
      { onSuccess: (result) => setRefreshed({ label: account.label, result }) },
    );
  };
  const onReconnect = (account: EbayAccount) => reconnect.mutate({ returnTo: reconnectReturnTo(account.id) });
  const list = accounts.data?.accounts;
  const connectButton = canManage && <Button onClick={() => setConnecting(true)}>Connect to eBay</Button>;

  return (
    <>
      <PageHeader
        title="eBay accounts"
        description="Connected seller accounts and the facts about their OAuth tokens (never the tokens themselves)."
        actions={connectButton}
      />
      <Stack gap="md">
        <CallbackNotice
          accounts={list}
          onRetry={canManage ? () => setConnecting(true) : undefined}
          onReconnect={canManage ? onReconnect : undefined}
        />
        {list && (
          <AccountBanners
            accounts={list}
            canManage={canManage}
            reconnecting={reconnect.isPending || reconnect.isSuccess}
            onReconnect={onReconnect}
          />
        )}
        {reconnect.error && <ErrorAlert error={reconnect.error} title="The connect flow did not start" />}
        {refresh.error && <ErrorAlert error={refresh.error} title="The token was not refreshed" />}
        {refreshed && <RefreshResult label={refreshed.label} result={refreshed.result} onClose={() => setRefreshed(null)} />}
        <Card withBorder padding={0}>
          {accounts.isPending && <LoadingState label="Loading eBay accounts" />}
          {accounts.isError && (
            <Stack p="md">
              <ErrorAlert error={accounts.error} onRetry={() => void accounts.refetch()} />
            </Stack>
          )}
          {list && list.length === 0 && (
            <EmptyState
              title="No eBay accounts yet"
              description={
                canManage
                  ? accounts.data?.environment === 'emulator'
                    ? demoHint(accounts.data.demoLiveOrdersPerDay)
                    : 'Connect a seller account to start syncing its data.'
                  : 'An admin or operator can connect a seller account.'
              }
              action={connectButton}
            />
          )}
          {list && list.length > 0 && (
            <AccountsTable
              accounts={list}
              canManage={canManage}
              now={now}
              busyAccountId={refresh.isPending ? refresh.variables.id : null}
              onRefresh={onRefresh}
              onRelabel={setRelabeling}
              onDisconnect={setDisconnecting}
              onPurge={setPurging}
              onReconnect={onReconnect}
            />
          )}
        </Card>
      </Stack>
      {canManage && (
        <>
          <ConnectModal opened={connecting} onClose={() => setConnecting(false)} />
          <RelabelModal account={relabeling} onClose={() => setRelabeling(null)} />
          <DisconnectModal account={disconnecting} onClose={() => setDisconnecting(null)} />
          <PurgeModal account={purging} onClose={() => setPurging(null)} />
        </>
      )}
    </>
  );
}
