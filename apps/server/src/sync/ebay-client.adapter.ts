import { sourceBytesOf, type EbayClient } from '@ebay-connector/ebay-client';
import type { EbayMessage, EbayPurchase, SyncEbayApi } from './ebay-port';

type TradingMessage = Awaited<ReturnType<EbayClient['trading']['getMyMessagesHeaders']>>['messages'][number];
type WonEntry = Awaited<ReturnType<EbayClient['trading']['getWonList']>>['orderTransactions'][number];

const bool = (v: string | undefined) => (v === undefined ? undefined : v === 'true');

function toMessage(m: TradingMessage): EbayMessage {
  const folder = m.Folder?.FolderID;
  return {
    messageId: m.MessageID,
    ...(m.ExternalMessageID !== undefined ? { externalMessageId: m.ExternalMessageID } : {}),
    ...(m.Sender !== undefined ? { sender: m.Sender } : {}),
    ...(m.RecipientUserID !== undefined ? { recipient: m.RecipientUserID } : {}),
    ...(m.Subject !== undefined ? { subject: m.Subject } : {}),
    ...(m.Text !== undefined ? { text: m.Text } : {}),
    ...(bool(m.Read) !== undefined ? { read: bool(m.Read) as boolean } : {}),
    ...(bool(m.Replied) !== undefined ? { replied: bool(m.Replied) as boolean } : {}),
    ...(bool(m.Flagged) !== undefined ? { flagged: bool(m.Flagged) as boolean } : {}),
    receiveDate: m.ReceiveDate ?? new Date(0).toISOString(),
    ...(m.ItemID !== undefined ? { itemId: m.ItemID } : {}),
    ...(m.ItemTitle !== undefined ? { itemTitle: m.ItemTitle } : {}),
    ...(m.MessageType !== undefined ? { messageType: m.MessageType } : {}),
    ...(folder !== undefined ? { folderId: Number(folder) } : {}),
    raw: m as unknown as Record<string, unknown>,
  };
}

function toPurchases(entry: WonEntry): EbayPurchase[] {
  const txs = entry.Transaction ? [entry.Transaction] : (entry.Order?.TransactionArray?.Transaction ?? []);
  return txs.map((t) => {
    const price = t.TotalTransactionPrice ?? t.TotalPrice ?? t.Item?.SellingStatus?.CurrentPrice;
    const id = t.OrderLineItemID ?? `${t.Item?.ItemID ?? ''}-${t.TransactionID ?? ''}`;
    return {
      purchaseId: id,
      ...(t.Item?.ItemID !== undefined ? { itemId: t.Item.ItemID } : {}),
      ...(t.Item?.Title !== undefined ? { title: t.Item.Title } : {}),
      ...(t.Item?.Seller?.UserID !== undefined ? { sellerUsername: t.Item.Seller.UserID } : {}),
      ...(price?.['#text'] !== undefined
        ? {
            price: {
              value: price['#text'],
              ...(price['@_currencyID'] ? { currency: price['@_currencyID'] } : {}),
            },
          }
        : {}),
      ...(t.QuantityPurchased !== undefined ? { quantity: Number(t.QuantityPurchased) } : {}),
      ...(t.CreatedDate !== undefined ? { purchasedAt: t.CreatedDate } : {}),
      raw: { ...t, ...(entry.Order?.OrderID ? { OrderID: entry.Order.OrderID } : {}) },
    };
  });
}

