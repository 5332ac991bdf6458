import type { SyncDb } from '../sync/sync-db';
import { detailReader, type DetailRead } from './detail-engine';
import { orderDetail } from './detail-specs';

/**
 * Reads an order with its line items, finance transactions, their payouts and its payment disputes as the JSON
 * text of `GET /api/orders/{id}`, in one prepared statement (one round trip instead of four or five). Without
 * `accountId` an id that several accounts have is `ambiguous`.
 */
export function orderDetailReader(db: SyncDb): (orderId: string, accountId?: string) => Promise<DetailRead> {
  const read = detailReader(db, orderDetail);
  return (orderId, accountId) => read(orderId, { accountId });
}

/** `orderDetailReader(db)` for a single read. */
export function findOrderDetail(db: SyncDb, orderId: string, accountId?: string): Promise<DetailRead> {
  return orderDetailReader(db)(orderId, accountId);
}
