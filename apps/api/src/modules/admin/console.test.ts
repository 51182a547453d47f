import { randomBytes } from 'node:crypto';
import type {
  AdminCampaign,
  AdminStats,
  AdminUserDetail,
  AdminUserListItem,
  AuditEntry,
  Campaign,
  FaqEntry,
  FaqQuestion,
  Notification,
} from '@bextr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildAdmin } from '../../test/factories/admins.ts';
import { buildBusinessWithProfile, buildPublishedCampaign } from '../../test/factories/campaigns.ts';
import { buildReadyInfluencer } from '../../test/factories/influencers.ts';
import { buildOffer } from '../../test/factories/offers.ts';
import { buildBusiness, buildInfluencer, type TestUser } from '../../test/factories/users.ts';
import { readMail } from '../../test/mail.ts';

type Page<T> = { items: T[]; nextCursor: string | null };
type Notifications = { items: Notification[]; unreadCount: number };

let t: TestApp;
let admin: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  admin = await buildAdmin(t.app);
}, 120_000);
afterAll(() => t?.close());

const A = '/api/v1/admin';

describe('every admin route refuses everyone but admins', () => {
  const routes: [string, string, unknown?][] = [
    ['GET', `${A}/users`],
    ['GET', `${A}/users/some-id`],
    ['POST', `${A}/users/some-id/warn`, { message: 'x' }],
    ['POST', `${A}/users/some-id/suspend`, { reason: 'x' }],
    ['POST', `${A}/users/some-id/reinstate`],
    ['GET', `${A}/campaigns`],
    ['POST', `${A}/campaigns/some-id/unpublish`, { reason: 'x' }],
    ['GET', `${A}/audit-log`],
    ['GET', `${A}/stats`],
  ];
  it('401 for a visitor, 403 for a business and an influencer, 404 for an unknown id', async () => {
    const business = await buildBusiness(t.app);
    const influencer = await buildInfluencer(t.app);
    for (const [method, url, body] of routes) {
      const call = (c: TestUser['client']) =>
        c.request(method as 'GET' | 'POST', url, method === 'POST' ? body : undefined);
      expect((await call(browser(t.app))).status, `visitor ${method} ${url}`).toBe(401);
      expect((await call(business.client)).status, `business ${method} ${url}`).toBe(403);
      expect((await call(influencer.client)).status, `influencer ${method} ${url}`).toBe(403);
      // Refused before the body is looked at: a body with unknown fields is still 403.
      if (method === 'POST') expect((await business.client.post(url, { bogus: true })).status).toBe(403);
      const own = await call(admin.client);
      expect(own.status, `admin ${method} ${url}`).toBe(url.includes('some-id') ? 404 : 200);
    }
  });

  it('400 for a bad filter or cursor', async () => {
    expect((await admin.client.get(`${A}/users?role=owner`)).status).toBe(400);
    expect((await admin.client.get(`${A}/users?cursor=garbage`)).status).toBe(400);
    expect((await admin.client.get(`${A}/campaigns?status=draft`)).status).toBe(400);
    expect((await admin.client.get(`${A}/audit-log?action=user.delete`)).status).toBe(400);
    expect((await admin.client.get(`${A}/users?limit=101`)).status).toBe(400);
  });
});

