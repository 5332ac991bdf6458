import { sql, type QueryExecutorProvider, type Transaction } from 'kysely';
import { unreadMessage } from '../data/record-states';
import { bulkUpsert, type UpsertSpec } from './bulk-upsert';
import type {
  EbayDisputeSummary,
  EbayInventoryItem,
  EbayMessage,
  EbayOffer,
  EbayPurchase,
} from './ebay-port';
import { amount, currency, isoOrNull } from './money';
import type { SyncDatabase } from './sync-db';
import type { WriteResult } from './syncer';

type Trx = Transaction<SyncDatabase>;

const disputeSpec: UpsertSpec = {
  table: 'ebay_disputes',
  keys: ['payment_dispute_id'],
  columns: [
    ['payment_dispute_id', 'text'],
    ['dispute_status', 'text'],
    ['reason', 'text'],
    ['order_id', 'text'],
    ['buyer_username', 'text'],
    ['amount_value', 'numeric'],
    ['amount_currency', 'text'],
    ['open_date', 'timestamptz'],
    ['closed_date', 'timestamptz'],
    ['respond_by_date', 'timestamptz'],
    ['raw', 'jsonb'],
    ['detail', 'jsonb'],
  ],
};

export type DisputeWithDetail = EbayDisputeSummary & { detail?: Record<string, unknown> | null };

export async function upsertDisputes(
  trx: Trx,
  accountId: string,
  items: readonly DisputeWithDetail[],
): Promise<WriteResult> {
  return bulkUpsert(
    trx,
    disputeSpec,
    accountId,
    items.map(({ detail, ...d }) => ({
      payment_dispute_id: d.paymentDisputeId,
      dispute_status: d.paymentDisputeStatus ?? null,
      reason: d.reason ?? null,
      order_id: d.orderId ?? null,
      buyer_username: d.buyerUsername ?? null,
      amount_value: amount(d.amount),
      amount_currency: currency(d.amount),
      open_date: d.openDate,
      closed_date: isoOrNull(d.closedDate),
      respond_by_date: isoOrNull(d.respondByDate),
      raw: d,
      detail: detail ?? null,
    })),
  );
}

const messageSpec: UpsertSpec = {
  table: 'ebay_messages',
  keys: ['message_id'],
  columns: [
    ['message_id', 'text'],
    ['thread_id', 'text'],
    ['folder_id', 'integer'],
    ['sender', 'text'],
    ['recipient', 'text'],
    ['subject', 'text'],
    ['body', 'text'],
    ['is_read', 'boolean'],
    ['replied', 'boolean'],
    ['flagged', 'boolean'],
    ['item_id', 'text'],
    ['item_title', 'text'],
    ['message_type', 'text'],
    ['received_at', 'timestamptz'],
    ['raw', 'jsonb'],
  ],
  preserve: ['body'],
};

/**
 * A thread is eBay's conversation when the message came through the REST Message API; GetMyMessages has no thread
 * id, so there it groups the messages about one item with one counterpart.
 */
export function threadIdOf(m: EbayMessage, sellerUsername: string | null): string {
  if (m.conversationId !== undefined) return m.conversationId;
  // What the seller sent (Sent folder) has the counterpart as its recipient.
  const sent = m.folderId === 1 || (sellerUsername !== null && m.sender === sellerUsername);
  const other = sent ? (m.recipient ?? '') : (m.sender ?? m.recipient ?? '');
  return `${m.itemId ?? 'none'}:${other}`;
}

export async function upsertMessages(
  trx: Trx,
  accountId: string,
  items: readonly EbayMessage[],
): Promise<WriteResult> {
  if (items.length === 0) return { inserted: 0, updated: 0 };
  const rows = items.map((m) => ({
    message_id: m.messageId,
    thread_id: threadIdOf(m, null),
    folder_id: m.folderId ?? null,
    sender: m.sender ?? null,
    recipient: m.recipient ?? null,
    subject: m.subject ?? null,
    body: m.text ?? null,
    is_read: m.read ?? null,
    replied: m.replied ?? null,
    flagged: m.flagged ?? null,
    item_id: m.itemId ?? null,
    item_title: m.itemTitle ?? null,
    message_type: m.messageType ?? null,
    received_at: m.receiveDate,
    raw: m.raw,
  }));
  // A stored message whose thread id changes leaves its old thread: refresh that one too.
  const before = await trx
    .selectFrom('ebay_messages')
    .select('thread_id')
    .distinct()
    .where('account_id', '=', accountId)
    .where('message_id', 'in', rows.map((r) => r.message_id))
    .execute();
  const result = await bulkUpsert(trx, messageSpec, accountId, rows);
  await refreshThreads(trx, accountId, [...before.map((r) => r.thread_id), ...rows.map((r) => r.thread_id)]);
  return result;
}

/** Of `messageIds`, those the account has stored. */
export async function storedMessageIds(
  db: QueryExecutorProvider,
  accountId: string,
  messageIds: readonly string[],
): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  const { rows } = await sql<{ message_id: string }>`
    select message_id from ebay_messages
    where account_id = ${accountId}::uuid and message_id = any(${[...messageIds]}::text[])`.execute(db);
  return new Set(rows.map((r) => r.message_id));
}

/**
 * Recomputes the conversation rows (`ebay_message_threads`) of `threadIds` from their messages, in the caller's
 * transaction: inserted, updated, or deleted when the thread has no message left. Every write to `ebay_messages`
 * that can change a thread's messages, read flags or id calls it for the threads it touched.
 */
