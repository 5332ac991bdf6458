import { sql, type Transaction } from 'kysely';
import type { SyncResource } from './resources';
import type { SyncDatabase, SyncDb } from './sync-db';

type DbOrTrx = SyncDb | Transaction<SyncDatabase>;

export async function getWatermark(
  db: DbOrTrx,
  accountId: string,
  resource: SyncResource,
): Promise<Date | null> {
  const row = await db
    .selectFrom('sync_state')
    .select('watermark')
    .where('account_id', '=', accountId)
    .where('resource', '=', resource)
    .executeTakeFirst();
  return row?.watermark ?? null;
}

export async function saveSuccess(
  db: DbOrTrx,
  accountId: string,
  resource: SyncResource,
  watermark: Date | null,
  full: boolean,
): Promise<void> {
  await db
    .insertInto('sync_state')
    .values({
      account_id: accountId,
      resource,
      watermark,
      last_success_at: sql<Date>`now()`,
      last_full_at: full ? sql<Date>`now()` : null,
      updated_at: sql<Date>`now()`,
    })
    .onConflict((oc) =>
      oc.columns(['account_id', 'resource']).doUpdateSet({
        watermark: (eb) => eb.fn.coalesce(eb.ref('excluded.watermark'), eb.ref('sync_state.watermark')),
        last_success_at: sql<Date>`now()`,
        last_full_at: full ? sql<Date>`now()` : sql<Date>`sync_state.last_full_at`,
        updated_at: sql<Date>`now()`,
      }),
    )
    .execute();
}
