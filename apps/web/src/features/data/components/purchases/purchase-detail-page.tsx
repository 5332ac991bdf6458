import { Stack } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { usePurchase } from '../../api/get-purchase';
import { DateTime } from '../shared/date-time';
import { DetailPage, Fields, Section } from '../shared/detail-parts';
import { messageColumns as m } from '../shared/linked-columns';
import { LinkedTable } from '../shared/linked-table';
import { Money } from '../shared/money';
import { RawJson } from '../shared/raw-json';
import { useAccountName } from '../shared/use-account-name';

export function PurchaseDetailPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const query = usePurchase(id, params.get('accountId') ?? undefined);
  const accountName = useAccountName();
  return (
    <DetailPage back={{ to: '/data/purchases', label: 'Purchases' }} title={`Purchase ${id}`} query={query} loadingLabel="Loading the purchase">
      {({ purchase: p, messages }) => (
        <Stack gap="md" data-testid="purchase-detail">
          <Section title="Summary">
            <Fields
              items={[
                ['Item', p.title],
                ['Item id', p.itemId],
                ['Seller', p.sellerUsername],
                ['Price', <Money key="p" value={p.priceValue} currency={p.priceCurrency} fw={600} />],
                ['Quantity', p.quantity],
                ['Purchased (UTC)', <DateTime key="d" value={p.purchasedAt} />],
                ['Account', accountName(p.accountId)],
              ]}
            />
          </Section>
          <Section title="Messages about this item" padding={0}>
            <LinkedTable
              rows={messages}
              rowKey={(x) => x.messageId}
              empty="No synced messages about this item."
              minWidth={560}
              testId="purchase-messages"
              columns={[m.received, m.from, m.subject, m.read]}
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
