/** Detail page paths: the record's id in the path, its account (ids repeat across accounts) in the query. */
function detailHref(base: string, id: string, accountId: string, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ accountId, ...extra });
  return `${base}/${encodeURIComponent(id)}?${query.toString()}`;
}

export const orderHref = (o: { orderId: string; accountId: string }) => detailHref('/data/orders', o.orderId, o.accountId);

/** A transaction id is unique together with its type. */
export const transactionHref = (t: { transactionId: string; transactionType: string; accountId: string }) =>
  detailHref('/data/transactions', t.transactionId, t.accountId, { type: t.transactionType });

export const payoutHref = (p: { payoutId: string; accountId: string }) => detailHref('/data/payouts', p.payoutId, p.accountId);

export const disputeHref = (d: { paymentDisputeId: string; accountId: string }) =>
  detailHref('/data/disputes', d.paymentDisputeId, d.accountId);

export const inventoryItemHref = (i: { sku: string; accountId: string }) => detailHref('/data/inventory', i.sku, i.accountId);

export const purchaseHref = (p: { purchaseId: string; accountId: string }) =>
  detailHref('/data/purchases', p.purchaseId, p.accountId);

/** The messages page with the conversation open. */
export const threadHref = (m: { threadId: string; accountId: string }) =>
  `/data/messages?${new URLSearchParams({ accountId: m.accountId, thread: `${m.accountId}:${m.threadId}` }).toString()}`;
