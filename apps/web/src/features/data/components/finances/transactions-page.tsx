import { Text } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import type { TransactionListItem } from '@ebay-connector/contract';
import { transactionsPath, useTransactions } from '../../api/get-transactions';
import { humanize } from '../../lib/format';
import { orderHref, payoutHref, transactionHref } from '../../lib/links';
import type { FilterField } from '../../lib/query-string';
import { CellLink } from '../shared/cell-link';
import { DataListPage } from '../shared/data-list-page';
import { DateTime } from '../shared/date-time';
import { BookedMoney, Money } from '../shared/money';
import { StatusBadge } from '../shared/status-badge';
import { useAccountName } from '../shared/use-account-name';
import { AccountLabel } from '../../../../components/account-label';

const fields: readonly FilterField[] = [
  {
    param: 'transactionType',
    label: 'Type',
    kind: 'select',
    options: ['SALE', 'REFUND', 'CREDIT', 'DISPUTE', 'NON_SALE_CHARGE', 'SHIPPING_LABEL', 'TRANSFER', 'ADJUSTMENT', 'WITHDRAWAL'],
  },
  {
    param: 'transactionStatus',
    label: 'Status',
    kind: 'select',
    options: ['FUNDS_PROCESSING', 'FUNDS_ON_HOLD', 'FUNDS_AVAILABLE_FOR_PAYOUT', 'PAYOUT', 'COMPLETED', 'FAILED'],
  },
  { param: 'orderId', label: 'Order id', kind: 'text' },
  { param: 'payoutId', label: 'Payout id', kind: 'text' },
  { param: 'buyer', label: 'Buyer', kind: 'text', placeholder: 'Exact eBay username' },
  { param: 'from', label: 'From', kind: 'dateFrom' },
  { param: 'to', label: 'To', kind: 'dateTo' },
];

export function TransactionsPage() {
  const accountName = useAccountName();
  const columns: ColumnDef<TransactionListItem, unknown>[] = [
    {
      id: 'transactionId',
      header: 'Transaction',
      cell: ({ row: { original: t } }) => (
        <CellLink to={transactionHref(t)}>{t.transactionId}</CellLink>
      ),
    },
    // Amount next to the transaction id: in view on a phone without scrolling sideways.
    {
      id: 'amount',
      header: 'Amount',
      meta: { align: 'right' },
      cell: ({ row: { original: t } }) => (
        <BookedMoney value={t.amountValue} currency={t.amountCurrency} bookingEntry={t.bookingEntry} />
      ),
    },
    { id: 'date', header: 'Date (UTC)', meta: { sort: 'transactionDate' }, cell: ({ row }) => <DateTime value={row.original.transactionDate} compact /> },
    { id: 'type', header: 'Type', cell: ({ row }) => <Text size="sm">{humanize(row.original.transactionType)}</Text> },
    { id: 'status', header: 'Status', cell: ({ row }) => <StatusBadge status={row.original.transactionStatus} /> },
    { id: 'fees', header: 'Fees', meta: { align: 'right' }, cell: ({ row }) => <Money value={row.original.totalFeeValue} currency={row.original.amountCurrency} /> },
    {
      id: 'order',
      header: 'Order',
      cell: ({ row: { original: t } }) =>
        t.orderId ? <CellLink to={orderHref({ orderId: t.orderId, accountId: t.accountId })}>{t.orderId}</CellLink> : '—',
    },
    {
      id: 'payout',
      header: 'Payout',
      cell: ({ row: { original: t } }) =>
        t.payoutId ? <CellLink to={payoutHref({ payoutId: t.payoutId, accountId: t.accountId })}>{t.payoutId}</CellLink> : '—',
    },
    { id: 'account', header: 'Account', cell: ({ row }) => <AccountLabel label={accountName(row.original.accountId)} /> },
  ];
  return (
    <DataListPage
      config={{
        title: 'Finance transactions',
        description: 'Sales, refunds, fees and other money movements from eBay Finances.',
        noun: ['transaction', 'transactions'],
        apiPath: transactionsPath,
        fields,
        defaultSort: 'transactionDate',
        columns,
        rowId: (t) => `${t.accountId}:${t.transactionId}:${t.transactionType}`,
        minWidth: 1100,
        testId: 'transactions',
        useList: useTransactions,
      }}
    />
  );
}
