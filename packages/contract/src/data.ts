import { z } from 'zod';

// Read APIs over synced data (`apps/server/src/data`). Lists answer camelCase items with an opaque keyset cursor;
// a detail's record has its list item's fields plus eBay's JSON (`raw`), and the records linked to it are items of
// their own lists. Money amounts are decimal strings (Postgres numeric), dates ISO 8601 strings.

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
  /** `true`: the answer has `total`. */
  withTotal: z.enum(['true', 'false']).optional(),
});
export type DataListQuery = z.infer<typeof dataListQuerySchema>;

/**
 * How many rows match the filters (`withTotal=true`): counted up to 10,000 (`capped`: at least that many); null when
 * counting took too long (over half a second).
 */
export const listTotalSchema = z.object({ count: z.number().int(), capped: z.boolean() }).nullable();
export type ListTotal = z.infer<typeof listTotalSchema>;

export const dataListResponseSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: listTotalSchema.optional() });
export interface DataListResponse<T> {
  items: T[];
  nextCursor: string | null;
  /** Only with `withTotal=true`. */
  total?: ListTotal;
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
  itemId: text,
  itemTitle: text,
  /** The first message's subject. */
  subject: text,
  /** The member the seller talks with. */
  counterpart: text,
  messageCount: z.number().int(),
  unread: z.number().int(),
  lastMessageAt: z.string(),
});
export type MessageThread = z.infer<typeof messageThreadSchema>;
export const messageThreadsResponseSchema = z.object({
  threads: z.array(messageThreadSchema),
  nextCursor: z.string().nullable(),
  total: listTotalSchema.optional(),
});
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

export const offerListItemSchema = z.object({
  accountId: z.string(),
  offerId: z.string(),
  sku: z.string(),
  marketplaceId: text,
  format: text,
  status: text,
  availableQuantity: z.number().int().nullable(),
  priceValue: money,
  priceCurrency: text,
  listingId: text,
  listingStatus: text,
  soldQuantity: z.number().int().nullable(),
});
export type OfferListItem = z.infer<typeof offerListItemSchema>;

// Details: the record as its list item plus eBay's JSON, linked records as list items.

const rawJson = z.unknown();

export const orderLineItemSchema = z.object({
  lineItemId: z.string(),
  sku: text,
  title: text,
  legacyItemId: text,
  quantity: z.number().int().nullable(),
  totalValue: money,
  totalCurrency: text,
  fulfillmentStatus: text,
});
export type OrderLineItem = z.infer<typeof orderLineItemSchema>;
export const orderDetailResponseSchema = z.object({
  order: orderListItemSchema.extend({ cancelDetails: rawJson.nullable(), raw: rawJson }),
  lineItems: z.array(orderLineItemSchema),
  transactions: z.array(transactionListItemSchema),
  payouts: z.array(payoutListItemSchema),
  disputes: z.array(disputeListItemSchema),
});
export type OrderDetailResponse = z.infer<typeof orderDetailResponseSchema>;

export const feeLineSchema = z.object({
  seq: z.number().int(),
  lineItemId: text,
  feeType: text,
  amountValue: money,
  amountCurrency: text,
});
export type FeeLine = z.infer<typeof feeLineSchema>;
export const transactionDetailResponseSchema = z.object({
  transaction: transactionListItemSchema.extend({ raw: rawJson }),
  fees: z.array(feeLineSchema),
  payout: payoutListItemSchema.nullable(),
  order: orderListItemSchema.nullable(),
});
export type TransactionDetailResponse = z.infer<typeof transactionDetailResponseSchema>;

export const payoutDetailResponseSchema = z.object({
  payout: payoutListItemSchema.extend({ raw: rawJson }),
  transactions: z.array(transactionListItemSchema),
});
export type PayoutDetailResponse = z.infer<typeof payoutDetailResponseSchema>;

export const disputeDetailResponseSchema = z.object({
  dispute: disputeListItemSchema.extend({ raw: rawJson, detail: rawJson.nullable() }),
  order: orderListItemSchema.nullable(),
});
export type DisputeDetailResponse = z.infer<typeof disputeDetailResponseSchema>;

export const inventoryDetailResponseSchema = z.object({
  item: inventoryListItemSchema.extend({ raw: rawJson }),
  offers: z.array(offerListItemSchema),
});
export type InventoryDetailResponse = z.infer<typeof inventoryDetailResponseSchema>;

export const purchaseDetailResponseSchema = z.object({
  purchase: purchaseListItemSchema.extend({ raw: rawJson }),
  messages: z.array(messageListItemSchema),
});
export type PurchaseDetailResponse = z.infer<typeof purchaseDetailResponseSchema>;

export const messageThreadDetailResponseSchema = z.object({
  thread: messageThreadSchema,
  messages: z.array(messageListItemSchema.extend({ raw: rawJson })),
});
export type MessageThreadDetailResponse = z.infer<typeof messageThreadDetailResponseSchema>;
