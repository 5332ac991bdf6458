import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingState } from '../../../components/loading-state';
import { PageHeader } from '../../../components/page-header';
import { accountsWithData } from '../../../lib/accounts-with-data';
import { useAccounts } from '../../../lib/api/get-accounts';
import { useLogs, type LogFilters } from '../api/get-logs';
import { CallDetailDrawer } from './call-detail-drawer';
import { LogsFiltersForm } from './logs-filters';
import { LogsTable } from './logs-table';

const filterKeys = ['accountId', 'status', 'requestId', 'runId'] as const;

/** Filters and the open call live in the URL: `/logs?status=5xx&id=42` can be shared (the terminal links here). */
export function LogsPage() {
  const [params, setParams] = useSearchParams();
  const filters: LogFilters = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const openId = params.get('id');
  const logs = useLogs(filters);
  const accounts = useAccounts();

  const setParam = (changes: Record<string, string | undefined>) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });

  const accountName = (id: string | null) => {
    if (!id) return '—';
    const account = accounts.data?.accounts.find((a) => a.id === id);
    return account ? account.label : `${id.slice(0, 8)}…`;
  };
  const calls = logs.data?.pages.flatMap((page) => page.calls) ?? [];
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader
        title="API logs"
        description="Every request this connector made to eBay, newest first. Tokens, secrets and authorization codes are removed from the bodies; buyers' names, addresses and messages stay as eBay sent them, for as long as the server keeps calls (LEDGER_RETENTION_DAYS, 30 by default)."
        actions={
          <Button variant="default" onClick={() => void logs.refetch()} loading={logs.isRefetching && !logs.isFetchingNextPage}>
            Reload
          </Button>
        }
      />
      <Stack gap="md">
        <Card withBorder>
          <LogsFiltersForm
            key={JSON.stringify(filters)}
            value={filters}
            accounts={accountsWithData(accounts.data?.accounts ?? [])}
            onApply={(next) => setParam({ accountId: next.accountId, status: next.status, requestId: next.requestId, runId: next.runId })}
          />
        </Card>
        <Card withBorder padding={0}>
          {logs.isPending && <LoadingState label="Loading API calls" />}
          {logs.isError && !logs.data && (
            <Stack p="md">
              <ErrorAlert error={logs.error} onRetry={() => void logs.refetch()} />
            </Stack>
          )}
          {logs.isSuccess && calls.length === 0 && (
            <EmptyState
              title={filtered ? 'No calls match these filters' : 'No eBay calls yet'}
              description={
                filtered ? 'Change or reset the filters.' : 'Calls appear here once an account is connected or synced.'
              }
            />
          )}
          {calls.length > 0 && (
            <LogsTable calls={calls} accountName={accountName} onOpen={(id) => setParam({ id })} />
          )}
        </Card>
        {calls.length > 0 && (
          <Group justify="space-between">
            <Text size="sm" c="dimmed" data-testid="logs-count">
              {calls.length} call{calls.length === 1 ? '' : 's'} shown
            </Text>
            {logs.hasNextPage ? (
              <Button variant="light" onClick={() => void logs.fetchNextPage()} loading={logs.isFetchingNextPage}>
                Load more
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                That is all.
              </Text>
            )}
          </Group>
        )}
        {logs.isFetchNextPageError && <ErrorAlert error={logs.error} title="The next page did not load" />}
      </Stack>
      <CallDetailDrawer id={openId} onClose={() => setParam({ id: undefined })} />
    </>
  );
}
