import { and, eq, gt, ne, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { conversationMembers, conversations, messages, users } from '../db/schema.ts';
import { totpCode, totpStep } from '../lib/totp.ts';
import { sendUnreadMessageEmails } from '../modules/notifications/message-emails.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { browser } from '../test/client.ts';
import { buildBusiness, uniqueEmail } from '../test/factories/users.ts';
import { ensureAdmin } from './admin.ts';
import { prepareData } from './boot.ts';
import { demoAccounts } from './demo.ts';
import { DEMO_ADMIN_TOTP_SECRET } from './demo-admin.ts';

const LOGIN = '/api/v1/auth/login';

describe('the admin from ADMIN_EMAIL / ADMIN_PASSWORD (ensureAdmin)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('is created verified and can sign in as admin', async () => {
    const email = uniqueEmail('ops');
    expect(await ensureAdmin(t.ctx.db, { email, password: 'an-admin-passphrase' })).toBe('created');
    const res = await browser(t.app).post(LOGIN, { email, password: 'an-admin-passphrase' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email, role: 'admin', emailVerified: true, status: 'active' });
  });

  it('keeps one account across boots, and takes a changed password', async () => {
    const email = uniqueEmail('ops');
    expect(await ensureAdmin(t.ctx.db, { email, password: 'first-admin-passphrase' })).toBe('created');
    expect(
      await ensureAdmin(t.ctx.db, { email: email.toUpperCase(), password: 'first-admin-passphrase' }),
    ).toBe('unchanged');
    expect(await ensureAdmin(t.ctx.db, { email, password: 'second-admin-passphrase' })).toBe('updated');
    expect((await browser(t.app).post(LOGIN, { email, password: 'first-admin-passphrase' })).status).toBe(
      401,
    );
    expect((await browser(t.app).post(LOGIN, { email, password: 'second-admin-passphrase' })).status).toBe(
      200,
    );
  });

  it('never turns an existing business or influencer into an admin', async () => {
    const { email, client } = await buildBusiness(t.app);
    expect(await ensureAdmin(t.ctx.db, { email, password: 'an-admin-passphrase' })).toBe('conflict');
    expect((await client.get('/api/v1/auth/me')).body.user?.role).toBe('business');
    expect((await browser(t.app).post(LOGIN, { email, password: 'an-admin-passphrase' })).status).toBe(401);
  });

  it('is the only way to an admin account: registering as admin is refused', async () => {
    const res = await browser(t.app).post('/api/v1/auth/register', {
      email: uniqueEmail(),
      password: 'an-admin-passphrase',
      role: 'admin',
      name: 'Sneaky',
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.details?.fields).toEqual([expect.objectContaining({ path: 'role' })]);
  });
});

/** Loading the demo hashes passwords and renders ~90 images: CPU-bound, 15–20 s on an idle two-core
 * machine and several times that on a busy one (demo-influencers.test.ts gives its hook the same). */
const demo = { timeout: 120_000 };

