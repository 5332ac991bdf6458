import { sql, type Selectable } from 'kysely';
import { defaultIntervalMinutes, syncResources, type SyncResource } from './resources';
import type { SyncDb } from './sync-db';
import type { SyncSchedulesTable } from './sync.tables';

export type ScheduleRow = Selectable<SyncSchedulesTable>;

/**
 * Creates the default schedule rows (orders 15 min, others hourly) for connected accounts that have none yet. A
 * disconnected (revoked) account gets none: its purged schedules must not come back.
 */
export async function ensureDefaultSchedules(db: SyncDb): Promise<void> {
  const values = syncResources.map((r) => `('${r}', ${defaultIntervalMinutes(r)})`).join(', ');
  await sql`
    insert into sync_schedules (account_id, resource, interval_minutes, next_run_at)
    select a.id, d.resource, d.minutes, now() + make_interval(mins => d.minutes)
    from ebay_accounts a cross join (values ${sql.raw(values)}) as d(resource, minutes)
    where a.status <> 'revoked'
    on conflict do nothing`.execute(db);
}

export async function listSchedules(db: SyncDb, accountId: string | null): Promise<ScheduleRow[]> {
  let q = db.selectFrom('sync_schedules').selectAll().orderBy('account_id').orderBy('resource');
  if (accountId) q = q.where('account_id', '=', accountId);
  return q.execute();
}

export async function upsertSchedule(
  db: SyncDb,
  s: { accountId: string; resource: SyncResource; intervalMinutes: number; enabled: boolean },
): Promise<ScheduleRow> {
  return db
    .insertInto('sync_schedules')
    .values({
      account_id: s.accountId,
      resource: s.resource,
      interval_minutes: s.intervalMinutes,
      enabled: s.enabled,
      next_run_at: sql<Date>`now() + make_interval(mins => ${s.intervalMinutes})`,
      updated_at: sql<Date>`now()`,
    })
    .onConflict((oc) =>
      oc.columns(['account_id', 'resource']).doUpdateSet({
        interval_minutes: s.intervalMinutes,
        enabled: s.enabled,
        next_run_at: sql<Date>`least(sync_schedules.next_run_at, now() + make_interval(mins => ${s.intervalMinutes}))`,
        updated_at: sql<Date>`now()`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Claims due schedules of accounts that can sync (status active; reauth_required pauses them) and moves their
 * next run forward, atomically, so several workers never fire the same schedule twice.
 */
export async function claimDueSchedules(
  db: SyncDb,
  limit: number,
): Promise<Array<{ account_id: string; resource: SyncResource; last_full_at: Date | null }>> {
  const result = await sql<{ account_id: string; resource: SyncResource; last_full_at: Date | null }>`
    with due as (
      select s.account_id, s.resource from sync_schedules s
      join ebay_accounts a on a.id = s.account_id and a.status = 'active'
      where s.enabled and s.next_run_at <= now()
      order by s.next_run_at
      limit ${limit}
      for update of s skip locked
    )
    update sync_schedules s set next_run_at = now() + make_interval(mins => s.interval_minutes)
    from due where s.account_id = due.account_id and s.resource = due.resource
    returning s.account_id, s.resource, (
      select st.last_full_at from sync_state st where st.account_id = s.account_id and st.resource = s.resource
    ) as last_full_at`.execute(db);
  return result.rows;
}
