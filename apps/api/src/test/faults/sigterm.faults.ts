import { rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { buildConversation, newClientId } from '../factories/conversations.ts';
import { makePng, multipart } from '../factories/uploads.ts';
import { openSse } from '../sse.ts';
import {
  type AppProcess,
  freePort,
  productionEnv,
  sleep,
  startApp,
  tempDir,
  waitFor,
} from './app-process.ts';
import { prepareData } from './remote.ts';

/** SIGTERM (a deploy, `docker stop`): requests in flight finish with their real answer, new
 * connections are refused, live event streams are closed, and the process exits 0 within 10 s. */

/** Sends a body in slices, `gapMs` apart, so the request is still arriving when the signal comes;
 * `sent` resolves once the headers and the first slice are on the wire; `done` gives the answer and
 * when it came (`at`, epoch ms). */
function slowPost(url: string, headers: Record<string, string>, body: Buffer, slices: number, gapMs: number) {
  let markSent: () => void = () => {};
  const sent = new Promise<void>((resolve) => {
    markSent = resolve;
  });
  const done = new Promise<{ status: number; text: string; at: number }>((resolve) => {
    const req = http.request(url, { method: 'POST', headers: { ...headers, 'content-length': body.length } });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => {
        text += d.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, at: Date.now() }));
    });
    req.on('error', (err) => resolve({ status: 0, text: err.message, at: Date.now() }));
    const size = Math.ceil(body.length / slices);
    let i = 0;
    const next = () => {
      const first = i === 0;
      req.write(body.subarray(i * size, (i + 1) * size), () => {
        if (first) markSent();
      });
      i += 1;
      if (i < slices) setTimeout(next, gapMs);
      else req.end();
    };
    next();
  });
  return { sent, done };
}

const connectRefused = (port: number) =>
  new Promise<string>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
  });

describe('SIGTERM drains', () => {
  let server: AppProcess | undefined;
  let dataDir: string;
  afterAll(async () => {
    await server?.kill();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('in-flight requests get their 2xx, new connections are refused, streams close, exit 0 within 10 s', async () => {
    dataDir = await tempDir('sigterm');
    const env = productionEnv({ port: await freePort(), dataDir, extra: { LOG_LEVEL: 'info' } });
    const thread = await prepareData(env, async (app) => {
      const built = await buildConversation(app);
      return { conversationId: built.conversationId, session: built.influencer.client };
    });
    server = await startApp(env);
    const cookie = `${thread.session.sessionCookieName}=${thread.session.sessionCookie}`;
    const stream = await openSse(server.url, { cookie });
    expect(stream.status).toBe(200);

    // A 6-second upload, and a burst of message posts whose bodies are still arriving for 6 s, all in
    // flight when the signal comes (long enough that a slow start under load cannot let them finish
    // first; short enough to finish, and the process to close, within its 9 s shutdown deadline).
    const browserHeaders = { cookie, origin: server.url, 'sec-fetch-site': 'same-origin' };
    const form = multipart(await makePng(1200, 1200), 'big.png', 'image/png');
    const upload = slowPost(
      `${server.url}/api/v1/uploads`,
      { ...form.headers, ...browserHeaders },
      form.raw,
      20,
      310,
    );
    const url = `${server.url}/api/v1/conversations/${thread.conversationId}/messages`;
    const json = { ...browserHeaders, 'content-type': 'application/json' };
    const burst = Array.from({ length: 20 }, (_, i) => {
      const body = Buffer.from(JSON.stringify({ body: `in flight ${i}`, clientId: newClientId() }));
      return slowPost(url, json, body, 2, 6000);
    });
    await Promise.all([upload.sent, ...burst.map((b) => b.sent)]);
    // Wait until the server has begun every one of them (its request log says so): from then on
    // they are requests in flight. (A connection still in the kernel's backlog at close is reset,
    // and one whose headers are read after it gets Fastify's 503: neither is in flight.)
    const begun = () => server?.output().match(/"method":"POST"[^\n]*"msg":"incoming request"/g)?.length ?? 0;
    await waitFor('the server began all 21 requests', async () => begun() >= 21, 20_000);
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    // The listening socket closes as soon as the process handles the signal (under load, a moment).
    let lateConnection = await connectRefused(Number(env.PORT));
    while (lateConnection === 'connected' && Date.now() - signalledAt < 5000) {
      await sleep(50);
      lateConnection = await connectRefused(Number(env.PORT));
    }
    const refusedAfterMs = Date.now() - signalledAt;

    const exit = await server.exited;
    const exitMs = Date.now() - signalledAt;
    const uploaded = await upload.done;
    const uploadedAt = uploaded.at;
    const posted = await Promise.all(burst.map((b) => b.done));
    const streamEnded = await Promise.race([stream.ended.then(() => true), sleep(1000).then(() => false)]);

    // Every one of them was still in flight at the signal: none had its answer before it.
    const answeredBefore = [uploaded, ...posted].filter((r) => r.at <= signalledAt);
    expect(answeredBefore, 'requests answered before SIGTERM (not in flight)').toEqual([]);
    const answeredMs = [uploaded, ...posted].map((r) => r.at - signalledAt);
    const firstAnswerMs = Math.min(...answeredMs);
    const lastAnswerMs = Math.max(...answeredMs);
    expect(uploaded.status, `${uploaded.text} after ${uploadedAt - signalledAt} ms`).toBe(201);
    expect(posted.map((p) => p.status)).toEqual(posted.map(() => 201));
    expect(lateConnection).toBe('ECONNREFUSED');
    expect(streamEnded, 'the live event stream was closed by the server').toBe(true);
    expect(exit, server.output()).toEqual({ code: 0, signal: null });
    expect(exitMs).toBeLessThan(10_000);
    console.info(
      `sigterm: 1 slow upload + ${posted.length} posts in flight all answered 2xx ` +
        `(answers ${firstAnswerMs}–${lastAnswerMs} ms after the signal); new connections refused ${refusedAfterMs} ms ` +
        `after the signal; SSE stream closed; exit 0 after ${exitMs} ms`,
    );
  });
});
