import { rm } from 'node:fs/promises';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConversation, newClientId } from '../factories/conversations.ts';
import {
  type AppProcess,
  freePort,
  productionEnv,
  sleep,
  startApp,
  tempDir,
  waitFor,
} from '../faults/app-process.ts';
import { prepareData } from '../faults/remote.ts';
import { openSse } from '../sse.ts';

/** The production process as an operator sees it: JSON log lines carrying the request id that the
 * response's X-Request-Id told the client, no secrets in them, /metrics behind its token; and a
 * SIGTERM that lets a request in flight finish, ends live event streams with a short reconnect hint
 * (so browsers go to another process), refuses readiness, and exits 0 within 10 s. */

const METRICS_TOKEN = 'metrics-token-for-the-test-0123';

interface LogLine {
  level: number;
  time: number;
  msg: string;
  reqId?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
}

/** Every log line the process wrote (pino writes one JSON object per line); other lines (the start
 * banner) are returned apart so the test can tell nothing else slipped in. */
function logLines(output: string): { json: LogLine[]; other: string[] } {
  const json: LogLine[] = [];
  const other: string[] = [];
  for (const line of output.split('\n')) {
    if (line.trim() === '') continue;
    try {
      json.push(JSON.parse(line) as LogLine);
    } catch {
      other.push(line);
    }
  }
  return { json, other };
}

