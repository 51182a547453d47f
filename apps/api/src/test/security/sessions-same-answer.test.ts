import { Session } from 'node:inspector/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { browser, type TestResponse } from '../client.ts';
import { buildInfluencer, PASSWORD, uniqueEmail } from '../factories/users.ts';
import { readMail } from '../mail.ts';

/** Argon2 and image work under a loaded machine: generous per-test time. */
const SLOW_MS = 90_000;

/**
 * Sign-in and the password-reset request answer an unknown e-mail exactly as a known one — status,
 * body, headers — and spend the same work on it: the code path is observed with V8's precise
 * coverage (call counts of the password functions), not by timing, so the check cannot flake.
 */
const LOGIN = '/api/v1/auth/login';
const REQUEST = '/api/v1/auth/password-reset/request';
const PASSWORDS_MODULE = /modules\/auth\/passwords\.ts/;

let t: TestApp;
const inspector = new Session();
beforeAll(async () => {
  t = await createTestApp();
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
});
afterAll(async () => {
  await inspector.post('Profiler.stopPreciseCoverage').catch(() => undefined);
  inspector.disconnect();
  await t?.close();
});

/** How many times each function of passwords.ts ran since the last call (taking coverage resets it). */
async function passwordCalls(): Promise<Record<string, number>> {
  const { result } = await inspector.post('Profiler.takePreciseCoverage');
  const calls: Record<string, number> = {};
  for (const script of result.filter((s) => PASSWORDS_MODULE.test(s.url))) {
    for (const fn of script.functions) {
      if (!fn.functionName) continue;
      calls[fn.functionName] = (calls[fn.functionName] ?? 0) + (fn.ranges[0]?.count ?? 0);
    }
  }
  return calls;
}

/** The answer without what differs on every request anyway (date, request id). */
const comparable = (res: TestResponse) => {
  const { date: _date, 'x-request-id': _id, ...headers } = res.headers;
  return { status: res.status, text: res.text, headers, cookies: res.cookies };
};

describe('an unknown e-mail is answered like a known one', { timeout: SLOW_MS }, () => {
  it('sign-in: the same 401, and one Argon2 verification on each path (a dummy hash for the unknown e-mail)', async () => {
    const { email } = await buildInfluencer(t.app);
    // Warm up both paths once (the dummy hash is made on first use).
    await browser(t.app).post(LOGIN, { email: uniqueEmail('warm'), password: 'warm-up-password-1' });
    await browser(t.app).post(LOGIN, { email, password: 'warm-up-password-1' });
    await passwordCalls();

    const known = await browser(t.app).post(LOGIN, { email, password: 'not-the-password-9' });
    const knownCalls = await passwordCalls();
    const unknown = await browser(t.app).post(LOGIN, {
      email: uniqueEmail('ghost'),
      password: 'not-the-password-9',
    });
    const unknownCalls = await passwordCalls();

    expect(comparable(unknown)).toEqual(comparable(known));
    expect(known.status).toBe(401);
    // Known e-mail: the stored hash is verified. Unknown: the dummy hash is verified instead, through
    // the very same function. (V8 counts an async function's resumptions as well as its calls, so the
    // two paths' counts are compared, not fixed at 1.)
    expect(knownCalls.verifyPassword).toBeGreaterThan(0);
    expect(unknownCalls.verifyPassword).toBe(knownCalls.verifyPassword);
    expect(knownCalls.burnPasswordCheck ?? 0).toBe(0);
    expect(unknownCalls.burnPasswordCheck).toBeGreaterThan(0);
    // Neither path hashes anything new (the dummy hash is made once, not per request).
    expect(knownCalls.hashPassword ?? 0).toBe(0);
    expect(unknownCalls.hashPassword ?? 0).toBe(0);
  });

  it('a suspended account with a wrong password gets the same 401 as an unknown e-mail', async () => {
    const { email, user } = await buildInfluencer(t.app);
    await t.ctx.db.update(users).set({ status: 'suspended' }).where(eq(users.id, user.id));
    const suspended = await browser(t.app).post(LOGIN, { email, password: 'not-the-password-9' });
    const unknown = await browser(t.app).post(LOGIN, {
      email: uniqueEmail('ghost'),
      password: 'not-the-password-9',
    });
    expect(comparable(suspended)).toEqual(comparable(unknown));
    // The right password of a suspended account is told apart (403), by design: only its owner knows it.
    expect((await browser(t.app).post(LOGIN, { email, password: PASSWORD })).status).toBe(403);
  });

  it('password reset request: the same 202 for known, unknown and suspended, each after the same minimum time', async () => {
    const { email } = await buildInfluencer(t.app);
    const other = await buildInfluencer(t.app);
    await t.ctx.db.update(users).set({ status: 'suspended' }).where(eq(users.id, other.user.id));
    const timed = async (address: string) => {
      const started = performance.now();
      const res = await browser(t.app).post(REQUEST, { email: address });
      return { res, ms: performance.now() - started };
    };
    const known = await timed(email);
    const unknown = await timed(uniqueEmail('nobody'));
    const suspended = await timed(other.email);
    expect(known.res.status).toBe(202);
    expect(comparable(unknown.res)).toEqual(comparable(known.res));
    expect(comparable(suspended.res)).toEqual(comparable(known.res));
    // A floor, not a comparison: no answer comes before the 250 ms the service waits for (timers
    // may fire a millisecond early), so the unknown e-mail's shortcut does not show.
    for (const { ms } of [known, unknown, suspended]) expect(ms).toBeGreaterThanOrEqual(245);
    expect(
      (await readMail(t.app, email)).filter((m) => m.subject === 'Reset your BeXtr password'),
    ).toHaveLength(1);
    expect(
      (await readMail(t.app, other.email)).filter((m) => m.subject === 'Reset your BeXtr password'),
    ).toEqual([]);
  });
});
