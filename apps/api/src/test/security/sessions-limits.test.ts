import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../lib/rate-limit.ts';
import { questionPerIp } from '../../modules/faq/questions.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { browser, type TestResponse } from '../client.ts';
import { buildBusiness, uniqueEmail } from '../factories/users.ts';
import { readMail } from '../mail.ts';

/** Argon2 and image work under a loaded machine: generous per-test time. */
const SLOW_MS = 90_000;

/** The rate limits not tried elsewhere (password reset, its confirmation, the verification resend)
 * and, for every limited form, that Retry-After is a whole number equal to the body's
 * retryAfterSeconds. With the limits production runs with (RATE_LIMIT_SCALE=1). */
const REQUEST = '/api/v1/auth/password-reset/request';
const CONFIRM = '/api/v1/auth/password-reset/confirm';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ rateLimitScale: 1 });
});
afterAll(() => t?.close());

let ipCounter = 0;
const fromNewAddress = () => {
  ipCounter += 1;
  return browser(t.app, { ip: `192.0.2.${ipCounter}` });
};

function expectLimited(res: TestResponse, windowSeconds: number) {
  expect(res.status).toBe(429);
  const header = String(res.headers['retry-after']);
  expect(header).toMatch(/^[1-9]\d*$/);
  expect(Number(header)).toBeLessThanOrEqual(windowSeconds);
  expect(res.body).toEqual({
    error: {
      code: 'RATE_LIMITED',
      message: 'Too many attempts. Please wait a moment and try again.',
      details: { retryAfterSeconds: Number(header) },
    },
  });
}

describe('password reset requests', { timeout: SLOW_MS }, () => {
  it('per account: known and unknown e-mails are limited alike (no way to tell them apart), other accounts are not', async () => {
    const { email } = await buildBusiness(t.app);
    const { max, windowSeconds } = limits.resetPerAccount;
    for (const address of [email, uniqueEmail('nobody')]) {
      for (let i = 0; i < max; i++) {
        // Each from another address: this limit follows the e-mail.
        expect((await fromNewAddress().post(REQUEST, { email: address })).status).toBe(202);
      }
      expectLimited(await fromNewAddress().post(REQUEST, { email: address.toUpperCase() }), windowSeconds);
    }
    // Only the allowed ones sent mail.
    const sent = (await readMail(t.app, email)).filter((m) => m.subject === 'Reset your BeXtr password');
    expect(sent).toHaveLength(max);
    expect((await fromNewAddress().post(REQUEST, { email: uniqueEmail('free') })).status).toBe(202);
  });

  it('per address: one address asking for many accounts is stopped; another address is not', async () => {
    const { max, windowSeconds } = limits.resetPerIp;
    const attacker = fromNewAddress();
    for (let i = 0; i < max; i++) {
      expect((await attacker.post(REQUEST, { email: uniqueEmail('many') })).status).toBe(202);
    }
    expectLimited(await attacker.post(REQUEST, { email: uniqueEmail('many') }), windowSeconds);
    expect((await fromNewAddress().post(REQUEST, { email: uniqueEmail('many') })).status).toBe(202);
  });

  it('confirmation per address: guessing tokens is stopped', async () => {
    const { max, windowSeconds } = limits.resetPerIp;
    const guesser = fromNewAddress();
    for (let i = 0; i < max; i++) {
      const res = await guesser.post(CONFIRM, {
        token: randomBytes(32).toString('base64url'),
        password: 'amber-meadow-compass-17',
      });
      expect(res.body.error?.code).toBe('INVALID_TOKEN');
    }
    expectLimited(
      await guesser.post(CONFIRM, {
        token: randomBytes(32).toString('base64url'),
        password: 'amber-meadow-compass-17',
      }),
      windowSeconds,
    );
  });
});

describe('other limited forms', { timeout: SLOW_MS }, () => {
  it('the verification e-mail resend, per account', async () => {
    const { client, email } = await buildBusiness(t.app);
    const { max, windowSeconds } = limits.resendPerAccount;
    for (let i = 0; i < max; i++)
      expect((await client.post('/api/v1/auth/verify-email/resend')).status).toBe(202);
    expectLimited(await client.post('/api/v1/auth/verify-email/resend'), windowSeconds);
    // The registration mail and the allowed resends; nothing more.
    expect(await readMail(t.app, email)).toHaveLength(max + 1);
  });

  it('the FAQ question form: Retry-After equals the body', async () => {
    const visitor = fromNewAddress();
    const ask = () =>
      visitor.post('/api/v1/faq/questions', {
        question: `Is there a limit ${randomBytes(3).toString('hex')}?`,
        locale: 'en',
        elapsedMs: 12_000,
      });
    for (let i = 0; i < questionPerIp.max; i++) expect((await ask()).status).toBe(202);
    expectLimited(await ask(), questionPerIp.windowSeconds);
  });

  it('sign-in and registration: Retry-After equals the body', async () => {
    const signInGuesser = fromNewAddress();
    const { email } = await buildBusiness(t.app);
    let last: TestResponse | undefined;
    for (let i = 0; i <= limits.loginPerAccountIp.max; i++) {
      last = await signInGuesser.post('/api/v1/auth/login', { email, password: `wrong-${i}-password` });
    }
    expectLimited(last as TestResponse, limits.loginPerAccountIp.windowSeconds);

    const registrar = fromNewAddress();
    for (let i = 0; i <= limits.registerPerIp.max; i++) {
      last = await registrar.post('/api/v1/auth/register', {
        email: uniqueEmail('limit'),
        password: 'violet-harbour-lantern-42',
        role: 'business',
        name: 'Limit Test',
      });
    }
    expectLimited(last as TestResponse, limits.registerPerIp.windowSeconds);
  });
});
