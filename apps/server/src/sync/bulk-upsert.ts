import { CompiledQuery, type Transaction } from 'kysely';
import type { SyncDatabase } from './sync-db';

/** Describes an entity table for `bulkUpsert`: its key (within an account) and typed columns (raw included). */
export interface UpsertSpec {
  table: string;
  keys: readonly string[];
  /** [column, postgres type]; must include the keys and `raw`. */
  columns: ReadonlyArray<readonly [string, string]>;
  /** Columns an incoming null must not overwrite (e.g. a message body already fetched). */
  preserve?: readonly string[];
  /** Extra `column = expression` assignments for the update branch (`t` is not available: use the table name). */
  extraUpdates?: readonly string[];
}

export interface UpsertOutcome {
  inserted: number;
  updated: number;
  /** Key tuples of inserted or changed rows (their child rows need rewriting). */
  touched: string[][];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

function buildSql(spec: UpsertSpec): string {
  const cols = spec.columns.map(([c]) => ident(c));
  const keys = spec.keys.map(ident);
  const keyList = keys.join(', ');
  const recordDef = spec.columns.map(([c, t]) => `${ident(c)} ${t}`).join(', ');
  const updates = spec.columns
    .filter(([c]) => !spec.keys.includes(c))
    .map(([c]) =>
      spec.preserve?.includes(c)
        ? `${ident(c)} = coalesce(excluded.${ident(c)}, ${ident(spec.table)}.${ident(c)})`
        : `${ident(c)} = excluded.${ident(c)}`,
    )
    .concat(spec.extraUpdates ?? [])
    .concat(['last_seen_at = now()'])
    .join(', ');
  return `
    with input as (select * from jsonb_to_recordset($2::jsonb) as x(${recordDef})),
    existing as (
      select ${keys.map((k) => `t.${k}`).join(', ')}, t.raw from ${ident(spec.table)} t
      where t.account_id = $1::uuid and (${keys.map((k) => `t.${k}`).join(', ')}) in (select ${keyList} from input)
    ),
    up as (
      insert into ${ident(spec.table)} (account_id, ${cols.join(', ')}, first_seen_at, last_seen_at)
      select $1::uuid, ${cols.join(', ')}, now(), now() from input
      on conflict (account_id, ${keyList}) do update set ${updates}
      returning ${keyList}, (xmax = 0) as inserted
    )
    select ${keys.map((k) => `up.${k}`).join(', ')}, up.inserted, (e.raw is null or e.raw <> i.raw) as changed
    from up join input i using (${keyList}) left join existing e using (${keyList})`;
}

const cache = new WeakMap<UpsertSpec, string>();

/**
 * Inserts or updates one page of records in one statement (jsonb_to_recordset of a single parameter), keyed by
 * eBay ids within the account. A record whose raw payload is unchanged only gets `last_seen_at` bumped and is not
 * counted as updated. Rows with the same key inside one page keep the last occurrence.
 */
export async function bulkUpsert(
  trx: Transaction<SyncDatabase>,
  spec: UpsertSpec,
  accountId: string,
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<UpsertOutcome> {
  if (rows.length === 0) return { inserted: 0, updated: 0, touched: [] };
  const unique = new Map<string, Record<string, unknown>>();
  for (const row of rows) unique.set(spec.keys.map((k) => String(row[k])).join('\u0000'), row);
  let text = cache.get(spec);
  if (!text) {
    text = buildSql(spec);
    cache.set(spec, text);
  }
  const res = await trx.executeQuery<Record<string, unknown> & { inserted: boolean; changed: boolean }>(
    CompiledQuery.raw(text, [accountId, JSON.stringify([...unique.values()])]),
  );
  let inserted = 0;
  let updated = 0;
  const touched: string[][] = [];
  for (const r of res.rows) {
    if (r.inserted) inserted += 1;
    else if (r.changed) updated += 1;
    if (r.inserted || r.changed) touched.push(spec.keys.map((k) => String(r[k])));
  }
  return { inserted, updated, touched };
}
