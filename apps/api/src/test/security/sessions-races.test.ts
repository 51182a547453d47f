import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { browser, type TestClient } from '../client.ts';
import { buildAdmin } from '../factories/admins.ts';
import { buildBusiness, buildInfluencer, signIn } from '../factories/users.ts';
import { readMail, tokenFromMail } from '../mail.ts';

/** Argon2 and image work under a loaded machine: generous per-test time. */
const SLOW_MS = 90_000;

/**
 * What ends sessions must end them all, even the ones being made at that very moment: an attacker
 * who knows the password signs in over and over while the owner resets it (or changes it, or an
 * admin suspends the account). A sign-in that checked the old password must not leave a session
 * that outlives the reset. Runs on PGlite and PostgreSQL (`--mode pg`).
 */
const LOGIN = '/api/v1/auth/login';
const ME = '/api/v1/auth/me';
const RESET_SUBJECT = /^Reset your BeXtr password$/;
const VERIFY_SUBJECT = /^Verify your e-mail/;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

/** Signs in with the credentials in `lanes` parallel loops until `stop()` says so; returns every
 * browser that was let in, and how many tries there were. */
function keepSigningIn(credentials: { email: string; password: string }, lanes = 3) {
  let stopped = false;
  const signedIn: TestClient[] = [];
  let tries = 0;
  const lane = async (n: number) => {
    while (!stopped) {
      const client = browser(t.app, { ip: `198.51.100.${n + 1}` });
      const res = await client.post(LOGIN, credentials);
      tries += 1;
      if (res.status === 200) signedIn.push(client);
      else expect([401, 403]).toContain(res.status);
    }
  };
  const running = Promise.all(Array.from({ length: lanes }, (_, n) => lane(n)));
  return {
    /** Resolves once someone was let in: the loops are running. */
    async started() {
      // Argon2 under a loaded machine: the first sign-in may take many seconds.
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && signedIn.length === 0) await new Promise((r) => setTimeout(r, 20));
      expect(signedIn.length, 'a sign-in got through within 30 s').toBeGreaterThan(0);
    },
    async stop() {
      stopped = true;
      await running;
      return { signedIn, tries };
    },
  };
}

async function liveSessions(clients: TestClient[]) {
  const answers = await Promise.all(clients.map((c) => c.get(ME)));
  return answers.filter((res) => res.status === 200).length;
}

describe('no session survives what ends every session', { timeout: SLOW_MS }, () => {
  it('a password reset: sign-ins with the old password racing it leave no live session', async () => {
    const { email, password, client: owner } = await buildInfluencer(t.app);
    await browser(t.app).post('/api/v1/auth/password-reset/request', { email });
    const token = await tokenFromMail(t.app, email, RESET_SUBJECT);

    const elsewhere = await signIn(t.app, { email, password });
    const attacker = keepSigningIn({ email, password });
    await attacker.started();
    const reset = await browser(t.app).post('/api/v1/auth/password-reset/confirm', {
      token,
      password: 'amber-meadow-compass-17',
    });
    expect(reset.status).toBe(200);
    const { signedIn, tries } = await attacker.stop();
    expect(tries).toBeGreaterThan(0);

    expect((await owner.get(ME)).status).toBe(401);
    expect((await elsewhere.get(ME)).status).toBe(401);
    expect({ live: await liveSessions(signedIn), of: signedIn.length }).toEqual({
      live: 0,
      of: signedIn.length,
    });
    // The old password no longer lets anyone in; the new one does.
    expect((await browser(t.app).post(LOGIN, { email, password })).status).toBe(401);
    await signIn(t.app, { email, password: 'amber-meadow-compass-17' });
  });

  it('a password change: the other sessions end, including sign-ins racing it; the changer stays', async () => {
    const { email, password, client: owner } = await buildBusiness(t.app);
    const attacker = keepSigningIn({ email, password });
    await attacker.started();
    const change = await owner.post('/api/v1/auth/password', {
      currentPassword: password,
      newPassword: 'quiet-river-lantern-58',
    });
    expect(change.status).toBe(200);
    const { signedIn } = await attacker.stop();
    expect((await owner.get(ME)).status).toBe(200);
    expect(await liveSessions(signedIn)).toBe(0);
  });

  it('a suspension: sign-ins racing it leave nothing that comes back to life when the account is reinstated', async () => {
    const admin = await buildAdmin(t.app);
    const { email, password, client: before, user } = await buildInfluencer(t.app);
    const attacker = keepSigningIn({ email, password });
    await attacker.started();
    const url = `/api/v1/admin/users/${user.id}`;
    const suspended = await admin.client.post(`${url}/suspend`, { reason: 'Testing the race.' });
    expect(suspended.status).toBe(200);
    const { signedIn } = await attacker.stop();
    expect((await admin.client.post(`${url}/reinstate`, { reason: 'Done.' })).status).toBe(200);

    // Reinstated: the account signs in again, but no session from before or during the suspension works.
    expect((await before.get(ME)).status).toBe(401);
    expect(await liveSessions(signedIn)).toBe(0);
    await signIn(t.app, { email, password });
  });
});

describe('e-mail links are single-use under concurrency', { timeout: SLOW_MS }, () => {
  it('the same reset link sent five times at once: exactly one wins, and its password is the one set', async () => {
    const { email, client: owner } = await buildInfluencer(t.app);
    const other = await signIn(t.app, { email, password: 'violet-harbour-lantern-42' });
    await browser(t.app).post('/api/v1/auth/password-reset/request', { email });
    const token = await tokenFromMail(t.app, email, RESET_SUBJECT);
    const passwords = [1, 2, 3, 4, 5].map((n) => `granite-orchard-${n}-signal`);

    const answers = await Promise.all(
      passwords.map((password) =>
        browser(t.app).post('/api/v1/auth/password-reset/confirm', { token, password }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 200)) {
      expect(a.status).toBe(400);
      expect(a.body.error?.code).toBe('INVALID_TOKEN');
    }
    const winner = passwords[statuses.indexOf(200)] as string;
    const logins = await Promise.all(
      passwords.map((password) => browser(t.app).post(LOGIN, { email, password })),
    );
    expect(logins.map((l) => l.status)).toEqual(passwords.map((p) => (p === winner ? 200 : 401)));
    // Old session cookies, of the browser that registered and of another sign-in, answer 401.
    expect((await owner.get(ME)).status).toBe(401);
    expect((await other.get(ME)).status).toBe(401);
    // One "password changed" e-mail, not five.
    const changed = (await readMail(t.app, email)).filter(
      (m) => m.subject === 'Your BeXtr password was changed',
    );
    expect(changed).toHaveLength(1);
  });

  it('the same verification link sent five times at once: exactly one 200, the rest 400 INVALID_TOKEN', async () => {
    const { email, client } = await buildBusiness(t.app);
    const token = await tokenFromMail(t.app, email, VERIFY_SUBJECT);
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map(() => browser(t.app).post('/api/v1/auth/verify-email', { token })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400, 400, 400]);
    expect(answers.filter((a) => a.status === 400).every((a) => a.body.error?.code === 'INVALID_TOKEN')).toBe(
      true,
    );
    expect((await client.get(ME)).body.user?.emailVerified).toBe(true);
  });
});
