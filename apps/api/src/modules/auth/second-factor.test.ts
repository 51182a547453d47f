import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions, users } from '../../db/schema.ts';
import { limits } from '../../lib/rate-limit.ts';
import { sha256 } from '../../lib/tokens.ts';
import {
  base32Decode,
  base32Encode,
  matchTotpStep,
  newTotpSecret,
  totpCode,
  totpStep,
} from '../../lib/totp.ts';
import { ensureAdmin } from '../../seed/admin.ts';
import { prepareData } from '../../seed/boot.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser, type TestClient } from '../../test/client.ts';
import { adminCode, buildAdmin, signInAdmin } from '../../test/factories/admins.ts';
import { buildBusiness, buildInfluencer, PASSWORD, uniqueEmail } from '../../test/factories/users.ts';
import { enrolAdminAtBoot } from './second-factor/service.ts';

const LOGIN = '/api/v1/auth/login';
const ME = '/api/v1/auth/me';
const SECOND = '/api/v1/auth/second-factor';
const ADMIN_ROUTE = '/api/v1/admin/faq/questions';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

/** An admin enrolled the way ADMIN_TOTP_SECRET enrols one, not signed in anywhere yet. */
async function enrolledAdmin() {
  const email = uniqueEmail('admin');
  const totpSecret = newTotpSecret();
  await ensureAdmin(t.ctx.db, { email, password: PASSWORD });
  await enrolAdminAtBoot(t.ctx, { email, secret: totpSecret });
  return { email, password: PASSWORD, totpSecret };
}

/** Password given, second factor pending: the browser and its pending cookie. */
async function pendingSignIn(admin: { email: string; password: string }, client = browser(t.app)) {
  const res = await client.post(LOGIN, { email: admin.email, password: admin.password });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ secondFactorRequired: true });
  return client;
}

const codeAt = (secret: string, stepsFromNow: number) => totpCode(secret, totpStep() + stepsFromNow);

/** A code no step around now has. */
function wrongCode(secret: string) {
  const near = [-1, 0, 1].map((s) => codeAt(secret, s));
  return ['000000', '111111', '222222', '333333'].find((c) => !near.includes(c)) as string;
}

async function enrolThroughApi(client: TestClient) {
  const setup = await client.post<{ secret: string; otpauthUri: string; qrSvg: string }>(`${SECOND}/setup`);
  expect(setup.status).toBe(200);
  const enabled = await client.post<{ recoveryCodes: string[]; user: { secondFactorEnabled: boolean } }>(
    `${SECOND}/enable`,
    { code: codeAt(setup.body.secret, 0) },
  );
  expect(enabled.status).toBe(200);
  return { secret: setup.body.secret, recoveryCodes: enabled.body.recoveryCodes };
}

describe('TOTP (RFC 6238, SHA-1, 6 digits, 30 s)', () => {
  // RFC 6238 appendix B: the SHA-1 secret "12345678901234567890"; the 6-digit codes are the last
  // six digits of the 8-digit values listed there.
  const secret = base32Encode(Buffer.from('12345678901234567890'));
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
    [20000000000, '353130'],
  ])('at %i s the code is %s', (seconds, code) => {
    expect(totpCode(secret, Math.floor(seconds / 30))).toBe(code);
    expect(matchTotpStep(secret, code, seconds * 1000)).toBe(Math.floor(seconds / 30));
  });

  it('base32 reads back what it wrote, ignoring case, spaces and padding', () => {
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq')?.toString()).toBe('12345678901234567890');
    expect(base32Decode('not base32!')).toBeNull();
  });

  it('accepts one step of drift either way and no more', () => {
    const at = 1_700_000_000_000;
    const step = totpStep(at);
    expect(matchTotpStep(secret, totpCode(secret, step - 1), at)).toBe(step - 1);
    expect(matchTotpStep(secret, totpCode(secret, step + 1), at)).toBe(step + 1);
    expect(matchTotpStep(secret, totpCode(secret, step - 2), at)).toBeNull();
    expect(matchTotpStep(secret, totpCode(secret, step + 2), at)).toBeNull();
  });
});

