import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { browser } from '../test/client.ts';
import { buildBusiness } from '../test/factories/users.ts';

describe('NODE_ENV=production', () => {
  let t: TestApp;
  beforeAll(async () => {
    const production = loadConfig({
      NODE_ENV: 'production',
      DATA_DIR: '/nonexistent-test-data',
      LOG_LEVEL: 'silent',
    });
    t = await createTestApp(production);
  });
  afterAll(() => t?.close());

  it('sets the session cookie Secure, HttpOnly and SameSite=Lax, under a __Host- name (and a Secure hint)', async () => {
    const { client, user } = await buildBusiness(t.app);
    expect(client.sessionCookieName).toBe('__Host-bextr_session');
    const login = await browser(t.app).post('/api/v1/auth/login', {
      email: user.email,
      password: 'violet-harbour-lantern-42',
    });
    expect(login.status).toBe(200);
    expect(login.cookies).toEqual([
      expect.objectContaining({
        name: '__Host-bextr_session',
        secure: true,
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
      }),
      // The web app's readable "signed in" hint: no secret in it, Secure like the session.
      expect.objectContaining({ name: 'bextr_signed_in', value: '1', secure: true, path: '/' }),
    ]);
    expect(login.cookies[1]?.httpOnly).toBeFalsy();
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('sends HSTS', async () => {
    const res = await browser(t.app).get('/health/live');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
  });

  it('has no dev mailbox', async () => {
    const res = await browser(t.app).get('/api/v1/dev/mail');
    expect(res.status).toBe(404);
    expect(res.body.error?.code).toBe('NOT_FOUND');
  });
});
