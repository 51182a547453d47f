import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
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
