import { Text } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import type { OrderListItem } from '@ebay-connector/contract';
import { ordersPath, useOrders } from '../../api/get-orders';
import { orderHref } from '../../lib/links';
import type { FilterField } from '../../lib/query-string';
import { CellLink } from '../shared/cell-link';
import { DataListPage } from '../shared/data-list-page';
import { DateTime } from '../shared/date-time';
import { Money } from '../shared/money';
import { StatusBadge } from '../shared/status-badge';
import { useAccountName } from '../shared/use-account-name';
import { AccountLabel } from '../../../../components/account-label';

export const orderFields: readonly FilterField[] = [
  { param: 'q', label: 'Search', kind: 'text', placeholder: 'Order id or item title' },
  { param: 'fulfillmentStatus', label: 'Fulfillment', kind: 'select', options: ['NOT_STARTED', 'IN_PROGRESS', 'FULFILLED'] },
  {
    param: 'paymentStatus',
    label: 'Payment',
    kind: 'select',
    options: ['PAID', 'PENDING', 'FAILED', 'PARTIALLY_REFUNDED', 'FULLY_REFUNDED'],
  },
  {
    param: 'awaitingShipment',
    label: 'Shipping',
    kind: 'select',
    options: ['true', 'false'],
    optionLabels: { true: 'Awaiting shipment', false: 'Shipped or cancelled' },
  },
  { param: 'buyer', label: 'Buyer', kind: 'text', placeholder: 'Exact eBay username' },
  { param: 'sku', label: 'SKU', kind: 'text', placeholder: 'Exact SKU' },
  { param: 'from', label: 'Created from', kind: 'dateFrom' },
  { param: 'to', label: 'Created to', kind: 'dateTo' },
];

export function OrdersPage() {
  const accountName = useAccountName();
  const columns: ColumnDef<OrderListItem, unknown>[] = [
    { id: 'orderId', header: 'Order', cell: ({ row }) => <CellLink to={orderHref(row.original)}>{row.original.orderId}</CellLink> },
    { id: 'created', header: 'Created (UTC)', meta: { sort: 'creationDate' }, cell: ({ row }) => <DateTime value={row.original.creationDate} compact /> },
    { id: 'modified', header: 'Modified (UTC)', meta: { sort: 'lastModifiedDate' }, cell: ({ row }) => <DateTime value={row.original.lastModifiedDate} compact /> },
    { id: 'buyer', header: 'Buyer', cell: ({ row }) => <Text size="sm">{row.original.buyerUsername ?? '—'}</Text> },
    { id: 'items', header: 'Items', meta: { align: 'right' }, cell: ({ row }) => <Text size="sm">{row.original.lineItemCount}</Text> },
    {
      id: 'total',
      header: 'Total',
      meta: { align: 'right' },
      cell: ({ row }) => <Money value={row.original.totalValue} currency={row.original.totalCurrency} />,
    },
    { id: 'fulfillment', header: 'Fulfillment', cell: ({ row }) => <StatusBadge status={row.original.fulfillmentStatus} /> },
    { id: 'payment', header: 'Payment', cell: ({ row }) => <StatusBadge status={row.original.paymentStatus} /> },
    { id: 'account', header: 'Account', cell: ({ row }) => <AccountLabel label={accountName(row.original.accountId)} /> },
  ];
  return (
    <DataListPage
      config={{
        title: 'Orders',
        description: 'Synced orders of every connected account. Search covers order ids and item titles.',
        noun: ['order', 'orders'],
        apiPath: ordersPath,
        fields: orderFields,
        defaultSort: 'creationDate',
        columns,
        rowId: (o) => `${o.accountId}:${o.orderId}`,
        minWidth: 900,
        testId: 'orders',
        useList: useOrders,
      }}
    />
  );
}