describe('boot data (prepareData) on a new database', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const credentials = (account: { email: string; password: string }) => ({
    email: account.email,
    password: account.password,
  });
  const canSignIn = async (app: TestApp['app'], account: { email: string; password: string }) =>
    (await browser(app).post(LOGIN, credentials(account))).status === 200;

  it('loads the demo accounts by default outside production, and lists them', demo, async () => {
    t = await createTestApp();
    const lines = await prepareData(t.ctx.db, t.config, t.app.log);
    expect(lines.join('\n')).toContain(demoAccounts.business.email);

    const business = await browser(t.app).post(LOGIN, credentials(demoAccounts.business));
    expect(business.status).toBe(200);
    expect(business.body.user).toMatchObject({ role: 'business', emailVerified: true });
    const influencer = await browser(t.app).post(LOGIN, credentials(demoAccounts.influencer));
    expect(influencer.body.user).toMatchObject({ role: 'influencer', locale: 'sk' });
    // The demo admin has the published demo authenticator secret: password, then a code.
    expect(lines.join('\n')).toContain(DEMO_ADMIN_TOTP_SECRET);
    const adminBrowser = browser(t.app);
    const admin = await adminBrowser.post(LOGIN, credentials(demoAccounts.admin));
    expect(admin.body).toEqual({ secondFactorRequired: true });
    const code = totpCode(DEMO_ADMIN_TOTP_SECRET, totpStep());
    const second = await adminBrowser.post('/api/v1/auth/second-factor', { code });
    expect(second.body.user).toMatchObject({ role: 'admin', secondFactorEnabled: true });

    // Threads with messages in both languages; the demo influencer has unread ones, already counted
    // as e-mailed (demo addresses get no mail), and every thread has both sides as members.
    const db = t.ctx.db;
    const unread = await db
      .select({
        unread: sql<number>`count(*)::int`,
        allEmailed: sql<boolean>`bool_and(${conversationMembers.emailedSeq} >= ${messages.seq})`,
      })
      .from(conversationMembers)
      .innerJoin(users, eq(users.id, conversationMembers.userId))
      .innerJoin(
        messages,
        and(
          eq(messages.conversationId, conversationMembers.conversationId),
          gt(messages.seq, conversationMembers.readSeq),
          ne(messages.senderId, conversationMembers.userId),
        ),
      )
      .where(eq(users.email, demoAccounts.influencer.email))
      .groupBy(conversationMembers.conversationId)
      .orderBy(sql`count(*)`);
    expect(unread).toEqual([
      { unread: 1, allEmailed: true },
      { unread: 2, allEmailed: true },
    ]);
    const [threads] = await db.select({ n: sql<number>`count(*)::int` }).from(conversations);
    const [memberRows] = await db.select({ n: sql<number>`count(*)::int` }).from(conversationMembers);
    expect(memberRows?.n).toBe(2 * (threads?.n ?? 0));
    expect(await sendUnreadMessageEmails(t.ctx, { now: new Date(Date.now() + 3_600_000) })).toBe(0);

    // A second boot over the same database changes nothing and does not fail.
    await prepareData(t.ctx.db, t.config, t.app.log);
    expect(await canSignIn(t.app, demoAccounts.business)).toBe(true);
  });

  it('with an ADMIN_EMAIL, the demo has that admin instead of the demo admin', demo, async () => {
    const adminEmail = uniqueEmail('ops');
    t = await createTestApp({ admin: { email: adminEmail, password: 'an-admin-passphrase' } });
    const lines = await prepareData(t.ctx.db, t.config, t.app.log);
    expect(lines.join('\n')).toContain(adminEmail);
    expect(lines.join('\n')).not.toContain(demoAccounts.admin.password);
    expect(await canSignIn(t.app, { email: adminEmail, password: 'an-admin-passphrase' })).toBe(true);
    expect(await canSignIn(t.app, demoAccounts.admin)).toBe(false);
    expect(await canSignIn(t.app, demoAccounts.business)).toBe(true);
  });

  it('starts empty with SEED_DEMO=false, and a later boot does not seed an already used database', async () => {
    t = await createTestApp({ seedDemo: false });
    expect(await prepareData(t.ctx.db, t.config, t.app.log)).toEqual([]);
    expect(await canSignIn(t.app, demoAccounts.business)).toBe(false);

    // Restarted without SEED_DEMO: the database is not new any more.
    await prepareData(t.ctx.db, { ...t.config, seedDemo: undefined }, t.app.log);
    expect(await canSignIn(t.app, demoAccounts.business)).toBe(false);
  });

  it('never loads the demo in production unless asked', demo, async () => {
    t = await createTestApp({ production: true });
    expect(await prepareData(t.ctx.db, t.config, t.app.log)).toEqual([]);
    expect(await canSignIn(t.app, demoAccounts.business)).toBe(false);
    expect(await canSignIn(t.app, demoAccounts.admin)).toBe(false);
  });
});
