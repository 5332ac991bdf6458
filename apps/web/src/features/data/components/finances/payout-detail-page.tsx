import { Stack } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { usePayout } from '../../api/get-payout';
import { DateTime } from '../shared/date-time';
import { DetailPage, Fields, Section } from '../shared/detail-parts';
import { transactionColumns as t } from '../shared/linked-columns';
import { LinkedTable } from '../shared/linked-table';
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
      {({ payout: p, transactions }) => (
        <Stack gap="md" data-testid="payout-detail">
          <Section title="Summary">
            <Fields
              items={[
                ['Status', <StatusBadge key="s" status={p.payoutStatus} />],
                ['Date (UTC)', <DateTime key="d" value={p.payoutDate} />],
                ['Amount', <Money key="a" value={p.amountValue} currency={p.amountCurrency} fw={600} />],
                ['Transactions', p.transactionCount ?? transactions.length],
                ['Account', accountName(p.accountId)],
              ]}
            />
          </Section>
          <Section title="Transactions" padding={0}>
            <LinkedTable
              rows={transactions}
              rowKey={(x) => `${x.transactionId}:${x.transactionType}`}
              empty="No synced transactions belong to this payout."
              minWidth={600}
              testId="payout-transactions"
              columns={[t.transaction, t.amount, t.type, t.date, t.order]}
            />
          </Section>
          <Section title="eBay data">
            <RawJson value={p.raw} />
          </Section>
        </Stack>
      )}
    </DetailPage>
  );
}
