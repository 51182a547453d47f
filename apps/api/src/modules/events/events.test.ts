import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sessions } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildBusinessWithProfile } from '../../test/factories/campaigns.ts';
import { buildConversation, postMessage } from '../../test/factories/conversations.ts';
import { buildInfluencer, signIn, type TestUser } from '../../test/factories/users.ts';
import { openSse, type SseConnection, type SseFrame } from '../../test/sse.ts';

let t: TestApp;
let baseUrl: string;
let thread: Awaited<ReturnType<typeof buildConversation>>;
let stranger: TestUser;
const open: SseConnection[] = [];

const cookieOf = (user: TestUser) => `${user.client.sessionCookieName}=${user.client.sessionCookie}`;
async function stream(user: TestUser, opts: { lastEventId?: string; query?: string } = {}) {
  const conn = await openSse(baseUrl, { cookie: cookieOf(user), ...opts });
  open.push(conn);
  return conn;
}
const isMessage = (id: string) => (f: SseFrame) =>
  f.event === 'message' && (JSON.parse(f.data ?? '{}') as { message?: { id?: string } }).message?.id === id;

beforeAll(async () => {
  t = await createTestApp(
    {},
    { liveEvents: { heartbeatMs: 150, maxStreamsPerUser: 3, sessionCheckMs: 200 } },
  );
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  thread = await buildConversation(t.app);
  stranger = await buildBusinessWithProfile(t.app);
}, 120_000);
afterAll(async () => {
  for (const conn of open) conn.close();
  await t?.close();
});

