import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailTokens, sessions } from '../../db/schema.ts';
import { sha256 } from '../../lib/tokens.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import type { TestClient } from '../../test/client.ts';
import { browser } from '../../test/client.ts';
import { buildBusiness, buildInfluencer, PASSWORD, signIn } from '../../test/factories/users.ts';
import { tokenFromMail } from '../../test/mail.ts';
import { sweepExpiredAuthRows } from './cleanup.ts';

const ME = '/api/v1/auth/me';
const VERIFY = '/api/v1/auth/verify-email';
const RESET_REQUEST = '/api/v1/auth/password-reset/request';
const RESET_CONFIRM = '/api/v1/auth/password-reset/confirm';
const VERIFY_SUBJECT = /^Verify your e-mail/;
const RESET_SUBJECT = /^Reset your BeXtr password$/;
const NEW_PASSWORD = 'copper-meadow-whistle-77';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const sweep = (opts?: Parameters<typeof sweepExpiredAuthRows>[2]) =>
  sweepExpiredAuthRows(t.ctx.db, new Date(), opts);

const sessionIdOf = (client: TestClient) => sha256(client.sessionCookie ?? '');
const sessionExists = async (id: string) =>
  (await t.ctx.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, id))).length > 0;
/** Moves a session's expiry into the past by a Postgres interval ('2 days', '1 hour'). */
const expireSession = (id: string, ago: string) =>
  t.ctx.db
    .update(sessions)
    .set({ expiresAt: sql`now() - ${ago}::interval` })
    .where(eq(sessions.id, id));

const tokenRow = async (token: string) =>
  (
    await t.ctx.db
      .select()
      .from(emailTokens)
      .where(eq(emailTokens.tokenHash, sha256(token)))
  )[0];

describe('sweepExpiredAuthRows: sessions', () => {
  it('removes a session expired more than a day ago; a live one stays and still signs in', async () => {
    const { client: live, email } = await buildInfluencer(t.app);
    const old = await signIn(t.app, { email, password: PASSWORD });
    const recent = await signIn(t.app, { email, password: PASSWORD });
    await expireSession(sessionIdOf(old), '2 days');
    await expireSession(sessionIdOf(recent), '1 hour');

    const removed = await sweep();
    expect(removed.sessions).toBeGreaterThanOrEqual(1);
    expect(await sessionExists(sessionIdOf(old))).toBe(false);
    // Expired within the grace day: no longer signs in, but the row is left for the next run.
    expect(await sessionExists(sessionIdOf(recent))).toBe(true);
    expect((await recent.get(ME)).status).toBe(401);

    expect(await sessionExists(sessionIdOf(live))).toBe(true);
    const me = await live.get(ME);
    expect(me.status).toBe(200);
    expect(me.body.user?.email).toBe(email);
    expect((await old.get(ME)).status).toBe(401);
  });

  it('works through a backlog in batches, all of it in one run', async () => {
    const { email } = await buildBusiness(t.app);
    const clients = await Promise.all(
      Array.from({ length: 7 }, () => signIn(t.app, { email, password: PASSWORD })),
    );
    const ids = clients.map(sessionIdOf);
    await t.ctx.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '3 days'` })
      .where(inArray(sessions.id, ids));

    const removed = await sweep({ batchSize: 2 });
    expect(removed.sessions).toBeGreaterThanOrEqual(7);
    const left = await t.ctx.db.select({ id: sessions.id }).from(sessions).where(inArray(sessions.id, ids));
    expect(left).toEqual([]);
  });

  it('stops between batches once aborted', async () => {
    const { email } = await buildBusiness(t.app);
    const clients = await Promise.all(
      Array.from({ length: 3 }, () => signIn(t.app, { email, password: PASSWORD })),
    );
    const ids = clients.map(sessionIdOf);
    await t.ctx.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '3 days'` })
      .where(inArray(sessions.id, ids));
    const abort = new AbortController();
    abort.abort();
    expect(await sweep({ signal: abort.signal })).toEqual({ sessions: 0, emailTokens: 0 });
    expect(await sweep()).toMatchObject({ sessions: 3 });
  });

  it('PostgreSQL: a session row another transaction holds is skipped, not waited for', async (c) => {
    const pool = t.database.pool;
    if (!pool) return c.skip();
    const { email } = await buildBusiness(t.app);
    const held = await signIn(t.app, { email, password: PASSWORD });
    const id = sessionIdOf(held);
    await expireSession(id, '2 days');
    const other = await pool.connect();
    try {
      await other.query('begin');
      await other.query('select id from sessions where id = $1 for update', [id]);
      await sweep();
      expect(await sessionExists(id)).toBe(true);
      await other.query('commit');
    } finally {
      other.release();
    }
    await sweep();
    expect(await sessionExists(id)).toBe(false);
  });
});

