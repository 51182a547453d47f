import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { browser } from '../test/client.ts';
import { buildBusiness, PASSWORD, uniqueEmail } from '../test/factories/users.ts';

const LOGIN = '/api/v1/auth/login';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const login = () => ({ email: uniqueEmail(), password: PASSWORD });

describe('cross-site requests', () => {
  it('403 CROSS_SITE_REQUEST for a write from another origin, even with a valid session', async () => {
    const { client } = await buildBusiness(t.app);
    const res = await client.patch(
      '/api/v1/auth/me',
      { name: 'Hacked' },
      { headers: { origin: 'https://evil.example' } },
    );
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      error: { code: 'CROSS_SITE_REQUEST', message: 'This request did not come from BeXtr and was refused.' },
    });
    expect((await client.get('/api/v1/auth/me')).body.user?.name).not.toBe('Hacked');
  });

  it('403 when the browser says the request is cross-site or same-site, or the origin is opaque', async () => {
    const client = browser(t.app);
    const refused: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'null' },
      { origin: 'not a url' },
      { origin: 'http://localhost:3001' },
    ];
    for (const headers of refused) {
      const res = await client.post(LOGIN, login(), { headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.body.error?.code).toBe('CROSS_SITE_REQUEST');
    }
  });

  it('a same-origin write passes (it reaches the sign-in check)', async () => {
    const res = await browser(t.app).post(LOGIN, login());
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('INVALID_CREDENTIALS');
  });

  it('the Host header may name the default port the Origin leaves out', async () => {
    const res = await browser(t.app).post(LOGIN, login(), {
      headers: { host: 'localhost:80', origin: 'http://localhost' },
    });
    expect(res.status).toBe(401);
    const tls = await browser(t.app).post(LOGIN, login(), {
      headers: { host: 'bextr.example:443', origin: 'https://bextr.example' },
    });
    expect(tls.status).toBe(401);
  });

  it('requests without browser headers (scripts, integrations) pass', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: LOGIN,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(login()),
    });
    expect(res.statusCode).toBe(401);
  });

  it('reads are not affected', async () => {
    const res = await browser(t.app).get('/health/live', {
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(res.status).toBe(200);
  });
});

describe('behind a proxy (PUBLIC_URL)', () => {
  it('accepts the public origin although the Host header is internal', async () => {
    const proxied = await createTestApp({ publicUrl: 'https://app.bextr.example' });
    try {
      const res = await browser(proxied.app).post(LOGIN, login(), {
        headers: { host: '10.0.0.5:3000', origin: 'https://app.bextr.example' },
      });
      expect(res.status).toBe(401);
      const evil = await browser(proxied.app).post(LOGIN, login(), {
        headers: { host: '10.0.0.5:3000', origin: 'https://evil.example' },
      });
      expect(evil.status).toBe(403);
    } finally {
      await proxied.close();
    }
  });
});
