import type { Db } from '../platform/database';
import type { AnonymisedEntry } from './accounts.tables';

/** Claims the notification id; false when it was already processed (idempotency). */
export async function insertDeletionAudit(
  db: Db,
  audit: { notificationId: string; ebayUserId: string; usernameHash: string; eventDate: Date | null },
): Promise<boolean> {
  const result = await db
    .insertInto('ebay_deletion_audits')
    .values({
      notification_id: audit.notificationId,
      ebay_user_id: audit.ebayUserId,
      username_hash: audit.usernameHash,
      event_date: audit.eventDate,
      anonymised: '[]',
    })
    .onConflict((oc) => oc.column('notification_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function setDeletionAuditResult(db: Db, notificationId: string, anonymised: AnonymisedEntry[]): Promise<void> {
  await db
    .updateTable('ebay_deletion_audits')
    .set({ anonymised: JSON.stringify(anonymised) })
    .where('notification_id', '=', notificationId)
    .execute();
}

export async function findDeletionAudit(db: Db, notificationId: string) {
  return db.selectFrom('ebay_deletion_audits').selectAll().where('notification_id', '=', notificationId).executeTakeFirst();
}
