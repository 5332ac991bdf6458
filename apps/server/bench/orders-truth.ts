/**
 * The stored side of the emulator's truth checksums (`GET /__emulator/sellers/{id}/truth`): the same lines, sorted
 * by byte order, joined by "\n", sha256 hex. Shared by the sync tests and the drills.
 */
import { createHash } from 'node:crypto';

export interface Checksum {
  count: number;
  checksum: string;
}

/** sha256 hex of `lines` sorted by byte order and joined by "\n" (sorts `lines` in place). */
export function checksumOfLines(lines: string[]): Checksum {
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { count: lines.length, checksum: createHash('sha256').update(lines.join('\n')).digest('hex') };
}

/** One order's line of the `orders` truth. */
export function orderTruthLine(orderId: string, lastModifiedDate: string): string {
  return `${orderId}|${lastModifiedDate}`;
}

/** Anything with a node-postgres style `query` (a `pg.Client` or `pg.Pool`). */
export interface Queryable {
  query<R extends Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

export interface StoredOrders extends Checksum {
  /** Distinct order ids (equal to `count` when nothing is stored twice). */
  distinctIds: number;
  /** Stored line items, and the sum of the orders' `line_item_count` they should add up to. */
  lineItems: number;
  expectedLineItems: number;
}

/** Checksum of one account's stored orders, plus duplicate and line item counts. */
export async function storedOrders(db: Queryable, accountId: string): Promise<StoredOrders> {
  const rows = await db.query<{ order_id: string; modified: string }>(
    `select order_id, raw->>'lastModifiedDate' as modified from ebay_orders where account_id = $1`,
    [accountId],
  );
  const lines = rows.rows.map((r) => orderTruthLine(r.order_id, r.modified));
  const distinctIds = new Set(rows.rows.map((r) => r.order_id)).size;
  const items = await db.query<{ stored: string; expected: string }>(
    `select (select count(*) from ebay_order_line_items where account_id = $1) as stored,
            (select coalesce(sum(line_item_count), 0) from ebay_orders where account_id = $1) as expected`,
    [accountId],
  );
  const counts = items.rows[0];
  return {
    ...checksumOfLines(lines),
    distinctIds,
    lineItems: Number(counts?.stored ?? 0),
    expectedLineItems: Number(counts?.expected ?? 0),
  };
}
