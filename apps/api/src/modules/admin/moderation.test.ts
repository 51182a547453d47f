import type { AddressInfo } from 'node:net';
import type { AdminUserDetail, AuditEntry, Notification } from '@bextr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildAdmin } from '../../test/factories/admins.ts';
import { buildOffer, type OfferPage } from '../../test/factories/offers.ts';
import { buildInfluencer, signIn, type TestUser } from '../../test/factories/users.ts';
import { readMail } from '../../test/mail.ts';
import { openSse } from '../../test/sse.ts';

type Detail = { user: AdminUserDetail };
type Notifications = { items: Notification[]; unreadCount: number };
type AuditPage = { items: AuditEntry[]; nextCursor: string | null };

let t: TestApp;
let admin: TestUser;
let baseUrl: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  admin = await buildAdmin(t.app);
}, 120_000);
afterAll(() => t?.close());

const userUrl = (id: string, verb?: string) => `/api/v1/admin/users/${id}${verb ? `/${verb}` : ''}`;
const auditOf = async (subjectId: string) =>
  (await admin.client.get<AuditPage>(`/api/v1/admin/audit-log?subjectId=${subjectId}`)).body.items;

describe('warn', () => {
  it('tells the user in-app and by e-mail in their language, and writes the audit entry', async () => {
    const person = await buildInfluencer(t.app, { locale: 'sk' });
    const res = await admin.client.post<Detail>(userUrl(person.user.id, 'warn'), {
      message: '  Prosím, dodržujte termíny.  ',
    });
    expect(res.status).toBe(200);
    expect(res.body.user.moderation[0]).toMatchObject({
      action: 'user.warn',
      reason: 'Prosím, dodržujte termíny.',
      actorName: admin.user.name,
    });

    const list = await person.client.get<Notifications>('/api/v1/notifications');
    expect(list.body.unreadCount).toBe(1);
    expect(list.body.items[0]).toMatchObject({ kind: 'account_warned', note: 'Prosím, dodržujte termíny.' });

    const [mail] = await readMail(t.app, person.email);
    expect(mail?.subject).toBe('Upozornenie od tímu BeXtr');
    expect(mail?.text).toContain('„Prosím, dodržujte termíny.“');
    expect(mail?.text).toContain('http://localhost:3000/notifications');

    const [entry] = await auditOf(person.user.id);
    expect(entry).toMatchObject({
      action: 'user.warn',
      actor: { id: admin.user.id },
      subject: { type: 'user', id: person.user.id },
      reason: 'Prosím, dodržujte termíny.',
    });
  });

  it('cannot be muted: the warning e-mail is sent whatever the settings say, with no unsubscribe link', async () => {
    const person = await buildInfluencer(t.app);
    const mute = await person.client.put('/api/v1/notification-preferences', {
      email: { account_warned: false },
    });
    expect(mute.status).toBe(400);
    // Muting everything that can be muted leaves the warning e-mail on.
    const everything = await person.client.put<{ email: Record<string, boolean> }>(
      '/api/v1/notification-preferences',
      {
        email: { offer_accepted: false, new_messages: false, review_received: false },
      },
    );
    expect(everything.status).toBe(200);
    expect(Object.keys(everything.body.email)).not.toContain('account_warned');
    await admin.client.post(userUrl(person.user.id, 'warn'), { message: 'Please keep your deadlines.' });
    const [mail] = await readMail(t.app, person.email);
    expect(mail?.subject).toBe('A warning from the BeXtr team');
    expect(mail?.headers).toEqual({});
    expect(mail?.text).not.toContain('/unsubscribe');
  });

  it('400 for an empty message or unknown fields, 404 for an admin or an unknown id', async () => {
    const person = await buildInfluencer(t.app);
    expect((await admin.client.post(userUrl(person.user.id, 'warn'), { message: '   ' })).status).toBe(400);
    expect(
      (await admin.client.post(userUrl(person.user.id, 'warn'), { message: 'x', extra: 1 })).status,
    ).toBe(400);
    expect((await admin.client.post(userUrl(person.user.id, 'warn'), {})).status).toBe(400);
    const other = await buildAdmin(t.app);
    expect((await admin.client.post(userUrl(other.user.id, 'warn'), { message: 'x' })).status).toBe(404);
    expect((await admin.client.post(userUrl('no-such-user', 'warn'), { message: 'x' })).status).toBe(404);
    expect((await person.client.get<Notifications>('/api/v1/notifications')).body.items).toEqual([]);
  });
});

