import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildBusiness, PASSWORD, uniqueEmail } from '../../test/factories/users.ts';

const REGISTER = '/api/v1/auth/register';

describe('POST /auth/register', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const body = (over: Record<string, unknown> = {}) => ({
    email: uniqueEmail(),
    password: PASSWORD,
    role: 'business',
    name: 'Tatra Coffee',
    ...over,
  });

  it('400: refuses unknown fields and names them', async () => {
    const res = await browser(t.app).post(REGISTER, body({ isAdmin: true }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Some fields need your attention.',
    });
    expect(res.body.error?.details?.fields).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', message: 'Unknown fields: isAdmin.' }),
    ]);
  });

  it('400: nobody can register as an admin', async () => {
    const res = await browser(t.app).post(REGISTER, body({ role: 'admin' }));
    expect(res.status).toBe(400);
    expect(res.body.error?.details?.fields).toEqual([
      expect.objectContaining({ path: 'role', message: 'Choose one of the offered options.' }),
    ]);
  });

  it('400: says which required fields are missing and which e-mail is not one', async () => {
    const res = await browser(t.app).post(REGISTER, { email: 'not-an-email', role: 'influencer' });
    expect(res.status).toBe(400);
    const fields = res.body.error?.details?.fields ?? [];
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'email', message: 'Enter a valid e-mail address.' }),
        expect.objectContaining({ path: 'password', message: 'This field is required.' }),
        expect.objectContaining({ path: 'name', message: 'This field is required.' }),
      ]),
    );
  });

  it('400: a too short, too long or common password, with the reason in the user language', async () => {
    const client = browser(t.app);
    const short = await client.post(REGISTER, body({ password: 'Ab3$xyz' }));
    expect(short.status).toBe(400);
    expect(short.body.error?.details?.fields).toEqual([
      expect.objectContaining({ path: 'password', message: 'Use at least 8 characters.' }),
    ]);

    const long = await client.post(REGISTER, body({ password: 'x'.repeat(129) }));
    expect(long.status).toBe(400);
    expect(long.body.error?.details?.fields).toEqual([
      expect.objectContaining({ path: 'password', message: 'Use at most 128 characters.' }),
    ]);

    const common = await client.post(REGISTER, body({ password: 'Password123' }));
    expect(common.status).toBe(400);
    expect(common.body.error?.details?.fields).toEqual([
      expect.objectContaining({
        path: 'password',
        code: 'password_common',
        message: 'This password is too common. Choose one that is harder to guess.',
      }),
    ]);

    const slovak = browser(t.app, { lang: 'sk-SK,sk;q=0.9,en;q=0.5' });
    const shortSk = await slovak.post(REGISTER, body({ password: 'Ab3$xyz' }));
    expect(shortSk.status).toBe(400);
    expect(shortSk.body.error?.message).toBe('Niektoré polia treba opraviť.');
    expect(shortSk.body.error?.details?.fields).toEqual([
      expect.objectContaining({ path: 'password', message: 'Zadajte aspoň 8 znakov.' }),
    ]);
    const commonSk = await slovak.post(REGISTER, body({ password: 'heslo12345' }));
    expect(commonSk.status).toBe(400);
    expect(commonSk.body.error?.details?.fields).toEqual([
      expect.objectContaining({
        path: 'password',
        message: 'Toto heslo je príliš bežné. Zvoľte ťažšie uhádnuteľné.',
      }),
    ]);
  });

  it('400: a password that contains the e-mail address', async () => {
    const email = uniqueEmail('jana');
    const res = await browser(t.app).post(REGISTER, body({ email, password: `${email.split('@')[0]}!` }));
    expect(res.status).toBe(400);
    expect(res.body.error?.details?.fields).toEqual([
      expect.objectContaining({ path: 'password', code: 'password_contains_email' }),
    ]);
  });

  it('409: an e-mail already registered, even in other letter case', async () => {
    const existing = await buildBusiness(t.app);
    const res = await browser(t.app).post(
      REGISTER,
      body({ email: existing.email.toUpperCase(), role: 'influencer' }),
    );
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      error: { code: 'EMAIL_TAKEN', message: 'An account with this e-mail already exists.' },
    });
    expect(res.cookies).toEqual([]);
  });

  it('201: creates a business account and signs it in with an HttpOnly, SameSite=Lax cookie', async () => {
    const client = browser(t.app);
    const email = uniqueEmail('brand');
    const res = await client.post(REGISTER, { email, password: PASSWORD, role: 'business', name: 'Tatra' });
    expect(res.status).toBe(201);
    expect(res.body.user).toEqual({
      id: expect.any(String),
      email,
      role: 'business',
      name: 'Tatra',
      locale: 'en',
      emailVerified: false,
      status: 'active',
    });
    expect(JSON.stringify(res.body)).not.toMatch(/password/i);

    const cookie = res.cookies.find((c) => c.name === client.sessionCookieName);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.expires?.getTime()).toBeGreaterThan(Date.now() + 7 * 86_400_000);

    const me = await client.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toEqual(res.body.user);
  });

  it('201: an influencer registering in Slovak gets a Slovak account', async () => {
    const client = browser(t.app, { lang: 'sk' });
    const res = await client.post(REGISTER, body({ role: 'influencer', name: 'Lucia' }));
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ role: 'influencer', locale: 'sk', name: 'Lucia' });
  });

  it('201: an explicit locale wins over the browser language', async () => {
    const res = await browser(t.app, { lang: 'sk' }).post(REGISTER, body({ locale: 'en' }));
    expect(res.status).toBe(201);
    expect(res.body.user?.locale).toBe('en');
  });
});
