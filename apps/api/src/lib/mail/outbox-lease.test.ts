import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devMail, outbox } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { enqueueEmail, OutboxWorker } from './outbox.ts';
import { createTransport, type MailTransport } from './transport.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t?.close());

describe('outbox leases with several workers (processes)', () => {
  it('a job whose lease ran out while an earlier job of the batch was slow is sent once, by whoever took it over', async () => {
    const tag = `lease-${Date.now()}`;
    const subjects = [`${tag} first`, `${tag} second`];
    for (const subject of subjects)
      await enqueueEmail(t.ctx.db, { to: `${tag}@test.bextr.eu`, subject, text: 'x', html: '<p>x</p>' });

    // Worker A sends into the dev mailbox, but its first send hangs until we let it go.
    const mailbox = createTransport({ smtpUrl: null, from: 'BeXtr <no-reply@bextr.local>', db: t.ctx.db });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started: () => void = () => {};
    const firstSendStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const slow: MailTransport = {
      async send(mail) {
        started();
        await gate;
        await mailbox.send(mail);
      },
    };
    const a = new OutboxWorker(t.ctx.db, slow, t.app.log, 0);
    const b = new OutboxWorker(t.ctx.db, mailbox, t.app.log, 0);
    const draining = a.drain();
    await firstSendStarted;

    // A claimed both; the second one's lease runs out while A is stuck on the first, and B takes it.
    await t.ctx.db
      .update(outbox)
      .set({ runAt: sql`now() - interval '1 second'` })
      .where(eq(sql`${outbox.payload}->>'subject'`, subjects[1] as string));
    await b.drain();
    release();
    await draining;

    const sent = await t.ctx.db
      .select({ subject: devMail.subject })
      .from(devMail)
      .where(inArray(devMail.subject, subjects));
    expect(sent.map((m) => m.subject).sort()).toEqual([...subjects].sort());
    const rows = await t.ctx.db
      .select({ status: outbox.status })
      .from(outbox)
      .where(inArray(sql`${outbox.payload}->>'subject'`, subjects));
    expect(rows.map((r) => r.status)).toEqual(['done', 'done']);
  });
});
