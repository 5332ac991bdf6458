import { Text } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import type { PayoutListItem } from '@ebay-connector/contract';
import { payoutsPath, usePayouts } from '../../api/get-payouts';
import { payoutHref } from '../../lib/links';
import type { FilterField } from '../../lib/query-string';
import { CellLink } from '../shared/cell-link';
import { DataListPage } from '../shared/data-list-page';
import { DateTime } from '../shared/date-time';
import { Money } from '../shared/money';
import { StatusBadge } from '../shared/status-badge';
import { useAccountName } from '../shared/use-account-name';
import { AccountLabel } from '../../../../components/account-label';

const fields: readonly FilterField[] = [
  { param: 'payoutStatus', label: 'Status', kind: 'select', options: ['INITIATED', 'SUCCEEDED', 'RETRYABLE_FAILED', 'TERMINAL_FAILED', 'REVERSED'] },
  { param: 'from', label: 'From', kind: 'dateFrom' },
  { param: 'to', label: 'To', kind: 'dateTo' },
];

export function PayoutsPage() {
  const accountName = useAccountName();
  const columns: ColumnDef<PayoutListItem, unknown>[] = [
    {
      id: 'payoutId',
      header: 'Payout',
      cell: ({ row: { original: p } }) => (
        <CellLink to={payoutHref(p)}>{p.payoutId}</CellLink>
      ),
    },
    // Amount next to the payout id: in view on a phone without scrolling sideways.
    { id: 'amount', header: 'Amount', meta: { align: 'right' }, cell: ({ row }) => <Money value={row.original.amountValue} currency={row.original.amountCurrency} /> },
    { id: 'date', header: 'Date (UTC)', meta: { sort: 'payoutDate' }, cell: ({ row }) => <DateTime value={row.original.payoutDate} compact /> },
    { id: 'status', header: 'Status', cell: ({ row }) => <StatusBadge status={row.original.payoutStatus} /> },
    { id: 'count', header: 'Transactions', meta: { align: 'right' }, cell: ({ row }) => <Text size="sm">{row.original.transactionCount ?? '—'}</Text> },
    { id: 'account', header: 'Account', cell: ({ row }) => <AccountLabel label={accountName(row.original.accountId)} /> },
  ];
  return (
    <DataListPage
      config={{
        title: 'Payouts',
        description: 'Money eBay paid out to the seller, with the transactions each payout contains.',
        noun: ['payout', 'payouts'],
        apiPath: payoutsPath,
        fields,
        defaultSort: 'payoutDate',
        columns,
        rowId: (p) => `${p.accountId}:${p.payoutId}`,
        minWidth: 760,
        testId: 'payouts',
        useList: usePayouts,
      }}
    />
  );
}
