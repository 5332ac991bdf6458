/**
 * The part of the eBay client the sync engine uses, in the engine's own terms. `ebay-client.adapter.ts` maps the
 * real client onto it; keeping the seam narrow lets syncers be read without knowing the client's internals.
 * Record types list only the fields the engine reads; the full payload is stored as raw jsonb.
 */
export interface Money {
  value?: string;
  currency?: string;
}

export interface EbayOrder {
  orderId: string;
  creationDate: string;
  lastModifiedDate: string;
  orderFulfillmentStatus?: string;
  orderPaymentStatus?: string;
  buyer?: { username?: string };
  pricingSummary?: { total?: Money };
  cancelStatus?: { cancelState?: string; cancelRequests?: unknown[] };
  lineItems?: EbayLineItem[];
}

export interface EbayLineItem {
  lineItemId: string;
  legacyItemId?: string;
  sku?: string;
  title?: string;
  quantity?: number;
  total?: Money;
  lineItemFulfillmentStatus?: string;
}

export interface EbayTransaction {
  transactionId: string;
  transactionType: string;
  transactionStatus?: string;
  transactionDate: string;
  amount?: Money;
  bookingEntry?: string;
  orderId?: string;
  payoutId?: string;
  buyer?: { username?: string };
  totalFeeAmount?: Money;
  orderLineItems?: Array<{
    lineItemId?: string;
    marketplaceFees?: Array<{ feeType?: string; amount?: Money }>;
  }>;
}

export interface EbayPayout {
  payoutId: string;
  payoutStatus?: string;
  payoutDate: string;
  amount?: Money;
  transactionCount?: number;
}

export interface EbayDisputeSummary {
  paymentDisputeId: string;
  paymentDisputeStatus?: string;
  reason?: string;
  orderId?: string;
  buyerUsername?: string;
  amount?: Money;
  openDate: string;
  closedDate?: string;
  respondByDate?: string;
}

export interface EbayInventoryItem {
  sku: string;
  locale?: string;
  condition?: string;
  product?: { title?: string };
  availability?: { shipToLocationAvailability?: { quantity?: number } };
}

export interface EbayOffer {
  offerId: string;
  sku: string;
  marketplaceId?: string;
  format?: string;
  status?: string;
  availableQuantity?: number;
  pricingSummary?: { price?: Money };
  listing?: { listingId?: string; listingStatus?: string; soldQuantity?: number };
}

export interface EbayMessage {
  messageId: string;
  externalMessageId?: string;
  sender?: string;
  recipient?: string;
  subject?: string;
  text?: string;
  read?: boolean;
  replied?: boolean;
  flagged?: boolean;
  receiveDate: string;
  itemId?: string;
  itemTitle?: string;
  messageType?: string;
  folderId?: number;
  /** The REST Message API's conversation id; messages read through Trading have none. */
  conversationId?: string;
  raw: Record<string, unknown>;
}

/** One message of a REST Message API conversation (getConversation). */
export interface EbayConversationMessage {
  messageId: string;
  messageBody?: string;
  subject?: string;
  senderUsername?: string;
  recipientUsername?: string;
  createdDate?: string;
  readStatus?: boolean;
}

/** One conversation of the REST Message API (getConversations), with its latest message. */
export interface EbayConversation {
  conversationId: string;
  conversationStatus?: string;
  conversationTitle?: string;
  conversationType?: string;
  createdDate?: string;
  referenceId?: string;
  referenceType?: string;
  unreadCount?: number;
  latestMessage?: EbayConversationMessage;
}

export interface EbayPurchase {
  purchaseId: string;
  itemId?: string;
  title?: string;
  sellerUsername?: string;
  price?: Money;
  quantity?: number;
  purchasedAt?: string;
  raw: Record<string, unknown>;
}

/** One page of an offset-paginated list; `total` as eBay reports it. */
export interface OffsetPage<T> {
  total: number;
  items: T[];
  /**
   * Each item's JSON text as eBay sent it (UTF-8 bytes), where the client kept it: stored as is instead of
   * serialized again.
   */
  sourceBytes?: ReadonlyArray<Uint8Array | undefined>;
}

/** A date window with inclusive bounds as eBay takes them (`to` null: open-ended), and offset paging. */
export interface DateQuery {
  from: string;
  to: string | null;
  limit: number;
  offset: number;
}

export interface CallOptions {
  signal: AbortSignal;
}

export interface SyncEbayApi {
  getOrders(
    q: DateQuery & { field: 'creationdate' | 'lastmodifieddate' },
    o: CallOptions,
  ): Promise<OffsetPage<EbayOrder>>;
  getOrder(orderId: string, o: CallOptions): Promise<EbayOrder>;
  /** 204 (no match) comes back as an empty page. */
  getTransactions(q: DateQuery, o: CallOptions): Promise<OffsetPage<EbayTransaction>>;
  getPayouts(q: DateQuery, o: CallOptions): Promise<OffsetPage<EbayPayout>>;
  getDisputeSummaries(
    q: { openDateFrom: string; openDateTo: string; limit: number; offset: number },
    o: CallOptions,
  ): Promise<OffsetPage<EbayDisputeSummary>>;
  getDispute(paymentDisputeId: string, o: CallOptions): Promise<Record<string, unknown>>;
  /** Pages of inventory items, following eBay's `next` links. */
  inventoryPages(q: { limit: number }, o: CallOptions): AsyncIterable<OffsetPage<EbayInventoryItem>>;
  getOffers(sku: string, o: CallOptions): Promise<EbayOffer[]>;
  /** GetMyMessages with ReturnHeaders. */
  getMessageHeaders(
    q: { startTime: string; endTime: string; page: number; entriesPerPage: number },
    o: CallOptions,
  ): Promise<{ totalPages: number; totalEntries: number; items: EbayMessage[] }>;
  /** GetMyMessages with ReturnMessages, at most 10 ids. */
  getMessageBodies(messageIds: string[], o: CallOptions): Promise<EbayMessage[]>;
  /** REST Message API getConversations (FROM_MEMBERS); `startTime`/`endTime` filter when given. */
  getConversations(
    q: { startTime?: string; endTime?: string; limit: number; offset: number },
    o: CallOptions,
  ): Promise<OffsetPage<EbayConversation>>;
  /** REST Message API getConversation (FROM_MEMBERS): one page of a conversation's messages. */
  getConversationMessages(
    conversationId: string,
    q: { limit: number; offset: number },
    o: CallOptions,
  ): Promise<OffsetPage<EbayConversationMessage>>;
  /** GetMyeBayBuying WonList. */
  getPurchases(
    q: { page: number; entriesPerPage: number; durationInDays: number },
    o: CallOptions,
  ): Promise<{ totalPages: number; totalEntries: number; items: EbayPurchase[] }>;
}

/** Builds the API for one account and run; every call it makes is recorded in the ledger with the run id. */
export type SyncApiFactory = (
  accountId: string,
  context: { runId: string | null; correlationId: string | null },
) => Promise<SyncEbayApi>;
