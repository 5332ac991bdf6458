import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { decimal, isoTimestamp as iso, opaque, type FilterSpec, type ListSpec } from './list-engine';
import { awaitingShipment, inStock, openDispute, unreadMessage } from './record-states';

// An instant with its offset, or a day (`2026-11-20`: that day's start in UTC, the days the UI filters by).
const isoDate = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((v) => (v.length === 10 ? `${v}T00:00:00Z` : v));
const text = z.string().min(1).max(200);
const like = (v: string) => `%${v.replace(/[\\%_]/g, (c) => `\\${c}`).toLowerCase()}%`;

const dateRange = (column: string) => [
  { param: 'from', schema: isoDate, where: (v: string) => sql`t.${sql.raw(column)} >= ${v}::timestamptz` },
  { param: 'to', schema: isoDate, where: (v: string) => sql`t.${sql.raw(column)} < ${v}::timestamptz` },
];
/** `param=true` keeps the rows in a state, `param=false` the others. */
// The states the dashboard counts come from ./record-states, so a list filtered by one shows what was counted.
const flag = (param: string, state: RawBuilder<boolean>): FilterSpec => ({
  param,
  schema: z.enum(['true', 'false']),
  // `is not true`: a row whose state is null (a column not reported) is among the others.
  where: (v: 'true' | 'false') => (v === 'true' ? state : sql`(${state}) is not true`),
});
const eq = (param: string, column: string) => ({
  param,
  schema: text,
  where: (v: string) => sql`t.${sql.raw(column)} = ${opaque(v, 'text')}`,
});

export const ordersList: ListSpec = {
  name: 'orders',
  table: 'ebay_orders',
  idColumn: 'order_id',
  sorts: { creationDate: 'created_at_ebay', lastModifiedDate: 'modified_at_ebay' },
  columns: [
    ['accountId', 't.account_id'],
    ['orderId', 't.order_id'],
    ['creationDate', iso('t.created_at_ebay')],
    ['lastModifiedDate', iso('t.modified_at_ebay')],
    ['fulfillmentStatus', 't.fulfillment_status'],
    ['paymentStatus', 't.payment_status'],
    ['buyerUsername', 't.buyer_username'],
    ['totalValue', decimal('t.total_value')],
    ['totalCurrency', 't.total_currency'],
    ['cancelState', 't.cancel_state'],
    ['lineItemCount', 't.line_item_count'],
    ['firstSeenAt', iso('t.first_seen_at')],
    ['lastSeenAt', iso('t.last_seen_at')],
  ],
  filters: [
    eq('fulfillmentStatus', 'fulfillment_status'),
    eq('paymentStatus', 'payment_status'),
    eq('buyer', 'buyer_username'),
    ...dateRange('created_at_ebay'),
    {
      param: 'sku',
      schema: text,
      where: (v: string) =>
        sql`exists (select 1 from ebay_order_line_items li where li.account_id = t.account_id and li.order_id = t.order_id and li.sku = ${v})`,
    },
    { param: 'q', schema: text, where: (v: string) => sql`t.search_text like ${like(v)}` },
    flag('awaitingShipment', awaitingShipment('t')),
  ],
};

export const transactionsList: ListSpec = {
  name: 'transactions',
  table: 'ebay_finance_transactions',
  idColumn: 'transaction_id',
  sorts: { transactionDate: 'transaction_date' },
  columns: [
    ['accountId', 't.account_id'],
    ['transactionId', 't.transaction_id'],
    ['transactionType', 't.transaction_type'],
    ['transactionStatus', 't.transaction_status'],
    ['transactionDate', iso('t.transaction_date')],
    ['amountValue', decimal('t.amount_value')],
    ['amountCurrency', 't.amount_currency'],
    ['bookingEntry', 't.booking_entry'],
    ['orderId', 't.order_id'],
    ['payoutId', 't.payout_id'],
    ['buyerUsername', 't.buyer_username'],
    ['totalFeeValue', decimal('t.total_fee_value')],
  ],
  filters: [
    eq('transactionType', 'transaction_type'),
    eq('transactionStatus', 'transaction_status'),
    eq('orderId', 'order_id'),
    eq('payoutId', 'payout_id'),
    eq('buyer', 'buyer_username'),
    ...dateRange('transaction_date'),
  ],
};

export const payoutsList: ListSpec = {
  name: 'payouts',
  table: 'ebay_payouts',
  idColumn: 'payout_id',
  sorts: { payoutDate: 'payout_date' },
  columns: [
    ['accountId', 't.account_id'],
    ['payoutId', 't.payout_id'],
    ['payoutStatus', 't.payout_status'],
    ['payoutDate', iso('t.payout_date')],
    ['amountValue', decimal('t.amount_value')],
    ['amountCurrency', 't.amount_currency'],
    ['transactionCount', 't.transaction_count'],
  ],
  filters: [eq('payoutStatus', 'payout_status'), ...dateRange('payout_date')],
};

