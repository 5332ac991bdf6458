import { CompiledQuery } from 'kysely';
import { prepared } from '../platform/prepared-statements';
import type { SyncDb } from '../sync/sync-db';
import { selectColumns, type Columns } from './list-engine';

/** Records linked to the detail's record: rows of `table` (alias `t`) that match `where`. */
export interface LinkSpec {
  /** Response field. */
  field: string;
  table: string;
  columns: Columns;
  /** SQL condition on `t`, the linked row, and `k`, the detail's own row. */
  where: string;
  /** SQL order of the rows, over `t`. */
  orderBy: string;
  /** One record (or `null`) instead of an array. */
  single?: boolean;
}

/** A synced entity exposed as a detail: its record (camelCase fields) and the records linked to it. */
export interface DetailSpec {
  /** Response field of the record ("order"). */
  field: string;
  table: string;
  /** The id of the route (unique within an account, together with `narrow` columns). */
  idColumn: string;
  columns: Columns;
  links: readonly LinkSpec[];
  /** Optional query parameters that narrow the lookup: parameter -> column. */
  narrow?: Readonly<Record<string, string>>;
}

export interface DetailLookup {
  accountId?: string | undefined;
  /** Values of `DetailSpec.narrow` parameters. */
  narrow?: Readonly<Record<string, string | undefined>>;
}

function linkSql(link: LinkSpec): string {
  const rows = `select ${selectColumns(link.columns)} from ${link.table} t where ${link.where} order by ${link.orderBy}`;
  return link.single
    ? `(select row_to_json(r) from (${rows} limit 1) r)`
    : `(select coalesce(json_agg(r), '[]'::json) from (${rows}) r)`;
}

/** What a detail lookup found. */
export type DetailRead =
  | { found: true; json: string }
  | { found: false; reason: 'not_found' }
  | {
      found: false;
      reason: 'ambiguous';
      /** The parameters left out whose values differ among the matching records (`accountId` first). */
      missing: string[];
    };

/** The lookup's conditions on `alias`: the id, then `accountId` and the narrowing parameters given, in that order. */
function conditions(
  spec: DetailSpec,
  alias: string,
  withAccount: boolean,
  narrowedBy: readonly string[],
): string {
  const conds = [`${alias}.${spec.idColumn} = $1`];
  if (withAccount) conds.push(`${alias}.account_id = $${conds.length + 1}::uuid`);
  for (const param of narrowedBy) conds.push(`${alias}.${spec.narrow?.[param] ?? ''} = $${conds.length + 1}`);
  return conds.join(' and ');
}

/**
 * The whole response as one JSON text rendered by PostgreSQL, in one statement: the record's fields (`r`, over
 * `t`) and a sub-select per link. Inside a link `t` is the linked table, so the links see the record as `k`.
 *
 * A record is keyed by account, id and the `narrow` columns. When some of these are not given, the statement also
 * counts, per missing parameter, the distinct values its column has among the matching records (capped at 2: only
 * "one" or "several" matters), and renders the JSON only when none has several; the route then asks for the
 * parameters that have several. With every key given there is no count.
 */
function detailSql(spec: DetailSpec, withAccount: boolean, narrowedBy: readonly string[]): string {
  const missing = [
    ...(withAccount ? [] : [['accountId', 'account_id'] as const]),
    ...Object.entries(spec.narrow ?? {}).filter(([param]) => !narrowedBy.includes(param)),
  ];
  const where = conditions(spec, 't', withAccount, narrowedBy);
  const sameWhere = conditions(spec, 'c', withAccount, narrowedBy);
  // With one key column missing the matches differ in it, so counting matches is counting its values.
  const counted = (column: string) =>
    missing.length === 1
      ? `(select count(*) from (select 1 from ${spec.table} c where ${sameWhere} limit 2) n)::int`
      : `(select count(*) from (select distinct c.${column} from ${spec.table} c where ${sameWhere} limit 2) n)::int`;
  const order = ['t.account_id', ...Object.values(spec.narrow ?? {}).map((c) => `t.${c}`)];
  const fields = [`'${spec.field}', row_to_json(r)`, ...spec.links.map((l) => `'${l.field}', ${linkSql(l)}`)];
  const rendered = `json_build_object(${fields.join(', ')})::text`;
  const from = [
    `from (select * from ${spec.table} t where ${where} order by ${order.join(', ')} limit 1) t`,
    `cross join lateral (select t.*) k cross join lateral (select ${selectColumns(spec.columns)}) r`,
  ];
  if (missing.length === 0) return [`select ${rendered} as "json"`, ...from].join('\n');
  // Materialized: the counts are read twice (to render or not, and by the route) but computed once.
  const counts = missing.map(([param, column]) => `${counted(column)} as "${param}"`);
  const one = missing.map(([param]) => `m."${param}" < 2`).join(' and ');
  return [
    `with m as materialized (select ${counts.join(', ')})`,
    `select case when ${one} then ${rendered} end as "json", ${missing.map(([param]) => `m."${param}"`).join(', ')}`,
    ...from,
    'cross join m',
  ].join('\n');
}

/**
 * Reads one detail as the JSON text of the response, as a prepared statement: the SQL text depends only on which
 * of `accountId` and the `narrow` parameters are given, and is built once per shape. When the given parameters
 * match several records the answer is `ambiguous`, with the parameters that would pick one.
 */
export function detailReader(
  db: SyncDb,
  spec: DetailSpec,
): (id: string, lookup?: DetailLookup) => Promise<DetailRead> {
  const texts = new Map<string, string>();
  const narrowParams = Object.keys(spec.narrow ?? {});
  return async (id, lookup = {}) => {
    const withAccount = lookup.accountId !== undefined && lookup.accountId !== '';
    const narrowedBy = narrowParams.filter((p) => {
      const v = lookup.narrow?.[p];
      return v !== undefined && v !== '';
    });
    const shape = `${String(withAccount)}:${narrowedBy.join(',')}`;
    let text = texts.get(shape);
    if (text === undefined) {
      text = detailSql(spec, withAccount, narrowedBy);
      texts.set(shape, text);
    }
    const parameters = [
      id,
      ...(withAccount ? [lookup.accountId] : []),
      ...narrowedBy.map((p) => lookup.narrow?.[p]),
    ];
    const { rows } = await db.executeQuery(
      prepared(
        CompiledQuery.raw(text, parameters) as CompiledQuery<
          Record<string, unknown> & { json: string | null }
        >,
      ),
    );
    const row = rows[0];
    if (!row) return { found: false, reason: 'not_found' };
    if (row.json !== null) return { found: true, json: row.json };
    const missing = ['accountId', ...narrowParams].filter((p) => Number(row[p]) > 1);
    return { found: false, reason: 'ambiguous', missing };
  };
}
