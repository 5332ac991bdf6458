import type { DetailSpec, LinkSpec } from './detail-engine';
import { decimal } from './list-engine';
import {
  disputesList,
  inventoryList,
  messagesList,
  offersList,
  ordersList,
  payoutsList,
  purchasesList,
  transactionsList,
} from './list-specs';
import { threadColumns } from './message-threads.repository';

// A detail's record has the fields of its list's items plus the stored eBay payload (`raw`); linked records have
// the fields of their own list's items, so a field has one name and one format everywhere in the data API.

const raw = ['raw', 't.raw'] as const;
const sameAccount = 't.account_id = k.account_id';

/** The order a record names in its `order_id` (`null` when it names none or the order is not synced). */
const orderOfRecord: LinkSpec = {
  field: 'order',
  table: 'ebay_orders',
  columns: ordersList.columns,
  where: `${sameAccount} and t.order_id = k.order_id`,
  orderBy: 't.order_id',
  single: true,
};

export const orderDetail: DetailSpec = {
  field: 'order',
  table: 'ebay_orders',
  idColumn: 'order_id',
  columns: [...ordersList.columns, ['cancelDetails', 't.cancel_details'], raw],
  links: [
    {
      field: 'lineItems',
      table: 'ebay_order_line_items',
      columns: [
        ['lineItemId', 't.line_item_id'],
        ['sku', 't.sku'],
        ['title', 't.title'],
        ['legacyItemId', 't.legacy_item_id'],
        ['quantity', 't.quantity'],
        ['totalValue', decimal('t.total_value')],
        ['totalCurrency', 't.total_currency'],
        ['fulfillmentStatus', 't.fulfillment_status'],
      ],
      where: `${sameAccount} and t.order_id = k.order_id`,
      orderBy: 't.line_item_id',
    },
    {
      field: 'transactions',
      table: 'ebay_finance_transactions',
      columns: transactionsList.columns,
      where: `${sameAccount} and t.order_id = k.order_id`,
      orderBy: 't.transaction_date, t.transaction_id, t.transaction_type',
    },
    {
      field: 'payouts',
      table: 'ebay_payouts',
      columns: payoutsList.columns,
      where: `${sameAccount} and t.payout_id in (select x.payout_id from ebay_finance_transactions x where x.account_id = k.account_id and x.order_id = k.order_id)`,
      orderBy: 't.payout_date, t.payout_id',
    },
    {
      field: 'disputes',
      table: 'ebay_disputes',
      columns: disputesList.columns,
      where: `${sameAccount} and t.order_id = k.order_id`,
      orderBy: 't.open_date, t.payment_dispute_id',
    },
  ],
};

export const transactionDetail: DetailSpec = {
  field: 'transaction',
  table: 'ebay_finance_transactions',
  idColumn: 'transaction_id',
  // eBay's transaction ids are unique together with the transaction type.
  narrow: { type: 'transaction_type' },
  columns: [...transactionsList.columns, raw],
  links: [
    {
      field: 'fees',
      table: 'ebay_finance_fees',
      columns: [
        ['seq', 't.seq'],
        ['lineItemId', 't.line_item_id'],
        ['feeType', 't.fee_type'],
        ['amountValue', decimal('t.amount_value')],
        ['amountCurrency', 't.amount_currency'],
      ],
      where: `${sameAccount} and t.transaction_id = k.transaction_id and t.transaction_type = k.transaction_type`,
      orderBy: 't.seq',
    },
    {
      field: 'payout',
      table: 'ebay_payouts',
      columns: payoutsList.columns,
      where: `${sameAccount} and t.payout_id = k.payout_id`,
      orderBy: 't.payout_id',
      single: true,
    },
    orderOfRecord,
  ],
};

export const payoutDetail: DetailSpec = {
  field: 'payout',
  table: 'ebay_payouts',
  idColumn: 'payout_id',
  columns: [...payoutsList.columns, raw],
  links: [
    {
      field: 'transactions',
      table: 'ebay_finance_transactions',
      columns: transactionsList.columns,
      where: `${sameAccount} and t.payout_id = k.payout_id`,
      orderBy: 't.transaction_date, t.transaction_id, t.transaction_type',
    },
  ],
};

export const disputeDetail: DetailSpec = {
  field: 'dispute',
  table: 'ebay_disputes',
  idColumn: 'payment_dispute_id',
  columns: [...disputesList.columns, raw, ['detail', 't.detail']],
  links: [
    orderOfRecord,
  ],
};

export const inventoryItemDetail: DetailSpec = {
  field: 'item',
  table: 'ebay_inventory_items',
  idColumn: 'sku',
  columns: [...inventoryList.columns, raw],
  links: [
    {
      field: 'offers',
      table: 'ebay_offers',
      columns: offersList.columns,
      where: `${sameAccount} and t.sku = k.sku`,
      orderBy: 't.offer_id',
    },
  ],
};

export const purchaseDetail: DetailSpec = {
  field: 'purchase',
  table: 'ebay_purchases',
  idColumn: 'purchase_id',
  columns: [...purchasesList.columns, raw],
  links: [
    {
      // What the account wrote or received about the item it bought (for example with its seller).
      field: 'messages',
      table: 'ebay_messages',
      columns: messagesList.columns,
      where: `${sameAccount} and t.item_id = k.item_id`,
      orderBy: 't.received_at, t.message_id',
    },
  ],
};

export const threadDetail: DetailSpec = {
  field: 'thread',
  table: 'ebay_message_threads',
  idColumn: 'thread_id',
  columns: threadColumns,
  links: [
    {
      field: 'messages',
      table: 'ebay_messages',
      columns: [...messagesList.columns, raw],
      where: `${sameAccount} and t.thread_id = k.thread_id`,
      orderBy: 't.received_at, t.message_id',
    },
  ],
};