describe('GET /admin/users', () => {
  it('searches name, e-mail, handle and company; filters role and status; pages without gaps', async () => {
    const tag = randomBytes(3).toString('hex');
    const shop = await buildBusiness(t.app, { name: `Owner ${tag}` });
    await shop.client.put('/api/v1/business-profile', {
      companyName: `Kávareň ${tag} s.r.o.`,
      industry: 'food_drink',
      description: 'Coffee.',
      country: 'SK',
    });
    const creator = await buildReadyInfluencer(t.app, { profile: { handle: `crt_${tag}` } });
    const search = async (q: string, extra = '') =>
      (
        await admin.client.get<Page<AdminUserListItem>>(`${A}/users?q=${encodeURIComponent(q)}${extra}`)
      ).body.items.map((u) => u.id);
    expect(await search(`Kávareň ${tag}`)).toEqual([shop.user.id]);
    expect(await search(`owner ${tag}`)).toEqual([shop.user.id]);
    expect(await search(shop.email.toUpperCase())).toEqual([shop.user.id]);
    expect(await search(`@crt_${tag}`)).toEqual([creator.user.id]);
    expect(await search(tag, '&role=influencer')).toEqual([creator.user.id]);
    expect(await search(tag, '&status=suspended')).toEqual([]);
    expect(await search('100%_')).toEqual([]);

    const listed = await admin.client.get<Page<AdminUserListItem>>(`${A}/users?q=${tag}`);
    expect(listed.body.items.find((u) => u.id === creator.user.id)).toMatchObject({
      role: 'influencer',
      handle: `crt_${tag}`,
      email: creator.email,
      status: 'active',
      abilities: { warn: true, suspend: true, reinstate: false },
    });
    expect(listed.body.items.find((u) => u.id === shop.user.id)?.displayName).toBe(`Kávareň ${tag} s.r.o.`);

    // Paging one at a time walks every account exactly once, newest first.
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: Page<AdminUserListItem> } = await admin.client.get<Page<AdminUserListItem>>(
        `${A}/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      all.push(...res.body.items.map((u) => u.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    const everything = await admin.client.get<Page<AdminUserListItem>>(`${A}/users?limit=100`);
    expect(all).toEqual(everything.body.items.map((u) => u.id));
    expect(new Set(all).size).toBe(all.length);
  });

  it('the detail: account facts, profile link, counts of what the user did', async () => {
    const { owner, influencer } = await buildOffer(t.app);
    const detail = await admin.client.get<{ user: AdminUserDetail }>(`${A}/users/${influencer.user.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.user).toMatchObject({
      id: influencer.user.id,
      email: influencer.email,
      role: 'influencer',
      profilePath: `/influencers/${influencer.profile.handle}`,
      counts: { offers: 1, campaigns: 0, collaborations: 0, reportsBy: 0, reportsAgainst: 0 },
      reports: [],
      moderation: [],
      rating: { count: 0, average: null },
    });
    const business = await admin.client.get<{ user: AdminUserDetail }>(`${A}/users/${owner.user.id}`);
    expect(business.body.user).toMatchObject({
      profilePath: `/businesses/${owner.user.id}`,
      counts: { campaigns: 1, publishedCampaigns: 1, offers: 1 },
    });
    expect((await admin.client.get(`${A}/users/no-such-user`)).status).toBe(404);
  });
});

