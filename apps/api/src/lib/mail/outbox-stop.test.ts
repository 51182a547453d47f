import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { sleep } from '../../test/faults/app-process.ts';
import { type EmailJob, enqueueEmail, OutboxWorker } from './outbox.ts';

/** A graceful stop (SIGTERM) lets the e-mail being sent finish and hands the rest of the claimed
 * batch back at once, so another process sends it now instead of after the two-minute lease. */
describe('stopping the outbox worker', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 120_000);
  afterAll(() => t?.close());

  it('finishes the e-mail in flight and gives the rest of its batch back, due now and not counted', async () => {
    const to = ['a', 'b', 'c'].map((n) => `stop-${n}-${Date.now()}@test.bextr.eu`);
    for (const address of to)
      await enqueueEmail(t.ctx.db, { to: address, subject: 'Hi', text: 'Hi', html: '<p>Hi</p>' });

    const sent: string[] = [];
    let firstStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      firstStarted = resolve;
    });
    let finishFirst: () => void = () => {};
    const slowTransport = {
      async send(mail: EmailJob) {
        firstStarted();
        if (sent.length === 0) await new Promise<void>((resolve) => (finishFirst = resolve));
        sent.push(mail.to);
      },
    };
    const worker = new OutboxWorker(t.ctx.db, slowTransport, t.app.log, 0);
    const running = worker.drain();
    await started;
    const stopped = worker.stop();
    finishFirst();
    await stopped;
    await running;

    // This app's database is its own: every outbox row is one of ours.
    const rows = (await t.ctx.db.select().from(outbox)).filter((r) =>
      to.includes((r.payload as EmailJob).to),
    );
    const byTo = new Map(rows.map((r) => [(r.payload as EmailJob).to, r]));
    expect(sent).toHaveLength(1);
    const [first] = sent;
    expect(byTo.get(first ?? '')?.status).toBe('done');
    const rest = to.filter((a) => a !== first);
    for (const address of rest) {
      const row = byTo.get(address);
      expect(row?.status).toBe('pending');
      expect(row?.attempts).toBe(0);
      expect(row?.runAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    }
  });
});

/** The app's own worker stops claiming as soon as the app starts closing, while in-flight requests
 * still have their seconds to finish: an e-mail it began sending then could outlive the exit deadline
 * unmarked and go out twice. */
describe('an app that is closing', () => {
  it('claims no e-mail while it waits for a request in flight', async () => {
    const t = await createTestApp({}, { outboxPollMs: 20 });
    let request: http.ClientRequest | null = null;
    try {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.app.server.address() as AddressInfo;
      // A request whose body is still arriving: closing waits for it.
      const answered = new Promise<void>((resolve) => {
        request = http.request({
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json', 'content-length': 200 },
        });
        request.on('response', (res) => res.resume().on('end', resolve));
        request.on('error', () => resolve());
        request.write('{"email":');
      });
      await sleep(100);
      const closed = t.app.close();
      await sleep(50);
      const to = `closing-${Date.now()}@test.bextr.eu`;
      await enqueueEmail(t.ctx.db, { to, subject: 'Hi', text: 'Hi', html: '<p>Hi</p>' });
      // Many poll intervals: a worker still polling would have claimed (and sent) it by now.
      await sleep(400);
      const rows = (await t.ctx.db.select().from(outbox).where(eq(outbox.status, 'pending'))).filter(
        (r) => (r.payload as EmailJob).to === to,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]?.attempts).toBe(0);
      (request as http.ClientRequest | null)?.end(`${'"x"'.padEnd(191, ' ')}}`);
      await answered;
      await closed;
    } finally {
      (request as http.ClientRequest | null)?.destroy();
      await t.close();
    }
  });
});
