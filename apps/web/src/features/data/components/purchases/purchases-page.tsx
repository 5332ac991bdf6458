import { Text } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import type { PurchaseListItem } from '@ebay-connector/contract';
import { purchasesPath, usePurchases } from '../../api/get-purchases';
import { purchaseHref } from '../../lib/links';
import type { FilterField } from '../../lib/query-string';
import { CellLink } from '../shared/cell-link';
import { DataListPage } from '../shared/data-list-page';
import { DateTime } from '../shared/date-time';
import { Money } from '../shared/money';
import { useAccountName } from '../shared/use-account-name';
import { AccountLabel } from '../../../../components/account-label';

const fields: readonly FilterField[] = [
  { param: 'q', label: 'Search', kind: 'text', placeholder: 'Item title' },
  { param: 'seller', label: 'Seller', kind: 'text', placeholder: 'Exact eBay username' },
];

export function PurchasesPage() {
  const accountName = useAccountName();
  const columns: ColumnDef<PurchaseListItem, unknown>[] = [
    { id: 'purchasedAt', header: 'Purchased (UTC)', cell: ({ row }) => <DateTime value={row.original.purchasedAt} compact /> },
    {
      id: 'title',
      header: 'Item',
      cell: ({ row: { original: p } }) => <CellLink to={purchaseHref(p)}>{p.title ?? p.purchaseId}</CellLink>,
    },
    { id: 'itemId', header: 'Item id', cell: ({ row }) => <Text size="sm">{row.original.itemId ?? '—'}</Text> },
    { id: 'seller', header: 'Seller', cell: ({ row }) => <Text size="sm">{row.original.sellerUsername ?? '—'}</Text> },
    { id: 'qty', header: 'Qty', meta: { align: 'right' }, cell: ({ row }) => <Text size="sm">{row.original.quantity ?? '—'}</Text> },
    { id: 'price', header: 'Price', meta: { align: 'right' }, cell: ({ row }) => <Money value={row.original.priceValue} currency={row.original.priceCurrency} /> },
    { id: 'account', header: 'Account', cell: ({ row }) => <AccountLabel label={accountName(row.original.accountId)} /> },
  ];
  return (
    <DataListPage
      config={{
        title: 'Purchases',
        description: 'Items the connected accounts bought on eBay, newest bought first; open one for its details.',
        noun: ['purchase', 'purchases'],
        apiPath: purchasesPath,
        fields,
        defaultSort: 'lastSeenAt',
        columns,
        rowId: (p) => `${p.accountId}:${p.purchaseId}`,
        minWidth: 860,
        testId: 'purchases',
        useList: usePurchases,
      }}
    />
  );
}
