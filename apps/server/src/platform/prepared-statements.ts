import { createHash } from 'node:crypto';
import { CompiledQuery, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/**
 * Named prepared statements for the hot read queries (lists, order detail). Postgres plans an unnamed statement
 * on every execution; for these queries planning costs as much as running them (the order detail: about 1 ms
 * to plan, 0.1 ms to run). A named statement is parsed once per connection and, after a few executions, runs
 * a cached plan.
 *
 * Opt-in per query with `prepared(compiled)`: it marks the SQL with a leading comment, and the pool handed to
 * Kysely (`preparingPool`) runs marked SQL as a named statement (name = hash of the text). Only mark SQL whose
 * text comes from a bounded set (no variable-length lists, no literal values but an account id, of which there are
 * few): every distinct text becomes a statement kept by each connection, up to `MAX_STATEMENTS_PER_CONNECTION`
 * (then it runs unnamed).
 */
const MARK = '/* prepared */ ';
const MAX_STATEMENTS_PER_CONNECTION = 200;
// "cached plan must not change result type": a migration changed a table under a `select *` statement.
const PLAN_CHANGED = '0A000';

export function prepared<R>(query: CompiledQuery<R>): CompiledQuery<R> {
  return CompiledQuery.raw(MARK + query.sql, [...query.parameters]) as CompiledQuery<R>;
}

const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `p_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    // A memo of a pure function; bounded so a misuse cannot grow it without end.
    if (names.size < 10_000) names.set(text, name);
  }
  return name;
}

/** `pool` as Kysely's `PostgresPool`, running SQL marked by `prepared` as named statements. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const statements = new WeakMap<pg.PoolClient, Set<string>>();
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      let known = statements.get(client);
      if (!known) {
        known = new Set();
        statements.set(client, known);
      }
      const own = known;
      let broken = false;
      const run = async (text: string, values: ReadonlyArray<unknown>) => {
        const params = values as unknown[];
        if (!text.startsWith(MARK)) return client.query(text, params);
        const name = statementName(text);
        if (!own.has(name) && own.size >= MAX_STATEMENTS_PER_CONNECTION) return client.query(text, params);
        own.add(name);
        try {
          return await client.query({ name, text, values: params });
        } catch (err) {
          if ((err as { code?: unknown }).code !== PLAN_CHANGED) throw err;
          // The connection keeps the stale statement: answer unnamed now and let the pool replace it.
          broken = true;
          return client.query(text, params);
        }
      };
      // Kysely calls `query(sql, parameters)` (or `query(cursor)` for streams, which passes through).
      const query = (textOrCursor: unknown, values?: ReadonlyArray<unknown>) =>
        typeof textOrCursor === 'string'
          ? run(textOrCursor, values ?? [])
          : client.query(textOrCursor as pg.Submittable);
      return {
        query: query as unknown as PostgresPoolClient['query'],
        release: (destroy?: boolean) => client.release(destroy === true || broken),
      };
    },
    end: () => pool.end(),
  };
}
