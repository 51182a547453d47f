import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../../config.ts';
import { outbox } from '../../db/schema.ts';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildBusiness, buildInfluencer } from '../../test/factories/users.ts';
import { extractToken } from '../../test/mail.ts';
import { SmtpSink } from '../../test/smtp.ts';

/** E-mail over a real SMTP server (smtp-server on 127.0.0.1), as with SMTP_URL in production. */
let sink: SmtpSink;
let t: TestApp;
beforeAll(async () => {
  sink = await SmtpSink.start();
  t = await createTestApp({ mail: { ...testConfig().mail, smtpUrl: sink.url } });
});
afterAll(async () => {
  await t?.close();
  await sink?.stop();
});
beforeEach(async () => {
  sink.refuse = false;
  await sink.listen();
});

const mailsTo = (email: string) => sink.received.filter((m) => m.to.includes(email));

async function outboxRowsTo(email: string) {
  return t.ctx.db
    .select()
    .from(outbox)
    .where(sql`${outbox.payload}->>'to' = ${email}`)
    .orderBy(outbox.createdAt);
}

/** Skips the backoff wait, as if its time had come. */
async function makeDueNow(email: string) {
  await t.ctx.db
    .update(outbox)
    .set({ runAt: sql`now()` })
    .where(sql`${outbox.payload}->>'to' = ${email} and ${outbox.status} = 'pending'`);
}

describe('e-mail over SMTP', () => {
  it('the verification e-mail arrives with a working link', async () => {
    const { email, client } = await buildBusiness(t.app, { name: 'Tatra' });
    await t.ctx.outbox.drain();

    const [mail, ...more] = mailsTo(email);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe('Verify your e-mail for BeXtr');
    expect(mail?.text).toContain('Hello Tatra,');
    expect(mail?.text).toContain(`${TEST_BASE_URL}/verify-email?token=`);
    expect(mail?.html).toContain('/verify-email?token=');
    expect(mail?.raw).toMatch(/^From: BeXtr <no-reply@bextr\.local>\r$/m);

    const token = extractToken(mail?.text ?? '');
    expect((await browser(t.app).post('/api/v1/auth/verify-email', { token })).status).toBe(200);
    expect((await client.get('/api/v1/auth/me')).body.user?.emailVerified).toBe(true);
    const [row] = await outboxRowsTo(email);
    expect(row).toMatchObject({ status: 'done', attempts: 1, lastError: null });
  });

  it('a Slovak registration gets the e-mail in Slovak', async () => {
    const { email } = await buildInfluencer(t.app, { name: 'Lucia Nováková', client: { lang: 'sk' } });
    await t.ctx.outbox.drain();
    const [mail] = mailsTo(email);
    expect(mail?.subject).toBe('Overte svoj e-mail v BeXtr');
    expect(mail?.text).toContain('Dobrý deň, Lucia Nováková,');
    expect(mail?.text).toMatch(/Overiť e-mail: \S+\/verify-email\?token=[A-Za-z0-9_-]{20,}/);
  });

  it('while the server refuses mail, registering still works, and the e-mail follows once it accepts', async () => {
    sink.refuse = true;
    const { email } = await buildBusiness(t.app);
    await t.ctx.outbox.drain();

    expect(mailsTo(email)).toEqual([]);
    const [failed] = await outboxRowsTo(email);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(failed?.lastError).toMatch(/451|try again later/i);
    expect(failed?.runAt.getTime()).toBeGreaterThan(Date.now());

    // Not yet due: another drain leaves it alone.
    await t.ctx.outbox.drain();
    expect((await outboxRowsTo(email))[0]?.attempts).toBe(1);

    sink.refuse = false;
    await makeDueNow(email);
    await t.ctx.outbox.drain();
    expect(mailsTo(email).map((m) => m.subject)).toEqual(['Verify your e-mail for BeXtr']);
    expect((await outboxRowsTo(email))[0]).toMatchObject({ status: 'done', attempts: 2, lastError: null });
  });

  it('while the server is down, nothing is lost: each failure counts, and the e-mail goes once it is back', async () => {
    await sink.stop();
    const { email } = await buildInfluencer(t.app);
    const res = await browser(t.app).post('/api/v1/auth/password-reset/request', { email });
    expect(res.status).toBe(202);

    await t.ctx.outbox.drain();
    await makeDueNow(email);
    await t.ctx.outbox.drain();
    const pending = await outboxRowsTo(email);
    expect(pending).toHaveLength(2);
    for (const row of pending) expect(row).toMatchObject({ status: 'pending', attempts: 2 });

    await sink.listen();
    await makeDueNow(email);
    await t.ctx.outbox.drain();
    expect(mailsTo(email).map((m) => m.subject)).toEqual([
      'Verify your e-mail for BeXtr',
      'Reset your BeXtr password',
    ]);
    for (const row of await outboxRowsTo(email)) expect(row).toMatchObject({ status: 'done', attempts: 3 });
  });

  it('a backlog goes out oldest first, so the last link to arrive is the one that works', async () => {
    // The server refuses mail while the user keeps asking for the link again.
    sink.refuse = true;
    const { email, client } = await buildBusiness(t.app);
    await t.ctx.outbox.drain();
    for (let i = 0; i < 3; i++) {
      expect((await client.post('/api/v1/auth/verify-email/resend')).status).toBe(202);
      await t.ctx.outbox.drain();
    }
    expect(mailsTo(email)).toEqual([]);

    sink.refuse = false;
    await makeDueNow(email);
    await t.ctx.outbox.drain();
    const tokens = mailsTo(email).map((m) => extractToken(m.text));
    expect(tokens).toHaveLength(4);

    const last = tokens.at(-1) ?? '';
    for (const old of tokens.slice(0, -1)) {
      expect((await browser(t.app).post('/api/v1/auth/verify-email', { token: old })).status).toBe(400);
    }
    expect((await browser(t.app).post('/api/v1/auth/verify-email', { token: last })).status).toBe(200);
  });
});