export const disputesList: ListSpec = {
  name: 'disputes',
  table: 'ebay_disputes',
  idColumn: 'payment_dispute_id',
  sorts: { openDate: 'open_date' },
  columns: [
    ['accountId', 't.account_id'],
    ['paymentDisputeId', 't.payment_dispute_id'],
    ['status', 't.dispute_status'],
    ['reason', 't.reason'],
    ['orderId', 't.order_id'],
    ['buyerUsername', 't.buyer_username'],
    ['amountValue', decimal('t.amount_value')],
    ['amountCurrency', 't.amount_currency'],
    ['openDate', iso('t.open_date')],
    ['closedDate', iso('t.closed_date')],
    ['respondByDate', iso('t.respond_by_date')],
  ],
  filters: [
    eq('status', 'dispute_status'),
    eq('orderId', 'order_id'),
    eq('buyer', 'buyer_username'),
    ...dateRange('open_date'),
    flag('open', openDispute('t')),
  ],
};

export const messagesList: ListSpec = {
  name: 'messages',
  table: 'ebay_messages',
  idColumn: 'message_id',
  sorts: { receivedAt: 'received_at' },
  columns: [
    ['accountId', 't.account_id'],
    ['messageId', 't.message_id'],
    ['threadId', 't.thread_id'],
    ['sender', 't.sender'],
    ['recipient', 't.recipient'],
    ['subject', 't.subject'],
    ['isRead', 't.is_read'],
    ['replied', 't.replied'],
    ['flagged', 't.flagged'],
    ['itemId', 't.item_id'],
    ['itemTitle', 't.item_title'],
    ['messageType', 't.message_type'],
    ['receivedAt', iso('t.received_at')],
    ['body', 't.body'],
  ],
  filters: [
    eq('threadId', 'thread_id'),
    eq('sender', 'sender'),
    eq('itemId', 'item_id'),
    ...dateRange('received_at'),
    {
      param: 'q',
      schema: text,
      where: (v: string) => sql`(lower(t.subject) like ${like(v)} or lower(t.body) like ${like(v)})`,
    },
    flag('unread', unreadMessage('t')),
  ],
};

export const inventoryList: ListSpec = {
  name: 'inventory',
  table: 'ebay_inventory_items',
  idColumn: 'sku',
  sorts: { lastSeenAt: 'last_seen_at', sku: 'sku' },
  columns: [
    ['accountId', 't.account_id'],
    ['sku', 't.sku'],
    ['title', 't.title'],
    ['condition', 't.condition'],
    ['quantity', 't.quantity'],
    ['locale', 't.locale'],
    ['lastSeenAt', iso('t.last_seen_at')],
  ],
  filters: [
    {
      param: 'q',
      schema: text,
      where: (v: string) => sql`(lower(t.sku) like ${like(v)} or lower(t.title) like ${like(v)})`,
    },
    eq('condition', 'condition'),
    flag('inStock', inStock('t')),
  ],
};

export const offersList: ListSpec = {
  name: 'offers',
  table: 'ebay_offers',
  idColumn: 'offer_id',
  sorts: { lastSeenAt: 'last_seen_at' },
  columns: [
    ['accountId', 't.account_id'],
    ['offerId', 't.offer_id'],
    ['sku', 't.sku'],
    ['marketplaceId', 't.marketplace_id'],
    ['format', 't.format'],
    ['status', 't.offer_status'],
    ['availableQuantity', 't.available_quantity'],
    ['priceValue', decimal('t.price_value')],
    ['priceCurrency', 't.price_currency'],
    ['listingId', 't.listing_id'],
    ['listingStatus', 't.listing_status'],
    ['soldQuantity', 't.sold_quantity'],
  ],
  filters: [eq('sku', 'sku'), eq('status', 'offer_status')],
};

export const purchasesList: ListSpec = {
  name: 'purchases',
  table: 'ebay_purchases',
  idColumn: 'purchase_id',
  // Newest bought first; a purchase eBay sent without its date counts from when the sync first saw it.
  sorts: { purchasedAt: 'listed_at', lastSeenAt: 'last_seen_at' },
  columns: [
    ['accountId', 't.account_id'],
    ['purchaseId', 't.purchase_id'],
    ['itemId', 't.item_id'],
    ['title', 't.title'],
    ['sellerUsername', 't.seller_username'],
    ['priceValue', decimal('t.price_value')],
    ['priceCurrency', 't.price_currency'],
    ['quantity', 't.quantity'],
    ['purchasedAt', iso('t.purchased_at')],
  ],
  filters: [
    eq('seller', 'seller_username'),
    { param: 'q', schema: text, where: (v: string) => sql`lower(t.title) like ${like(v)}` },
  ],
};

/** URL path -> list. */
export const lists: ReadonlyArray<readonly [string, ListSpec]> = [
  ['/api/orders', ordersList],
  ['/api/finances/transactions', transactionsList],
  ['/api/finances/payouts', payoutsList],
  ['/api/disputes', disputesList],
  ['/api/messages', messagesList],
  ['/api/inventory', inventoryList],
  ['/api/offers', offersList],
  ['/api/purchases', purchasesList],
];
