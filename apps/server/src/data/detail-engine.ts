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

/**
 * The whole response as one JSON text rendered by PostgreSQL, in one statement: the record's fields (`r`, over
 * `t`) and a sub-select per link. Inside a link `t` is the linked table, so the links see the record as `k`.
 * Without `accountId` the first account (in id order) that has the id answers.
 */
function detailSql(spec: DetailSpec, withAccount: boolean, narrowedBy: readonly string[]): string {
  const conds = [`t.${spec.idColumn} = $1`];
  if (withAccount) conds.push(`t.account_id = $${conds.length + 1}::uuid`);
  for (const param of narrowedBy) conds.push(`t.${spec.narrow?.[param] ?? ''} = $${conds.length + 1}`);
  const order = ['t.account_id', ...Object.values(spec.narrow ?? {}).map((c) => `t.${c}`)];
  const fields = [`'${spec.field}', row_to_json(r)`, ...spec.links.map((l) => `'${l.field}', ${linkSql(l)}`)];
  return [
    `select json_build_object(${fields.join(', ')})::text as "json"`,
    `from ${spec.table} t cross join lateral (select t.*) k cross join lateral (select ${selectColumns(spec.columns)}) r`,
    `where ${conds.join(' and ')}`,
    `order by ${order.join(', ')} limit 1`,
  ].join('\n');
}

/**
 * Reads one detail as the JSON text of the response (or `undefined` when no record has the id), as a prepared
 * statement: the SQL text depends only on which of `accountId` and the `narrow` parameters are given, and is
 * built once per shape.
 */
export function detailReader(
  db: SyncDb,
  spec: DetailSpec,
): (id: string, lookup?: DetailLookup) => Promise<string | undefined> {
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
      prepared(CompiledQuery.raw(text, parameters) as CompiledQuery<{ json: string }>),
    );
    return rows[0]?.json;
  };
}
