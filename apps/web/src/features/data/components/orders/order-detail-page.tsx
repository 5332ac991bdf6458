import { Alert, Stack, Table, Text } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import type { OrderDetailResponse } from '@ebay-connector/contract';
import { useOrder } from '../../api/get-order';
import { humanize, prettyJson } from '../../lib/format';
import { CellLink } from '../shared/cell-link';
import { DateTime } from '../shared/date-time';
import { DetailPage, Fields, NoneText, Section } from '../shared/detail-parts';
import { Money } from '../shared/money';
import { RawJson } from '../shared/raw-json';
import { StatusBadge } from '../shared/status-badge';
import { useAccountName } from '../shared/use-account-name';

type Detail = OrderDetailResponse;

function LineItems({ items }: { items: Detail['lineItems'] }) {
  if (items.length === 0) return <NoneText>No line items stored.</NoneText>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="xs" data-testid="order-line-items">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>SKU</Table.Th>
            <Table.Th>Title</Table.Th>
            <Table.Th ta="right">Qty</Table.Th>
            <Table.Th ta="right">Price</Table.Th>
            <Table.Th ta="right">Total</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((li) => {
            const qty = li.quantity ?? 0;
            const price = li.total_value !== null && qty > 0 ? Number(li.total_value) / qty : null;
            return (
              <Table.Tr key={li.line_item_id}>
                <Table.Td>{li.sku ?? '—'}</Table.Td>
                <Table.Td>{li.title ?? '—'}</Table.Td>
                <Table.Td ta="right">{li.quantity ?? '—'}</Table.Td>
                <Table.Td ta="right">
                  <Money value={price} currency={li.total_currency} />
                </Table.Td>
                <Table.Td ta="right">
                  <Money value={li.total_value} currency={li.total_currency} />
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={li.fulfillment_status} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Transactions({ detail }: { detail: Detail }) {
  if (detail.transactions.length === 0) return <NoneText>No finance transactions synced for this order.</NoneText>;
  const acc = detail.order.account_id;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped verticalSpacing="xs" data-testid="order-transactions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Transaction</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th ta="right">Fees</Table.Th>
            <Table.Th>Payout</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.transactions.map((t) => (
            <Table.Tr key={`${t.transaction_id}:${t.transaction_type}`}>
              <Table.Td>
                <CellLink to={`/data/transactions/${encodeURIComponent(t.transaction_id)}?accountId=${acc}`}>{t.transaction_id}</CellLink>
              </Table.Td>
              <Table.Td>{humanize(t.transaction_type)}</Table.Td>
              <Table.Td>
                <DateTime value={t.transaction_date} />
              </Table.Td>
              <Table.Td ta="right">
                <Money value={t.amount_value} currency={t.amount_currency} />
              </Table.Td>
              <Table.Td ta="right">
                <Money value={t.total_fee_value} currency={t.amount_currency} />
              </Table.Td>
              <Table.Td>
                {t.payout_id ? (
                  <CellLink to={`/data/payouts/${encodeURIComponent(t.payout_id)}?accountId=${acc}`}>{t.payout_id}</CellLink>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Disputes({ detail }: { detail: Detail }) {
  if (detail.disputes.length === 0) return <NoneText>No payment disputes for this order.</NoneText>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing="xs" data-testid="order-disputes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Dispute</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th>Opened</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.disputes.map((d) => (
            <Table.Tr key={d.payment_dispute_id}>
              <Table.Td>
                <CellLink to={`/data/disputes/${encodeURIComponent(d.payment_dispute_id)}?accountId=${detail.order.account_id}`}>
                  {d.payment_dispute_id}
                </CellLink>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={d.dispute_status} />
              </Table.Td>
              <Table.Td>{humanize(d.reason)}</Table.Td>
              <Table.Td>
                <DateTime value={d.open_date} />
              </Table.Td>
              <Table.Td ta="right">
                <Money value={d.amount_value} currency={d.amount_currency} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Cancellation({ order }: { order: Detail['order'] }) {
  const raw = order.raw as { cancelStatus?: { cancelState?: string; cancelRequests?: unknown[] } } | null;
  const requests = raw?.cancelStatus?.cancelRequests ?? [];
  const state = order.cancel_state ?? raw?.cancelStatus?.cancelState ?? null;
  const hasDetails = order.cancel_details !== null && order.cancel_details !== undefined && prettyJson(order.cancel_details) !== '{}';
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
      {hasDetails && <RawJson value={order.cancel_details} label="cancellation details" />}
    </Stack>
  );
}

export function OrderDetailPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const accountId = params.get('accountId') ?? undefined;
  const order = useOrder(id, accountId);
  const accountName = useAccountName();
  return (
    <DetailPage back={{ to: '/data/orders', label: 'Orders' }} title={`Order ${id}`} query={order} loadingLabel="Loading the order">
      {(d) => (
        <Stack gap="md" data-testid="order-detail">
          <Section title="Summary">
            <Fields
              items={[
                ['Created', <DateTime key="c" value={d.order.created_at_ebay} />],
                ['Last modified', <DateTime key="m" value={d.order.modified_at_ebay} />],
                ['Buyer', d.order.buyer_username],
                ['Total', <Money key="t" value={d.order.total_value} currency={d.order.total_currency} fw={600} />],
                ['Fulfillment', <StatusBadge key="f" status={d.order.fulfillment_status} />],
                ['Payment', <StatusBadge key="p" status={d.order.payment_status} />],
                ['Account', accountName(d.order.account_id)],
                ['Line items', d.order.line_item_count],
                ['Last synced', <DateTime key="s" value={d.order.last_seen_at} />],
              ]}
            />
          </Section>
          <Section title="Line items" padding={0}>
            <LineItems items={d.lineItems} />
          </Section>
          <Section title="Finance transactions" padding={0}>
            <Transactions detail={d} />
          </Section>
          <Section title="Disputes" padding={0}>
            <Disputes detail={d} />
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
