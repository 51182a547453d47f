import type { Campaign, MyCampaign } from '@bextr/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import {
  buildBusinessWithProfile,
  buildDraftCampaign,
  buildPublishedCampaign,
  completeCampaign,
  daysFromNow,
} from '../../test/factories/campaigns.ts';
import { buildBusiness, buildInfluencer } from '../../test/factories/users.ts';

type One = { campaign: Campaign };
type Page = { items: MyCampaign[]; nextCursor: string | null };
type Refusal = {
  error: {
    code: string;
    details: { reasons: { code: string; message: string }[]; fields: { path: string; code: string }[] };
  };
};
const BASE = '/api/v1/campaigns';

describe('campaigns: create, read, edit, delete, duplicate', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('POST 401 for a visitor, 403 for an influencer', async () => {
    expect((await browser(t.app).post(BASE, { name: 'x' })).status).toBe(401);
    const influencer = await buildInfluencer(t.app);
    expect((await influencer.client.post(BASE, { name: 'x' })).status).toBe(403);
  });

  it('POST 400: bad input named per field (dates out of order, negative or missing amount, unknown enums, zero slots)', async () => {
    const business = await buildBusiness(t.app);
    const res = await business.client.post(BASE, {
      name: 'Bad',
      startDate: daysFromNow(20),
      endDate: daysFromNow(10),
      applicationDeadline: daysFromNow(30),
      category: 'weapons',
      networks: ['myspace'],
      slots: 0,
      compensation: { type: 'barter', description: 'Coffee', value: { amount: -5, currency: 'EUR' } },
      deliverables: [{ type: 'story', network: 'instagram', quantity: 0 }],
      secret: 1,
    });
    expect(res.status).toBe(400);
    const fields = res.body.error?.details?.fields ?? [];
    expect(fields.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'category',
        'networks.0',
        'slots',
        'compensation.value.amount',
        'deliverables.0.quantity',
        '',
      ]),
    );
    const paid = await business.client.post(BASE, { compensation: { type: 'paid' } });
    expect(paid.body.error?.details?.fields).toEqual([
      expect.objectContaining({ path: 'compensation.amount', message: 'This field is required.' }),
    ]);
    const zero = await business.client.post(BASE, { compensation: { type: 'paid', amount: { amount: 0 } } });
    expect(zero.body.error?.details?.fields).toEqual([
      expect.objectContaining({ path: 'compensation.amount', code: 'amount_positive' }),
    ]);
    const order = await browser(t.app, { lang: 'sk' }).post(BASE, {});
    expect(order.status).toBe(401);
    const sk = await buildBusiness(t.app, { locale: 'sk' });
    const dates = await sk.client.post(BASE, { startDate: daysFromNow(5), endDate: daysFromNow(1) });
    expect(dates.body.error?.details?.fields).toEqual([
      expect.objectContaining({ path: 'endDate', message: 'Dátum konca nesmie byť pred dátumom začiatku.' }),
    ]);
  });

  it('POST 201: a draft may be incomplete; the owner reads it, others get 404', async () => {
    const business = await buildBusiness(t.app);
    const res = await business.client.post<One>(BASE, { name: 'Half done' });
    expect(res.status).toBe(201);
    expect(res.body.campaign).toMatchObject({
      status: 'draft',
      name: 'Half done',
      brief: null,
      compensation: null,
      isOpen: false,
      abilities: {
        edit: true,
        publish: true,
        pause: false,
        resume: false,
        close: false,
        delete: true,
        duplicate: true,
      },
    });
    const url = `${BASE}/${res.body.campaign.id}`;
    expect((await business.client.get(url)).status).toBe(200);
    expect((await browser(t.app).get(url)).status).toBe(401);
    const other = await buildBusiness(t.app);
    expect((await other.client.get(url)).status).toBe(404);
    const influencer = await buildInfluencer(t.app);
    expect((await influencer.client.get(url)).status).toBe(404);
  });

  it('another business gets 404 for every verb', async () => {
    const { campaign } = await buildPublishedCampaign(t.app);
    const other = await buildBusinessWithProfile(t.app);
    const url = `${BASE}/${campaign.id}`;
    expect((await other.client.patch(url, { name: 'Mine now' })).status).toBe(404);
    expect((await other.client.delete(url)).status).toBe(404);
    for (const verb of ['publish', 'pause', 'resume', 'close', 'duplicate']) {
      expect((await other.client.post(`${url}/${verb}`)).status, verb).toBe(404);
    }
    // A published campaign is readable, but offers the stranger nothing to do.
    const read = await other.client.get<One>(url);
    expect(read.status).toBe(200);
    expect(Object.values(read.body.campaign.abilities).every((v) => v === false)).toBe(true);
  });

  it('PATCH: edits a draft, null clears a field, 400 on bad values, 409 once closed', async () => {
    const business = await buildBusinessWithProfile(t.app);
    const draft = await buildDraftCampaign(business.client);
    const url = `${BASE}/${draft.id}`;
    expect((await browser(t.app).patch(url, { name: 'x' })).status).toBe(401);
    const bad = await business.client.patch(url, { endDate: daysFromNow(1) });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details?.fields?.[0]).toMatchObject({ path: 'endDate', code: 'end_before_start' });
    const cleared = await business.client.patch<One>(url, { brief: null, name: 'Renamed' });
    expect(cleared.status).toBe(200);
    expect(cleared.body.campaign).toMatchObject({ name: 'Renamed', brief: null });
    await business.client.patch(url, { brief: 'Back again' });
    expect((await business.client.post(`${url}/publish`)).status).toBe(200);
    // Published: must stay complete; the brief may be clarified.
    const emptied = await business.client.patch(url, { name: null });
    expect(emptied.status).toBe(400);
    expect(emptied.body.error?.details?.fields?.[0]).toMatchObject({ path: 'name' });
    const clarified = await business.client.patch<One>(url, { brief: 'Clarified brief' });
    expect(clarified.body.campaign.brief).toBe('Clarified brief');
    expect((await business.client.post(`${url}/close`)).status).toBe(200);
    expect((await business.client.patch(url, { brief: 'Too late' })).status).toBe(409);
  });

  it('DELETE: only drafts (409 otherwise), 204 then 404', async () => {
    const business = await buildBusinessWithProfile(t.app);
    const { campaign } = await buildPublishedCampaign(t.app, { owner: business });
    expect((await browser(t.app).delete(`${BASE}/${campaign.id}`)).status).toBe(401);
    expect((await business.client.delete(`${BASE}/${campaign.id}`)).status).toBe(409);
    const draft = await buildDraftCampaign(business.client);
    expect((await business.client.delete(`${BASE}/${draft.id}`)).status).toBe(204);
    expect((await business.client.get(`${BASE}/${draft.id}`)).status).toBe(404);
    expect((await business.client.delete(`${BASE}/${draft.id}`)).status).toBe(404);
  });

  it('duplicate makes a new draft with the same fields', async () => {
    const { owner, campaign } = await buildPublishedCampaign(t.app);
    const res = await owner.client.post<One>(`${BASE}/${campaign.id}/duplicate`);
    expect(res.status).toBe(201);
    expect(res.body.campaign).toMatchObject({
      status: 'draft',
      name: `${campaign.name} (2)`,
      brief: campaign.brief,
      deliverables: campaign.deliverables,
      compensation: campaign.compensation,
    });
    expect(res.body.campaign.id).not.toBe(campaign.id);
  });

  it('GET /campaigns/mine: 401/403, own campaigns only with zero offer counts, status filter, pages', async () => {
    expect((await browser(t.app).get(`${BASE}/mine`)).status).toBe(401);
    const influencer = await buildInfluencer(t.app);
    expect((await influencer.client.get(`${BASE}/mine`)).status).toBe(403);
    const business = await buildBusinessWithProfile(t.app);
    await buildPublishedCampaign(t.app);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await buildDraftCampaign(business.client, { name: `C${i}` })).id);
    await business.client.post(`${BASE}/${ids[0]}/publish`);
    const first = await business.client.get<Page>(`${BASE}/mine?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((c) => c.name)).toEqual(['C2', 'C1']);
    expect(first.body.items[0]?.offerCounts).toEqual({
      pending: 0,
      shortlisted: 0,
      accepted: 0,
      rejected: 0,
      withdrawn: 0,
      expired: 0,
    });
    const second = await business.client.get<Page>(`${BASE}/mine?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((c) => c.name)).toEqual(['C0']);
    expect(second.body.nextCursor).toBeNull();
    const published = await business.client.get<Page>(`${BASE}/mine?status=published`);
    expect(published.body.items.map((c) => c.id)).toEqual([ids[0]]);
    expect((await business.client.get(`${BASE}/mine?status=nope`)).status).toBe(400);
    expect((await business.client.get(`${BASE}/mine?cursor=garbage`)).status).toBe(400);
  });
});

