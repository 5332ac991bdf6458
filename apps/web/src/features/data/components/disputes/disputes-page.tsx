import { Text } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import type { DisputeListItem } from '@ebay-connector/contract';
import { disputesPath, useDisputes } from '../../api/get-disputes';
import { humanize } from '../../lib/format';
import { disputeHref, orderHref } from '../../lib/links';
import type { FilterField } from '../../lib/query-string';
import { CellLink } from '../shared/cell-link';
import { DataListPage } from '../shared/data-list-page';
import { DateTime } from '../shared/date-time';
import { Money } from '../shared/money';
import { StatusBadge } from '../shared/status-badge';
import { useAccountName } from '../shared/use-account-name';
import { AccountLabel } from '../../../../components/account-label';

const fields: readonly FilterField[] = [
  { param: 'open', label: 'Open or closed', kind: 'select', options: ['true', 'false'], optionLabels: { true: 'Open', false: 'Closed' } },
  { param: 'status', label: 'Status', kind: 'select', options: ['OPEN', 'ACTION_NEEDED', 'WAITING_FOR_BUYER_RESPONSE', 'CLOSED'] },
  { param: 'orderId', label: 'Order id', kind: 'text' },
  { param: 'buyer', label: 'Buyer', kind: 'text', placeholder: 'Exact eBay username' },
  { param: 'from', label: 'Opened from', kind: 'dateFrom' },
  { param: 'to', label: 'Opened to', kind: 'dateTo' },
];

export function DisputesPage() {
  const accountName = useAccountName();
  const columns: ColumnDef<DisputeListItem, unknown>[] = [
    {
      id: 'id',
      header: 'Dispute',
      cell: ({ row: { original: d } }) => (
        <CellLink to={disputeHref(d)}>{d.paymentDisputeId}</CellLink>
      ),
    },
    { id: 'opened', header: 'Opened (UTC)', meta: { sort: 'openDate' }, cell: ({ row }) => <DateTime value={row.original.openDate} compact /> },
    { id: 'status', header: 'Status', cell: ({ row }) => <StatusBadge status={row.original.status} /> },
    { id: 'reason', header: 'Reason', cell: ({ row }) => <Text size="sm">{humanize(row.original.reason)}</Text> },
    { id: 'amount', header: 'Amount', meta: { align: 'right' }, cell: ({ row }) => <Money value={row.original.amountValue} currency={row.original.amountCurrency} /> },
    { id: 'respondBy', header: 'Respond by (UTC)', cell: ({ row }) => <DateTime value={row.original.respondByDate} compact /> },
    {
      id: 'order',
      header: 'Order',
      cell: ({ row: { original: d } }) =>
        d.orderId ? <CellLink to={orderHref({ orderId: d.orderId, accountId: d.accountId })}>{d.orderId}</CellLink> : '—',
    },
    { id: 'buyer', header: 'Buyer', cell: ({ row }) => <Text size="sm">{row.original.buyerUsername ?? '—'}</Text> },
    { id: 'account', header: 'Account', cell: ({ row }) => <AccountLabel label={accountName(row.original.accountId)} /> },
  ];
  return (
    <DataListPage
      config={{
        title: 'Disputes',
        description: 'Payment disputes opened by buyers, newest first.',
        noun: ['dispute', 'disputes'],
        apiPath: disputesPath,
        fields,
        defaultSort: 'openDate',
        columns,
        rowId: (d) => `${d.accountId}:${d.paymentDisputeId}`,
        minWidth: 1040,
        testId: 'disputes',
        useList: useDisputes,
      }}
    />
  );
}
