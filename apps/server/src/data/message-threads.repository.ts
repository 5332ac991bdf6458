import { sql } from 'kysely';
import type { SyncDb } from '../sync/sync-db';
import { decodeCursor } from './cursor';
import { cappedCount, columnRefs, isoTimestamp, pageJson, runPage, selectColumns, type Columns } from './list-engine';

/** A thread's fields, from its conversation row (`ebay_message_threads`, kept by the sync with its messages). */
export const threadColumns: Columns = [
  ['accountId', 't.account_id'],
  ['threadId', 't.thread_id'],
  ['itemId', 't.item_id'],
  ['itemTitle', 't.item_title'],
  ['subject', 't.subject'],
  ['counterpart', 't.counterpart'],
  ['messageCount', 't.message_count'],
  ['unread', 't.unread'],
  ['lastMessageAt', isoTimestamp('t.last_message_at')],
];

export interface ThreadsQuery {
  accountId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
  /** Adds `total`, counted as the lists count (`cappedCount`). */
  withTotal?: boolean | undefined;
}

/**
 * One page of conversations as the JSON text of `GET /api/messages/threads`: newest last message first, then
 * account and thread id (all descending), so threads whose last messages share a timestamp keep one order across
 * pages; keyset pages with an opaque cursor as the lists have.
 */
export async function threadsPageJson(db: SyncDb, q: ThreadsQuery): Promise<string> {
  const after = decodeCursor(q.cursor, ['timestamp', 'uuid', 'text']);
  // The page and its count select the same conversations.
  const ofAccount = q.accountId ? sql`and t.account_id = ${q.accountId}::uuid` : sql``;
  const query = sql<{ json: string; __sort: string; __account: string; __id: string }>`
    select row_to_json(i)::text as "json", g."__sort", g."__account", g."__id"
    from (
      select ${sql.raw(selectColumns(threadColumns))},
        t.last_message_at::text as "__sort", t.account_id as "__account", t.thread_id as "__id"
      from ebay_message_threads t
      where true ${ofAccount}
      ${after ? sql`and (t.last_message_at, t.account_id, t.thread_id) < (${after[0]}::timestamptz, ${after[1]}::uuid, ${after[2]})` : sql``}
      order by t.last_message_at desc, t.account_id desc, t.thread_id desc
      limit ${sql.lit(Math.trunc(q.limit) + 1)}
    ) g cross join lateral (select ${sql.raw(columnRefs('g', threadColumns))}) i`;
  const [{ rows, nextCursor }, total] = await Promise.all([
    runPage(db, query, q.limit),
    q.withTotal
      ? cappedCount(db, sql`select 1 from ebay_message_threads t where true ${ofAccount}`)
      : undefined,
  ]);
  return pageJson('threads', rows, nextCursor, total);
}