describe('campaign lifecycle', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('401 for a visitor, 403 for an influencer', async () => {
    const { campaign } = await buildPublishedCampaign(t.app);
    expect((await browser(t.app).post(`${BASE}/${campaign.id}/pause`)).status).toBe(401);
    const influencer = await buildInfluencer(t.app);
    expect((await influencer.client.post(`${BASE}/${campaign.id}/pause`)).status).toBe(403);
  });

  it('422 with every reason: unverified e-mail, incomplete profile, missing fields — in Slovak too', async () => {
    const business = await buildBusiness(t.app, { locale: 'sk' });
    const draft = await business.client.post<One>(BASE, {
      name: 'Len názov',
      applicationDeadline: daysFromNow(-1),
    });
    const res = await business.client.post<Refusal>(`${BASE}/${draft.body.campaign.id}/publish`);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('RULE_VIOLATION');
    expect(res.body.error.details.reasons.map((r) => r.code)).toEqual([
      'email_unverified',
      'business_profile_incomplete',
      'campaign_incomplete',
    ]);
    expect(res.body.error.details.reasons[0]?.message).toBe('Najprv overte svoju e-mailovú adresu.');
    const paths = res.body.error.details.fields.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['brief', 'category', 'tiers', 'slots', 'applicationDeadline']),
    );
    expect(paths).not.toContain('name');
  });

  it('walks draft → published ⇄ paused → closed, 409 for every wrong state', async () => {
    const business = await buildBusinessWithProfile(t.app);
    const draft = await buildDraftCampaign(business.client);
    const go = (action: string) => business.client.post<One>(`${BASE}/${draft.id}/${action}`);
    for (const action of ['pause', 'resume', 'close']) expect((await go(action)).status, action).toBe(409);
    const published = await go('publish');
    expect(published.status).toBe(200);
    expect(published.body.campaign).toMatchObject({ status: 'published', isOpen: true });
    expect(published.body.campaign.publishedAt).not.toBeNull();
    expect(published.body.campaign.abilities).toMatchObject({
      publish: false,
      pause: true,
      close: true,
      delete: false,
    });
    expect((await go('publish')).status).toBe(409);
    expect((await go('resume')).status).toBe(409);
    const paused = await go('pause');
    expect(paused.body.campaign).toMatchObject({
      status: 'paused',
      isOpen: false,
      abilities: { resume: true },
    });
    expect((await go('pause')).status).toBe(409);
    expect((await go('resume')).body.campaign.status).toBe('published');
    const closed = await go('close');
    expect(closed.body.campaign).toMatchObject({
      status: 'closed',
      abilities: { edit: false, close: false },
    });
    for (const action of ['publish', 'pause', 'resume', 'close'])
      expect((await go(action)).status, action).toBe(409);
  });

  it('two concurrent publishes (and closes) resolve to one 200 and one 409', async () => {
    const business = await buildBusinessWithProfile(t.app);
    const draft = await buildDraftCampaign(business.client);
    const url = `${BASE}/${draft.id}`;
    const publishes = await Promise.all([
      business.client.post(`${url}/publish`),
      business.client.post(`${url}/publish`),
    ]);
    expect(publishes.map((r) => r.status).sort()).toEqual([200, 409]);
    const closes = await Promise.all([
      business.client.post(`${url}/close`),
      business.client.post(`${url}/close`),
    ]);
    expect(closes.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('a past deadline or full slots close a published campaign to offers (isOpen false)', async () => {
    const { owner, campaign } = await buildPublishedCampaign(t.app);
    await t.ctx.db.update(campaigns).set({ slotsFilled: 3 }).where(eq(campaigns.id, campaign.id));
    const full = await owner.client.get<One>(`${BASE}/${campaign.id}`);
    expect(full.body.campaign).toMatchObject({ status: 'published', isOpen: false, slotsFilled: 3 });
    const late = await buildPublishedCampaign(t.app, { owner });
    await t.ctx.db
      .update(campaigns)
      .set({ applicationDeadline: daysFromNow(-1) })
      .where(eq(campaigns.id, late.campaign.id));
    expect((await owner.client.get<One>(`${BASE}/${late.campaign.id}`)).body.campaign.isOpen).toBe(false);
  });

  it('resume re-checks the publish rules: 422 for a deadline passed while paused, 200 once fixed', async () => {
    const { owner, campaign } = await buildPublishedCampaign(t.app);
    const url = `${BASE}/${campaign.id}`;
    expect((await owner.client.post(`${url}/pause`)).status).toBe(200);
    await t.ctx.db
      .update(campaigns)
      .set({ applicationDeadline: daysFromNow(-1) })
      .where(eq(campaigns.id, campaign.id));
    const refused = await owner.client.post<Refusal>(`${url}/resume`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('RULE_VIOLATION');
    expect(refused.body.error.details.reasons.map((r) => r.code)).toEqual(['campaign_incomplete']);
    expect(refused.body.error.details.fields).toEqual([
      expect.objectContaining({ path: 'applicationDeadline', code: 'deadline_past' }),
    ]);
    const still = await owner.client.get<One>(url);
    expect(still.body.campaign).toMatchObject({
      status: 'paused',
      isOpen: false,
      abilities: { resume: true },
    });
    // A paused campaign stays editable: the owner moves the deadline and resumes.
    const edited = await owner.client.patch<One>(url, { applicationDeadline: daysFromNow(5) });
    expect(edited.status).toBe(200);
    const resumed = await owner.client.post<One>(`${url}/resume`);
    expect(resumed.status).toBe(200);
    expect(resumed.body.campaign).toMatchObject({ status: 'published', isOpen: true });
  });

  it('barter campaigns publish with a description and optional value', async () => {
    const { campaign } = await buildPublishedCampaign(t.app, {
      campaign: completeCampaign({
        compensation: {
          type: 'barter',
          description: 'A year of coffee',
          value: { amount: 24000, currency: 'EUR' },
        },
        countries: [],
        remote: true,
      }),
    });
    expect(campaign.compensation).toEqual({
      type: 'barter',
      description: 'A year of coffee',
      value: { amount: 24000, currency: 'EUR' },
    });
    expect(campaign.remote).toBe(true);
  });
});
