import { initialFaqEntries, locales } from '@bextr/contracts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../db/migrate.ts';
import { limits } from '../../lib/rate-limit.ts';
import { demoAccounts } from '../../seed/demo.ts';
import type { TestClient } from '../client.ts';
import { buildAdmin } from '../factories/admins.ts';
import { buildConversation, newClientId } from '../factories/conversations.ts';
import { buildInfluencer } from '../factories/users.ts';
import { prepareData } from '../faults/remote.ts';
import { openSse, type SseConnection } from '../sse.ts';
import { call, freshDatabase, type Pair, signInAt, startPair } from './pair.ts';

/** Issue #11: two real processes on one PostgreSQL behave as one — boot, sessions, live events,
 * suspensions and rate limits. */

/** Small limits for the processes (sign-in per account and address: 10 × 0.5 = 5); the data filled
 * in-process keeps the usual test scale. */
const SCALE = 0.5;
const ADMIN = { email: 'boot-admin@test.bextr.eu', password: 'granite-meadow-copper-77' };

const cookieOf = (client: TestClient) => `${client.sessionCookieName}=${client.sessionCookie ?? ''}`;

/** Waits for a stream to be ended by the server; returns after how many ms. */
async function endedWithin(stream: SseConnection, ms: number): Promise<number> {
  const started = Date.now();
  await Promise.race([
    stream.ended,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`stream still open after ${ms} ms`)), ms)),
  ]);
  return Date.now() - started;
}

let db: Awaited<ReturnType<typeof freshDatabase>>;
let pair: Pair;
const streams: SseConnection[] = [];
let data: Awaited<ReturnType<typeof fill>>;

function fill(env: Record<string, string>) {
  return prepareData({ ...env, RATE_LIMIT_SCALE: '1000' }, async (app) => {
    const thread = await buildConversation(app);
    const member = await buildInfluencer(app);
    const target = await buildInfluencer(app);
    const admin = await buildAdmin(app);
    return {
      conversationId: thread.conversationId,
      owner: cookieOf(thread.owner.client),
      influencer: cookieOf(thread.influencer.client),
      member: { email: member.email, password: member.password },
      target: { id: target.user.id, email: target.email, password: target.password },
      admin: cookieOf(admin.client),
    };
  });
}

beforeAll(async () => {
  db = await freshDatabase();
  // Both boot at the same moment on an empty database: both migrate and prepare boot data.
  pair = await startPair({
    databaseUrl: db.url,
    extra: {
      RATE_LIMIT_SCALE: String(SCALE),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SEED_DEMO: 'true',
    },
  });
  data = await fill(pair.env);
});

afterAll(async () => {
  for (const s of streams) s.close();
  await pair?.stop();
  await db?.drop();
});

describe('two processes booting at once on an empty database', () => {
  it('migrate once and load the admin, the FAQ and the demo data once', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const count = async (q: string, params: unknown[] = []) =>
        Number((await client.query(q, params)).rows[0]?.n);
      const { readdir } = await import('node:fs/promises');
      const migrations = (await readdir(migrationsFolder)).filter((f) => f.endsWith('.sql')).length;
      expect(await count('select count(*) n from drizzle.__drizzle_migrations')).toBe(migrations);
      const byEmail = 'select count(*) n from users where lower(email) = lower($1)';
      expect(await count(byEmail, [ADMIN.email])).toBe(1);
      expect(await count(byEmail, [demoAccounts.business.email])).toBe(1);
      expect(await count('select count(*) n from faq_entries')).toBe(
        initialFaqEntries.length * locales.length,
      );
      expect(await count('select count(*) n from campaigns')).toBeGreaterThan(0);
      const campaignsOnce =
        'select count(*) n from (select name from campaigns group by owner_id, name having count(*) > 1) d';
      expect(await count(campaignsOnce)).toBe(0);
    } finally {
      await client.end();
    }
    // The demo's business signs in on either process.
    for (const base of [pair.a.url, pair.b.url]) {
      const { res } = await signInAt(base, demoAccounts.business.email, demoAccounts.business.password);
      expect(res.status, pair.a.output() + pair.b.output()).toBe(200);
    }
  });
});

