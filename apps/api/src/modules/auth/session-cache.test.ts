import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { fromPool } from '../../db/client.ts';
import { sessions, users } from '../../db/schema.ts';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildInfluencer } from '../../test/factories/users.ts';
import { SessionCache } from './session-cache.ts';

const ME = '/api/v1/auth/me';
const LOGOUT = '/api/v1/auth/logout';

/** Asks until `ok` holds, for at most `withinMs` (well under the cache's 5 s lifetime, so a change
 * whose notice is not heard cannot pass by the entry timing out). */
async function eventually(ask: () => Promise<boolean>, withinMs = 2000): Promise<boolean> {
  const until = Date.now() + withinMs;
  for (;;) {
    if (await ask()) return true;
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('the session cache (reads answered without a lookup, every change heard)', () => {
  it('a read after a change made behind the app (another process, an operator) no longer sees the old user', async () => {
    const { client, user } = await buildInfluencer(t.app);
    expect((await client.get(ME)).status).toBe(200);
    await t.ctx.db.update(users).set({ locale: 'sk' }).where(eq(users.id, user.id));
    expect(await eventually(async () => (await client.get(ME)).body.user?.locale === 'sk')).toBe(true);
    await t.ctx.db.update(users).set({ status: 'suspended' }).where(eq(users.id, user.id));
    expect(await eventually(async () => (await client.get(ME)).status === 401)).toBe(true);
  });

  it('a session deleted behind the app ends for reads too', async () => {
    const { client, user } = await buildInfluencer(t.app);
    expect((await client.get(ME)).status).toBe(200);
    await t.ctx.db.delete(sessions).where(eq(sessions.userId, user.id));
    expect(await eventually(async () => (await client.get(ME)).status === 401)).toBe(true);
  });

  it('reads are answered from the cache and writes never are: a change with no notice shows only to writes', async () => {
    const { client, user } = await buildInfluencer(t.app);
    expect((await client.get(ME)).status).toBe(200);
    // Triggers off for this one statement (as a replica applies changes): no notice is sent.
    await t.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.update(users).set({ status: 'suspended' }).where(eq(users.id, user.id));
    });
    expect((await client.get(ME)).status).toBe(200);
    const write = await client.patch(ME, { locale: 'sk' });
    expect(write.status).toBe(401);
    // The write forgot the cached session, so the next read asks the database.
    expect((await client.get(ME)).status).toBe(401);
  });

  it('a sign-out is seen by the very next read of the same session', async () => {
    const { client } = await buildInfluencer(t.app);
    expect((await client.get(ME)).status).toBe(200);
    const stolen = client.sessionCookie as string;
    expect((await client.post(LOGOUT)).status).toBe(204);
    const replay = browser(t.app);
    replay.setCookie(replay.sessionCookieName, stolen);
    expect((await replay.get(ME)).status).toBe(401);
  });
});

describe('SessionCache', () => {
  const user = { id: 'u1' } as never;
  const entry = (sessionId: string, expiresAt = new Date(Date.now() + 60_000)) => ({
    sessionId,
    user,
    expiresAt,
  });

  it('does not keep what a lookup read before a forget (it may predate the change)', () => {
    const cache = new SessionCache({ ttlMs: 5000, maxEntries: 10, enabled: () => true });
    const mark = cache.mark();
    cache.forget('someone-else');
    cache.set(entry('s1'), mark);
    expect(cache.get('s1')).toBeUndefined();
    cache.set(entry('s1'), cache.mark());
    expect(cache.get('s1')?.sessionId).toBe('s1');
  });

  it('answers nothing once an entry is older than its lifetime or its session expired', () => {
    const cache = new SessionCache({ ttlMs: 5000, maxEntries: 10, enabled: () => true });
    const now = Date.now();
    cache.set(entry('old'), cache.mark(), now - 5000);
    cache.set(entry('expired', new Date(now - 1)), cache.mark(), now);
    cache.set(entry('fresh'), cache.mark(), now);
    expect(cache.get('old', now)).toBeUndefined();
    expect(cache.get('expired', now)).toBeUndefined();
    expect(cache.get('fresh', now)?.sessionId).toBe('fresh');
  });

  it('is off while notices cannot arrive, and keeps at most its size, oldest out first', () => {
    let listening = false;
    const cache = new SessionCache({ ttlMs: 5000, maxEntries: 2, enabled: () => listening });
    cache.set(entry('a'), cache.mark());
    expect(cache.size).toBe(0);
    listening = true;
    for (const id of ['a', 'b', 'c']) cache.set(entry(id), cache.mark());
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map((e) => e?.sessionId)).toEqual([
      undefined,
      'b',
      'c',
    ]);
    listening = false;
    expect(cache.get('c')).toBeUndefined();
  });
});

describe.runIf(inject('testDatabase').kind === 'postgres')(
  'two processes on one database (PostgreSQL)',
  () => {
    it("a sign-out in one process ends the session for the other's reads", async () => {
      const pool = t.database.pool;
      if (!pool) throw new Error('no pool');
      const otherDatabase = fromPool(new pg.Pool({ ...pool.options, max: 2 }));
      const other = await buildApp({
        config: t.config,
        database: otherDatabase,
        outboxPollMs: 0,
        housekeepingMs: 0,
        messageEmailsMs: 0,
        baseUrl: TEST_BASE_URL,
      });
      try {
        await other.ready();
        const { client } = await buildInfluencer(t.app);
        const elsewhere = browser(other);
        elsewhere.setCookie(elsewhere.sessionCookieName, client.sessionCookie as string);
        expect((await elsewhere.get(ME)).status).toBe(200);
        expect((await client.post(LOGOUT)).status).toBe(204);
        expect(await eventually(async () => (await elsewhere.get(ME)).status === 401)).toBe(true);
      } finally {
        await other.close();
        await otherDatabase.close();
      }
    });
  },
);
