import { Stack } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { useTransaction } from '../../api/get-transaction';
import { humanize } from '../../lib/format';
import { orderHref, payoutHref } from '../../lib/links';
import { CellLink } from '../shared/cell-link';
import { DateTime } from '../shared/date-time';
import { DetailPage, Fields, NoneText, Section } from '../shared/detail-parts';
import { linkedOrderFields } from '../shared/linked-columns';
import { LinkedTable } from '../shared/linked-table';
import { BookedMoney, Money } from '../shared/money';
import { RawJson } from '../shared/raw-json';
import { StatusBadge } from '../shared/status-badge';
import { useAccountName } from '../shared/use-account-name';

export function TransactionDetailPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const query = useTransaction(id, params.get('accountId') ?? undefined, params.get('type') ?? undefined);
  const accountName = useAccountName();
  return (
    <DetailPage
      back={{ to: '/data/transactions', label: 'Finance transactions' }}
      title={`Transaction ${id}`}
      query={query}
      loadingLabel="Loading the transaction"
    >
      {({ transaction: t, fees, payout, order }) => (
        <Stack gap="md" data-testid="transaction-detail">
          <Section title="Summary">
            <Fields
              items={[
                ['Type', humanize(t.transactionType)],
                ['Status', <StatusBadge key="s" status={t.transactionStatus} />],
                ['Date (UTC)', <DateTime key="d" value={t.transactionDate} />],
                ['Amount', <BookedMoney key="a" value={t.amountValue} currency={t.amountCurrency} bookingEntry={t.bookingEntry} fw={600} />],
                ['Booking', humanize(t.bookingEntry)],
                ['Total fees', <Money key="f" value={t.totalFeeValue} currency={t.amountCurrency} />],
                ['Buyer', t.buyerUsername],
                [
                  'Order',
                  t.orderId ? (
                    <CellLink key="o" to={orderHref({ orderId: t.orderId, accountId: t.accountId })}>
                      {t.orderId}
                    </CellLink>
                  ) : null,
                ],
                ['Account', accountName(t.accountId)],
              ]}
            />
          </Section>
          <Section title="Fees" padding={0}>
            <LinkedTable
              rows={fees}
              rowKey={(f) => String(f.seq)}
              empty="No fee lines on this transaction."
              minWidth={420}
              testId="transaction-fees"
              columns={[
                { header: 'Fee', cell: (f) => humanize(f.feeType) },
                { header: 'Line item', cell: (f) => f.lineItemId ?? '—' },
                { header: 'Amount', align: 'right', cell: (f) => <Money value={f.amountValue} currency={f.amountCurrency} /> },
              ]}
            />
          </Section>
          <Section title="Payout">
            {payout ? (
              <Fields
                items={[
                  [
                    'Payout',
                    <CellLink key="p" to={payoutHref(payout)}>
                      {payout.payoutId}
                    </CellLink>,
                  ],
                  ['Status', <StatusBadge key="s" status={payout.payoutStatus} />],
                  ['Date (UTC)', <DateTime key="d" value={payout.payoutDate} />],
                  ['Amount', <Money key="a" value={payout.amountValue} currency={payout.amountCurrency} />],
                ]}
              />
            ) : (
              <NoneText>Not paid out yet{t.payoutId ? ` (payout ${t.payoutId} not synced)` : ''}.</NoneText>
            )}
          </Section>
          {t.orderId && (
            <Section title="Order">
              {order ? (
                <Fields
                  items={[...linkedOrderFields(order), ['Payment', <StatusBadge key="p" status={order.paymentStatus} />]]}
                />
              ) : (
                <NoneText>Order {t.orderId} is not synced.</NoneText>
              )}
            </Section>
          )}
          <Section title="eBay data">
            <RawJson value={t.raw} />
          </Section>
        </Stack>
      )}
    </DetailPage>
  );
}
