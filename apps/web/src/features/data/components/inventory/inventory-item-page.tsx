import { Stack } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { useInventoryItem } from '../../api/get-inventory-item';
import { humanize } from '../../lib/format';
import { DateTime } from '../shared/date-time';
import { DetailPage, Fields, Section } from '../shared/detail-parts';
import { LinkedTable } from '../shared/linked-table';
import { Money } from '../shared/money';
import { RawJson } from '../shared/raw-json';
import { StatusBadge } from '../shared/status-badge';
import { useAccountName } from '../shared/use-account-name';

export function InventoryItemPage() {
  const { sku = '' } = useParams();
  const [params] = useSearchParams();
  const query = useInventoryItem(sku, params.get('accountId') ?? undefined);
  const accountName = useAccountName();
  return (
    <DetailPage back={{ to: '/data/inventory', label: 'Inventory' }} title={`SKU ${sku}`} query={query} loadingLabel="Loading the item">
      {({ item, offers }) => (
        <Stack gap="md" data-testid="inventory-detail">
          <Section title="Item">
            <Fields
              items={[
                ['Title', item.title],
                ['Condition', humanize(item.condition)],
                ['Quantity', item.quantity],
                ['Locale', item.locale],
                ['Last synced (UTC)', <DateTime key="s" value={item.lastSeenAt} />],
                ['Account', accountName(item.accountId)],
              ]}
            />
          </Section>
          <Section title="Offers" padding={0}>
            <LinkedTable
              rows={offers}
              rowKey={(o) => o.offerId}
              empty="No offers for this SKU."
              minWidth={720}
              testId="inventory-offers"
              rowTestId="inventory-offer-row"
              columns={[
                { header: 'Offer', cell: (o) => o.offerId },
                { header: 'Marketplace', cell: (o) => o.marketplaceId ?? '—' },
                { header: 'Status', cell: (o) => <StatusBadge status={o.status} /> },
                { header: 'Price', align: 'right', cell: (o) => <Money value={o.priceValue} currency={o.priceCurrency} /> },
                { header: 'Available', align: 'right', cell: (o) => o.availableQuantity ?? '—' },
                { header: 'Sold', align: 'right', cell: (o) => o.soldQuantity ?? '—' },
                {
                  header: 'Listing',
                  cell: (o) => `${o.listingId ?? '—'}${o.listingStatus ? ` (${humanize(o.listingStatus)})` : ''}`,
                },
              ]}
            />
          </Section>
          <Section title="eBay data">
            <RawJson value={item.raw} />
          </Section>
        </Stack>
      )}
    </DetailPage>
  );
}
