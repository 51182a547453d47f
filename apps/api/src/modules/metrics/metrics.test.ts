import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANES } from '../../db/lanes.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildUser } from '../../test/factories/users.ts';
import { waitFor } from '../../test/faults/app-process.ts';
import { openSse } from '../../test/sse.ts';

/** One sample of the Prometheus text format: `name{label="value",…} number`. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m?.[1] || !m[3]) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g))
      labels[l[1] ?? ''] = l[2] ?? '';
    samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return samples;
}

/** The value of the one sample with exactly these labels (undefined when there is none). */
function sampleValue(
  samples: Sample[],
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const want = JSON.stringify(Object.entries(labels).sort());
  return samples.find((s) => s.name === name && JSON.stringify(Object.entries(s.labels).sort()) === want)
    ?.value;
}

const noWebApp = { webDistDir: '/nonexistent-web-dist' };

describe('GET /metrics', () => {
  let t: TestApp;
  let baseUrl: string;
  beforeAll(async () => {
    t = await createTestApp({ ...noWebApp, metrics: true });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(() => t?.close());

  const scrape = async () => {
    const res = await browser(t.app).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return parse(res.text);
  };

  it('is a 404 like any unknown path while METRICS is off, and not in the OpenAPI document', async () => {
    const off = await createTestApp(noWebApp);
    try {
      const res = await browser(off.app).get('/metrics');
      expect(res.status).toBe(404);
      expect(res.body.error?.code).toBe('NOT_FOUND');
    } finally {
      await off.close();
    }
    const doc = await browser(t.app).get('/api/v1/openapi.json');
    expect(Object.keys((doc.body as { paths?: object }).paths ?? {})).not.toContain('/metrics');
    expect(Object.keys((doc.body as { paths?: object }).paths ?? {})).toContain('/health/ready');
  });

  it('counts and times requests by method, route pattern and status; unknown paths share one label', async () => {
    const client = browser(t.app);
    const before = await scrape();
    const live = { method: 'GET', route: '/health/live', status: '200' };
    const campaign = { method: 'GET', route: '/api/v1/campaigns/:id', status: '401' };
    const unmatched = { method: 'GET', route: 'unmatched', status: '404' };
    const count = (s: Sample[], l: Record<string, string>) =>
      sampleValue(s, 'bextr_http_requests_total', l) ?? 0;

    await client.get('/health/live');
    await client.get('/health/live');
    await client.get('/api/v1/campaigns/00000000-0000-4000-8000-000000000000');
    await client.get('/wp-login.php');
    await client.get('/.env');
    await client.get('/api/v1/no-such-thing/12345');
    const after = await scrape();

    expect(count(after, live) - count(before, live)).toBe(2);
    expect(count(after, campaign) - count(before, campaign)).toBe(1);
    expect(count(after, unmatched) - count(before, unmatched)).toBe(3);
    // No series was made from a path itself.
    const routes = new Set(
      after.filter((s) => s.name === 'bextr_http_requests_total').map((s) => s.labels.route),
    );
    for (const path of ['/wp-login.php', '/.env', '/api/v1/no-such-thing/12345'])
      expect(routes).not.toContain(path);
    // The latency histogram holds the same requests, in buckets up to +Inf.
    const timed = (s: Sample[]) => sampleValue(s, 'bextr_http_request_duration_seconds_count', live) ?? 0;
    expect(timed(after) - timed(before)).toBe(2);
    expect(sampleValue(after, 'bextr_http_request_duration_seconds_bucket', { ...live, le: '+Inf' })).toBe(
      timed(after),
    );
    // Process metrics come from prom-client's defaults, in this app's own registry.
    expect(sampleValue(after, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sampleValue(after, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('shows open live event streams and the LISTEN connection', async () => {
    const user = await buildUser(t.app);
    expect(sampleValue(await scrape(), 'bextr_sse_streams_open')).toBe(0);
    expect(sampleValue(await scrape(), 'bextr_live_events_listener_connected')).toBe(1);
    const stream = await openSse(baseUrl, {
      cookie: `${user.client.sessionCookieName}=${user.client.sessionCookie}`,
    });
    expect(stream.status).toBe(200);
    await stream.waitFor((f) => f.retry !== undefined);
    expect(sampleValue(await scrape(), 'bextr_sse_streams_open')).toBe(1);
    // Signing out ends the stream from the server's side.
    expect((await user.client.post('/api/v1/auth/logout')).status).toBeLessThan(300);
    await stream.ended;
    await waitFor(
      'the stream is gone',
      async () => sampleValue(await scrape(), 'bextr_sse_streams_open') === 0,
      5000,
    );
    // Counted when it ended, but not timed (its "latency" is how long it was open).
    const events = { method: 'GET', route: '/api/v1/events', status: '200' };
    expect(sampleValue(await scrape(), 'bextr_http_requests_total', events)).toBe(1);
    expect(sampleValue(await scrape(), 'bextr_http_request_duration_seconds_count', events)).toBeUndefined();
  });

  it('shows the outbox depth: a registration queues its e-mail, sending it empties the queue', async () => {
    await t.ctx.outbox.drain();
    expect(sampleValue(await scrape(), 'bextr_outbox_jobs', { state: 'pending' })).toBe(0);
    await buildUser(t.app);
    await buildUser(t.app);
    const queued = await scrape();
    expect(sampleValue(queued, 'bextr_outbox_jobs', { state: 'pending' })).toBe(2);
    expect(sampleValue(queued, 'bextr_outbox_jobs', { state: 'retrying' })).toBe(0);
    await t.ctx.outbox.drain();
    expect(sampleValue(await scrape(), 'bextr_outbox_jobs', { state: 'pending' })).toBe(0);
  });

  it('times a request that asks for an event stream of a route that is not one', async () => {
    // Accept is the client's to choose: it must not take a request out of the latency histogram.
    const live = { method: 'GET', route: '/health/live', status: '200' };
    const timed = (s: Sample[]) => sampleValue(s, 'bextr_http_request_duration_seconds_count', live) ?? 0;
    const before = timed(await scrape());
    const res = await browser(t.app).get('/health/live', { headers: { accept: 'text/event-stream' } });
    expect(res.status).toBe(200);
    expect(timed(await scrape()) - before).toBe(1);
  });

  it('a locked outbox: the scrape answers, and the database cancels the count (PostgreSQL)', async (test) => {
    const pool = t.database.pool;
    if (t.database.kind !== 'postgres' || !pool) return test.skip();
    const side = await pool.connect();
    const waiting = async () =>
      (
        await pool.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and state = 'active'
              and query like '%count(*) filter%'`,
        )
      ).rows[0]?.n ?? -1;
    try {
      await side.query('begin');
      await side.query('lock table outbox in access exclusive mode');
      const started = Date.now();
      const samples = await scrape();
      expect(Date.now() - started).toBeLessThan(4000);
      expect(sampleValue(samples, 'bextr_outbox_jobs', { state: 'pending' })).toBeUndefined();
      // The count was cancelled by the database, not left waiting on the lock with its connection.
      await waitFor('the count is cancelled', async () => (await waiting()) === 0, 3000);
    } finally {
      await side.query('rollback').catch(() => {});
      side.release();
    }
    expect(sampleValue(await scrape(), 'bextr_outbox_jobs', { state: 'pending' })).toBeGreaterThanOrEqual(0);
  });

  it('shows the pool and the lanes of a PostgreSQL database (none on PGlite)', async () => {
    const samples = await scrape();
    const total = sampleValue(samples, 'bextr_db_pool_connections', { state: 'total' });
    if (t.database.kind === 'postgres') {
      expect(total).toBeGreaterThanOrEqual(1);
      expect(sampleValue(samples, 'bextr_db_pool_waiting_requests')).toBe(0);
      // The lanes connect on the app's first statements outside a transaction (the event hub's, at
      // boot) and then show.
      let lanes = samples;
      for (let tries = 0; sampleValue(lanes, 'bextr_db_lanes', { state: 'ready' }) !== LANES; tries++) {
        if (tries > 50) throw new Error('the lanes never showed as ready');
        await new Promise((resolve) => setTimeout(resolve, 20));
        lanes = await scrape();
      }
      expect(sampleValue(lanes, 'bextr_db_lanes', { state: 'in_flight' })).toBe(0);
    } else {
      expect(total).toBeUndefined();
      expect(sampleValue(samples, 'bextr_db_lanes', { state: 'ready' })).toBeUndefined();
    }
  });
});

describe('GET /metrics with METRICS_TOKEN, and a failing mail server', () => {
  const token = 'scrape-token-0123456789abcdef';
  let t: TestApp;
  beforeAll(async () => {
    const base = await createTestApp(noWebApp);
    const mail = { ...base.config.mail, smtpUrl: 'smtp://127.0.0.1:1', devMailbox: false };
    await base.close();
    t = await createTestApp({ ...noWebApp, metrics: true, metricsToken: token, mail });
  }, 120_000);
  afterAll(() => t?.close());

  it('401 without the bearer token or with another one; 200 with it', async () => {
    const client = browser(t.app);
    const none = await client.get('/metrics');
    expect(none.status).toBe(401);
    expect(none.body.error?.code).toBe('UNAUTHENTICATED');
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    const wrong = await client.get('/metrics', { headers: { authorization: `Bearer ${token}x` } });
    expect(wrong.status).toBe(401);
    const basic = await client.get('/metrics', { headers: { authorization: token } });
    expect(basic.status).toBe(401);
    const right = await client.get('/metrics', { headers: { authorization: `Bearer ${token}` } });
    expect(right.status).toBe(200);
    expect(right.text).toContain('bextr_http_requests_total');
  });

  it('an e-mail that failed to go out counts as retrying', async () => {
    const scrape = async () =>
      parse((await browser(t.app).get('/metrics', { headers: { authorization: `Bearer ${token}` } })).text);
    await buildUser(t.app);
    expect(sampleValue(await scrape(), 'bextr_outbox_jobs', { state: 'retrying' })).toBe(0);
    await t.ctx.outbox.drain();
    const after = await scrape();
    expect(sampleValue(after, 'bextr_outbox_jobs', { state: 'pending' })).toBe(1);
    expect(sampleValue(after, 'bextr_outbox_jobs', { state: 'retrying' })).toBe(1);
  });
});
