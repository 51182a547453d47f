import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildBusiness, buildInfluencer, signIn, uniqueEmail } from '../../test/factories/users.ts';
import { readMail, tokenFromMail } from '../../test/mail.ts';

const REQUEST = '/api/v1/auth/password-reset/request';
const CONFIRM = '/api/v1/auth/password-reset/confirm';
const CHANGE = '/api/v1/auth/password';
const LOGIN = '/api/v1/auth/login';
const ME = '/api/v1/auth/me';
const RESET_SUBJECT = /^Reset your BeXtr password$/;
const NEW_PASSWORD = 'amber-meadow-compass-17';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('POST /auth/password-reset/request', () => {
  it('400: no e-mail given', async () => {
    const res = await browser(t.app).post(REQUEST, {});
    expect(res.status).toBe(400);
    expect(res.body.error?.details?.fields).toEqual([expect.objectContaining({ path: 'email' })]);
  });

  it('202 with the same answer for known and unknown e-mails; only the account owner gets mail', async () => {
    const { email } = await buildInfluencer(t.app);
    const unknownEmail = uniqueEmail('nobody');

    const known = await browser(t.app).post(REQUEST, { email });
    const unknown = await browser(t.app).post(REQUEST, { email: unknownEmail });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual({ ok: true });
    expect(unknown.text).toBe(known.text);
    expect(unknown.headers['content-type']).toBe(known.headers['content-type']);

    expect(await readMail(t.app, unknownEmail)).toEqual([]);
    const resetMails = (await readMail(t.app, email)).filter((m) => RESET_SUBJECT.test(m.subject));
    expect(resetMails).toHaveLength(1);
    expect(resetMails[0]?.text).toContain(`${TEST_BASE_URL}/reset-password?token=`);
  });

  it('202: the link is written in the account language', async () => {
    const { email } = await buildBusiness(t.app, { locale: 'sk' });
    await browser(t.app).post(REQUEST, { email });
    const subjects = (await readMail(t.app, email)).map((m) => m.subject);
    expect(subjects).toContain('Obnovenie hesla v BeXtr');
  });
});

describe('POST /auth/password-reset/confirm', () => {
  it('400: a too short password, and a token that was never issued', async () => {
    const short = await browser(t.app).post(CONFIRM, { token: 'a'.repeat(43), password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error?.details?.fields).toEqual([expect.objectContaining({ path: 'password' })]);

    const bogus = await browser(t.app).post(CONFIRM, {
      token: randomBytes(32).toString('base64url'),
      password: NEW_PASSWORD,
    });
    expect(bogus.status).toBe(400);
    expect(bogus.body.error?.code).toBe('INVALID_TOKEN');
  });

  it('400: a common password is refused without spending the link', async () => {
    const { email } = await buildBusiness(t.app);
    await browser(t.app).post(REQUEST, { email });
    const token = await tokenFromMail(t.app, email, RESET_SUBJECT);

    const common = await browser(t.app).post(CONFIRM, { token, password: 'password123' });
    expect(common.status).toBe(400);
    expect(common.body.error?.details?.fields).toEqual([
      expect.objectContaining({ path: 'password', code: 'password_common' }),
    ]);
    expect((await browser(t.app).post(CONFIRM, { token, password: NEW_PASSWORD })).status).toBe(200);
  });

  it('200: the new password works, the old one does not, every session is ended, the link is spent', async () => {
    const { client: registered, email, password } = await buildInfluencer(t.app);
    const elsewhere = await signIn(t.app, { email, password });

    const requester = browser(t.app);
    await requester.post(REQUEST, { email });
    const token = await tokenFromMail(t.app, email, RESET_SUBJECT);

    const res = await requester.post(CONFIRM, { token, password: NEW_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });

    expect((await registered.get(ME)).status).toBe(401);
    expect((await elsewhere.get(ME)).status).toBe(401);
    expect((await browser(t.app).post(LOGIN, { email, password })).status).toBe(401);
    const signedIn = await signIn(t.app, { email, password: NEW_PASSWORD });
    // Following the link proved the mailbox is theirs.
    expect((await signedIn.get(ME)).body.user?.emailVerified).toBe(true);

    const reused = await browser(t.app).post(CONFIRM, { token, password: 'yet-another-passphrase-3' });
    expect(reused.status).toBe(400);
    expect(reused.body.error?.code).toBe('INVALID_TOKEN');

    const subjects = (await readMail(t.app, email)).map((m) => m.subject);
    expect(subjects[0]).toBe('Your BeXtr password was changed');
  });

  it('only the newest link works', async () => {
    const { email } = await buildBusiness(t.app);
    await browser(t.app).post(REQUEST, { email });
    const first = await tokenFromMail(t.app, email, RESET_SUBJECT);
    await browser(t.app).post(REQUEST, { email });
    const second = await tokenFromMail(t.app, email, RESET_SUBJECT);
    expect(second).not.toBe(first);
    const old = await browser(t.app).post(CONFIRM, { token: first, password: NEW_PASSWORD });
    expect(old.body.error?.code).toBe('INVALID_TOKEN');
    expect((await browser(t.app).post(CONFIRM, { token: second, password: NEW_PASSWORD })).status).toBe(200);
  });
});

describe('POST /auth/password (change)', () => {
  it('401 without a session', async () => {
    const res = await browser(t.app).post(CHANGE, { currentPassword: 'x', newPassword: NEW_PASSWORD });
    expect(res.status).toBe(401);
  });

  it('400: a too short new password, a common one, or a wrong current password', async () => {
    const { client, password } = await buildBusiness(t.app);
    const short = await client.post(CHANGE, { currentPassword: password, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error?.details?.fields).toEqual([expect.objectContaining({ path: 'newPassword' })]);

    const common = await client.post(CHANGE, { currentPassword: password, newPassword: 'qwertyuiop' });
    expect(common.status).toBe(400);
    expect(common.body.error?.details?.fields).toEqual([
      expect.objectContaining({ path: 'newPassword', code: 'password_common' }),
    ]);

    const wrong = await client.post(CHANGE, {
      currentPassword: 'not-my-password-1',
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toEqual({
      code: 'WRONG_PASSWORD',
      message: 'The current password is not correct.',
      details: {
        fields: [
          {
            path: 'currentPassword',
            code: 'wrong_password',
            message: 'The current password is not correct.',
          },
        ],
      },
    });
    // Nothing changed.
    expect((await client.get(ME)).status).toBe(200);
    await signIn(t.app, { email: (await client.get(ME)).body.user?.email ?? '', password });
  });

  it('200: the new password works, other sessions end, this one stays', async () => {
    const { client, email, password } = await buildInfluencer(t.app);
    const other = await signIn(t.app, { email, password });

    const res = await client.post(CHANGE, { currentPassword: password, newPassword: NEW_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });

    expect((await client.get(ME)).status).toBe(200);
    expect((await other.get(ME)).status).toBe(401);
    expect((await browser(t.app).post(LOGIN, { email, password })).status).toBe(401);
    await signIn(t.app, { email, password: NEW_PASSWORD });
    expect((await readMail(t.app, email))[0]?.subject).toBe('Your BeXtr password was changed');
  });
});
