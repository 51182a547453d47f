import { initialFaqEntries, locales, type Upload } from '@bextr/contracts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../db/migrate.ts';
import { defaultHubOptions } from '../../lib/events/hub.ts';
import { limits } from '../../lib/rate-limit.ts';
import { demoAccounts } from '../../seed/demo.ts';
import type { TestClient } from '../client.ts';
import { buildAdmin } from '../factories/admins.ts';
import { buildConversation, newClientId } from '../factories/conversations.ts';
import { makePng } from '../factories/uploads.ts';
import { buildInfluencer } from '../factories/users.ts';
import { sleep } from '../faults/app-process.ts';
import { prepareData } from '../faults/remote.ts';
import { openSse, type SseConnection } from '../sse.ts';
import { call, freshDatabase, type Pair, signInAt, startPair } from './pair.ts';

/** Issue #11: two real processes on one PostgreSQL behave as one — boot, sessions, live events,
 * suspensions and rate limits. */

/** Small limits for the processes (sign-in per account and address: 10 × 0.5 = 5); the data filled
 * in-process keeps the usual test scale. */
const SCALE = 0.5;
const ADMIN = { email: 'boot-admin@test.bextr.eu', password: 'granite-meadow-copper-77' };
/** Each scenario signs in from an address of its own, told in X-Forwarded-For (believed from loopback:
 * TRUST_PROXY below), so the per-address sign-in limit (30 × 0.5 = 15) is never shared between
 * scenarios or with the in-process fill: a new test cannot push another into 429s. */
const from = {
  boot: '203.0.113.1',
  session: '203.0.113.2',
  suspension: '203.0.113.3',
  limit: '203.0.113.4',
} as const;
/** Well before the periodic session check (30 s) that would end a stream anyway: a stream ended within
 * a third of it was told through PostgreSQL's events channel, with room to spare on a loaded machine. */
const TOLD_WELL_BEFORE_SESSION_CHECK_MS = defaultHubOptions.sessionCheckMs / 3;

const cookieOf = (client: TestClient) => `${client.sessionCookieName}=${client.sessionCookie ?? ''}`;

/** Whether the server ends the stream within `ms`. */
function endsWithin(stream: SseConnection, ms: number): Promise<boolean> {
  return Promise.race([stream.ended.then(() => true), sleep(ms).then(() => false)]);
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
    sharedDataDir: true,
    extra: {
      RATE_LIMIT_SCALE: String(SCALE),
      TRUST_PROXY: '127.0.0.1',
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
      const { res } = await signInAt(
        base,
        demoAccounts.business.email,
        demoAccounts.business.password,
        from.boot,
      );
      expect(res.status, pair.a.output() + pair.b.output()).toBe(200);
    }
  });
});

describe('sessions and live events across processes', () => {
  it('a session made on A works on B; signing out on B ends it on A, and its stream held on A at once', async () => {
    const { res, cookie } = await signInAt(pair.a.url, data.member.email, data.member.password, from.session);
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
    expect(await endsWithin(stream, TOLD_WELL_BEFORE_SESSION_CHECK_MS), 'stream ended').toBe(true);
    expect((await call(pair.a.url, 'GET', '/api/v1/auth/me', { cookie })).status).toBe(401);
  });

  it('a message posted on A reaches the other side’s stream held on B', async () => {
    const stream = await openSse(pair.b.url, { cookie: data.influencer });
    streams.push(stream);
    expect(stream.status).toBe(200);
    const text = `Across processes ${newClientId()}`;
    const posted = await call(pair.a.url, 'POST', `/api/v1/conversations/${data.conversationId}/messages`, {
      cookie: data.owner,
      body: { body: text, clientId: newClientId() },
    });
    expect(posted.status).toBe(201);
    // B's hub does not poll: only the NOTIFY that A's post sent can bring the message to B's stream.
    const frame = await stream.waitFor((f) => f.event === 'message' && (f.data ?? '').includes(text), 10_000);
    expect(JSON.parse(frame.data ?? '{}')).toMatchObject({ conversationId: data.conversationId });
    stream.close();
  });

  it('a suspension made on A ends the user’s stream on B at once, and their session on both', async () => {
    const { cookie } = await signInAt(pair.b.url, data.target.email, data.target.password, from.suspension);
    if (!cookie) throw new Error('no session cookie');
    const stream = await openSse(pair.b.url, { cookie });
    streams.push(stream);
    expect(stream.status).toBe(200);
    const res = await call(pair.a.url, 'POST', `/api/v1/admin/users/${data.target.id}/suspend`, {
      cookie: data.admin,
      body: { reason: 'Across processes.' },
    });
    expect(res.status).toBe(200);
    expect(await endsWithin(stream, TOLD_WELL_BEFORE_SESSION_CHECK_MS), 'stream ended').toBe(true);
    for (const base of [pair.a.url, pair.b.url])
      expect((await call(base, 'GET', '/api/v1/auth/me', { cookie })).status).toBe(401);
  });
});

describe('uploads across processes', () => {
  // Both processes have one DATA_DIR, as an operator shares the uploads directory. With S3_BUCKET
  // instead, the routes and the service are the same code and only the Storage driver differs; that
  // driver keeps nothing per process and runs the same contract against s3rver in lib/storage.test.ts
  // (and the routes on it in modules/uploads/uploads-s3.test.ts).
  it('an image uploaded through A is served by B, thumbnail too, byte for byte', async () => {
    const form = new FormData();
    form.append('file', new Blob([await makePng()], { type: 'image/png' }), 'across.png');
    const res = await fetch(`${pair.a.url}/api/v1/uploads`, {
      method: 'POST',
      headers: { cookie: data.owner, origin: pair.a.url, 'sec-fetch-site': 'same-origin' },
      body: form,
      signal: AbortSignal.timeout(10_000),
    });
    expect(res.status, pair.a.output()).toBe(201);
    const up = (await res.json()) as Upload;
    const read = async (base: string, url: string) => {
      const got = await fetch(`${base}${url}`, {
        headers: { cookie: data.owner },
        signal: AbortSignal.timeout(10_000),
      });
      return {
        status: got.status,
        type: got.headers.get('content-type'),
        bytes: Buffer.from(await got.arrayBuffer()),
      };
    };
    for (const [url, type] of [
      [up.url, 'image/png'],
      [up.thumbUrl, 'image/webp'],
    ] as const) {
      const [onA, onB] = [await read(pair.a.url, url), await read(pair.b.url, url)];
      expect(onB.status, url).toBe(200);
      expect(onB.type).toBe(type);
      expect(onB.bytes.length).toBeGreaterThan(0);
      expect(onB.bytes.equals(onA.bytes), url).toBe(true);
    }
  });
});

describe('rate limits across processes', () => {
  it('sign-in attempts alternating between A and B meet one shared limit', async () => {
    const max = Math.floor(limits.loginPerAccountIp.max * SCALE);
    const email = demoAccounts.influencer.email;
    const statuses: number[] = [];
    for (let i = 0; i < max; i++) {
      const base = i % 2 ? pair.b.url : pair.a.url;
      statuses.push((await signInAt(base, email, `wrong-guess-${i}-xyz`, from.limit)).res.status);
    }
    expect(statuses).toEqual(Array(max).fill(401));
    // The next attempt is refused on either process — even with the right password.
    for (const base of [pair.a.url, pair.b.url]) {
      const { res, cookie } = await signInAt(base, email, demoAccounts.influencer.password, from.limit);
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
