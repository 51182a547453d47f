import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test/database.ts';
import { MAX_PER_CONNECTION, NamingClient } from './named-statements.ts';

// PostgreSQL only: PGlite has no connections to prepare statements on.
describe.runIf(inject('testDatabase').kind === 'postgres')("the app's PostgreSQL connections", () => {
  let test: TestDatabase;
  let client: pg.PoolClient;
  const prepared = async () =>
    (await client.query<{ n: number }>('select count(*)::int as n from pg_prepared_statements')).rows[0]?.n;

  beforeAll(async () => {
    test = await openTestDatabase(inject('testDatabase'));
    const pool = test.database.pool as pg.Pool;
    client = await pool.connect();
    expect(client).toBeInstanceOf(NamingClient);
  });
  afterAll(async () => {
    client.release();
    await test.dispose();
  });

  it('run without parallel query (a worker per statement would take a core from the others)', async () => {
    const { rows } = await client.query('show max_parallel_workers_per_gather');
    expect(rows).toEqual([{ max_parallel_workers_per_gather: '0' }]);
  });

  it('prepare a statement with parameters once per connection, then run it by name', async () => {
    const before = await prepared();
    const twice = 'select $1::int + 1 as n';
    expect((await client.query(twice, [1])).rows).toEqual([{ n: 2 }]);
    expect((await client.query({ text: twice }, [41])).rows).toEqual([{ n: 42 }]);
    expect(await prepared()).toBe((before ?? 0) + 1);
    // Without parameters (DDL, `select 1`): unnamed, as before.
    await client.query('select 1');
    expect(await prepared()).toBe((before ?? 0) + 1);
  });

  it('name by text alone, within the same bounds: a name given by drizzle is replaced, a long value list goes unnamed', async () => {
    const before = await prepared();
    await client.query({ text: 'select $1::int * 2 as n', name: 'given_by_caller', values: [2] });
    const names = (await client.query<{ name: string }>('select name from pg_prepared_statements')).rows.map(
      (r) => r.name,
    );
    expect(names).not.toContain('given_by_caller');
    expect(await prepared()).toBe((before ?? 0) + 1);
    const many = Array.from({ length: 65 }, (_, i) => i);
    const list = many.map((_, i) => `$${i + 1}::int`).join(', ');
    expect((await client.query(`select array_length(array[${list}], 1) as n`, many)).rows).toEqual([
      { n: 65 },
    ]);
    expect(await prepared()).toBe((before ?? 0) + 1);
  });

  it('stay usable after a statement that fails to parse, or fails while running in a transaction', async () => {
    await expect(client.query('select $1::int from no_such_table', [1])).rejects.toThrow(/no_such_table/);
    await client.query('begin');
    await expect(client.query('select 1 / $1::int as n', [0])).rejects.toThrow(/division by zero/);
    await client.query('rollback');
    expect((await client.query('select 1 / $1::int as n', [1])).rows).toEqual([{ n: 1 }]);
    expect(
      await client.query('select $1::int from no_such_table', [1]).catch((e: Error) => e.message),
    ).toMatch(/no_such_table/);
  });

  it(`prepare at most ${MAX_PER_CONNECTION} texts; past that, statements go unnamed and still answer`, async () => {
    for (let i = 0; i < MAX_PER_CONNECTION + 20; i++) {
      const { rows } = await client.query(`select $1::int + ${i} as n`, [1]);
      expect(rows[0].n).toBe(1 + i);
    }
    expect(await prepared()).toBe(MAX_PER_CONNECTION);
  });

  it('answer statements issued at once each with its own result, in order, a failing one with its error', async () => {
    await client.query('begin');
    const [made, seen, failed, after] = await Promise.allSettled([
      client.query('create temporary table pipelined (n int) on commit drop'),
      client.query('insert into pipelined values ($1::int), ($2::int) returning n', [1, 2]),
      client.query('select 1 / $1::int as n', [0]),
      client.query('select count(*)::int as n from pipelined where n > $1::int', [0]),
    ]);
    expect(made.status).toBe('fulfilled');
    expect(seen.status === 'fulfilled' && seen.value.rows).toEqual([{ n: 1 }, { n: 2 }]);
    expect(failed.status === 'rejected' && String(failed.reason)).toMatch(/division by zero/);
    // The transaction is aborted from the failing statement on, as without pipelining.
    expect(after.status === 'rejected' && String(after.reason)).toMatch(/current transaction is aborted/);
    await client.query('rollback');
  });

  it("send a transaction's begin with its first statement, and still run that statement inside it", async () => {
    // As drizzle sends it: a config with no values. Answered at once, sent with what follows.
    const answer = await client.query({ text: 'begin' }, []);
    expect(answer.command).toBe('BEGIN');
    await client.query('create temporary table held_begin (n int)');
    await client.query({ text: 'rollback' }, []);
    // Rolled back with the transaction the held begin opened.
    await expect(client.query('select * from held_begin')).rejects.toThrow(/held_begin/);
  });
});
