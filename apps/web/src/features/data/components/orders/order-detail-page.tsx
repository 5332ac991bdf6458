import { Alert, Stack, Text } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import type { OrderDetailResponse } from '../../api/detail-types';
import { useOrder } from '../../api/get-order';
import { humanize, prettyJson } from '../../lib/format';
import { DateTime } from '../shared/date-time';
import { DetailPage, Fields, NoneText, Section } from '../shared/detail-parts';
import { disputeColumns, payoutColumns, transactionColumns } from '../shared/linked-columns';
import { LinkedTable } from '../shared/linked-table';
import { Money } from '../shared/money';
import { RawJson } from '../shared/raw-json';
import { StatusBadge } from '../shared/status-badge';
import { useAccountName } from '../shared/use-account-name';

type Detail = OrderDetailResponse;

function LineItems({ items }: { items: Detail['lineItems'] }) {
  return (
    <LinkedTable
      rows={items}
      rowKey={(li) => li.lineItemId}
      empty="No line items stored."
      minWidth={340}
      testId="order-line-items"
      // The item's title and SKU share a cell, so the amounts stay in view on a phone without scrolling sideways.
      columns={[
        {
          header: 'Item',
          cell: (li) => (
            <>
              <Text size="sm">{li.title ?? '—'}</Text>
              <Text size="xs" c="dimmed">
                SKU {li.sku ?? '—'}
              </Text>
            </>
          ),
        },
        {
          header: 'Qty × price',
          align: 'right',
          cell: (li) => {
            const qty = li.quantity ?? 0;
            const price = li.totalValue !== null && qty > 0 ? Number(li.totalValue) / qty : null;
            return (
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {li.quantity ?? '—'} × <Money value={price} currency={li.totalCurrency} />
              </Text>
            );
          },
        },
        { header: 'Total', align: 'right', cell: (li) => <Money value={li.totalValue} currency={li.totalCurrency} /> },
        { header: 'Status', cell: (li) => <StatusBadge status={li.fulfillmentStatus} /> },
      ]}
    />
  );
}

function Cancellation({ order }: { order: Detail['order'] }) {
  const raw = order.raw as { cancelStatus?: { cancelState?: string; cancelRequests?: unknown[] } } | null;
  const requests = raw?.cancelStatus?.cancelRequests ?? [];
  const state = order.cancelState ?? raw?.cancelStatus?.cancelState ?? null;
  const hasDetails = order.cancelDetails !== null && order.cancelDetails !== undefined && prettyJson(order.cancelDetails) !== '{}';
  if ((!state || state === 'NONE_REQUESTED') && requests.length === 0 && !hasDetails) {
    return <NoneText>No cancellation requested.</NoneText>;
  }
  return (
    <Stack gap="xs" px="md" pb="md">
      <Alert color="orange" variant="light" title={`Cancellation: ${humanize(state)}`}>
        <Text size="sm">
          {requests.length} cancel request{requests.length === 1 ? '' : 's'} on the order.
        </Text>
      </Alert>
      {requests.length > 0 && <RawJson value={requests} label="cancel requests" />}
      {hasDetails && <RawJson value={order.cancelDetails} label="cancellation details" />}
    </Stack>
  );
}

export function OrderDetailPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const accountId = params.get('accountId') ?? undefined;
  const order = useOrder(id, accountId);
  const accountName = useAccountName();
  const t = transactionColumns;
  return (
    <DetailPage back={{ to: '/data/orders', label: 'Orders' }} title={`Order ${id}`} query={order} loadingLabel="Loading the order">
      {(d) => (
        <Stack gap="md" data-testid="order-detail">
          <Section title="Summary">
            <Fields
              items={[
                ['Created (UTC)', <DateTime key="c" value={d.order.creationDate} />],
                ['Last modified (UTC)', <DateTime key="m" value={d.order.lastModifiedDate} />],
                ['Buyer', d.order.buyerUsername],
                ['Total', <Money key="t" value={d.order.totalValue} currency={d.order.totalCurrency} fw={600} />],
                ['Fulfillment', <StatusBadge key="f" status={d.order.fulfillmentStatus} />],
                ['Payment', <StatusBadge key="p" status={d.order.paymentStatus} />],
                ['Account', accountName(d.order.accountId)],
                ['Line items', d.order.lineItemCount],
                ['Last synced (UTC)', <DateTime key="s" value={d.order.lastSeenAt} />],
              ]}
            />
          </Section>
          <Section title="Line items" padding={0}>
            <LineItems items={d.lineItems} />
          </Section>
          <Section title="Finance transactions" padding={0}>
            <LinkedTable
              rows={d.transactions}
              rowKey={(x) => `${x.transactionId}:${x.transactionType}`}
              empty="No finance transactions synced for this order."
              minWidth={600}
              testId="order-transactions"
              columns={[t.transaction, t.amount, t.type, t.date, t.fees, t.payout]}
            />
          </Section>
          <Section title="Payouts" padding={0}>
            <LinkedTable
              rows={d.payouts}
              rowKey={(p) => p.payoutId}
              empty="Not paid out yet."
              minWidth={480}
              testId="order-payouts"
              columns={[payoutColumns.payout, payoutColumns.amount, payoutColumns.status, payoutColumns.date]}
            />
          </Section>
          <Section title="Disputes" padding={0}>
            <LinkedTable
              rows={d.disputes}
              rowKey={(x) => x.paymentDisputeId}
              empty="No payment disputes for this order."
              minWidth={560}
              testId="order-disputes"
              columns={[disputeColumns.dispute, disputeColumns.status, disputeColumns.reason, disputeColumns.opened, disputeColumns.amount]}
            />
          </Section>
          <Section title="Cancellation" padding={0}>
            <Cancellation order={d.order} />
          </Section>
          <Section title="eBay data">
            <RawJson value={d.order.raw} />
          </Section>
        </Stack>
      )}
    </DetailPage>
  );
}
