import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildBusiness, buildInfluencer } from '../../test/factories/users.ts';
import { extractToken, readMail, tokenFromMail } from '../../test/mail.ts';

const VERIFY = '/api/v1/auth/verify-email';
const RESEND = '/api/v1/auth/verify-email/resend';
const VERIFY_SUBJECT = /^Verify your e-mail/;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('the verification e-mail', () => {
  it('arrives after registering, in the user language, with a link to the web app', async () => {
    const { email } = await buildBusiness(t.app, { name: 'Tatra' });
    const [mail] = await readMail(t.app, email);
    expect(mail).toMatchObject({ to: email, subject: 'Verify your e-mail for BeXtr' });
    expect(mail?.text).toContain('Hello Tatra,');
    expect(mail?.text).toContain(`${TEST_BASE_URL}/verify-email?token=`);
    expect(mail?.html).toContain(`${TEST_BASE_URL}/verify-email?token=`);

    const slovak = await buildInfluencer(t.app, { client: { lang: 'sk' } });
    const [skMail] = await readMail(t.app, slovak.email);
    expect(skMail?.subject).toBe('Overte svoj e-mail v BeXtr');
    expect(skMail?.text).toContain('Overiť e-mail');
  });
});

describe('POST /auth/verify-email', () => {
  it('400: a missing token', async () => {
    const res = await browser(t.app).post(VERIFY, {});
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('VALIDATION_FAILED');
    expect(res.body.error?.details?.fields).toEqual([expect.objectContaining({ path: 'token' })]);
  });

  it('400 INVALID_TOKEN: a token that was never issued', async () => {
    const res = await browser(t.app).post(VERIFY, { token: randomBytes(32).toString('base64url') });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { code: 'INVALID_TOKEN', message: 'This link is invalid or has expired.' },
    });
  });

  it('200: the link from the mailbox verifies the e-mail, once', async () => {
    const { client, email } = await buildInfluencer(t.app);
    const token = await tokenFromMail(t.app, email, VERIFY_SUBJECT);

    // The link works in any browser, signed in or not.
    const res = await browser(t.app).post(VERIFY, { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect((await client.get('/api/v1/auth/me')).body.user?.emailVerified).toBe(true);

    const again = await browser(t.app).post(VERIFY, { token });
    expect(again.status).toBe(400);
    expect(again.body.error?.code).toBe('INVALID_TOKEN');
  });
});

describe('POST /auth/verify-email/resend', () => {
  it('401 without a session', async () => {
    const res = await browser(t.app).post(RESEND);
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('UNAUTHENTICATED');
  });

  it('409 when the e-mail is already verified', async () => {
    const { client } = await buildBusiness(t.app, { verified: true });
    const res = await client.post(RESEND);
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      error: { code: 'EMAIL_ALREADY_VERIFIED', message: 'Your e-mail is already verified.' },
    });
  });

  it('202: sends a new link; the earlier one stops working', async () => {
    const { client, email } = await buildBusiness(t.app);
    const first = await tokenFromMail(t.app, email, VERIFY_SUBJECT);

    const res = await client.post(RESEND);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ ok: true });

    const mails = await readMail(t.app, email);
    expect(mails.filter((m) => VERIFY_SUBJECT.test(m.subject))).toHaveLength(2);
    const second = extractToken(mails[0]?.text ?? '');
    expect(second).not.toBe(first);

    expect((await browser(t.app).post(VERIFY, { token: first })).body.error?.code).toBe('INVALID_TOKEN');
    expect((await browser(t.app).post(VERIFY, { token: second })).status).toBe(200);
    expect((await client.get('/api/v1/auth/me')).body.user?.emailVerified).toBe(true);
    expect((await client.post(RESEND)).status).toBe(409);
  });
});
