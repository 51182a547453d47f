import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test/database.ts';
import { sleep } from '../test/faults/app-process.ts';
import { LANE_DEPTH, LANE_PATIENCE_MS, LANE_STATEMENT_TIMEOUT_MS, LANES, LanePool } from './lanes.ts';

type Row = { pid: number; i: number };

// PostgreSQL only: PGlite has one connection.
describe.runIf(inject('testDatabase').kind === 'postgres')('the shared connections (lanes)', () => {
  let test: TestDatabase;
  let lanes: LanePool;
  /** The same pool, typed as pg's (LanePool's query takes pg's arguments untyped). */
  let pool: pg.Pool;
  const pidOf = (i: number) =>
    pool.query<Row>('select pg_backend_pid() as pid, $1::int as i', [i]).then((r) => r.rows[0] as Row);
  const lanesReady = async () => {
    for (let tries = 0; lanes.readyLanes < LANES; tries++) {
      if (tries > 100) throw new Error('the lanes did not connect');
      await pool.query('select 1');
      await sleep(20);
    }
  };

  beforeAll(async () => {
    test = await openTestDatabase(inject('testDatabase'));
    pool = test.database.pool as pg.Pool;
    expect(pool).toBeInstanceOf(LanePool);
    lanes = pool as LanePool;
    // A burst sent while the machine is busy must not spill to pool connections because its first
    // statement aged past the patience meanwhile; the test of the patience sets it back.
    lanes.patienceMs = 60_000;
    await lanesReady();
  });
  afterAll(async () => {
    await test.dispose();
  });

  it('carry the statements sent outside a transaction, each answer to its own statement; a transaction has a connection of its own', async () => {
    // As many as the lanes take at once (LANE_DEPTH each); more would spill to pool connections.
    const n = LANES * LANE_DEPTH;
    const sending = Array.from({ length: n }, (_, i) => pidOf(i));
    expect(lanes.inFlight).toBe(n);
    const rows = await Promise.all(sending);
    expect(lanes.inFlight).toBe(0);
    expect(rows.map((r) => r.i)).toEqual(Array.from({ length: n }, (_, i) => i));
    const lanePids = new Set(rows.map((r) => r.pid));
    expect(lanePids.size).toBeLessThanOrEqual(LANES);
    const inTransaction = await test.database.db.transaction(async (tx) => {
      const result = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
        rows: { pid: number }[];
      };
      return result.rows[0]?.pid;
    });
    expect(lanePids.has(inTransaction as number)).toBe(false);
  });

  it('send the statements of one turn of the event loop in one write per lane', async () => {
    // Count the writes each lane's socket makes (pg's connection and its socket are not public API).
    type Socket = { _writev?: (...args: unknown[]) => unknown; _write: (...args: unknown[]) => unknown };
    const sockets = (
      lanes as unknown as { lanes: { client: { connection: { stream: Socket } } }[] }
    ).lanes.map((lane) => lane.client.connection.stream);
    let writes = 0;
    for (const socket of sockets) {
      const { _write, _writev } = socket;
      socket._write = (...args) => {
        writes++;
        return _write.apply(socket, args);
      };
      if (_writev)
        socket._writev = (...args) => {
          writes++;
          return _writev.apply(socket, args);
        };
      onTestFinished(() => {
        socket._write = _write;
        socket._writev = _writev;
      });
    }
    // Statements from several callbacks of the same turn, as from several requests: sent now, and
    // from microtasks queued now.
    const sending: Promise<Row>[] = [];
    for (let i = 0; i < 8; i++) sending.push(pidOf(i));
    for (let i = 8; i < 16; i++) sending.push(Promise.resolve().then(() => pidOf(i)));
    const rows = await Promise.all(sending);
    expect(rows.map((r) => r.i)).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect(new Set(rows.map((r) => r.pid)).size).toBeLessThanOrEqual(LANES);
    // One write per lane; pg alone writes each statement as it is queued (16 writes).
    expect(writes).toBeGreaterThan(0);
    expect(writes).toBeLessThanOrEqual(LANES);
  });

  it('answer a failing statement with its error and leave the others in flight beside it untouched', async () => {
    const sending = Array.from({ length: 21 }, (_, i) =>
      pool.query<{ n: number }>('select 10 / $1::int as n', [i % 3 === 0 ? 0 : 2]),
    );
    expect(lanes.inFlight).toBe(21);
    const answers = await Promise.allSettled(sending);
    answers.forEach((answer, i) => {
      if (i % 3 === 0)
        expect(answer.status === 'rejected' && String(answer.reason)).toMatch(/division by zero/);
      else expect(answer.status === 'fulfilled' && answer.value.rows).toEqual([{ n: 5 }]);
    });
  });

  it('keep a statement from waiting behind a slow one: while every lane has one running, it takes a connection of its own', async () => {
    lanes.patienceMs = LANE_PATIENCE_MS;
    onTestFinished(() => {
      lanes.patienceMs = 60_000;
    });
    let slowDone = false;
    const slow = Promise.all([
      pool.query<Row>('select pg_backend_pid() as pid, pg_sleep(1), $1::int as i', [1]),
      pool.query<Row>('select pg_backend_pid() as pid, pg_sleep(1), $1::int as i', [2]),
    ]).then((answers) => {
      slowDone = true;
      return answers.map((a) => (a.rows[0] as Row).pid);
    });
    expect(lanes.inFlight).toBe(2);
    await sleep(LANE_PATIENCE_MS * 5);
    const quick = await Promise.all([pidOf(3), pidOf(4)]);
    expect(slowDone).toBe(false);
    // The quick ones did not join the lanes: only the slow ones are on them.
    expect(lanes.inFlight).toBe(2);
    const slowPids = await slow;
    expect(new Set(slowPids).size).toBe(LANES);
    for (const row of quick) expect(slowPids).not.toContain(row.pid);
  });

  it("stop a lane's statement after a time limit, so that those behind it cannot wait without end; a transaction has none", async () => {
    const sending = pool.query<{ statement_timeout: string }>(
      'select current_setting($1) as statement_timeout',
      ['statement_timeout'],
    );
    expect(lanes.inFlight).toBe(1);
    expect((await sending).rows).toEqual([{ statement_timeout: `${LANE_STATEMENT_TIMEOUT_MS / 1000}s` }]);
    const inTransaction = await test.database.db.transaction(async (tx) => {
      const result = (await tx.execute(sql`select current_setting('statement_timeout') as t`)) as unknown as {
        rows: { t: string }[];
      };
      return result.rows[0]?.t;
    });
    expect(inTransaction).toBe('0');
  });

  it('make a lane again when its connection is lost; statements meanwhile take pool connections', async () => {
    await lanesReady();
    const sending = Array.from({ length: 10 }, (_, i) => pidOf(i));
    expect(lanes.inFlight).toBe(10);
    const before = new Set((await Promise.all(sending)).map((r) => r.pid));
    const admin = await pool.connect();
    try {
      await admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [[...before]]);
    } finally {
      admin.release();
    }
    for (let tries = 0; lanes.readyLanes > 0 && tries < 50; tries++) await sleep(20);
    expect(lanes.readyLanes).toBe(0);
    // The lanes are gone: these ride pool connections while new lanes connect.
    const meanwhile = await Promise.all(Array.from({ length: 10 }, (_, i) => pidOf(i)));
    expect(meanwhile.map((r) => r.i)).toEqual(Array.from({ length: 10 }, (_, i) => i));
    await lanesReady();
    const after = await Promise.all(Array.from({ length: 10 }, (_, i) => pidOf(i)));
    for (const row of after) expect(before.has(row.pid)).toBe(false);
  });
});
