import { Text } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import type { InventoryListItem } from '@ebay-connector/contract';
import { inventoryPath, useInventory } from '../../api/get-inventory';
import { humanize } from '../../lib/format';
import { inventoryItemHref } from '../../lib/links';
import type { FilterField } from '../../lib/query-string';
import { CellLink } from '../shared/cell-link';
import { DataListPage } from '../shared/data-list-page';
import { DateTime } from '../shared/date-time';
import { useAccountName } from '../shared/use-account-name';
import { AccountLabel } from '../../../../components/account-label';

const fields: readonly FilterField[] = [
  { param: 'q', label: 'Search', kind: 'text', placeholder: 'SKU or title' },
  { param: 'inStock', label: 'Stock', kind: 'select', options: ['true', 'false'], optionLabels: { true: 'In stock', false: 'Out of stock' } },
  // eBay's common conditions; any other value still filters from the URL.
  {
    param: 'condition',
    label: 'Condition',
    kind: 'select',
    options: ['NEW', 'NEW_OTHER', 'NEW_WITH_DEFECTS', 'LIKE_NEW', 'USED_EXCELLENT', 'USED_VERY_GOOD', 'USED_GOOD', 'USED_ACCEPTABLE', 'FOR_PARTS_OR_NOT_WORKING'],
  },
];

export function InventoryPage() {
  const accountName = useAccountName();
  const columns: ColumnDef<InventoryListItem, unknown>[] = [
    {
      id: 'sku',
      header: 'SKU',
      meta: { sort: 'sku' },
      cell: ({ row: { original: i } }) => (
        <CellLink to={inventoryItemHref(i)} label={`Offers of ${i.sku}`}>
          {i.sku}
        </CellLink>
      ),
    },
    { id: 'title', header: 'Title', cell: ({ row }) => <Text size="sm">{row.original.title ?? '—'}</Text> },
    { id: 'condition', header: 'Condition', cell: ({ row }) => <Text size="sm">{humanize(row.original.condition)}</Text> },
    { id: 'qty', header: 'Quantity', meta: { align: 'right' }, cell: ({ row }) => <Text size="sm">{row.original.quantity ?? '—'}</Text> },
    { id: 'seen', header: 'Last synced (UTC)', meta: { sort: 'lastSeenAt' }, cell: ({ row }) => <DateTime value={row.original.lastSeenAt} compact /> },
    { id: 'account', header: 'Account', cell: ({ row }) => <AccountLabel label={accountName(row.original.accountId)} /> },
  ];
  return (
    <DataListPage
      config={{
        title: 'Inventory',
        description: 'Inventory items; open a SKU for its offers (price, status, listing, available quantity).',
        noun: ['item', 'items'],
        apiPath: inventoryPath,
        fields,
        defaultSort: 'lastSeenAt',
        columns,
        rowId: (i) => `${i.accountId}:${i.sku}`,
        minWidth: 820,
        testId: 'inventory',
        useList: useInventory,
      }}
    />
  );
}