/** Maps the account-bound eBay client onto the engine's port. */
export function syncApiFromClient(client: EbayClient): SyncEbayApi {
  return {
    async getOrders(q, o) {
      const range = { from: q.from, ...(q.to !== null ? { to: q.to } : {}) };
      const page = await client.fulfillment.getOrders({
        ...(q.field === 'creationdate' ? { creationDate: range } : { lastModifiedDate: range }),
        limit: q.limit,
        offset: q.offset,
        signal: o.signal,
      });
      return { total: page.total, items: page.orders as never, sourceBytes: page.orders.map(sourceBytesOf) };
    },
    async getOrder(orderId, o) {
      return (await client.fulfillment.getOrder(orderId, { signal: o.signal })) as never;
    },
    async getTransactions(q, o) {
      const page = await client.finances.getTransactions({
        transactionDate: { from: q.from, ...(q.to !== null ? { to: q.to } : {}) },
        limit: q.limit,
        offset: q.offset,
        sort: 'transactionDate',
        signal: o.signal,
      });
      return { total: page.total, items: page.transactions as never };
    },
    async getPayouts(q, o) {
      const page = await client.finances.getPayouts({
        payoutDate: { from: q.from, ...(q.to !== null ? { to: q.to } : {}) },
        limit: q.limit,
        offset: q.offset,
        sort: 'payoutDate',
        signal: o.signal,
      });
      return { total: page.total, items: page.payouts as never };
    },
    async getDisputeSummaries(q, o) {
      const page = await client.fulfillment.getPaymentDisputeSummaries({
        openDateFrom: q.openDateFrom,
        openDateTo: q.openDateTo,
        limit: q.limit,
        offset: q.offset,
        signal: o.signal,
      });
      return {
        total: page.total ?? page.paymentDisputeSummaries.length,
        items: page.paymentDisputeSummaries as never,
      };
    },
    async getDispute(id, o) {
      return (await client.fulfillment.getPaymentDispute(id, { signal: o.signal })) as unknown as Record<
        string,
        unknown
      >;
    },
    async *inventoryPages(q, o) {
      for await (const page of client.inventory.iterateInventoryItems({ limit: q.limit, signal: o.signal })) {
        yield { total: page.total ?? page.inventoryItems.length, items: page.inventoryItems as never };
      }
    },
    async getOffers(sku, o) {
      try {
        const page = await client.inventory.getOffers(sku, { signal: o.signal });
        return page.offers.map((offer) => ({ ...offer, sku: offer.sku ?? sku })) as never;
      } catch (err) {
        if ((err as { kind?: string }).kind === 'not_found') return [];
        throw err;
      }
    },
    async getMessageHeaders(q, o) {
      const page = await client.trading.getMyMessagesHeaders({
        startTime: q.startTime,
        endTime: q.endTime,
        pageNumber: q.page,
        entriesPerPage: q.entriesPerPage,
        signal: o.signal,
      });
      const summary = page.summary as { TotalMessageCount?: string } | undefined;
      const totalEntries = Number(summary?.TotalMessageCount ?? page.messages.length);
      return {
        totalPages: page.hasMore ? q.page + 1 : q.page,
        totalEntries: Number.isFinite(totalEntries) ? totalEntries : page.messages.length,
        items: page.messages.map(toMessage),
      };
    },
    async getMessageBodies(ids, o) {
      const page = await client.trading.getMyMessagesByIds(ids, { signal: o.signal });
      return page.messages.map(toMessage);
    },
    async getConversations(q, o) {
      const page = await client.message.getConversations({
        conversationType: 'FROM_MEMBERS',
        startTime: q.startTime,
        endTime: q.endTime,
        limit: q.limit,
        offset: q.offset,
        signal: o.signal,
      });
      return { total: page.total ?? page.conversations.length, items: page.conversations };
    },
    async getConversationMessages(conversationId, q, o) {
      const page = await client.message.getConversation(conversationId, {
        conversationType: 'FROM_MEMBERS',
        limit: q.limit,
        offset: q.offset,
        signal: o.signal,
      });
      return { total: page.total ?? page.messages.length, items: page.messages };
    },
    async getPurchases(q, o) {
      const page = await client.trading.getWonList({
        durationInDays: q.durationInDays,
        pageNumber: q.page,
        entriesPerPage: q.entriesPerPage,
        signal: o.signal,
      });
      return {
        totalPages: page.totalPages ?? (page.hasMore ? q.page + 1 : q.page),
        totalEntries: page.totalEntries ?? 0,
        items: page.orderTransactions.flatMap(toPurchases),
      };
    },
  };
}
