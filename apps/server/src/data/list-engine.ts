import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { prepared } from '../platform/prepared-statements';
import { booleanParam, parseOrThrow } from '../platform/validation';
import type { SyncDb } from '../sync/sync-db';
import { decodeCursor, encodeCursor } from './cursor';

/** One filter: a query parameter and the SQL condition it adds. */
export interface FilterSpec {
  param: string;
  schema: z.ZodType;
  where: (value: never) => RawBuilder<unknown>;
}

/** Response fields as [field, sql expression over `t`]. */
export type Columns = ReadonlyArray<readonly [string, string]>;

/** The select list of `columns`: `expr as "field", ...`. */
export function selectColumns(columns: Columns): string {
  return columns.map(([field, expr]) => `${expr} as "${field}"`).join(', ');
}

/** The fields of `columns` read back from the sub-select `alias`: `alias."field", ...`. */
export function columnRefs(alias: string, columns: Columns): string {
  return columns.map(([field]) => `${alias}."${field}"`).join(', ');
}

/** A synced entity exposed as a list: typed columns, filters, sorts, keyset pagination, CSV. */
export interface ListSpec {
  name: string;
  table: string;
  /** Unique key within an account (last keyset column). */
  idColumn: string;
  /**
   * Sort name -> non-null column: a timestamptz column or `idColumn` (the cursor checks its sort value as one or
   * the other). The first is the default.
   */
  sorts: Record<string, string>;
  /** Columns returned (JSON and CSV), as [field, sql expression]; timestamps through `isoTimestamp`. */
  columns: Columns;
  filters: readonly FilterSpec[];
}

export const listQueryBase = z.object({
  accountId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
  sort: z.string().optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
  format: z.enum(['json', 'csv']).default('json'),
  /** Add `total`: how many rows match the filters (JSON only). */
  withTotal: booleanParam,
});

export function queryShape(spec: ListSpec) {
  const extra: Record<string, z.ZodType> = {};
  for (const f of spec.filters) extra[f.param] = f.schema.optional();
  return listQueryBase
    .extend(extra)
    .extend({ sort: z.enum(Object.keys(spec.sorts) as [string, ...string[]]).optional() })
    .superRefine((q: Record<string, unknown>, ctx) => {
      // `to` is exclusive: a range that does not start before it can match nothing, which is never what was meant.
      const { from, to } = q;
      if (typeof from === 'string' && typeof to === 'string' && Date.parse(from) >= Date.parse(to)) {
        ctx.addIssue({ code: 'custom', path: ['from'], message: 'must be before to' });
      }
    });
}

export type ListQuery = Omit<z.infer<typeof listQueryBase>, 'withTotal'> & { withTotal?: boolean } & Record<string, unknown>;
type Query = ListQuery;

/** The query schema's rule for `accountId`, built once (building a schema costs more than a list request's SQL). */
const accountIdOnly = listQueryBase.pick({ accountId: true }).required();

/** `id` for a literal in SQL text: checked again with the query schema's rule, so only a UUID reaches the text. */
function uuidLiteral(id: string): string {
  return parseOrThrow(accountIdOnly, { accountId: id }).accountId.toLowerCase();
}

/**
 * A parameter the planner sees as an unknown value of `type`: `(select $n::type)`, an init plan. Postgres then
 * estimates the condition from the column's statistics, as for any value, so the plan it makes once fits every
 * execution: a named statement settles on its cached generic plan after five executions instead of being planned
 * again each time (with the value visible, a common value such as `FULFILLED` makes the custom plan look cheaper
 * than the generic one, and Postgres plans each execution anew, as long as running it). Only for conditions whose
 * best plan does not depend on the value: equality filters and the keyset cursor, whose plans are an index scan in
 * the list's order (date ranges and text search keep their value visible; the account is a literal).
 */
export function opaque(value: unknown, type: 'text' | 'uuid' | 'timestamptz'): RawBuilder<unknown> {
  return sql`(select ${value}::${sql.raw(type)})`;
}

function baseQuery(
  spec: ListSpec,
  q: Query,
): { where: RawBuilder<unknown>; sortCol: string; dir: 'asc' | 'desc' } {
  const conds: RawBuilder<unknown>[] = [sql`true`];
  // The account is part of the statement's text: each account gets a plan made with its own size, so a small
  // account among large ones reads its own index range instead of walking every account's orders.
  if (q.accountId) conds.push(sql`t.account_id = ${sql.lit(uuidLiteral(q.accountId))}::uuid`);
  for (const f of spec.filters) {
    const v = q[f.param];
    if (v !== undefined && v !== '') conds.push(f.where(v as never));
  }
  const sortName = q.sort ?? Object.keys(spec.sorts)[0] ?? '';
  const sortCol = spec.sorts[sortName] ?? Object.values(spec.sorts)[0] ?? spec.idColumn;
  return { where: sql.join(conds, sql` and `), sortCol, dir: q.order };
}