/** A POST whose body arrives in two halves `gapMs` apart: in flight for that long. */
function slowPost(url: string, headers: Record<string, string>, body: Buffer, gapMs: number) {
  return new Promise<{ status: number; text: string }>((resolve) => {
    const req = http.request(url, { method: 'POST', headers: { ...headers, 'content-length': body.length } });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => {
        text += d.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', (err) => resolve({ status: 0, text: err.message }));
    const half = Math.floor(body.length / 2);
    req.write(body.subarray(0, half));
    setTimeout(() => req.end(body.subarray(half)), gapMs);
  });
}

describe('the production process: logs, metrics, SIGTERM', () => {
  let server: AppProcess | undefined;
  let dataDir: string;
  let env: Record<string, string>;
  let thread: { conversationId: string; cookie: string };

  beforeAll(async () => {
    dataDir = await tempDir('observability');
    env = productionEnv({
      port: await freePort(),
      dataDir,
      extra: { LOG_LEVEL: 'info', METRICS: 'true', METRICS_TOKEN },
    });
    thread = await prepareData(env, async (app) => {
      const built = await buildConversation(app);
      const client = built.influencer.client;
      return {
        conversationId: built.conversationId,
        cookie: `${client.sessionCookieName}=${client.sessionCookie}`,
      };
    });
    server = await startApp(env);
  });
  afterAll(async () => {
    await server?.kill();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('logs JSON lines carrying the id the response header gave, and never a secret', async () => {
    const base = server?.url ?? '';
    const given = await fetch(`${base}/health/live`, { headers: { 'x-request-id': 'lb-7f3a.probe_1' } });
    expect(given.headers.get('x-request-id')).toBe('lb-7f3a.probe_1');
    const made = await fetch(`${base}/health/ready`);
    const madeId = made.headers.get('x-request-id') ?? '';
    expect(madeId).toMatch(/^[0-9a-f-]{36}$/);
    // An id that could forge log lines or bloat them is replaced, not echoed.
    const forged = await fetch(`${base}/health/live`, {
      headers: { 'x-request-id': 'a b"},{"msg":"forged' },
    });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    // Secrets a request may carry: a password in the body, a session cookie and a bearer token in the
    // headers, a reset token in the link of an e-mail.
    const password = 'Sup3r-secret-passphrase-9931';
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: base,
        'sec-fetch-site': 'same-origin',
        cookie: '__Host-bextr_session=cookie-secret-4471',
        authorization: 'Bearer header-secret-5582',
      },
      body: JSON.stringify({ email: 'nobody@test.bextr.eu', password }),
    });
    expect(login.status).toBe(401);
    const reset = await fetch(`${base}/reset-password?token=reset-secret-6693&lang=sk`);
    const resetId = reset.headers.get('x-request-id') ?? '';

    await waitFor(
      'the log lines of those requests',
      async () => (server?.output() ?? '').includes(resetId),
      5000,
    );
    const output = server?.output() ?? '';
    const { json, other } = logLines(output);
    // Nothing but JSON, apart from the start banner.
    expect(other.filter((l) => !/BeXtr is running|^\s*$/.test(l))).toEqual([]);
    for (const line of json) {
      expect(typeof line.level).toBe('number');
      expect(typeof line.time).toBe('number');
      expect(typeof line.msg).toBe('string');
    }
    for (const id of ['lb-7f3a.probe_1', madeId]) {
      const own = json.filter((l) => l.reqId === id);
      expect(own.map((l) => l.msg)).toEqual(['incoming request', 'request completed']);
      expect(own[1]?.res?.statusCode).toBe(200);
    }
    expect(json.find((l) => l.reqId === resetId)?.req?.url).toBe('/reset-password?token=[redacted]&lang=sk');
    for (const secret of [password, 'cookie-secret-4471', 'header-secret-5582', 'reset-secret-6693']) {
      expect(output).not.toContain(secret);
    }
  });

  it('serves /metrics to the bearer of METRICS_TOKEN only', async () => {
    const base = server?.url ?? '';
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(
      /^bextr_http_requests_total\{method="GET",route="\/health\/live",status="200"\} \d+$/m,
    );
    expect(text).toMatch(/^bextr_live_events_listener_connected 1$/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
  });

  it('SIGTERM: the request in flight finishes, the stream gets a short retry and ends, readiness refuses, exit 0 in < 10 s', async () => {
    const proc = server as AppProcess;
    const stream = await openSse(proc.url, { cookie: thread.cookie });
    expect(stream.status).toBe(200);
    await stream.waitFor((f) => f.retry !== undefined);
    const framesBefore = stream.frames.length;
    const metrics = await fetch(`${proc.url}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(await metrics.text()).toMatch(/^bextr_sse_streams_open 1$/m);
    expect((await fetch(`${proc.url}/health/ready`)).status).toBe(200);

    const begun = () => (proc.output().match(/"method":"POST"[^\n]*"msg":"incoming request"/g) ?? []).length;
    const postsBefore = begun();
    const body = Buffer.from(JSON.stringify({ body: 'sent during a deploy', clientId: newClientId() }));
    const inFlight = slowPost(
      `${proc.url}/api/v1/conversations/${thread.conversationId}/messages`,
      {
        cookie: thread.cookie,
        origin: proc.url,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
      },
      body,
      2500,
    );
    // Begun by the server (its log says so) before the signal: a request in flight.
    await waitFor('the server began the POST', async () => begun() > postsBefore, 10_000);
    const signalledAt = Date.now();
    proc.child.kill('SIGTERM');

    // The stream's last frames: a reconnect hint well under the usual 3 s, then the end — by the
    // server, while the POST still holds the process up (it exits only after that request).
    const first = await Promise.race([
      stream.ended.then(() => 'stream ended'),
      proc.exited.then(() => 'process exited'),
      sleep(5000).then(() => 'still open after 5 s'),
    ]);
    expect(first).toBe('stream ended');
    const closing = stream.frames.slice(framesBefore).filter((f) => f.retry !== undefined);
    expect(closing.length, 'a retry: frame after the signal').toBeGreaterThanOrEqual(1);
    expect(closing.at(-1)?.retry).toBeLessThanOrEqual(2000);
    // A load balancer asking now is refused (the listening socket is closed) or told 503: never 200.
    const ready = await fetch(`${proc.url}/health/ready`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.status,
      () => 0,
    );
    expect([0, 503]).toContain(ready);

    const posted = await inFlight;
    expect(posted.status, posted.text).toBe(201);
    const exit = await proc.exited;
    const exitMs = Date.now() - signalledAt;
    expect(exit, proc.output()).toEqual({ code: 0, signal: null });
    expect(exitMs).toBeLessThan(10_000);
    const stopping = logLines(proc.output()).json.find((l) => l.msg.startsWith('stopping'));
    expect(stopping).toMatchObject({ signal: 'SIGTERM' });
  });
});