describe('signing in an admin with a second factor', () => {
  it('the password alone leaves a pending sign-in that reaches nothing but the code step', async () => {
    const admin = await enrolledAdmin();
    const client = await pendingSignIn(admin);
    const me = await client.get(ME);
    expect(me.status).toBe(401);
    expect(me.body.error?.code).toBe('SECOND_FACTOR_REQUIRED');
    expect(me.body.error?.message).toBe('Enter the code from your authenticator app to finish signing in.');
    expect((await client.get(ADMIN_ROUTE)).status).toBe(401);
    expect((await client.get('/api/v1/notifications')).status).toBe(401);
    expect((await client.get('/api/v1/influencers')).status).toBe(401);
    expect((await client.get(SECOND)).status).toBe(401);
    expect((await client.post(`${SECOND}/setup`)).status).toBe(401);
    expect((await client.get('/api/v1/events')).status).toBe(401);
  });

  it('a right code turns it into a full session under a new token; the pending token is dead', async () => {
    const admin = await enrolledAdmin();
    const client = await pendingSignIn(admin);
    const pendingToken = client.sessionCookie as string;
    const [pendingRow] = await t.ctx.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, sha256(pendingToken)));
    // The pending sign-in waits ten minutes at most.
    expect(pendingRow?.secondFactorPending).toBe(true);
    expect(pendingRow?.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 10 * 60_000);

    const res = await client.post(SECOND, { code: codeAt(admin.totpSecret, 0) });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: admin.email, role: 'admin', secondFactorEnabled: true });
    expect(client.sessionCookie).not.toBe(pendingToken);
    expect((await client.get(ME)).status).toBe(200);
    expect((await client.get(ADMIN_ROUTE)).status).toBe(200);

    const stale = browser(t.app);
    stale.setCookie(stale.sessionCookieName, pendingToken);
    expect((await stale.get(ME)).status).toBe(401);
    expect((await stale.post(SECOND, { code: codeAt(admin.totpSecret, 1) })).status).toBe(401);
  });

  it('a wrong code is a 400 with a clear message in the admin’s language, and nothing is signed in', async () => {
    const admin = await enrolledAdmin();
    const client = await pendingSignIn(admin, browser(t.app, { lang: 'sk' }));
    const wrong = wrongCode(admin.totpSecret);
    const res = await client.post(SECOND, { code: wrong });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'INVALID_SECOND_FACTOR_CODE',
      message:
        'Tento kód nie je správny alebo už bol použitý. Počkajte na ďalší kód v aplikácii a skúste to znova.',
    });
    expect((await client.get(ME)).body.error?.code).toBe('SECOND_FACTOR_REQUIRED');

    const en = await pendingSignIn(admin);
    expect((await en.post(SECOND, { code: wrong })).body.error?.message).toBe(
      'This code is not correct or has already been used. Wait for the next code in your app and try again.',
    );
    const malformed = await en.post(SECOND, { code: '12 34' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error?.details?.fields?.[0]).toMatchObject({
      path: 'code',
      message: 'Enter the 6 digits from your authenticator app.',
    });
    expect((await en.post(SECOND, { code: '123456', recoveryCode: 'abcde-fghij' })).status).toBe(400);
    expect((await en.post(SECOND, { code: '123456', remember: true })).status).toBe(400);
  });

  it('a code is accepted once: replayed in another sign-in it is refused, the next step’s code passes', async () => {
    const admin = await enrolledAdmin();
    const code = codeAt(admin.totpSecret, 0);
    const first = await pendingSignIn(admin);
    expect((await first.post(SECOND, { code })).status).toBe(200);

    const second = await pendingSignIn(admin);
    const replay = await second.post(SECOND, { code });
    expect(replay.status).toBe(400);
    expect(replay.body.error?.code).toBe('INVALID_SECOND_FACTOR_CODE');
    // An older step than the last one used is refused too, though inside the drift window.
    expect((await second.post(SECOND, { code: codeAt(admin.totpSecret, -1) })).status).toBe(400);
    expect((await second.post(SECOND, { code: codeAt(admin.totpSecret, 1) })).status).toBe(200);
  });

  it('allows one step of clock drift either way', async () => {
    const admin = await enrolledAdmin();
    const client = await pendingSignIn(admin);
    expect((await client.post(SECOND, { code: codeAt(admin.totpSecret, -2) })).status).toBe(400);
    expect((await client.post(SECOND, { code: codeAt(admin.totpSecret, 2) })).status).toBe(400);
    expect((await client.post(SECOND, { code: codeAt(admin.totpSecret, -1) })).status).toBe(200);
    const again = await pendingSignIn(admin);
    expect((await again.post(SECOND, { code: codeAt(admin.totpSecret, 1) })).status).toBe(200);
  });

  it('a recovery code signs in once; case, spaces and the dash do not matter', async () => {
    const { client } = await buildAdmin(t.app, { secondFactor: false });
    const me = (await client.get(ME)).body.user as { email: string };
    const { recoveryCodes } = await enrolThroughApi(client);
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(new Set(recoveryCodes).size).toBe(10);
    const account = { email: me.email, password: PASSWORD };
    const [firstCode = '', secondCode = ''] = recoveryCodes;

    const one = await pendingSignIn(account);
    expect((await one.post(SECOND, { recoveryCode: firstCode })).status).toBe(200);
    expect((await one.get(SECOND)).body).toMatchObject({ enabled: true, recoveryCodesLeft: 9 });

    const two = await pendingSignIn(account, browser(t.app, { lang: 'sk' }));
    const reused = await two.post(SECOND, { recoveryCode: firstCode });
    expect(reused.status).toBe(400);
    expect(reused.body.error).toMatchObject({
      code: 'INVALID_RECOVERY_CODE',
      message: 'Tento záložný kód nie je správny alebo už bol použitý.',
    });
    expect(
      (await two.post(SECOND, { recoveryCode: ` ${secondCode.toUpperCase().replace('-', ' ')} ` })).status,
    ).toBe(200);
    expect((await two.get(SECOND)).body).toMatchObject({ recoveryCodesLeft: 8 });
  });

  it('signing out of a pending sign-in ends it', async () => {
    const admin = await enrolledAdmin();
    const client = await pendingSignIn(admin);
    const token = client.sessionCookie as string;
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    expect(
      await t.ctx.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, sha256(token))),
    ).toEqual([]);
  });

  it('an expired pending sign-in cannot be completed', async () => {
    const admin = await enrolledAdmin();
    const client = await pendingSignIn(admin);
    await t.ctx.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, sha256(client.sessionCookie as string)));
    expect((await client.post(SECOND, { code: codeAt(admin.totpSecret, 0) })).status).toBe(401);
  });
});

