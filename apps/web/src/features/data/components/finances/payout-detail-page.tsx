import { Stack, Table } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { usePayout } from '../../api/get-payout';
import { humanize } from '../../lib/format';
import { CellLink } from '../shared/cell-link';
import { DateTime } from '../shared/date-time';
import { DetailPage, Fields, NoneText, Section } from '../shared/detail-parts';
import { Money } from '../shared/money';
import { RawJson } from '../shared/raw-json';
import { StatusBadge } from '../shared/status-badge';
import { useAccountName } from '../shared/use-account-name';

export function PayoutDetailPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const query = usePayout(id, params.get('accountId') ?? undefined);
  const accountName = useAccountName();
  return (
    <DetailPage back={{ to: '/data/payouts', label: 'Payouts' }} title={`Payout ${id}`} query={query} loadingLabel="Loading the payout">
      {({ payout: p, transactions }) => {
        const acc = p.account_id ?? '';
        return (
          <Stack gap="md" data-testid="payout-detail">
            <Section title="Summary">
              <Fields
                items={[
                  ['Status', <StatusBadge key="s" status={p.payout_status} />],
                  ['Date', <DateTime key="d" value={p.payout_date} />],
                  ['Amount', <Money key="a" value={p.amount_value} currency={p.amount_currency} fw={600} />],
                  ['Transactions', p.transaction_count ?? transactions.length],
                  ['Account', accountName(acc)],
                ]}
              />
            </Section>
            <Section title="Transactions" padding={0}>
              {transactions.length === 0 ? (
                <NoneText>No synced transactions belong to this payout.</NoneText>
              ) : (
                <Table.ScrollContainer minWidth={600}>
                  <Table striped verticalSpacing="xs" data-testid="payout-transactions">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Transaction</Table.Th>
                        <Table.Th>Type</Table.Th>
                        <Table.Th>Date</Table.Th>
                        <Table.Th ta="right">Amount</Table.Th>
                        <Table.Th>Order</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {transactions.map((t) => (
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
                          <Table.Td>
                            {t.order_id ? (
                              <CellLink to={`/data/orders/${encodeURIComponent(t.order_id)}?accountId=${acc}`}>{t.order_id}</CellLink>
                            ) : (
                              '—'
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Section>
            <Section title="eBay data">
              <RawJson value={p.raw} />
            </Section>
          </Stack>
        );
      }}
    </DetailPage>
  );
}
