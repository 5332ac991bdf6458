import type { SyncDb } from '../sync/sync-db';
import { detailReader } from './detail-engine';
import { orderDetail } from './detail-specs';

/**
 * Reads an order with its line items, finance transactions, their payouts and its payment disputes as the JSON
 * text of `GET /api/orders/{id}`, in one prepared statement (one round trip instead of four or five). Without
 * `accountId` the first account that has the id answers.
 */
export function orderDetailReader(
  db: SyncDb,
): (orderId: string, accountId?: string) => Promise<string | undefined> {
  const read = detailReader(db, orderDetail);
  return (orderId, accountId) => read(orderId, { accountId });
}

/** `orderDetailReader(db)` for a single read. */
export function findOrderDetail(
  db: SyncDb,
  orderId: string,
  accountId?: string,
): Promise<string | undefined> {
  return orderDetailReader(db)(orderId, accountId);
}