describe('businesses and influencers', () => {
  it('sign in as before and have no second factor to manage', async () => {
    for (const build of [buildBusiness, buildInfluencer]) {
      const { email, password } = await build(t.app);
      const client = browser(t.app);
      const res = await client.post(LOGIN, { email, password });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ email });
      expect(res.body.user).not.toHaveProperty('secondFactorEnabled');
      expect((await client.get(ME)).status).toBe(200);
      expect((await client.post(SECOND, { code: '123456' })).status).toBe(401);
      expect((await client.get(SECOND)).status).toBe(403);
      expect((await client.post(`${SECOND}/setup`)).status).toBe(403);
      expect((await client.post(`${SECOND}/enable`, { code: '123456' })).status).toBe(403);
      expect((await client.get(ADMIN_ROUTE)).status).toBe(403);
    }
    expect((await browser(t.app).get(SECOND)).status).toBe(401);
  });
});

describe('an admin without a second factor', () => {
  it('signs in with the password but every admin route answers 403 until enrolled', async () => {
    const { client, user } = await buildAdmin(t.app, { secondFactor: false });
    expect(user).toMatchObject({ role: 'admin', secondFactorEnabled: false });
    for (const res of [
      await client.get(ADMIN_ROUTE),
      await client.get('/api/v1/admin/faq/entries'),
      await client.post('/api/v1/admin/faq/entries', { nonsense: true }),
      await client.get('/api/v1/influencers'),
      // … and the admin's reading rights elsewhere: reports, uploads, campaigns.
      await client.post('/api/v1/reports/rep_0000000000000000/messages', { body: 'Hello' }),
      await client.get('/api/v1/uploads/upl_0000000000000000'),
      await client.get('/api/v1/campaigns'),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({
        code: 'SECOND_FACTOR_SETUP_REQUIRED',
        message: 'Set up two-step sign-in before you use the admin console.',
      });
    }
    expect((await client.get(SECOND)).body).toEqual({
      enabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
    });
    // Its own account still answers (the web app sends it to the setup page).
    expect((await client.get(ME)).status).toBe(200);
  });

  it('enrolled at boot (ADMIN_TOTP_SECRET), its password-only sessions end', async () => {
    const { client, user } = await buildAdmin(t.app, { secondFactor: false });
    expect(await enrolAdminAtBoot(t.ctx, { email: user.email, secret: newTotpSecret() })).toBe('enrolled');
    expect((await client.get(ME)).status).toBe(401);
    const left = await t.ctx.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(left).toEqual([]);
  });

  it('enrols: setup shows a secret, its otpauth URI and a QR code; a code confirms it', async () => {
    const { client, user } = await buildAdmin(t.app, { secondFactor: false });
    const elsewhere = await signInAdminWithPassword(user.email);

    const setup = await client.post<{ secret: string; otpauthUri: string; qrSvg: string }>(`${SECOND}/setup`);
    expect(setup.status).toBe(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(setup.body.otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(decodeURIComponent(uri.pathname)).toBe(`/BeXtr:${user.email}`);
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: setup.body.secret,
      issuer: 'BeXtr',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
    expect(setup.body.qrSvg).toMatch(/^<svg[^>]*>.*<\/svg>\s*$/s);
    // Pending until confirmed: still no admin route, and a new setup replaces the secret.
    expect((await client.get(ADMIN_ROUTE)).status).toBe(403);
    const again = await client.post<{ secret: string }>(`${SECOND}/setup`);
    expect(again.body.secret).not.toBe(setup.body.secret);

    expect((await client.post(`${SECOND}/enable`, { code: codeAt(setup.body.secret, 0) })).status).toBe(400);
    const enabled = await client.post<{ recoveryCodes: string[]; user: object }>(`${SECOND}/enable`, {
      code: codeAt(again.body.secret, 0),
    });
    expect(enabled.status).toBe(200);
    expect(enabled.body.user).toMatchObject({ secondFactorEnabled: true });
    expect(enabled.body.recoveryCodes).toHaveLength(10);

    // This session goes on as an admin; the one signed in elsewhere with the password alone ends.
    expect((await client.get(ADMIN_ROUTE)).status).toBe(200);
    expect((await elsewhere.get(ME)).status).toBe(401);
    expect((await client.get(SECOND)).body).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    const audit = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, user.id), eq(auditLog.action, 'admin.second_factor_enrol')));
    expect(audit).toMatchObject([{ subjectType: 'user', subjectId: user.id }]);

    // Once on, it cannot be set up again, and the next sign-in asks for a code.
    expect((await client.post(`${SECOND}/setup`)).status).toBe(409);
    expect((await client.post(`${SECOND}/enable`, { code: codeAt(again.body.secret, 1) })).status).toBe(409);
    await pendingSignIn({ email: user.email, password: PASSWORD });
  });

  it('enable without a setup first is a 409', async () => {
    const { client } = await buildAdmin(t.app, { secondFactor: false });
    expect((await client.post(`${SECOND}/enable`, { code: '123456' })).status).toBe(409);
  });
});

