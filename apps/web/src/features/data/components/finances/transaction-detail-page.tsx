import { Stack, Table } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { useTransaction } from '../../api/get-transaction';
import { humanize } from '../../lib/format';
import { CellLink } from '../shared/cell-link';
import { DateTime } from '../shared/date-time';
import { DetailPage, Fields, NoneText, Section } from '../shared/detail-parts';
import { Money } from '../shared/money';
import { RawJson } from '../shared/raw-json';
import { StatusBadge } from '../shared/status-badge';
import { useAccountName } from '../shared/use-account-name';

export function TransactionDetailPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const query = useTransaction(id, params.get('accountId') ?? undefined);
  const accountName = useAccountName();
  return (
    <DetailPage
      back={{ to: '/data/transactions', label: 'Finance transactions' }}
      title={`Transaction ${id}`}
      query={query}
      loadingLabel="Loading the transaction"
    >
      {({ transaction: t, fees, payout }) => (
        <Stack gap="md" data-testid="transaction-detail">
          <Section title="Summary">
            <Fields
              items={[
                ['Type', humanize(t.transaction_type)],
                ['Status', <StatusBadge key="s" status={t.transaction_status} />],
                ['Date', <DateTime key="d" value={t.transaction_date} />],
                ['Amount', <Money key="a" value={t.amount_value} currency={t.amount_currency} fw={600} />],
                ['Booking', humanize(t.booking_entry)],
                ['Total fees', <Money key="f" value={t.total_fee_value} currency={t.amount_currency} />],
                ['Buyer', t.buyer_username],
                [
                  'Order',
                  t.order_id ? (
                    <CellLink key="o" to={`/data/orders/${encodeURIComponent(t.order_id)}?accountId=${t.account_id}`}>
                      {t.order_id}
                    </CellLink>
                  ) : null,
                ],
                ['Account', accountName(t.account_id)],
              ]}
            />
          </Section>
          <Section title="Fees" padding={0}>
            {fees.length === 0 ? (
              <NoneText>No fee lines on this transaction.</NoneText>
            ) : (
              <Table.ScrollContainer minWidth={420}>
                <Table striped verticalSpacing="xs" data-testid="transaction-fees">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Fee</Table.Th>
                      <Table.Th>Line item</Table.Th>
                      <Table.Th ta="right">Amount</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {fees.map((f) => (
                      <Table.Tr key={f.seq}>
                        <Table.Td>{humanize(f.fee_type)}</Table.Td>
                        <Table.Td>{f.line_item_id ?? '—'}</Table.Td>
                        <Table.Td ta="right">
                          <Money value={f.amount_value} currency={f.amount_currency} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Section>
          <Section title="Payout">
            {payout ? (
              <Fields
                items={[
                  [
                    'Payout',
                    <CellLink key="p" to={`/data/payouts/${encodeURIComponent(payout.payout_id)}?accountId=${t.account_id}`}>
                      {payout.payout_id}
                    </CellLink>,
                  ],
                  ['Status', <StatusBadge key="s" status={payout.payout_status} />],
                  ['Date', <DateTime key="d" value={payout.payout_date} />],
                  ['Amount', <Money key="a" value={payout.amount_value} currency={payout.amount_currency} />],
                ]}
              />
            ) : (
              <NoneText>Not paid out yet{t.payout_id ? ` (payout ${t.payout_id} not synced)` : ''}.</NoneText>
            )}
          </Section>
          <Section title="eBay data">
            <RawJson value={t.raw} />
          </Section>
        </Stack>
      )}
    </DetailPage>
  );
}
