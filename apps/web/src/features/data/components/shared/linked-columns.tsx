import type { ReactNode } from 'react';
import type {
  DisputeListItem,
  MessageListItem,
  OrderListItem,
  PayoutListItem,
  TransactionListItem,
} from '@ebay-connector/contract';
import { humanize } from '../../lib/format';
import { disputeHref, orderHref, payoutHref, threadHref, transactionHref } from '../../lib/links';
import { CellLink } from './cell-link';
import { DateTime } from './date-time';
import type { LinkedColumn } from './linked-table';
import { BookedMoney, Money } from './money';
import { StatusBadge } from './status-badge';

// Columns of linked records that several detail pages show; each page picks the ones it needs. Amount comes right
// after the record's id: on a phone the columns past the first two are off-screen until scrolled to.

export const transactionColumns = {
  transaction: {
    header: 'Transaction',
    cell: (t) => <CellLink to={transactionHref(t)}>{t.transactionId}</CellLink>,
  },
  type: { header: 'Type', cell: (t) => humanize(t.transactionType) },
  date: { header: 'Date (UTC)', cell: (t) => <DateTime value={t.transactionDate} compact /> },
  amount: {
    header: 'Amount',
    align: 'right',
    cell: (t) => <BookedMoney value={t.amountValue} currency={t.amountCurrency} bookingEntry={t.bookingEntry} />,
  },
  fees: { header: 'Fees', align: 'right', cell: (t) => <Money value={t.totalFeeValue} currency={t.amountCurrency} /> },
  payout: {
    header: 'Payout',
    cell: (t) =>
      t.payoutId ? <CellLink to={payoutHref({ payoutId: t.payoutId, accountId: t.accountId })}>{t.payoutId}</CellLink> : '—',
  },
  order: {
    header: 'Order',
    cell: (t) => (t.orderId ? <CellLink to={orderHref({ orderId: t.orderId, accountId: t.accountId })}>{t.orderId}</CellLink> : '—'),
  },
} satisfies Record<string, LinkedColumn<TransactionListItem>>;

export const payoutColumns = {
  payout: { header: 'Payout', cell: (p) => <CellLink to={payoutHref(p)}>{p.payoutId}</CellLink> },
  status: { header: 'Status', cell: (p) => <StatusBadge status={p.payoutStatus} /> },
  date: { header: 'Date (UTC)', cell: (p) => <DateTime value={p.payoutDate} compact /> },
  amount: { header: 'Amount', align: 'right', cell: (p) => <Money value={p.amountValue} currency={p.amountCurrency} /> },
} satisfies Record<string, LinkedColumn<PayoutListItem>>;

export const disputeColumns = {
  dispute: { header: 'Dispute', cell: (d) => <CellLink to={disputeHref(d)}>{d.paymentDisputeId}</CellLink> },
  status: { header: 'Status', cell: (d) => <StatusBadge status={d.status} /> },
  reason: { header: 'Reason', cell: (d) => humanize(d.reason) },
  opened: { header: 'Opened (UTC)', cell: (d) => <DateTime value={d.openDate} compact /> },
  amount: { header: 'Amount', align: 'right', cell: (d) => <Money value={d.amountValue} currency={d.amountCurrency} /> },
} satisfies Record<string, LinkedColumn<DisputeListItem>>;

export const messageColumns = {
  received: { header: 'Received (UTC)', cell: (m) => <DateTime value={m.receivedAt} compact /> },
  from: { header: 'From', cell: (m) => m.sender ?? '—' },
  subject: { header: 'Subject', cell: (m) => <CellLink to={threadHref(m)}>{m.subject ?? humanize(m.messageType)}</CellLink> },
  read: { header: 'Read', cell: (m) => (m.isRead === false ? 'Unread' : m.isRead ? 'Read' : '—') },
} satisfies Record<string, LinkedColumn<MessageListItem>>;

/** The fields of a linked order that the detail pages of its transactions and disputes show. */
export function linkedOrderFields(order: OrderListItem): Array<readonly [string, ReactNode]> {
  return [
    [
      'Order',
      <CellLink key="o" to={orderHref(order)}>
        {order.orderId}
      </CellLink>,
    ],
    ['Created (UTC)', <DateTime key="c" value={order.creationDate} />],
    ['Buyer', order.buyerUsername],
    ['Total', <Money key="t" value={order.totalValue} currency={order.totalCurrency} />],
  ];
}
