import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../lib/rate-limit.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser, type TestResponse } from '../../test/client.ts';
import { buildBusiness, PASSWORD, uniqueEmail } from '../../test/factories/users.ts';

const LOGIN = '/api/v1/auth/login';
const REGISTER = '/api/v1/auth/register';

/** The limits production runs with (RATE_LIMIT_SCALE=1). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ rateLimitScale: 1 });
});
afterAll(() => t?.close());

function expectRateLimited(res: TestResponse, windowSeconds: number) {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  expect(res.body).toEqual({
    error: {
      code: 'RATE_LIMITED',
      message: 'Too many attempts. Please wait a moment and try again.',
      details: { retryAfterSeconds: retryAfter },
    },
  });
  expect(res.cookies).toEqual([]);
}

describe('sign-in limits', () => {
  it('per account and address: one address guessing one account waits; the owner elsewhere signs in', async () => {
    const { email } = await buildBusiness(t.app, { client: { ip: '192.0.2.1' } });
    const { max, windowSeconds } = limits.loginPerAccountIp;
    const attacker = () => browser(t.app, { ip: '198.18.9.9' });
    for (let i = 0; i < max; i++) {
      const res = await attacker().post(LOGIN, { email, password: `wrong-guess-${i}-xyz` });
      expect(res.status).toBe(401);
    }
    // Even the right password waits at that address; the same account in another letter case too.
    expectRateLimited(await attacker().post(LOGIN, { email, password: PASSWORD }), windowSeconds);
    expect((await attacker().post(LOGIN, { email: email.toUpperCase(), password: PASSWORD })).status).toBe(
      429,
    );
    // The owner, from their own address, is not locked out by someone else's guesses.
    const owner = await browser(t.app, { ip: '192.0.2.1' }).post(LOGIN, { email, password: PASSWORD });
    expect(owner.status).toBe(200);
  });

  it('IPv6 addresses count by their /64: hopping inside one network does not reset the limit', async () => {
    const { email } = await buildBusiness(t.app, { client: { ip: '192.0.2.5' } });
    const { max, windowSeconds } = limits.loginPerAccountIp;
    for (let i = 0; i < max; i++) {
      const res = await browser(t.app, { ip: `2001:db8:0:7::${(i + 1).toString(16)}` }).post(LOGIN, {
        email,
        password: `wrong-guess-${i}-xyz`,
      });
      expect(res.status).toBe(401);
    }
    const hop = await browser(t.app, { ip: '2001:db8:0:7:ffff::1' }).post(LOGIN, {
      email,
      password: PASSWORD,
    });
    expectRateLimited(hop, windowSeconds);
    const owner = await browser(t.app, { ip: '2001:db8:0:8::1' }).post(LOGIN, { email, password: PASSWORD });
    expect(owner.status).toBe(200);
  });

  it('per account: guesses spread over many addresses add up, and then even the right password waits', async () => {
    const { email } = await buildBusiness(t.app, { client: { ip: '192.0.2.3' } });
    const { max, windowSeconds } = limits.loginPerAccount;
    for (let i = 0; i < max; i++) {
      // Each guess from another address: this limit follows the account, not the address.
      const res = await browser(t.app, { ip: `198.19.${Math.floor(i / 200)}.${(i % 200) + 1}` }).post(LOGIN, {
        email,
        password: `wrong-guess-${i}-xyz`,
      });
      expect(res.status).toBe(401);
    }
    const blocked = await browser(t.app, { ip: '198.18.1.1' }).post(LOGIN, { email, password: PASSWORD });
    expectRateLimited(blocked, windowSeconds);
    expect(blocked.headers['retry-after']).toMatch(/^\d+$/);

    // Others are not affected.
    const other = await buildBusiness(t.app, { client: { ip: '192.0.2.2' } });
    const fine = await browser(t.app, { ip: '198.18.1.3' }).post(LOGIN, {
      email: other.email,
      password: PASSWORD,
    });
    expect(fine.status).toBe(200);
  });

  it('a signed-in session cannot guess the current password without end', async () => {
    const { client } = await buildBusiness(t.app, { client: { ip: '192.0.2.4' } });
    const { max, windowSeconds } = limits.passwordChangePerUser;
    for (let i = 0; i < max; i++) {
      const res = await client.post('/api/v1/auth/password', {
        currentPassword: `wrong-guess-${i}-xyz`,
        newPassword: 'a-new-long-password-42',
      });
      expect(res.status).toBe(400);
    }
    const blocked = await client.post('/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'a-new-long-password-42',
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(windowSeconds);
  });

  it('per IP: one address trying many accounts is stopped, other addresses are not', async () => {
    const { max, windowSeconds } = limits.loginPerIp;
    const attacker = browser(t.app, { ip: '203.0.113.66' });
    for (let i = 0; i < max; i++) {
      const res = await attacker.post(LOGIN, { email: uniqueEmail('victim'), password: 'guess-guess-1' });
      expect(res.status).toBe(401);
    }
    expectRateLimited(
      await attacker.post(LOGIN, { email: uniqueEmail('victim'), password: 'guess-guess-1' }),
      windowSeconds,
    );
    const other = await browser(t.app, { ip: '203.0.113.67' }).post(LOGIN, {
      email: uniqueEmail('victim'),
      password: 'guess-guess-1',
    });
    expect(other.status).toBe(401);
  });
});

describe('registration limit', () => {
  it('per IP: one address cannot create accounts without end', async () => {
    const { max, windowSeconds } = limits.registerPerIp;
    const ip = '203.0.113.99';
    for (let i = 0; i < max; i++) {
      await buildBusiness(t.app, { client: { ip } });
    }
    const email = uniqueEmail();
    const blocked = await browser(t.app, { ip }).post(REGISTER, {
      email,
      password: PASSWORD,
      role: 'influencer',
      name: 'One Too Many',
    });
    expectRateLimited(blocked, windowSeconds);
    const slovak = await browser(t.app, { ip, lang: 'sk' }).post(REGISTER, {
      email: uniqueEmail(),
      password: PASSWORD,
      role: 'business',
      name: 'Ešte jeden',
    });
    expect(slovak.status).toBe(429);
    expect(slovak.body.error?.message).toBe('Príliš veľa pokusov. Chvíľu počkajte a skúste to znova.');
    // Nothing was created: the e-mail is still free for someone else.
    const elsewhere = await browser(t.app, { ip: '203.0.113.100' }).post(REGISTER, {
      email,
      password: PASSWORD,
      role: 'influencer',
      name: 'Someone Else',
    });
    expect(elsewhere.status).toBe(201);
  });
});