describe('suspend and reinstate', () => {
  it('ends every session and live stream at once, blocks sign-in, e-mails the reason; reinstating lets the user back', async () => {
    const person = await buildInfluencer(t.app, { locale: 'sk' });
    const laptop = await signIn(t.app, { email: person.email, password: person.password });
    const stream = await openSse(baseUrl, {
      cookie: `${person.client.sessionCookieName}=${person.client.sessionCookie}`,
    });
    expect(stream.status).toBe(200);

    const res = await admin.client.post<Detail>(userUrl(person.user.id, 'suspend'), {
      reason: 'Opakovane nedodané výstupy.',
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      status: 'suspended',
      suspensionReason: 'Opakovane nedodané výstupy.',
      abilities: { warn: true, suspend: false, reinstate: true },
    });
    // The live stream ends now, not at the hub's next session check (30 s away).
    await Promise.race([
      stream.ended,
      new Promise((_, reject) => setTimeout(() => reject(new Error('stream still open')), 3000)),
    ]);
    expect((await person.client.get('/api/v1/auth/me')).status).toBe(401);
    expect((await laptop.get('/api/v1/auth/me')).status).toBe(401);

    const login = await browser(t.app, { lang: 'sk' }).post('/api/v1/auth/login', {
      email: person.email,
      password: person.password,
    });
    expect(login.status).toBe(403);
    expect(login.body.error?.code).toBe('ACCOUNT_SUSPENDED');
    expect(login.body.error?.message).toMatch(/^Tento účet je pozastavený/);

    const [mail] = await readMail(t.app, person.email);
    expect(mail?.subject).toBe('Váš účet v BeXtr je pozastavený');
    expect(mail?.text).toContain('„Opakovane nedodané výstupy.“');

    // Twice is a conflict; reinstating an active account too.
    expect((await admin.client.post(userUrl(person.user.id, 'suspend'), { reason: 'again' })).status).toBe(
      409,
    );

    const back = await admin.client.post<Detail>(userUrl(person.user.id, 'reinstate'), {
      reason: 'Vyriešené.',
    });
    expect(back.status).toBe(200);
    expect(back.body.user).toMatchObject({ status: 'active', suspensionReason: null, suspendedAt: null });
    expect(back.body.user.moderation.map((m) => m.action)).toEqual(['user.reinstate', 'user.suspend']);
    const [welcome] = await readMail(t.app, person.email);
    expect(welcome?.subject).toBe('Váš účet v BeXtr je opäť aktívny');
    expect(welcome?.text).toContain('http://localhost:3000/sign-in?lang=sk');
    expect(
      (
        await signIn(t.app, { email: person.email, password: person.password }).then((c) =>
          c.get('/api/v1/auth/me'),
        )
      ).status,
    ).toBe(200);
    expect((await admin.client.post(userUrl(person.user.id, 'reinstate'))).status).toBe(409);

    const actions = (await auditOf(person.user.id)).map((e) => [e.action, e.reason]);
    expect(actions).toEqual([
      ['user.reinstate', 'Vyriešené.'],
      ['user.suspend', 'Opakovane nedodané výstupy.'],
    ]);
  });

  it('an admin cannot be suspended; bodies are strict; unknown ids are 404', async () => {
    const other = await buildAdmin(t.app);
    expect((await admin.client.post(userUrl(other.user.id, 'suspend'), { reason: 'no' })).status).toBe(404);
    expect((await admin.client.post(userUrl(admin.user.id, 'suspend'), { reason: 'no' })).status).toBe(404);
    expect((await other.client.get('/api/v1/auth/me')).status).toBe(200);
    const person = await buildInfluencer(t.app);
    expect((await admin.client.post(userUrl(person.user.id, 'suspend'), { reason: '' })).status).toBe(400);
    expect(
      (await admin.client.post(userUrl(person.user.id, 'suspend'), { reason: 'x', until: 'never' })).status,
    ).toBe(400);
    expect((await admin.client.post(userUrl(person.user.id, 'reinstate'), { note: 'x' })).status).toBe(400);
    expect((await admin.client.post(userUrl('no-such-user', 'suspend'), { reason: 'x' })).status).toBe(404);
    expect((await admin.client.post(userUrl('no-such-user', 'reinstate'))).status).toBe(404);
    expect((await person.client.get('/api/v1/auth/me')).status).toBe(200);
  });
});

