import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery, sql } from 'kysely';
import { createDb, createPool, type Db } from '../src/platform/database';
import { prepared } from '../src/platform/prepared-statements';
import { createTestDatabase, testPoolSettings, type TestDatabase } from './helpers/database';
import { testLogger } from './helpers/silent-logger';

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase({ empty: true });
  // One connection, so every query below sees the same session's prepared statements.
  db = createDb(createPool(database.url, { ...testPoolSettings, poolMax: 1 }, testLogger()));
  await sql`create table pst (id int primary key, name text)`.execute(db);
  await sql`insert into pst values (1, 'one'), (2, 'two')`.execute(db);
});
afterAll(async () => {
  await db?.destroy();
  await database?.destroy();
});

const preparedCount = async () =>
  Number(
    (
      await db.executeQuery<{ n: string }>(
        CompiledQuery.raw(`select count(*) as n from pg_prepared_statements where statement like '/* prepared */%'`),
      )
    ).rows[0]?.n,
  );

describe('prepared statements', () => {
  it('runs marked SQL as one named statement per connection, other SQL unnamed', async () => {
    const byId = (id: number) => prepared(sql<{ name: string }>`select name from pst where id = ${id}`.compile(db));
    expect((await db.executeQuery(byId(1))).rows).toEqual([{ name: 'one' }]);
    expect((await db.executeQuery(byId(2))).rows).toEqual([{ name: 'two' }]);
    await sql`select name from pst where id = ${1}`.execute(db);
    expect(await preparedCount()).toBe(1);
  });

  it('still answers when a migration changed a table under a prepared select *', async () => {
    const all = () => prepared(sql<Record<string, unknown>>`select * from pst order by id`.compile(db));
    expect((await db.executeQuery(all())).rows[0]).toEqual({ id: 1, name: 'one' });
    await sql`alter table pst add column note text`.execute(db);
    expect((await db.executeQuery(all())).rows[0]).toEqual({ id: 1, name: 'one', note: null });
    // The stale connection was replaced: the statement is prepared again and answers with the new columns.
    expect((await db.executeQuery(all())).rows[0]).toEqual({ id: 1, name: 'one', note: null });
    expect(await preparedCount()).toBe(1); // a new session: only `select *` again, not the earlier statement
  });
});
