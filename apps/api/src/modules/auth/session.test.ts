import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildBusiness, buildInfluencer, PASSWORD, signIn, uniqueEmail } from '../../test/factories/users.ts';
import { createSession, findSessionUser, readUserSecrets } from './sessions.ts';

const LOGIN = '/api/v1/auth/login';
const LOGOUT = '/api/v1/auth/logout';
const ME = '/api/v1/auth/me';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('POST /auth/login', () => {
  it('400: an empty form', async () => {
    const res = await browser(t.app).post(LOGIN, { email: '', password: '' });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('VALIDATION_FAILED');
    expect(res.body.error?.details?.fields?.map((f) => f.path).sort()).toEqual(['email', 'password']);
  });

  it('401: a wrong password and an unknown e-mail get the very same answer', async () => {
    const { email } = await buildBusiness(t.app);
    const wrong = await browser(t.app).post(LOGIN, { email, password: 'not-the-password-9' });
    const unknown = await browser(t.app).post(LOGIN, { email: uniqueEmail('ghost'), password: PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({
      error: { code: 'INVALID_CREDENTIALS', message: 'The e-mail or password is not correct.' },
    });
    expect(unknown.text).toBe(wrong.text);
    expect(wrong.cookies).toEqual([]);
    expect(unknown.cookies).toEqual([]);
  });

  it('200: signs in with the e-mail in any letter case and surrounding spaces', async () => {
    const { email, user } = await buildInfluencer(t.app);
    const client = browser(t.app);
    const res = await client.post(LOGIN, { email: `  ${email.toUpperCase()} `, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual(user);
    expect(res.cookies.find((c) => c.name === client.sessionCookieName)).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });
    expect((await client.get(ME)).body.user?.id).toBe(user.id);
  });

  it('a readable "signed in" hint comes and goes with the session, so a visitor\'s app need not ask /me', async () => {
    const { email } = await buildInfluencer(t.app);
    const client = browser(t.app);
    const res = await client.post(LOGIN, { email, password: PASSWORD });
    const session = res.cookies.find((c) => c.name === client.sessionCookieName);
    const hint = res.cookies.find((c) => c.name === 'bextr_signed_in');
    expect(hint).toMatchObject({ value: '1', path: '/', sameSite: 'Lax' });
    expect(hint?.httpOnly).toBeFalsy();
    expect(hint?.expires?.getTime()).toBe(session?.expires?.getTime());

    const out = await client.post(LOGOUT);
    const cleared = out.cookies.find((c) => c.name === 'bextr_signed_in');
    expect(cleared?.expires?.getTime() ?? 1).toBeLessThanOrEqual(Date.now());

    // A hint whose session has ended is dropped by the 401 of /me; a visitor without one gets no cookie.
    const stale = await browser(t.app).get(ME, { headers: { cookie: 'bextr_signed_in=1' } });
    expect(stale.status).toBe(401);
    expect(stale.cookies.find((c) => c.name === 'bextr_signed_in')?.value).toBe('');
    const visitor = await browser(t.app).get(ME);
    expect(visitor.status).toBe(401);
    expect(visitor.cookies).toEqual([]);
  });

  it('a live session whose browser lost the hint gets it back with its next request (the page too)', async () => {
    const { client, user } = await buildInfluencer(t.app);
    const session = `${client.sessionCookieName}=${client.sessionCookie}`;
    const res = await browser(t.app).get(ME, { headers: { cookie: session } });
    expect(res.body.user?.id).toBe(user.id);
    expect(res.cookies.find((c) => c.name === 'bextr_signed_in')).toMatchObject({ value: '1' });
    // With the hint already there, nothing is set again.
    const again = await browser(t.app).get(ME, { headers: { cookie: `${session}; bextr_signed_in=1` } });
    expect(again.cookies).toEqual([]);
    // Signing out without a hint still ends with it cleared, not set.
    const out = await browser(t.app).post(LOGOUT, undefined, { headers: { cookie: session } });
    const hint = out.cookies.filter((c) => c.name === 'bextr_signed_in');
    expect(hint).toHaveLength(1);
    expect(hint[0]?.value).toBe('');
  });

  it('registering sets the hint like signing in', async () => {
    const res = await browser(t.app).post('/api/v1/auth/register', {
      email: uniqueEmail('hint'),
      password: PASSWORD,
      role: 'influencer',
      name: 'Hint Test',
    });
    expect(res.status).toBe(201);
    expect(res.cookies.find((c) => c.name === 'bextr_signed_in')).toMatchObject({ value: '1' });
  });

  it('200: every sign-in gets a new session id', async () => {
    const { email, password, client: registered } = await buildBusiness(t.app);
    const first = await signIn(t.app, { email, password });
    const second = await signIn(t.app, { email, password });
    const cookies = [registered.sessionCookie, first.sessionCookie, second.sessionCookie];
    expect(new Set(cookies).size).toBe(3);

    // Signing in again in the same browser also hands out a fresh id.
    const before = second.sessionCookie;
    expect((await second.post(LOGIN, { email, password })).status).toBe(200);
    expect(second.sessionCookie).toBeDefined();
    expect(second.sessionCookie).not.toBe(before);
    expect((await second.get(ME)).status).toBe(200);
  });
});

describe('POST /auth/logout', () => {
  it('204 without a session too', async () => {
    expect((await browser(t.app).post(LOGOUT)).status).toBe(204);
  });

  it('204: the cookie is cleared and no longer works when replayed', async () => {
    const { client } = await buildBusiness(t.app);
    const cookie = client.sessionCookie;
    expect(cookie).toBeDefined();
    const res = await client.post(LOGOUT);
    expect(res.status).toBe(204);
    expect(client.sessionCookie).toBeUndefined();
    expect((await client.get(ME)).status).toBe(401);

    const replay = browser(t.app);
    replay.setCookie(replay.sessionCookieName, cookie ?? '');
    expect((await replay.get(ME)).status).toBe(401);
  });

  it('ends only this browser session', async () => {
    const { email, password, client } = await buildBusiness(t.app);
    const other = await signIn(t.app, { email, password });
    await client.post(LOGOUT);
    expect((await other.get(ME)).status).toBe(200);
  });
});

describe('GET /auth/me', () => {
  it('401 without a session, or with a made-up cookie', async () => {
    const anonymous = await browser(t.app).get(ME);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'Please sign in to continue.' },
    });
    const forged = browser(t.app);
    forged.setCookie(forged.sessionCookieName, 'a'.repeat(43));
    expect((await forged.get(ME)).status).toBe(401);
  });

  it('200: the signed-in user, without anything secret', async () => {
    const { client, user, email } = await buildInfluencer(t.app, { name: 'Eva Creator' });
    const res = await client.get(ME);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      user: {
        id: user.id,
        email,
        role: 'influencer',
        name: 'Eva Creator',
        locale: 'en',
        emailVerified: false,
        status: 'active',
      },
    });
  });
});

