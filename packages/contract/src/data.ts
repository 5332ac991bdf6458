import { z } from 'zod';

// Read APIs over synced data (`apps/server/src/data`). Lists answer camelCase items with an opaque keyset cursor;
// details answer the stored rows as they are (snake_case columns, `raw` = eBay's JSON). Money amounts are decimal
// strings (Postgres numeric), dates ISO 8601 strings.

const money = z.string().nullable();
const text = z.string().nullable();
const date = z.string().nullable();

/** Query parameters every list accepts; each list adds its own filters and sort names. */
export const dataListQuerySchema = z.object({
  accountId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(1000).optional(),
  sort: z.string().optional(),
  order: z.enum(['asc', 'desc']).optional(),
});
export type DataListQuery = z.infer<typeof dataListQuerySchema>;

export const dataListResponseSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export interface DataListResponse<T> {
  items: T[];
  nextCursor: string | null;
}

export const orderListItemSchema = z.object({
  accountId: z.string(),
  orderId: z.string(),
  creationDate: z.string(),
  lastModifiedDate: z.string(),
  fulfillmentStatus: text,
  paymentStatus: text,
  buyerUsername: text,
  totalValue: money,
  totalCurrency: text,
  cancelState: text,
  lineItemCount: z.number().int(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
});
export type OrderListItem = z.infer<typeof orderListItemSchema>;

export const transactionListItemSchema = z.object({
  accountId: z.string(),
  transactionId: z.string(),
  transactionType: z.string(),
  transactionStatus: text,
  transactionDate: z.string(),
  amountValue: money,
  amountCurrency: text,
  bookingEntry: text,
  orderId: text,
  payoutId: text,
  buyerUsername: text,
  totalFeeValue: money,
});
export type TransactionListItem = z.infer<typeof transactionListItemSchema>;

export const payoutListItemSchema = z.object({
  accountId: z.string(),
  payoutId: z.string(),
  payoutStatus: text,
  payoutDate: z.string(),
  amountValue: money,
  amountCurrency: text,
  transactionCount: z.number().int().nullable(),
});
export type PayoutListItem = z.infer<typeof payoutListItemSchema>;

export const disputeListItemSchema = z.object({
  accountId: z.string(),
  paymentDisputeId: z.string(),
  status: text,
  reason: text,
  orderId: text,
  buyerUsername: text,
  amountValue: money,
  amountCurrency: text,
  openDate: z.string(),
  closedDate: date,
  respondByDate: date,
});
export type DisputeListItem = z.infer<typeof disputeListItemSchema>;

export const messageListItemSchema = z.object({
  accountId: z.string(),
  messageId: z.string(),
  threadId: z.string(),
  sender: text,
  recipient: text,
  subject: text,
  isRead: z.boolean().nullable(),
  replied: z.boolean().nullable(),
  flagged: z.boolean().nullable(),
  itemId: text,
  itemTitle: text,
  messageType: text,
  receivedAt: z.string(),
  body: text,
});
export type MessageListItem = z.infer<typeof messageListItemSchema>;

export const messageThreadSchema = z.object({
  accountId: z.string(),
  threadId: z.string(),
  itemTitle: text,
  messageCount: z.number().int(),
  unread: z.number().int(),
  lastMessageAt: z.string(),
});
export type MessageThread = z.infer<typeof messageThreadSchema>;
export const messageThreadsResponseSchema = z.object({ threads: z.array(messageThreadSchema) });
export type MessageThreadsResponse = z.infer<typeof messageThreadsResponseSchema>;

export const inventoryListItemSchema = z.object({
  accountId: z.string(),
  sku: z.string(),
  title: text,
  condition: text,
  quantity: z.number().int().nullable(),
  locale: text,
  lastSeenAt: z.string(),
});
export type InventoryListItem = z.infer<typeof inventoryListItemSchema>;

export const purchaseListItemSchema = z.object({
  accountId: z.string(),
  purchaseId: z.string(),
  itemId: text,
  title: text,
  sellerUsername: text,
  priceValue: money,
  priceCurrency: text,
  quantity: z.number().int().nullable(),
  purchasedAt: date,
});
export type PurchaseListItem = z.infer<typeof purchaseListItemSchema>;

// Details: stored rows.

const rawJson = z.unknown();

export const orderRowSchema = z.object({
  account_id: z.string(),
  order_id: z.string(),
  created_at_ebay: z.string(),
  modified_at_ebay: z.string(),
  fulfillment_status: text,
  payment_status: text,
  buyer_username: text,
  total_value: money,
  total_currency: text,
  cancel_state: text,
  line_item_count: z.number().int(),
  cancel_details: rawJson.nullable(),
  raw: rawJson,
  first_seen_at: z.string(),
  last_seen_at: z.string(),
});
export const orderLineItemRowSchema = z.object({
  line_item_id: z.string(),
  sku: text,
  title: text,
  legacy_item_id: text,
  quantity: z.number().int().nullable(),
  total_value: money,
  total_currency: text,
  fulfillment_status: text,
});
export const linkedTransactionSchema = z.object({
  transaction_id: z.string(),
  transaction_type: z.string(),
  transaction_status: text.optional(),
  transaction_date: z.string(),
  amount_value: money,
  amount_currency: text,
  payout_id: text.optional(),
  total_fee_value: money.optional(),
  order_id: text.optional(),
});
export const payoutRowSchema = z.object({
  account_id: z.string().optional(),
  payout_id: z.string(),
  payout_status: text,
  payout_date: z.string(),
  amount_value: money,
  amount_currency: text,
  transaction_count: z.number().int().nullable().optional(),
  raw: rawJson.optional(),
});
export const linkedDisputeSchema = z.object({
  payment_dispute_id: z.string(),
  dispute_status: text,
  reason: text,
  open_date: z.string(),
  closed_date: date,
  amount_value: money,
  amount_currency: text,
});
export const orderDetailResponseSchema = z.object({
  order: orderRowSchema,
  lineItems: z.array(orderLineItemRowSchema),
  transactions: z.array(linkedTransactionSchema),
  payouts: z.array(payoutRowSchema),
  disputes: z.array(linkedDisputeSchema),
});
export type OrderDetailResponse = z.infer<typeof orderDetailResponseSchema>;

export const transactionRowSchema = z.object({
  account_id: z.string(),
  transaction_id: z.string(),
  transaction_type: z.string(),
  transaction_status: text,
  transaction_date: z.string(),
  amount_value: money,
  amount_currency: text,
  booking_entry: text,
  order_id: text,
  payout_id: text,
  buyer_username: text,
  total_fee_value: money,
  raw: rawJson,
});
export const feeRowSchema = z.object({
  seq: z.number().int(),
  line_item_id: text,
  fee_type: text,
  amount_value: money,
  amount_currency: text,
});
export const transactionDetailResponseSchema = z.object({
  transaction: transactionRowSchema,
  fees: z.array(feeRowSchema),
  payout: payoutRowSchema.nullable(),
  orderId: text,
});
export type TransactionDetailResponse = z.infer<typeof transactionDetailResponseSchema>;

export const payoutDetailResponseSchema = z.object({
  payout: payoutRowSchema,
  transactions: z.array(linkedTransactionSchema),
});
export type PayoutDetailResponse = z.infer<typeof payoutDetailResponseSchema>;

export const disputeDetailResponseSchema = z.object({
  dispute: z.object({
    account_id: z.string(),
    payment_dispute_id: z.string(),
    dispute_status: text,
    reason: text,
    order_id: text,
    buyer_username: text,
    amount_value: money,
    amount_currency: text,
    open_date: z.string(),
    closed_date: date,
    respond_by_date: date,
    raw: rawJson,
    detail: rawJson.nullable(),
  }),
  order: z
    .object({
      order_id: z.string(),
      created_at_ebay: z.string(),
      buyer_username: text,
      total_value: money,
      total_currency: text,
    })
    .nullable(),
});
export type DisputeDetailResponse = z.infer<typeof disputeDetailResponseSchema>;

export const offerRowSchema = z.object({
  offer_id: z.string(),
  sku: z.string(),
  marketplace_id: text,
  format: text,
  offer_status: text,
  available_quantity: z.number().int().nullable(),
  price_value: money,
  price_currency: text,
  listing_id: text,
  listing_status: text,
  sold_quantity: z.number().int().nullable(),
});
export const inventoryDetailResponseSchema = z.object({
  item: z.object({
    account_id: z.string(),
    sku: z.string(),
    title: text,
    condition: text,
    quantity: z.number().int().nullable(),
    locale: text,
    raw: rawJson,
    last_seen_at: z.string(),
  }),
  offers: z.array(offerRowSchema),
});
export type InventoryDetailResponse = z.infer<typeof inventoryDetailResponseSchema>;