describe('sweepExpiredAuthRows: e-mail tokens', () => {
  it('removes tokens used or expired more than a day ago; a fresh unused one still works', async () => {
    // Used: a password reset that went through, a day and more ago.
    const used = await buildBusiness(t.app);
    await browser(t.app).post(RESET_REQUEST, { email: used.email });
    const usedToken = await tokenFromMail(t.app, used.email, RESET_SUBJECT);
    const confirmed = await browser(t.app).post(RESET_CONFIRM, { token: usedToken, password: NEW_PASSWORD });
    expect(confirmed.status).toBe(200);
    // Used within the last day: kept for now.
    const recent = await buildBusiness(t.app);
    await browser(t.app).post(RESET_REQUEST, { email: recent.email });
    const recentToken = await tokenFromMail(t.app, recent.email, RESET_SUBJECT);
    expect(
      (await browser(t.app).post(RESET_CONFIRM, { token: recentToken, password: NEW_PASSWORD })).status,
    ).toBe(200);
    // Never used, expired two days ago.
    const expired = await buildInfluencer(t.app);
    const expiredToken = await tokenFromMail(t.app, expired.email, VERIFY_SUBJECT);
    // Never used and fresh: the verification link of a new account, and a reset link.
    const fresh = await buildInfluencer(t.app);
    const freshVerify = await tokenFromMail(t.app, fresh.email, VERIFY_SUBJECT);
    await browser(t.app).post(RESET_REQUEST, { email: fresh.email });
    const freshReset = await tokenFromMail(t.app, fresh.email, RESET_SUBJECT);

    await t.ctx.db
      .update(emailTokens)
      .set({ usedAt: sql`now() - interval '25 hours'` })
      .where(eq(emailTokens.tokenHash, sha256(usedToken)));
    await t.ctx.db
      .update(emailTokens)
      .set({ expiresAt: sql`now() - interval '2 days'` })
      .where(eq(emailTokens.tokenHash, sha256(expiredToken)));

    const removed = await sweep();
    expect(removed.emailTokens).toBeGreaterThanOrEqual(2);
    expect(await tokenRow(usedToken)).toBeUndefined();
    expect(await tokenRow(expiredToken)).toBeUndefined();
    expect(await tokenRow(recentToken)).toBeDefined();
    expect(await tokenRow(freshVerify)).toBeDefined();
    expect(await tokenRow(freshReset)).toBeDefined();

    // A removed token answers like a spent one.
    const reused = await browser(t.app).post(RESET_CONFIRM, { token: usedToken, password: NEW_PASSWORD });
    expect(reused.body.error?.code).toBe('INVALID_TOKEN');
    expect((await browser(t.app).post(VERIFY, { token: expiredToken })).body.error?.code).toBe(
      'INVALID_TOKEN',
    );

    // The fresh links still work.
    expect((await browser(t.app).post(VERIFY, { token: freshVerify })).status).toBe(200);
    expect((await fresh.client.get(ME)).body.user?.emailVerified).toBe(true);
    expect(
      (await browser(t.app).post(RESET_CONFIRM, { token: freshReset, password: NEW_PASSWORD })).status,
    ).toBe(200);
    await signIn(t.app, { email: fresh.email, password: NEW_PASSWORD });
  });
});
