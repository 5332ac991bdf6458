import { Stack, Table } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { useInventoryItem } from '../../api/get-inventory-item';
import { humanize } from '../../lib/format';
import { DateTime } from '../shared/date-time';
import { DetailPage, Fields, NoneText, Section } from '../shared/detail-parts';
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
                ['Last synced', <DateTime key="s" value={item.last_seen_at} />],
                ['Account', accountName(item.account_id)],
              ]}
            />
          </Section>
          <Section title="Offers" padding={0}>
            {offers.length === 0 ? (
              <NoneText>No offers for this SKU.</NoneText>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table striped verticalSpacing="xs" data-testid="inventory-offers">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Offer</Table.Th>
                      <Table.Th>Marketplace</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th ta="right">Price</Table.Th>
                      <Table.Th ta="right">Available</Table.Th>
                      <Table.Th ta="right">Sold</Table.Th>
                      <Table.Th>Listing</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {offers.map((o) => (
                      <Table.Tr key={o.offer_id} data-testid="inventory-offer-row">
                        <Table.Td>{o.offer_id}</Table.Td>
                        <Table.Td>{o.marketplace_id ?? '—'}</Table.Td>
                        <Table.Td>
                          <StatusBadge status={o.offer_status} />
                        </Table.Td>
                        <Table.Td ta="right">
                          <Money value={o.price_value} currency={o.price_currency} />
                        </Table.Td>
                        <Table.Td ta="right">{o.available_quantity ?? '—'}</Table.Td>
                        <Table.Td ta="right">{o.sold_quantity ?? '—'}</Table.Td>
                        <Table.Td>
                          {o.listing_id ? (
                            <span>{o.listing_id}</span>
                          ) : (
                            '—'
                          )}
                          {o.listing_status ? ` (${humanize(o.listing_status)})` : ''}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Section>
          <Section title="eBay data">
            <RawJson value={item.raw} />
          </Section>
        </Stack>
      )}
    </DetailPage>
  );
}