async function signInAdminWithPassword(email: string) {
  const client = browser(t.app);
  const res = await client.post(LOGIN, { email, password: PASSWORD });
  expect(res.body.user).toMatchObject({ email, secondFactorEnabled: false });
  return client;
}

describe('renewing recovery codes', () => {
  it('needs a current code, replaces every old code and is audited', async () => {
    const { client, user } = await buildAdmin(t.app, { secondFactor: false });
    const { secret, recoveryCodes: old } = await enrolThroughApi(client);

    const wrong = await client.post(`${SECOND}/recovery-codes`, { code: codeAt(secret, 0) });
    expect(wrong.status).toBe(400); // this step's code was used to enable
    const renewed = await client.post<{ recoveryCodes: string[] }>(`${SECOND}/recovery-codes`, {
      code: codeAt(secret, 1),
    });
    expect(renewed.status).toBe(200);
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    expect(renewed.body.recoveryCodes).not.toContain(old[0]);
    expect((await client.get(SECOND)).body).toMatchObject({ recoveryCodesLeft: 10 });

    const account = { email: user.email, password: PASSWORD };
    const pending = await pendingSignIn(account);
    expect((await pending.post(SECOND, { recoveryCode: old[0] })).status).toBe(400);
    expect((await pending.post(SECOND, { recoveryCode: renewed.body.recoveryCodes[0] })).status).toBe(200);
    const audit = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, user.id), eq(auditLog.action, 'admin.recovery_codes_renew')));
    expect(audit).toHaveLength(1);
  });
});