describe('campaigns', () => {
  it('lists campaigns but drafts, searches and filters by status', async () => {
    const tag = randomBytes(3).toString('hex');
    const { campaign } = await buildPublishedCampaign(t.app, { campaign: { name: `Summer ${tag}` } });
    const draft = await buildPublishedCampaign(t.app, { campaign: { name: `Winter ${tag}` } });
    await draft.owner.client.post(`/api/v1/campaigns/${draft.campaign.id}/close`);
    const list = async (extra: string) =>
      (await admin.client.get<Page<AdminCampaign>>(`${A}/campaigns?q=${tag}${extra}`)).body.items.map(
        (c) => c.name,
      );
    expect(await list('')).toEqual([`Winter ${tag}`, `Summer ${tag}`]);
    expect(await list('&status=published')).toEqual([`Summer ${tag}`]);
    expect(await list('&status=closed')).toEqual([`Winter ${tag}`]);
    const [row] = (await admin.client.get<Page<AdminCampaign>>(`${A}/campaigns?q=Summer ${tag}`)).body.items;
    expect(row).toMatchObject({
      id: campaign.id,
      status: 'published',
      openOffers: 0,
      abilities: { unpublish: true },
    });
  });

  it('unpublish: paused with the reason, the business is told and must edit before resuming', async () => {
    const { owner, campaign, influencer } = await buildOffer(t.app, {
      owner: await buildBusinessWithProfile(t.app, { locale: 'sk' }),
    });
    const url = `${A}/campaigns/${campaign.id}/unpublish`;
    expect((await admin.client.post(url, {})).status).toBe(400);
    expect((await admin.client.post(url, { reason: 'x', notify: false })).status).toBe(400);

    const res = await admin.client.post<{ campaign: AdminCampaign }>(url, { reason: 'Zavádzajúce odmeny.' });
    expect(res.status).toBe(200);
    expect(res.body.campaign).toMatchObject({
      status: 'paused',
      unpublishedReason: 'Zavádzajúce odmeny.',
      openOffers: 1,
      abilities: { unpublish: false },
    });
    expect((await admin.client.post(url, { reason: 'again' })).status).toBe(409);

    // Gone from discovery; the influencer's offer stays.
    const discovery = await influencer.client.get<Page<{ id: string }>>('/api/v1/campaigns?limit=100');
    expect(discovery.body.items.some((c) => c.id === campaign.id)).toBe(false);

    const [note] = (await owner.client.get<Notifications>('/api/v1/notifications')).body.items;
    expect(note).toMatchObject({
      kind: 'campaign_unpublished',
      campaignId: campaign.id,
      note: 'Zavádzajúce odmeny.',
    });
    const [mail] = await readMail(t.app, owner.email);
    expect(mail?.subject).toBe(`Vaša kampaň „${campaign.name}“ bola stiahnutá`);
    expect(mail?.text).toContain('Dôvod: „Zavádzajúce odmeny.“');
    expect(mail?.text).toContain(`http://localhost:3000/campaigns/${campaign.id}/edit`);

    // The owner sees why, and cannot resume before saving an edit.
    const own = await owner.client.get<{ campaign: Campaign }>(`/api/v1/campaigns/${campaign.id}`);
    expect(own.body.campaign.unpublished).toMatchObject({
      reason: 'Zavádzajúce odmeny.',
      editRequired: true,
    });
    expect(own.body.campaign.abilities.resume).toBe(false);
    const early = await owner.client.post(`/api/v1/campaigns/${campaign.id}/resume`);
    expect(early.status).toBe(422);
    expect(JSON.stringify(early.body)).toContain('unpublished_edit_first');
    // Nobody else sees the reason.
    expect(
      (await influencer.client.get<{ campaign: Campaign }>(`/api/v1/campaigns/${campaign.id}`)).status,
    ).toBe(200);
    expect(
      (await influencer.client.get<{ campaign: Campaign }>(`/api/v1/campaigns/${campaign.id}`)).body.campaign
        .unpublished,
    ).toBeNull();

    const edited = await owner.client.patch<{ campaign: Campaign }>(`/api/v1/campaigns/${campaign.id}`, {
      brief: 'A clearer brief: one reel, paid on delivery, nothing else promised.',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.campaign.unpublished).toMatchObject({ editRequired: false });
    expect(edited.body.campaign.abilities.resume).toBe(true);
    const resumed = await owner.client.post<{ campaign: Campaign }>(
      `/api/v1/campaigns/${campaign.id}/resume`,
    );
    expect(resumed.status).toBe(200);
    expect(resumed.body.campaign).toMatchObject({ status: 'published', unpublished: null });

    const [entry] = (await admin.client.get<Page<AuditEntry>>(`${A}/audit-log?subjectId=${campaign.id}`)).body
      .items;
    expect(entry).toMatchObject({
      action: 'campaign.unpublish',
      actor: { id: admin.user.id, name: admin.user.name },
      subject: { type: 'campaign', id: campaign.id, label: campaign.name },
      reason: 'Zavádzajúce odmeny.',
    });
  });

  it('404 for a draft or an unknown campaign', async () => {
    const owner = await buildBusiness(t.app);
    const draft = await owner.client.post<{ campaign: Campaign }>('/api/v1/campaigns', { name: 'Draft' });
    expect(
      (await admin.client.post(`${A}/campaigns/${draft.body.campaign.id}/unpublish`, { reason: 'x' })).status,
    ).toBe(404);
    expect((await admin.client.post(`${A}/campaigns/no-such/unpublish`, { reason: 'x' })).status).toBe(404);
  });
});

describe('the audit log', () => {
  it('records the FAQ actions of admins: answer, dismiss, entry create, update, delete', async () => {
    const ask = async () => {
      const question = `Can a campaign run only on Pinterest ${randomBytes(3).toString('hex')}?`;
      await browser(t.app, {
        ip: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
      }).post('/api/v1/faq/questions', { question, locale: 'en', elapsedMs: 12_000 });
      const queue = await admin.client.get<{ items: FaqQuestion[] }>(
        '/api/v1/admin/faq/questions?status=new&limit=100',
      );
      const found = queue.body.items.find((q) => q.question === question);
      if (!found) throw new Error('question not queued');
      return found;
    };
    const answered = await ask();
    const dismissed = await ask();
    expect(
      (
        await admin.client.post(`/api/v1/admin/faq/questions/${answered.id}/answer`, {
          answer: 'Yes, it can.',
          publish: false,
        })
      ).status,
    ).toBe(200);
    expect((await admin.client.post(`/api/v1/admin/faq/questions/${dismissed.id}/dismiss`)).status).toBe(200);
    const created = await admin.client.post<{ entry: FaqEntry }>('/api/v1/admin/faq/entries', {
      locale: 'sk',
      group: 'basics',
      question: 'Je BeXtr zadarmo?',
      answer: 'Áno.',
    });
    expect(created.status).toBe(201);
    const id = created.body.entry.id;
    expect((await admin.client.patch(`/api/v1/admin/faq/entries/${id}`, { published: false })).status).toBe(
      200,
    );
    expect((await admin.client.delete(`/api/v1/admin/faq/entries/${id}`)).status).toBe(204);

    const log = async (q: string) =>
      (await admin.client.get<Page<AuditEntry>>(`${A}/audit-log?${q}`)).body.items;
    expect((await log(`subjectId=${answered.id}`)).map((e) => [e.action, e.reason])).toEqual([
      ['faq.question_answer', 'Yes, it can.'],
    ]);
    expect((await log(`subjectId=${dismissed.id}`))[0]).toMatchObject({
      action: 'faq.question_dismiss',
      subject: { type: 'faq_question', label: dismissed.question },
    });
    const entry = await log(`subjectType=faq_entry&subjectId=${id}`);
    expect(entry.map((e) => e.action)).toEqual(['faq.entry_delete', 'faq.entry_update', 'faq.entry_create']);
    expect(entry[0]).toMatchObject({
      subject: { label: null },
      details: { locale: 'sk', question: 'Je BeXtr zadarmo?' },
    });
    expect(entry[1]?.details).toMatchObject({ changed: ['published'] });
    expect(entry.every((e) => e.actor?.id === admin.user.id)).toBe(true);
  });

  it('newest first, filtered by action and actor, paged without gaps', async () => {
    const other = await buildAdmin(t.app);
    const person = await buildInfluencer(t.app);
    await other.client.post(`${A}/users/${person.user.id}/warn`, { message: 'First.' });
    await other.client.post(`${A}/users/${person.user.id}/warn`, { message: 'Second.' });
    await other.client.post(`${A}/users/${person.user.id}/suspend`, { reason: 'Third.' });
    const byOther = await admin.client.get<Page<AuditEntry>>(`${A}/audit-log?actorId=${other.user.id}`);
    expect(byOther.body.items.map((e) => e.reason)).toEqual(['Third.', 'Second.', 'First.']);
    expect(byOther.body.items[0]?.subject.label).toBe(person.user.name);
    const warns = await admin.client.get<Page<AuditEntry>>(
      `${A}/audit-log?actorId=${other.user.id}&action=user.warn&limit=1`,
    );
    expect(warns.body.items.map((e) => e.reason)).toEqual(['Second.']);
    const next = await admin.client.get<Page<AuditEntry>>(
      `${A}/audit-log?actorId=${other.user.id}&action=user.warn&limit=1&cursor=${warns.body.nextCursor}`,
    );
    expect(next.body.items.map((e) => e.reason)).toEqual(['First.']);
    expect(next.body.nextCursor).toBeNull();
  });
});

describe('GET /admin/stats', () => {
  it('counts by role, status and state, and this week’s new things, matching what was created', async () => {
    const before = (await admin.client.get<AdminStats>(`${A}/stats`)).body;
    const { owner, influencer } = await buildOffer(t.app);
    const { campaign } = await buildPublishedCampaign(t.app, { owner });
    await admin.client.post(`${A}/campaigns/${campaign.id}/unpublish`, { reason: 'Stats.' });
    const extra = await buildInfluencer(t.app);
    await admin.client.post(`${A}/users/${extra.user.id}/suspend`, { reason: 'Stats.' });
    const res = await admin.client.get<AdminStats>(`${A}/stats`);
    expect(res.status).toBe(200);
    const after = res.body;
    expect(after.users.byRole.business - before.users.byRole.business).toBe(1);
    expect(after.users.byRole.influencer - before.users.byRole.influencer).toBe(2);
    expect(after.users.suspended - before.users.suspended).toBe(1);
    expect(after.users.active - before.users.active).toBe(2);
    expect(after.campaigns.published - before.campaigns.published).toBe(1);
    expect(after.campaigns.paused - before.campaigns.paused).toBe(1);
    expect(after.offers.pending - before.offers.pending).toBe(1);
    expect(after.collaborations).toEqual(before.collaborations);
    expect(after.reports).toEqual(before.reports);
    expect(after.weekly).toHaveLength(12);
    const thisWeek = (s: AdminStats) => s.weekly.at(-1);
    expect(thisWeek(after)?.week).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${thisWeek(after)?.week}T00:00:00Z`).getUTCDay()).toBe(1);
    expect((thisWeek(after)?.users ?? 0) - (thisWeek(before)?.users ?? 0)).toBe(3);
    expect((thisWeek(after)?.campaigns ?? 0) - (thisWeek(before)?.campaigns ?? 0)).toBe(2);
    expect((thisWeek(after)?.offers ?? 0) - (thisWeek(before)?.offers ?? 0)).toBe(1);
    expect(influencer.user.role).toBe('influencer');
  });
});
