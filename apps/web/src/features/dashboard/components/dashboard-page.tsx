import { Anchor, Badge, Button, Card, Group, NativeSelect, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { DashboardResponse } from '@ebay-connector/contract';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingState } from '../../../components/loading-state';
import { PageHeader } from '../../../components/page-header';
import { accountsWithData } from '../../../lib/accounts-with-data';
import { utcLabel, utcText } from '../../../lib/utc-time';
import { useAccounts } from '../../../lib/api/get-accounts';
import { useDashboard } from '../api/get-dashboard';
import { periods, readDashboardParams } from './dashboard-params';
import { byCurrency, chartPoints, formatMoneyList, inCurrencyOrder, payoutsHint } from './format';
import { formatCount } from '../../../lib/format-count';

// The chart library is the largest part of the UI and only this page draws charts: it loads with the chart.
const OrdersChart = lazy(() => import('./orders-chart').then((m) => ({ default: m.OrdersChart })));

const statusColor: Record<string, string> = {
  succeeded: 'teal', failed: 'red', running: 'blue', queued: 'gray', cancelled: 'orange', interrupted: 'yellow',
};

function Stat({ label, value, hint, testId, to }: { label: string; value: string; hint?: string; testId: string; to?: string }) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} data-testid={`${testId}-label`}>{label}</Text>
      <Text size="xl" fw={700} data-testid={`${testId}-value`}>{value}</Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
      {to && (
        <Anchor component={Link} to={to} size="xs" data-testid={`${testId}-link`}>
          Show them
        </Anchor>
      )}
    </Card>
  );
}