/**
 * A timestamptz column as the text `Date.toISOString()` gives (`2026-06-01T12:00:00.123Z`), formatted by
 * Postgres: lists carry no Date objects (parsing every timestamp of every row, then formatting it again, was the
 * largest cost of a list request in the API process).
 */
export function isoTimestamp(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** A numeric column as its decimal text (`12.50`), as the pg driver hands numerics out, also inside JSON. */
export function decimal(column: string): string {
  return `${column}::text`;
}

/** The page's rows with the columns of `spec` plus `__sort`, `__account`, `__id` (the keyset of the cursor). */
function pageRows(spec: ListSpec, q: Query): RawBuilder<Record<string, unknown>> {
  const { where, sortCol, dir } = baseQuery(spec, q);
  const cmp = sql.raw(dir === 'desc' ? '<' : '>');
  const after = decodeCursor(q.cursor, [sortCol === spec.idColumn ? 'text' : 'timestamp', 'uuid', 'text']);
  const keyset = after
    ? sql`and (t.${sql.raw(sortCol)}, t.account_id, t.${sql.raw(spec.idColumn)}) ${cmp} (${opaque(after[0], sortCol === spec.idColumn ? 'text' : 'timestamptz')}, ${opaque(after[1], 'uuid')}, ${opaque(after[2], 'text')})`
    : sql``;
  const d = sql.raw(dir);
  // The sort key travels in the cursor as Postgres's own text form: exact (microseconds included) and read back
  // as the column's type when the cursor is compared. The page size is a literal (1..201, or 1001 for CSV), so a
  // prepared statement's cached plan knows it.
  return sql<Record<string, unknown>>`
    select ${sql.raw(selectColumns(spec.columns))}, t.${sql.raw(sortCol)}::text as "__sort", t.account_id as "__account", t.${sql.raw(spec.idColumn)} as "__id"
    from ${sql.table(spec.table)} t
    where ${where} ${keyset}
    order by t.${sql.raw(sortCol)} ${d}, t.account_id ${d}, t.${sql.raw(spec.idColumn)} ${d}
    limit ${sql.lit(Math.trunc(q.limit) + 1)}`;
}

/**
 * Runs a page query as a prepared statement: its text depends only on the filters used, the sort and the page
 * size, and planning it cost as much as running it.
 */
export async function runPage<R extends { __sort: unknown; __account: unknown; __id: unknown }>(
  db: SyncDb,
  query: RawBuilder<R>,
  limit: number,
): Promise<{ rows: R[]; nextCursor: string | null }> {
  const { rows } = await db.executeQuery(prepared(query.compile(db)));
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor([String(last.__sort), String(last.__account), String(last.__id)])
      : null;
  return { rows: page, nextCursor };
}

/** One page of the list, newest first by default, with an opaque cursor for the next page. */
export async function listPage(
  db: SyncDb,
  spec: ListSpec,
  q: Query,
): Promise<{ items: Record<string, unknown>[]; nextCursor: string | null }> {
  const { rows, nextCursor } = await runPage(
    db,
    pageRows(spec, q) as RawBuilder<
      Record<string, unknown> & { __sort: unknown; __account: unknown; __id: unknown }
    >,
    q.limit,
  );
  return { items: rows.map(({ __sort: _s, __account: _a, __id: _i, ...rest }) => rest), nextCursor };
}

/** Counting stops here: a larger total is shown as "at least", so a count never reads more than this many rows. */
export const TOTAL_CAP = 10_000;
/** A count that takes longer is given up (`total: null`): it would hold the page back. */
export const TOTAL_TIMEOUT_MS = 500;

/** How many rows match a list query's filters: `{count, capped}` (capped: at least `count`), or null if too slow. */
export async function listTotal(
  db: SyncDb,
  spec: ListSpec,
  q: Query,
): Promise<{ count: number; capped: boolean } | null> {
  const { where } = baseQuery(spec, q);
  return cappedCount(db, sql`select 1 from ${sql.table(spec.table)} t where ${where}`);
}

/**
 * How many rows `rows` (a `select 1 from ... where ...`) gives, counted up to {@link TOTAL_CAP} (`capped: true`:
 * at least that many), or null when counting takes over {@link TOTAL_TIMEOUT_MS}.
 */
export async function cappedCount(db: SyncDb, rows: RawBuilder<unknown>): Promise<{ count: number; capped: boolean } | null> {
  try {
    const n = await db.transaction().execute(async (trx) => {
      await sql`set local statement_timeout = ${sql.lit(TOTAL_TIMEOUT_MS)}`.execute(trx);
      const { rows: counted } = await sql<{ n: number }>`
        select count(*)::int as n from (${rows} limit ${sql.lit(TOTAL_CAP + 1)}) m`.execute(trx);
      return counted[0]?.n ?? 0;
    });
    return n > TOTAL_CAP ? { count: TOTAL_CAP, capped: true } : { count: n, capped: false };
  } catch (err) {
    // 57014: canceled by the statement timeout.
    if ((err as { code?: unknown }).code === '57014') return null;
    throw err;
  }
}

/**
 * `listPage` as the JSON text of the response (`{"items":[...],"nextCursor":...}`). Postgres renders each item
 * (`row_to_json` of the same columns, in the same order, with the same values): the API process then handles
 * one text per row instead of building, and serialising again, an object of every column.
 */
export async function listPageJson(db: SyncDb, spec: ListSpec, q: Query): Promise<string> {
  const fields = sql.raw(columnRefs('p', spec.columns));
  const query = sql<{ json: string; __sort: string; __account: string; __id: string }>`
    select row_to_json(i)::text as "json", p."__sort", p."__account", p."__id"
    from (${pageRows(spec, q)}) p cross join lateral (select ${fields}) i`;
  const [{ rows, nextCursor }, total] = await Promise.all([
    runPage(db, query, q.limit),
    q.withTotal ? listTotal(db, spec, q) : undefined,
  ]);
  return pageJson('items', rows, nextCursor, total);
}

/**
 * A page's JSON text from its rows' JSON texts: `{"<key>":[...],"nextCursor":...}`, with `"total"` when it was
 * counted (the lists' `items`, the conversations' `threads`).
 */
export function pageJson(
  key: string,
  rows: ReadonlyArray<{ json: string }>,
  nextCursor: string | null,
  total: { count: number; capped: boolean } | null | undefined,
): string {
  const page = `"${key}":[${rows.map((r) => r.json).join(',')}],"nextCursor":${JSON.stringify(nextCursor)}`;
  return total === undefined ? `{${page}}` : `{${page},"total":${JSON.stringify(total)}}`;
}

/**
 * A text cell a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return)
 * gets a leading apostrophe, which spreadsheets show as text: buyers write message subjects and bodies, sellers
 * write item titles ("CSV injection"). Numbers, negative amounts included, stay as they are.
 */
export function csvCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) && !/^[+-]?\d+(\.\d+)?$/.test(v) ? `'${v}` : v;
}

