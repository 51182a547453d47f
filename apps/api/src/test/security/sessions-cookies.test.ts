import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { browser, type TestResponse } from '../client.ts';
import { buildBusiness, buildInfluencer, PASSWORD, signIn, uniqueEmail } from '../factories/users.ts';

/** Argon2 and image work under a loaded machine: generous per-test time. */
const SLOW_MS = 90_000;

/** Session fixation and the session cookie's attributes, in the test config and in production. */
const LOGIN = '/api/v1/auth/login';
const LOGOUT = '/api/v1/auth/logout';
const REGISTER = '/api/v1/auth/register';
const ME = '/api/v1/auth/me';

/** The raw Set-Cookie line for a cookie name, split into its lower-cased attributes. */
function setCookie(res: TestResponse, name: string) {
  const raw = res.headers['set-cookie'];
  const lines = (Array.isArray(raw) ? raw : raw ? [String(raw)] : []).filter((l) => l.startsWith(`${name}=`));
  expect(lines, `one Set-Cookie for ${name}`).toHaveLength(1);
  const [pair = '', ...attributes] = (lines[0] ?? '').split(';').map((p) => p.trim());
  const attrs = new Map(
    attributes.map((a) => {
      const [k = '', ...v] = a.split('=');
      return [k.toLowerCase(), v.join('=')] as const;
    }),
  );
  return { value: pair.slice(name.length + 1), attrs };
}

describe('session fixation (test config)', { timeout: SLOW_MS }, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('a session id planted before sign-in is not the one after, and lets nobody in', async () => {
    const { email, user } = await buildInfluencer(t.app);
    const planted = 'attacker-chosen-session-id-0123456789abcdef';
    const victim = browser(t.app);
    victim.setCookie(victim.sessionCookieName, planted);
    expect((await victim.post(LOGIN, { email, password: PASSWORD })).status).toBe(200);
    expect(victim.sessionCookie).toBeDefined();
    expect(victim.sessionCookie).not.toBe(planted);
    expect((await victim.get(ME)).body.user?.id).toBe(user.id);

    const attacker = browser(t.app);
    attacker.setCookie(attacker.sessionCookieName, planted);
    expect((await attacker.get(ME)).status).toBe(401);
  });

  it("an attacker's own live session planted in a browser is ended when the victim signs in there", async () => {
    const attackerAccount = await buildBusiness(t.app);
    const planted = attackerAccount.client.sessionCookie as string;
    const { email, user } = await buildInfluencer(t.app);
    const victim = browser(t.app);
    victim.setCookie(victim.sessionCookieName, planted);
    expect((await victim.get(ME)).body.user?.id).toBe(attackerAccount.user.id);

    expect((await victim.post(LOGIN, { email, password: PASSWORD })).status).toBe(200);
    expect(victim.sessionCookie).not.toBe(planted);
    expect((await victim.get(ME)).body.user?.id).toBe(user.id);
    // The planted id was ended: whoever holds it reaches nothing, least of all the victim's account.
    expect((await attackerAccount.client.get(ME)).status).toBe(401);
  });

  it('registering in a browser with a planted session id hands out a fresh one', async () => {
    const attacker = (await buildBusiness(t.app)).client;
    const planted = attacker.sessionCookie as string;
    expect((await attacker.get(ME)).status).toBe(200);
    const victim = browser(t.app);
    victim.setCookie(victim.sessionCookieName, planted);
    const res = await victim.post(REGISTER, {
      email: uniqueEmail('fixed'),
      password: PASSWORD,
      role: 'influencer',
      name: 'Fixation Test',
    });
    expect(res.status).toBe(201);
    expect(victim.sessionCookie).not.toBe(planted);
    expect((await victim.get(ME)).body.user?.id).toBe(res.body.user?.id);
    // The planted id was ended, as on sign-in: whoever holds it reaches nothing.
    expect((await attacker.get(ME)).status).toBe(401);
  });

  it('the session cookie: HttpOnly, SameSite=Lax, Path=/, no Domain; cleared the same way at sign-out', async () => {
    const { email } = await buildBusiness(t.app);
    const client = browser(t.app);
    const login = await client.post(LOGIN, { email, password: PASSWORD });
    const set = setCookie(login, client.sessionCookieName);
    expect(set.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(set.attrs.has('httponly')).toBe(true);
    expect(set.attrs.get('samesite')).toBe('Lax');
    expect(set.attrs.get('path')).toBe('/');
    expect(set.attrs.has('domain')).toBe(false);
    const out = setCookie(await client.post(LOGOUT), client.sessionCookieName);
    expect(out.value).toBe('');
    expect(out.attrs.get('path')).toBe('/');
    expect(new Date(out.attrs.get('expires') ?? Date.now() + 1000).getTime()).toBeLessThanOrEqual(Date.now());
  });
});

describe('the session cookie in production (NODE_ENV=production config)', { timeout: SLOW_MS }, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      loadConfig({ NODE_ENV: 'production', DATA_DIR: '/nonexistent-test-data', LOG_LEVEL: 'silent' }),
    );
  });
  afterAll(() => t?.close());

  const expectHostCookie = (res: TestResponse) => {
    const set = setCookie(res, '__Host-bextr_session');
    // The __Host- prefix is honoured by browsers only with Secure, Path=/ and no Domain.
    expect(set.attrs.has('secure')).toBe(true);
    expect(set.attrs.get('path')).toBe('/');
    expect(set.attrs.has('domain')).toBe(false);
    expect(set.attrs.has('httponly')).toBe(true);
    expect(set.attrs.get('samesite')).toBe('Lax');
    return set;
  };

  it('register, sign-in and sign-out all set it Secure, HttpOnly, SameSite=Lax, Path=/, without Domain', async () => {
    const email = uniqueEmail('prod');
    const client = browser(t.app);
    const registered = await client.post(REGISTER, {
      email,
      password: PASSWORD,
      role: 'business',
      name: 'Prod',
    });
    expect(registered.status).toBe(201);
    expectHostCookie(registered);
    const login = await client.post(LOGIN, { email, password: PASSWORD });
    expect(expectHostCookie(login).value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The clearing cookie carries the same attributes, or a browser would keep the __Host- cookie.
    const out = await client.post(LOGOUT);
    const cleared = expectHostCookie(out);
    expect(cleared.value).toBe('');
    expect(new Date(cleared.attrs.get('expires') ?? Date.now() + 1000).getTime()).toBeLessThanOrEqual(
      Date.now(),
    );
  });

  it('a live session under the plain (non-prefixed) name, as a sibling site could plant it, is ignored', async () => {
    const { email, password } = await buildBusiness(t.app);
    const token = (await signIn(t.app, { email, password })).sessionCookie as string;
    const res = await browser(t.app).get(ME, { headers: { cookie: `bextr_session=${token}` } });
    expect(res.status).toBe(401);
    const ok = await browser(t.app).get(ME, { headers: { cookie: `__Host-bextr_session=${token}` } });
    expect(ok.status).toBe(200);
  });
});