describe('GET /events', () => {
  it('401 for a visitor, 400 for a Last-Event-ID that is not an id', async () => {
    expect((await browser(t.app).get('/api/v1/events')).status).toBe(401);
    const conn = await openSse(baseUrl);
    expect(conn.status).toBe(401);
    const bad = await thread.owner.client.get('/api/v1/events', { headers: { 'last-event-id': 'abc' } });
    expect(bad.status).toBe(400);
    // Past 2^53 a number would land on a neighbouring id: refused rather than rounded.
    const huge = await thread.owner.client.get('/api/v1/events', {
      headers: { 'last-event-id': '9007199254740993' },
    });
    expect(huge.status).toBe(400);
  });

  it('a message reaches both members’ streams live, with its id; a stranger’s stream never gets it', async () => {
    const influencer = await stream(thread.influencer);
    const business = await stream(thread.owner);
    const other = await stream(stranger);
    expect(influencer.status).toBe(200);
    expect(influencer.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(influencer.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(influencer.headers.get('x-accel-buffering')).toBe('no');
    expect((await influencer.waitFor((f) => f.retry !== undefined)).retry).toBe(3000);

    const sent = await postMessage(thread.owner.client, thread.conversationId, { body: 'Live hello' });
    const got = await influencer.waitFor(isMessage(sent.id));
    expect(Number(got.id)).toBeGreaterThan(0);
    expect(JSON.parse(got.data ?? '')).toEqual({ conversationId: thread.conversationId, message: sent });
    // The sender's other tabs see it too, under the sender's own event id.
    await business.waitFor(isMessage(sent.id));

    // The stranger's stream carries heartbeats only.
    await other.waitFor((f) => f.comment === 'ping');
    const afterPing = other.frames.length;
    await other.waitFor((_f) => other.frames.length > afterPing + 1);
    expect(other.frames.filter((f) => f.event !== undefined || f.id !== undefined)).toEqual([]);

    // Reading moves the marker: a `read` event to the other side.
    await thread.influencer.client.post(`/api/v1/conversations/${thread.conversationId}/read`, {
      upTo: sent.id,
    });
    const readFrame = await business.waitFor((f) => f.event === 'read');
    expect(JSON.parse(readFrame.data ?? '')).toEqual({
      conversationId: thread.conversationId,
      userId: thread.influencer.user.id,
      upTo: sent.id,
    });
    for (const c of [influencer, business, other]) c.close();
  });

  it('a reconnect with Last-Event-ID replays what was missed, in order, then goes on live', async () => {
    const first = await stream(thread.influencer);
    const m1 = await postMessage(thread.owner.client, thread.conversationId, { body: 'before the gap' });
    const seen = await first.waitFor(isMessage(m1.id));
    first.close();
    await first.ended;

    const missed = [];
    for (let i = 0; i < 3; i++)
      missed.push(await postMessage(thread.owner.client, thread.conversationId, { body: `missed ${i}` }));
    const again = await stream(thread.influencer, { lastEventId: seen.id as string });
    for (const m of missed) await again.waitFor(isMessage(m.id));
    // Events from just before Last-Event-ID may come again (ids of concurrent transactions can commit
    // out of order, see the test below); the client drops ids it has seen. What matters is after it.
    const after = (f: SseFrame) => f.event === 'message' && Number(f.id) > Number(seen.id);
    const replayed = again.frames.filter(after);
    expect(replayed.map((f) => JSON.parse(f.data ?? '').message.body)).toEqual([
      'missed 0',
      'missed 1',
      'missed 2',
    ]);
    const ids = replayed.map((f) => Number(f.id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(ids[0]).toBeGreaterThan(Number(seen.id));

    const live = await postMessage(thread.owner.client, thread.conversationId, { body: 'after the gap' });
    await again.waitFor(isMessage(live.id));
    expect(again.frames.filter(after)).toHaveLength(4);

    // `?lastEventId=` works the same for a manual reconnect.
    const manual = await stream(thread.influencer, { query: `?lastEventId=${seen.id}` });
    await manual.waitFor(isMessage(live.id));
    expect(manual.frames.filter(after)).toHaveLength(4);
    again.close();
    manual.close();
  });

  it('a sign-out ends that session’s streams at once; the user’s other session keeps its own', async () => {
    const person = await buildInfluencer(t.app);
    const laptop = await signIn(t.app, { email: person.email, password: person.password });
    const here = await stream(person);
    const there = await openSse(baseUrl, { cookie: `${laptop.sessionCookieName}=${laptop.sessionCookie}` });
    open.push(there);
    expect((await person.client.post('/api/v1/auth/logout')).status).toBe(204);
    await here.ended;
    // Told that its session ended (the page re-checks it at once), and to wait before reconnecting
    // (which then answers 401).
    expect(here.frames.at(-2)).toMatchObject({ event: 'signed_out', data: '{}' });
    expect(here.frames.at(-2)?.id).toBeUndefined();
    expect(here.frames.at(-1)?.retry).toBeGreaterThanOrEqual(10_000);
    // The other session's stream is still open: it gets its heartbeats.
    const beats = there.frames.length;
    await there.waitFor((f) => f.comment === 'ping' && there.frames.indexOf(f) >= beats, 2000);
    expect((await openSse(baseUrl, { cookie: cookieOf(person) })).status).toBe(401);
  });

  it('a password change ends the user’s other sessions’ streams and keeps its own; a reset ends all', async () => {
    const person = await buildInfluencer(t.app);
    const phone = await signIn(t.app, { email: person.email, password: person.password });
    const mine = await stream(person);
    const other = await openSse(baseUrl, { cookie: `${phone.sessionCookieName}=${phone.sessionCookie}` });
    open.push(other);
    const changed = await person.client.post('/api/v1/auth/password', {
      currentPassword: person.password,
      newPassword: 'another-long-password-77',
    });
    expect(changed.status).toBe(200);
    await other.ended;
    const beats = mine.frames.length;
    await mine.waitFor((f) => f.comment === 'ping' && mine.frames.indexOf(f) >= beats, 2000);

    // A reset (from the e-mailed link) ends every session, this one too.
    await person.client.post('/api/v1/auth/password-reset/request', { email: person.email });
    await t.ctx.outbox.drain();
    const mail = (await browser(t.app).get('/api/v1/dev/mail')).body.items?.find(
      (m) => m.to === person.email,
    );
    const token = /token=([\w-]+)/.exec(mail?.text ?? '')?.[1];
    expect(token).toBeTruthy();
    const reset = await browser(t.app).post('/api/v1/auth/password-reset/confirm', {
      token,
      password: 'a-third-long-password-99',
    });
    expect(reset.status).toBe(200);
    await mine.ended;
  });

  it('a stream for another user than the page shows is refused; a new sign-in ends the old session’s streams', async () => {
    const first = await buildInfluencer(t.app);
    const second = await buildInfluencer(t.app);
    expect((await openSse(baseUrl, { cookie: cookieOf(first), query: `?as=${second.user.id}` })).status).toBe(
      401,
    );
    const mine = await stream(first, { query: `?as=${first.user.id}` });
    expect(mine.status).toBe(200);
    // The same browser signs in as someone else: the previous session and its stream end.
    const res = await first.client.post('/api/v1/auth/login', {
      email: second.email,
      password: second.password,
    });
    expect(res.status).toBe(200);
    await mine.ended;
  });

  it('a session ended elsewhere (another process, an expiry) ends its streams at the next check', async () => {
    const person = await buildInfluencer(t.app);
    const conn = await stream(person);
    await conn.waitFor((f) => f.comment === 'ping', 2000);
    // What another process's sign-out or the expiry sweep does: only the row goes.
    await t.ctx.db.delete(sessions).where(eq(sessions.userId, person.user.id));
    await conn.ended;
    expect(conn.frames.at(-1)?.retry).toBeGreaterThanOrEqual(10_000);
  });

  it('sends a heartbeat comment on the configured interval', async () => {
    const conn = await stream(thread.owner);
    await conn.waitFor((f) => f.comment === 'ping');
    conn.close();
  });

  it('keeps at most the configured number of streams per user: the oldest is closed', async () => {
    const conns = [];
    for (let i = 0; i < 4; i++) conns.push(await stream(stranger));
    await (conns[0] as SseConnection).ended;
    // It was told to wait longer before trying again; the three newer ones stay open (heartbeats).
    expect((conns[0] as SseConnection).frames.at(-1)?.retry).toBe(30_000);
    for (const c of conns.slice(1)) {
      const before = c.frames.length;
      await c.waitFor(() => c.frames.length > before + 1);
    }
    for (const c of conns) c.close();
  });
});

describe('shutdown', () => {
  it('closing the app ends open streams with a retry hint', async () => {
    const own = await createTestApp();
    await own.app.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(own.app.server.address() as AddressInfo).port}`;
    const user = await buildBusinessWithProfile(own.app);
    const conn = await openSse(url, { cookie: cookieOf(user) });
    await conn.waitFor((f) => f.retry === 3000);
    await own.close();
    await conn.ended;
    expect(conn.frames.filter((f) => f.retry !== undefined).length).toBe(2);
  }, 60_000);
});

describe.runIf(inject('testDatabase').kind === 'postgres')('out-of-order commits (PostgreSQL)', () => {
  it('an event that commits after a later one was seen is still replayed after a reconnect', async () => {
    const pool = t.ctx.database.pool;
    if (!pool) throw new Error('no pool');
    const slow = await pool.connect();
    try {
      // A transaction takes the lower id and is still open…
      await slow.query('begin');
      const inserted = await slow.query<{ id: string }>(
        `insert into live_events (user_id, type, data) values ($1, 'collaboration', $2) returning id`,
        [thread.influencer.user.id, JSON.stringify({ collaborationId: 'late', status: 'active' })],
      );
      const lateId = String(inserted.rows[0]?.id);
      await slow.query(`select pg_notify('bextr_events', $1)`, [lateId]);
      // …while a later message commits and reaches the stream, which then drops.
      const conn = await stream(thread.influencer);
      await conn.waitFor((f) => f.retry === 3000);
      const sent = await postMessage(thread.owner.client, thread.conversationId, { body: 'overtakes' });
      const seen = await conn.waitFor(isMessage(sent.id));
      expect(Number(seen.id)).toBeGreaterThan(Number(lateId));
      conn.close();
      await conn.ended;
      await slow.query('commit');
      // The reconnect names the higher id, and still gets the lower one that committed after it.
      const again = await stream(thread.influencer, { lastEventId: seen.id as string });
      const late = await again.waitFor((f) => f.id === lateId);
      expect(late.event).toBe('collaboration');
      again.close();
    } finally {
      slow.release();
    }
  }, 30_000);
});

describe.runIf(inject('testDatabase').kind === 'postgres')('a lost LISTEN connection (PostgreSQL)', () => {
  it('reconnects and catches up: the event committed meanwhile arrives once', async () => {
    const conn = await stream(thread.influencer);
    await conn.waitFor((f) => f.retry === 3000);
    const killed = await t.ctx.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and query ilike 'LISTEN%' and pid <> pg_backend_pid()`);
    expect((killed as unknown as { rows: unknown[] }).rows).toHaveLength(1);
    const sent = await postMessage(thread.owner.client, thread.conversationId, { body: 'during the outage' });
    await conn.waitFor(isMessage(sent.id), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(conn.frames.filter(isMessage(sent.id))).toHaveLength(1);
    conn.close();
  }, 30_000);
});
