import { sql, type RawBuilder } from 'kysely';

/**
 * States of a synced record that the dashboard counts and the lists filter by, each defined once so the two always
 * agree. `t` is the table's name or alias in the statement. A condition may be null where a column is (it then counts
 * as not in the state: `filter (where ...)` and `where` drop it, and the lists negate with `is not true`); the plain
 * comparisons keep the columns in view of the status indexes (0005), which `coalesce` around them would hide.
 */

const col = (t: string, column: string) => sql.ref(`${t}.${column}`);

/** An order not shipped yet (eBay's `NOT_STARTED` or `IN_PROGRESS`, its "awaiting shipment") and not cancelled. */
export function awaitingShipment(t: string): RawBuilder<boolean> {
  return sql<boolean>`(${col(t, 'fulfillment_status')} in ('NOT_STARTED', 'IN_PROGRESS')
    and ${col(t, 'cancel_state')} is distinct from 'CANCELED')`;
}

/** A payment dispute not closed: no closing date and any eBay status other than `CLOSED`. */
export function openDispute(t: string): RawBuilder<boolean> {
  return sql<boolean>`(coalesce(${col(t, 'dispute_status')}, '') <> 'CLOSED' and ${col(t, 'closed_date')} is null)`;
}

/** A message eBay did not report as read (no read state counts as unread). */
export function unreadMessage(t: string): RawBuilder<boolean> {
  return sql<boolean>`(not coalesce(${col(t, 'is_read')}, false))`;
}

/** An inventory item with a ship-to-location quantity above 0 (none reported counts as 0). */
export function inStock(t: string): RawBuilder<boolean> {
  return sql<boolean>`(${col(t, 'quantity')} > 0)`;
}