export async function refreshThreads(
  trx: QueryExecutorProvider,
  accountId: string,
  threadIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(threadIds)];
  if (ids.length === 0) return;
  // The subject is the first message's; the counterpart is the member the seller talks with (who wrote to the
  // seller, else whom the seller wrote to, else the first sender).
  await sql`
    with fresh as (
      select account_id, thread_id, max(item_id) as item_id, max(item_title) as item_title,
        count(*)::int as message_count, (count(*) filter (where ${unreadMessage('ebay_messages')}))::int as unread,
        max(received_at) as last_message_at,
        (array_agg(subject order by received_at, message_id) filter (where subject is not null))[1] as subject,
        coalesce(
          (array_agg(sender order by received_at, message_id) filter (where folder_id = 0 and sender is not null))[1],
          (array_agg(recipient order by received_at, message_id)
            filter (where folder_id = 1 and recipient is not null))[1],
          (array_agg(sender order by received_at, message_id) filter (where sender is not null))[1]
        ) as counterpart
      from ebay_messages where account_id = ${accountId}::uuid and thread_id = any(${ids}::text[])
      group by account_id, thread_id
    ), gone as (
      delete from ebay_message_threads t
      where t.account_id = ${accountId}::uuid and t.thread_id = any(${ids}::text[])
        and not exists (select 1 from fresh f where f.thread_id = t.thread_id)
    )
    insert into ebay_message_threads as t (account_id, thread_id, item_id, item_title, message_count, unread,
      last_message_at, subject, counterpart)
    select account_id, thread_id, item_id, item_title, message_count, unread, last_message_at, subject, counterpart
    from fresh
    on conflict (account_id, thread_id) do update set item_id = excluded.item_id, item_title = excluded.item_title,
      message_count = excluded.message_count, unread = excluded.unread, last_message_at = excluded.last_message_at,
      subject = excluded.subject, counterpart = excluded.counterpart
    where (t.item_id, t.item_title, t.message_count, t.unread, t.last_message_at, t.subject, t.counterpart)
      is distinct from (excluded.item_id, excluded.item_title, excluded.message_count, excluded.unread,
        excluded.last_message_at, excluded.subject, excluded.counterpart)`.execute(trx);
}

const inventorySpec: UpsertSpec = {
  table: 'ebay_inventory_items',
  keys: ['sku'],
  columns: [
    ['sku', 'text'],
    ['title', 'text'],
    ['condition', 'text'],
    ['quantity', 'integer'],
    ['locale', 'text'],
    ['raw', 'jsonb'],
  ],
};

export async function upsertInventoryItems(
  trx: Trx,
  accountId: string,
  items: readonly EbayInventoryItem[],
): Promise<WriteResult> {
  return bulkUpsert(
    trx,
    inventorySpec,
    accountId,
    items.map((i) => ({
      sku: i.sku,
      title: i.product?.title ?? null,
      condition: i.condition ?? null,
      quantity: i.availability?.shipToLocationAvailability?.quantity ?? null,
      locale: i.locale ?? null,
      raw: i,
    })),
  );
}

const offerSpec: UpsertSpec = {
  table: 'ebay_offers',
  keys: ['offer_id'],
  columns: [
    ['offer_id', 'text'],
    ['sku', 'text'],
    ['marketplace_id', 'text'],
    ['format', 'text'],
    ['offer_status', 'text'],
    ['available_quantity', 'integer'],
    ['price_value', 'numeric'],
    ['price_currency', 'text'],
    ['listing_id', 'text'],
    ['listing_status', 'text'],
    ['sold_quantity', 'integer'],
    ['raw', 'jsonb'],
  ],
};

export async function upsertOffers(
  trx: Trx,
  accountId: string,
  items: readonly EbayOffer[],
): Promise<WriteResult> {
  return bulkUpsert(
    trx,
    offerSpec,
    accountId,
    items.map((o) => ({
      offer_id: o.offerId,
      sku: o.sku,
      marketplace_id: o.marketplaceId ?? null,
      format: o.format ?? null,
      offer_status: o.status ?? null,
      available_quantity: o.availableQuantity ?? null,
      price_value: amount(o.pricingSummary?.price),
      price_currency: currency(o.pricingSummary?.price),
      listing_id: o.listing?.listingId ?? null,
      listing_status: o.listing?.listingStatus ?? null,
      sold_quantity: o.listing?.soldQuantity ?? null,
      raw: o,
    })),
  );
}

const purchaseSpec: UpsertSpec = {
  table: 'ebay_purchases',
  keys: ['purchase_id'],
  columns: [
    ['purchase_id', 'text'],
    ['item_id', 'text'],
    ['title', 'text'],
    ['seller_username', 'text'],
    ['price_value', 'numeric'],
    ['price_currency', 'text'],
    ['quantity', 'integer'],
    ['purchased_at', 'timestamptz'],
    ['raw', 'jsonb'],
  ],
};

export async function upsertPurchases(
  trx: Trx,
  accountId: string,
  items: readonly EbayPurchase[],
): Promise<WriteResult> {
  return bulkUpsert(
    trx,
    purchaseSpec,
    accountId,
    items.map((p) => ({
      purchase_id: p.purchaseId,
      item_id: p.itemId ?? null,
      title: p.title ?? null,
      seller_username: p.sellerUsername ?? null,
      price_value: amount(p.price),
      price_currency: currency(p.price),
      quantity: Number.isFinite(p.quantity) ? p.quantity : null,
      purchased_at: isoOrNull(p.purchasedAt),
      raw: p.raw,
    })),
  );
}