describe('sessions and live events across processes', () => {
  it('a session made on A works on B; signing out on B ends it on A, and its stream held on A at once', async () => {
    const { res, cookie } = await signInAt(pair.a.url, data.member.email, data.member.password);
    expect(res.status).toBe(200);
    if (!cookie) throw new Error('no session cookie');
    const me = await call(pair.b.url, 'GET', '/api/v1/auth/me', { cookie });
    expect(me.status).toBe(200);
    expect((me.body.user as { email: string }).email).toBe(data.member.email);

    const stream = await openSse(pair.a.url, { cookie });
    streams.push(stream);
    expect(stream.status).toBe(200);
    expect((await call(pair.b.url, 'POST', '/api/v1/auth/logout', { cookie, body: {} })).status).toBe(204);
    // Told through the events channel: well before A's 30-second session check.
    expect(await endedWithin(stream, 3000)).toBeLessThan(3000);
    expect((await call(pair.a.url, 'GET', '/api/v1/auth/me', { cookie })).status).toBe(401);
  });

  it('a message posted on A reaches the other side’s stream held on B', async () => {
    const stream = await openSse(pair.b.url, { cookie: data.influencer });
    streams.push(stream);
    expect(stream.status).toBe(200);
    const text = `Across processes ${newClientId()}`;
    const sentAt = Date.now();
    const posted = await call(pair.a.url, 'POST', `/api/v1/conversations/${data.conversationId}/messages`, {
      cookie: data.owner,
      body: { body: text, clientId: newClientId() },
    });
    expect(posted.status).toBe(201);
    const frame = await stream.waitFor((f) => f.event === 'message' && (f.data ?? '').includes(text), 5000);
    const latencyMs = Date.now() - sentAt;
    expect(JSON.parse(frame.data ?? '{}')).toMatchObject({ conversationId: data.conversationId });
    // One NOTIFY and one fetch: it arrives in well under a second on a quiet machine.
    expect(latencyMs).toBeLessThan(2000);
    stream.close();
  });

  it('a suspension made on A ends the user’s stream on B at once, and their session on both', async () => {
    const { cookie } = await signInAt(pair.b.url, data.target.email, data.target.password);
    if (!cookie) throw new Error('no session cookie');
    const stream = await openSse(pair.b.url, { cookie });
    streams.push(stream);
    expect(stream.status).toBe(200);
    const res = await call(pair.a.url, 'POST', `/api/v1/admin/users/${data.target.id}/suspend`, {
      cookie: data.admin,
      body: { reason: 'Across processes.' },
    });
    expect(res.status).toBe(200);
    expect(await endedWithin(stream, 3000)).toBeLessThan(3000);
    for (const base of [pair.a.url, pair.b.url])
      expect((await call(base, 'GET', '/api/v1/auth/me', { cookie })).status).toBe(401);
  });
});

describe('rate limits across processes', () => {
  it('sign-in attempts alternating between A and B meet one shared limit', async () => {
    const max = Math.floor(limits.loginPerAccountIp.max * SCALE);
    const email = demoAccounts.influencer.email;
    const statuses: number[] = [];
    for (let i = 0; i < max; i++) {
      const base = i % 2 ? pair.b.url : pair.a.url;
      statuses.push((await signInAt(base, email, `wrong-guess-${i}-xyz`)).res.status);
    }
    expect(statuses).toEqual(Array(max).fill(401));
    // The next attempt is refused on either process — even with the right password.
    for (const base of [pair.a.url, pair.b.url]) {
      const { res, cookie } = await signInAt(base, email, demoAccounts.influencer.password);
      expect(res.status).toBe(429);
      expect(cookie).toBeNull();
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(limits.loginPerAccountIp.windowSeconds);
      expect(res.body).toEqual({
        error: {
          code: 'RATE_LIMITED',
          message: 'Too many attempts. Please wait a moment and try again.',
          details: { retryAfterSeconds: retryAfter },
        },
      });
    }
  });
});
