import { CompiledQuery, sql } from 'kysely';
import { prepared } from '../platform/prepared-statements';
import type { SyncDb } from '../sync/sync-db';
import { decodeCursor } from './cursor';
import type { DetailRead } from './detail-engine';
import { columnRefs, isoTimestamp, runPage, selectColumns, type Columns } from './list-engine';
import { messagesList } from './list-specs';

/** A thread's fields, from its conversation row (`ebay_message_threads`, kept by the sync with its messages). */
const threadColumns: Columns = [
  ['accountId', 't.account_id'],
  ['threadId', 't.thread_id'],
  ['itemId', 't.item_id'],
  ['itemTitle', 't.item_title'],
  ['messageCount', 't.message_count'],
  ['unread', 't.unread'],
  ['lastMessageAt', isoTimestamp('t.last_message_at')],
];

export interface ThreadsQuery {
  accountId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * One page of conversations as the JSON text of `GET /api/messages/threads`: newest last message first, then
 * account and thread id (all descending), so threads whose last messages share a timestamp keep one order across
 * pages; keyset pages with an opaque cursor as the lists have.
 */
export async function threadsPageJson(db: SyncDb, q: ThreadsQuery): Promise<string> {
  const after = decodeCursor(q.cursor, ['timestamp', 'uuid', 'text']);
  const query = sql<{ json: string; __sort: string; __account: string; __id: string }>`
    select row_to_json(i)::text as "json", g."__sort", g."__account", g."__id"
    from (
      select ${sql.raw(selectColumns(threadColumns))},
        t.last_message_at::text as "__sort", t.account_id as "__account", t.thread_id as "__id"
      from ebay_message_threads t
      where true
      ${q.accountId ? sql`and t.account_id = ${q.accountId}::uuid` : sql``}
      ${after ? sql`and (t.last_message_at, t.account_id, t.thread_id) < (${after[0]}::timestamptz, ${after[1]}::uuid, ${after[2]})` : sql``}
      order by t.last_message_at desc, t.account_id desc, t.thread_id desc
      limit ${sql.lit(Math.trunc(q.limit) + 1)}
    ) g cross join lateral (select ${sql.raw(columnRefs('g', threadColumns))}) i`;
  const { rows, nextCursor } = await runPage(db, query, q.limit);
  return `{"threads":[${rows.map((r) => r.json).join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`;
}

function threadDetailSql(withAccount: boolean): string {
  return [
    `select s."__accounts" as "accounts", json_build_object(`,
    `  'thread', (select row_to_json(x) from (select ${columnRefs('s', threadColumns)}) x),`,
    `  'messages', (select coalesce(json_agg(r), '[]'::json) from (`,
    `    select ${selectColumns([...messagesList.columns, ['raw', 't.raw']])} from ebay_messages t`,
    `    where t.account_id = s."accountId" and t.thread_id = s."threadId" order by t.received_at, t.message_id) r)`,
    `)::text as "json"`,
    `from (`,
    `  select ${selectColumns(threadColumns)}, count(*) over ()::int as "__accounts"`,
    `  from ebay_message_threads t where t.thread_id = $1${withAccount ? ' and t.account_id = $2::uuid' : ''}`,
    `  order by t.account_id limit 1`,
    `) s`,
  ].join('\n');
}

const withAccountSql = threadDetailSql(true);
const withoutAccountSql = threadDetailSql(false);

/**
 * A conversation with its messages oldest first, as the JSON text of `GET /api/messages/threads/{threadId}`.
 * Thread ids are unique per account only: without `accountId` an id that several accounts have is `ambiguous`.
 */
export async function readThreadDetail(
  db: SyncDb,
  threadId: string,
  accountId?: string,
): Promise<DetailRead> {
  const query = accountId
    ? CompiledQuery.raw(withAccountSql, [threadId, accountId])
    : CompiledQuery.raw(withoutAccountSql, [threadId]);
  const { rows } = await db.executeQuery(
    prepared(query as CompiledQuery<{ accounts: number; json: string }>),
  );
  const row = rows[0];
  if (!row) return { found: false, reason: 'not_found' };
  if (row.accounts > 1) return { found: false, reason: 'ambiguous', missing: ['accountId'] };
  return { found: true, json: row.json };
}