function Figures(props: {
  data: DashboardResponse;
  accountId: string;
  picked: string | null;
  onCurrencyChange: (currency: string) => void;
}) {
  const { data, accountId, picked } = props;
  // A count links to the list that shows what it counted, for the account picked here; nothing to show, no link.
  const listLink = (count: number, list: string) =>
    count > 0 ? { to: accountId ? `${list}&accountId=${encodeURIComponent(accountId)}` : list } : {};
  const revenue = byCurrency(data.orders.revenue);
  const currencies = revenue.map((r) => r.currency);
  // A currency picked in the chart stays picked while the period or account still has orders in it.
  const currency = picked !== null && currencies.includes(picked) ? picked : (currencies[0] ?? '');
  const label = (id: string) => data.accounts.find((a) => a.id === id)?.label ?? id.slice(0, 8);
  const last = data.payouts.last;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <Stat
          testId="stat-orders"
          label={`Orders, last ${data.days} days`}
          value={formatCount(data.orders.count)}
          hint={`${formatCount(data.orders.awaitingShipment)} awaiting shipment (any date)`}
          {...listLink(data.orders.awaitingShipment, '/data/orders?awaitingShipment=true')}
        />
        <Stat
          testId="stat-revenue"
          label="Revenue (order totals)"
          value={formatMoneyList(revenue)}
          {...(revenue.length > 1 ? { hint: 'Per currency, not converted' } : {})}
        />
        <Stat testId="stat-fees" label="Fees" value={formatMoneyList(inCurrencyOrder(data.fees, currencies))} hint="eBay fees of finance transactions" />
        <Stat
          testId="stat-payouts"
          label={`Payouts, last ${data.days} days`}
          value={formatMoneyList(inCurrencyOrder(data.payouts.total, currencies))}
          hint={payoutsHint(data.payouts.count, last, (iso) => utcLabel(iso, 'minutes') ?? '-')}
        />
        <Stat
          testId="stat-disputes"
          label="Open disputes"
          value={formatCount(data.openDisputes)}
          {...listLink(data.openDisputes, '/data/disputes?open=true')}
        />
        <Stat
          testId="stat-unread"
          label="Unread messages"
          value={formatCount(data.unreadMessages)}
          {...listLink(data.unreadMessages, '/data/messages?unread=true')}
        />
      </SimpleGrid>
      {data.orders.count > 0 ? (
        <Suspense fallback={<Skeleton height={320} radius="md" data-testid="orders-chart-loading" />}>
          <OrdersChart
            points={chartPoints(data.orders.perDay, data.from, data.days, currency)}
            currency={currency}
            currencies={currencies}
            onCurrencyChange={props.onCurrencyChange}
          />
        </Suspense>
      ) : (
        <Card withBorder>
          <EmptyState title="No orders in this period" description="Run an orders sync, or pick a longer period." action={<Button component={Link} to="/sync" variant="light">Open Sync</Button>} />
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="sm">Last sync per resource</Title>
          {data.lastSyncs.length === 0 ? (
            <Text size="sm" c="dimmed">Nothing synced yet.</Text>
          ) : (
            <Table striped fz="sm" data-testid="last-syncs">
              <Table.Thead><Table.Tr><Table.Th>Account</Table.Th><Table.Th>Resource</Table.Th><Table.Th>Status</Table.Th><Table.Th>Finished (UTC)</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {data.lastSyncs.map((s) => (
                  <Table.Tr key={s.runId}>
                    <Table.Td>
                      <Text size="sm" maw={130} lineClamp={2} style={{ overflowWrap: 'anywhere' }} title={label(s.accountId)}>
                        {label(s.accountId)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{s.resource}</Table.Td>
                    <Table.Td miw={120}><Badge variant="light" color={statusColor[s.status] ?? 'gray'} title={s.errorCode ?? undefined}>{s.status}</Badge></Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{utcText(s.finishedAt, 'minutes') ?? '-'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="sm">Token health</Title>
          <Stack gap="xs" data-testid="token-health">
            {data.tokenHealth.map((t) => (
              <Group key={t.accountId} justify="space-between" wrap="nowrap" data-testid={`token-${t.username}`}>
                <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  <Text size="sm" fw={500}>{t.label} <Text span c="dimmed" size="xs">{t.username}</Text></Text>
                  <Text size="xs" c="dimmed">
                    Access token expires {utcLabel(t.accessExpiresAt, 'minutes') ?? '-'} · refresh token {t.refreshExpiresAt ? `until ${utcLabel(t.refreshExpiresAt, 'minutes') ?? t.refreshExpiresAt}` : 'none'}
                  </Text>
                  {t.refreshWarningDaysLeft !== null && (
                    <Text size="xs" c="orange">Refresh token expires in {t.refreshWarningDaysLeft} days: reconnect the account before then.</Text>
                  )}
                  {t.lastRefreshError && <Text size="xs" c="red">Last refresh failed: {t.lastRefreshError}</Text>}
                </div>
                <Badge color={t.status === 'active' ? 'teal' : 'orange'} variant="light" style={{ flexShrink: 0, overflow: 'visible' }}>{t.status === 'active' ? 'healthy' : t.status}</Badge>
              </Group>
            ))}
          </Stack>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

export function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const accounts = useAccounts();
  const options = accountsWithData(accounts.data?.accounts ?? []).map((a) => ({ value: a.id, label: a.label }));
  const read = readDashboardParams(params);
  // A link to an account that has no data any more shows every account, as its select does.
  const accountId = accounts.data && !options.some((o) => o.value === read.accountId) ? '' : read.accountId;
  const { days, currency } = read;
  const dashboard = useDashboard({ accountId: accountId || undefined, days });
  const data = dashboard.data;
  // Each choice is a step in the history: Back returns to the figures seen before.
  const setParam = (key: 'days' | 'accountId' | 'currency', value: string | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value === null || (key === 'accountId' && value === '')) next.delete(key);
      else next.set(key, value);
      return next;
    });
  const accountLabel = options.find((o) => o.value === accountId)?.label;
  return (
    <>
      <PageHeader
        title="Dashboard"
        description="Orders, money and sync health of your connected eBay accounts."
        actions={
          data && data.accounts.length > 0 ? (
            <Group gap="sm" align="flex-end">
              {/* Fixed widths: a long account label is cut inside its select, which stays beside the period. */}
              <NativeSelect
                label="Account"
                w={240}
                styles={{ input: { textOverflow: 'ellipsis' } }}
                title={accountLabel}
                value={accountId}
                onChange={(e) => setParam('accountId', e.currentTarget.value)}
                data={[{ value: '', label: 'All accounts' }, ...options]}
              />
              <NativeSelect
                label="Period"
                w={120}
                value={String(days)}
                onChange={(e) => setParam('days', e.currentTarget.value)}
                data={periods.map((d) => ({ value: String(d), label: `${d} days` }))}
              />
            </Group>
          ) : undefined
        }
      />
      {dashboard.isPending && <LoadingState label="Loading the overview" />}
      {dashboard.isError && <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {data && data.accounts.length === 0 && (
        <EmptyState
          title="No eBay accounts yet"
          description="Connect a seller account and sync it to see orders, fees and payouts here."
          action={<Button component={Link} to="/accounts">Connect an account</Button>}
        />
      )}
      {data && data.accounts.length > 0 && (
        <Figures data={data} accountId={accountId} picked={currency} onCurrencyChange={(c) => setParam('currency', c)} />
      )}
    </>
  );
}