describe('the user a session carries through a request', () => {
  it('holds no secrets: the password hash and the TOTP secret stay in the database', async () => {
    const { user } = await buildInfluencer(t.app);
    const { token } = await createSession(t.ctx.db, { userId: user.id, ttlDays: 1 });
    const found = await findSessionUser(t.ctx.db, token);
    expect(found?.user.id).toBe(user.id);
    expect(found?.user.role).toBe('influencer');
    expect(Object.keys(found?.user ?? {})).not.toContain('passwordHash');
    expect(Object.keys(found?.user ?? {})).not.toContain('totpSecret');
    expect(Object.keys(found?.user ?? {})).not.toContain('totpLastStep');
    expect((await readUserSecrets(t.ctx.db, user.id))?.passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describe('PATCH /auth/me', () => {
  it('401 without a session', async () => {
    expect((await browser(t.app).patch(ME, { name: 'X' })).status).toBe(401);
  });

  it('400: role, e-mail and status cannot be changed here; an empty name is refused', async () => {
    const { client, user } = await buildBusiness(t.app);
    for (const change of [{ role: 'admin' }, { email: uniqueEmail() }, { status: 'active' }]) {
      const res = await client.patch(ME, change);
      expect(res.status, JSON.stringify(change)).toBe(400);
      expect(res.body.error?.code).toBe('VALIDATION_FAILED');
    }
    const empty = await client.patch(ME, { name: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error?.details?.fields).toEqual([expect.objectContaining({ path: 'name' })]);
    expect((await client.get(ME)).body.user).toEqual(user);
  });

  it('200: changes the name; a change to Slovak makes the answers Slovak', async () => {
    const { client } = await buildBusiness(t.app);
    const renamed = await client.patch(ME, { name: '  Kávičkáreň Tatra ' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.user?.name).toBe('Kávičkáreň Tatra');

    const before = await client.patch(ME, { nickname: 'x' });
    expect(before.body.error?.message).toBe('Some fields need your attention.');

    const res = await client.patch(ME, { locale: 'sk' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ locale: 'sk', name: 'Kávičkáreň Tatra' });

    const after = await client.patch(ME, { nickname: 'x' });
    expect(after.status).toBe(400);
    expect(after.body.error?.message).toBe('Niektoré polia treba opraviť.');
    expect(after.body.error?.details?.fields?.[0]?.message).toBe('Neznáme polia: nickname.');
    const wrong = await client.post('/api/v1/auth/password', {
      currentPassword: 'not-my-password-1',
      newPassword: 'another-fine-passphrase',
    });
    expect(wrong.body.error?.message).toBe('Súčasné heslo nie je správne.');
  });
});

describe('a suspended account', () => {
  it('cannot sign in, and its open sessions stop working', async () => {
    const { client, email, password, user } = await buildInfluencer(t.app);
    expect((await client.get(ME)).status).toBe(200);

    await t.ctx.db.update(users).set({ status: 'suspended' }).where(eq(users.id, user.id));

    expect((await client.get(ME)).status).toBe(401);
    const wrongPassword = await browser(t.app).post(LOGIN, { email, password: 'not-the-password-9' });
    expect(wrongPassword.status).toBe(401);
    const login = await browser(t.app).post(LOGIN, { email, password });
    expect(login.status).toBe(403);
    expect(login.body).toEqual({
      error: { code: 'ACCOUNT_SUSPENDED', message: expect.stringMatching(/^This account is suspended/) },
    });
    expect(login.cookies).toEqual([]);
  });
});