describe('guessing limits', () => {
  it('per admin: after ten wrong codes even the right one waits (429 with Retry-After)', async () => {
    const limited = await createTestApp({ rateLimitScale: 1 });
    try {
      const email = uniqueEmail('admin');
      const totpSecret = newTotpSecret();
      await ensureAdmin(limited.ctx.db, { email, password: PASSWORD });
      await enrolAdminAtBoot(limited.ctx, { email, secret: totpSecret });
      const client = browser(limited.app, { ip: '198.18.7.1' });
      await client.post(LOGIN, { email, password: PASSWORD });
      for (let i = 0; i < limits.secondFactorPerUser.max; i++) {
        expect((await client.post(SECOND, { code: wrongCode(totpSecret) })).status).toBe(400);
      }
      const blocked = await client.post(SECOND, { code: adminCode(totpSecret) });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      // From another address too: the limit is the admin's.
      const other = browser(limited.app, { ip: '198.18.7.2' });
      await other.post(LOGIN, { email, password: PASSWORD });
      expect((await other.post(SECOND, { code: adminCode(totpSecret) })).status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe('ADMIN_TOTP_SECRET', () => {
  it('enrols the boot admin at boot, sealed at rest when TOTP_ENCRYPTION_KEY is set', async () => {
    const email = uniqueEmail('ops');
    const secret = newTotpSecret();
    const booted = await createTestApp({
      admin: { email, password: 'an-admin-passphrase', totpSecret: secret },
      totpEncryptionKey: 'a-test-key-that-is-long-enough-0123456789',
      seedDemo: false,
    });
    try {
      await prepareData(booted.ctx.db, booted.config, booted.app.log);
      const [row] = await booted.ctx.db.select().from(users).where(eq(users.email, email));
      expect(row?.totpEnabledAt).not.toBeNull();
      expect(row?.totpSecret).toMatch(/^enc1:/);
      expect(row?.totpSecret).not.toContain(secret);

      const client = browser(booted.app);
      expect((await client.post(LOGIN, { email, password: 'an-admin-passphrase' })).body).toEqual({
        secondFactorRequired: true,
      });
      // The same code twice: a fresh adminCode() could fall in the next 30 s step, a new code.
      const code = adminCode(secret);
      expect((await client.post(SECOND, { code })).status).toBe(200);
      expect((await client.get(ADMIN_ROUTE)).status).toBe(200);

      // A second boot with the same secret keeps the last used step: the code stays used.
      await prepareData(booted.ctx.db, booted.config, booted.app.log);
      const again = browser(booted.app);
      await again.post(LOGIN, { email, password: 'an-admin-passphrase' });
      expect((await again.post(SECOND, { code })).status).toBe(400);
      await signInAdmin(booted.app, { email, password: 'an-admin-passphrase', totpSecret: secret }, {}, 1);
    } finally {
      await booted.close();
    }
  });
});