/** Columns a CSV export adds after `accountId`: a spreadsheet of several shops says which one each row is of. */
const CSV_ACCOUNT_COLUMNS = ['accountLabel', 'accountUsername'] as const;

/** The CSV header of `spec`: its columns, with the account's label and eBay username after `accountId`. */
export function csvColumns(spec: ListSpec): string[] {
  return spec.columns.flatMap(([field]) => (field === 'accountId' ? [field, ...CSV_ACCOUNT_COLUMNS] : [field]));
}

/**
 * Every matching row as CSV, streamed page by page (keyset), so memory stays flat for any size. Each row names its
 * account by label and eBay username too (read once per export).
 */
export function csvStream(db: SyncDb, spec: ListSpec, q: Query): Readable {
  const cell = (v: unknown) => {
    if (v instanceof Date) return v.toISOString();
    if (v !== null && typeof v === 'object') return JSON.stringify(v);
    // As in the JSON answer: csv-stringify would write true as 1 and false as an empty cell, like null.
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'string') return csvCell(v);
    return v ?? '';
  };
  async function* rows() {
    const accounts = new Map(
      (await sql<{ id: string; label: string; username: string }>`select id, label, username from ebay_accounts`.execute(db)).rows.map(
        (a) => [a.id, a] as const,
      ),
    );
    let cursor: string | undefined;
    for (;;) {
      const page = await listPage(db, spec, {
        ...q,
        limit: 1000,
        ...(cursor ? { cursor } : { cursor: undefined }),
      });
      for (const item of page.items) {
        yield spec.columns.flatMap(([field]) => {
          if (field !== 'accountId') return [cell(item[field])];
          const account = accounts.get(String(item[field]));
          return [cell(item[field]), cell(account?.label ?? null), cell(account?.username ?? null)];
        });
      }
      if (!page.nextCursor) return;
      cursor = page.nextCursor;
    }
  }
  return Readable.from(rows()).pipe(stringify({ header: true, columns: csvColumns(spec) }));
}