describe('what a suspension hides, and a reinstatement shows again', () => {
  it("the business's published campaigns: discovery, the campaign page, the business page, the teaser", async () => {
    const { owner, campaign, influencer } = await buildOffer(t.app);
    const visitor = browser(t.app);
    const seen = async () => ({
      discovery: (
        await influencer.client.get<{ items: { id: string }[] }>('/api/v1/campaigns?limit=100')
      ).body.items.some((c) => c.id === campaign.id),
      page: (await influencer.client.get(`/api/v1/campaigns/${campaign.id}`)).status,
      business: (await influencer.client.get(`/api/v1/businesses/${owner.user.id}`)).status,
      teaser: (await visitor.get(`/api/v1/public/campaigns/${campaign.id}`)).status,
      admin: (await admin.client.get(`/api/v1/campaigns/${campaign.id}`)).status,
    });
    expect(await seen()).toEqual({ discovery: true, page: 200, business: 200, teaser: 200, admin: 200 });
    await admin.client.post(userUrl(owner.user.id, 'suspend'), { reason: 'Fake company.' });
    expect(await seen()).toEqual({ discovery: false, page: 404, business: 404, teaser: 404, admin: 200 });
    // The influencer still sees its own offer (its history), but cannot send another.
    await admin.client.post(userUrl(owner.user.id, 'reinstate'));
    expect(await seen()).toEqual({ discovery: true, page: 200, business: 200, teaser: 200, admin: 200 });
  });

  it("the influencer's pending offers on the business's review, its public page and its directory entry", async () => {
    const { owner, campaign, influencer } = await buildOffer(t.app);
    expect((await influencer.client.put('/api/v1/influencer-profile', { isPublic: true })).status).toBe(200);
    const handle = influencer.profile.handle;
    const visitor = browser(t.app);
    const seen = async () => ({
      offers: (await owner.client.get<OfferPage>(`/api/v1/campaigns/${campaign.id}/offers`)).body.items
        .length,
      profile: (await owner.client.get(`/api/v1/influencers/${handle}`)).status,
      publicPage: (await visitor.get(`/api/v1/influencers/${handle}`)).status,
      directory: (
        await owner.client.get<{ items: { handle: string }[] }>(`/api/v1/influencers?q=${handle}`)
      ).body.items.some((i) => i.handle === handle),
    });
    expect(await seen()).toEqual({ offers: 1, profile: 200, publicPage: 200, directory: true });
    await admin.client.post(userUrl(influencer.user.id, 'suspend'), { reason: 'Fake followers.' });
    expect(await seen()).toEqual({ offers: 0, profile: 404, publicPage: 404, directory: false });
    await admin.client.post(userUrl(influencer.user.id, 'reinstate'));
    expect(await seen()).toEqual({ offers: 1, profile: 200, publicPage: 200, directory: true });
  });
});
