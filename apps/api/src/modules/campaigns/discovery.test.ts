import { type Campaign, type CampaignTeaser, normalizeSearchText } from '@bextr/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns, users } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser, type TestClient } from '../../test/client.ts';
import {
  buildBusinessWithProfile,
  buildDraftCampaign,
  buildPublishedCampaign,
  completeCampaign,
  daysFromNow,
} from '../../test/factories/campaigns.ts';
import { buildInfluencer, type TestUser } from '../../test/factories/users.ts';

type Page<T = Campaign> = { items: T[]; nextCursor: string | null };
const BASE = '/api/v1/campaigns';

describe('normalizeSearchText', () => {
  it('lowercases and strips Slovak diacritics', () => {
    expect(normalizeSearchText('Káva Ľadová ČOKOLÁDA, ôsmy dážď')).toBe('kava ladova cokolada, osmy dazd');
  });
});

describe('GET /campaigns and GET /public/campaigns', () => {
  let t: TestApp;
  let owner: TestUser;
  let reader: TestClient;
  const ids: Record<string, string> = {};
  const names = (page: Page<{ name: string | null }>) => page.items.map((c) => c.name);

  beforeAll(async () => {
    t = await createTestApp();
    owner = await buildBusinessWithProfile(t.app);
    reader = (await buildInfluencer(t.app)).client;
    const publish = async (key: string, over: Parameters<typeof completeCampaign>[0]) => {
      ids[key] = (
        await buildPublishedCampaign(t.app, { owner, campaign: completeCampaign(over) })
      ).campaign.id;
    };
    await publish('kava', {
      name: 'Ranná Káva z Tatier',
      brief: 'Čerstvo pražená káva pre vaše ráno.',
      category: 'food_drink',
      networks: ['instagram'],
      tiers: ['nano'],
      deliverables: [{ type: 'story', network: 'instagram', quantity: 2 }],
      compensation: { type: 'paid', amount: { amount: 20000, currency: 'EUR' } },
      applicationDeadline: daysFromNow(5),
      countries: ['SK'],
      languages: ['sk'],
    });
    await publish('shoes', {
      name: 'Running shoes test',
      brief: 'Run 50 km in our shoes and tell your followers.',
      category: 'sports',
      networks: ['youtube'],
      tiers: ['macro'],
      deliverables: [{ type: 'video', network: 'youtube', quantity: 1 }],
      compensation: {
        type: 'barter',
        description: 'Two pairs of shoes',
        value: { amount: 30000, currency: 'EUR' },
      },
      applicationDeadline: daysFromNow(20),
      countries: [],
      remote: true,
      languages: ['en'],
    });
    await publish('tea', {
      name: 'Herbal tea week',
      brief: 'Tea instead of coffee (káva) for a week.',
      category: 'food_drink',
      networks: ['tiktok'],
      tiers: ['micro'],
      deliverables: [{ type: 'reel', network: 'tiktok', quantity: 3 }],
      compensation: { type: 'paid', amount: { amount: 5000, currency: 'EUR' } },
      applicationDeadline: daysFromNow(10),
      countries: ['CZ'],
      languages: ['cs'],
    });
    // Never listed: a draft, a paused one, one past its deadline, a full one.
    await buildDraftCampaign(owner.client, { name: 'Káva draft' });
    const paused = await buildPublishedCampaign(t.app, { owner, campaign: { name: 'Káva paused' } });
    await owner.client.post(`${BASE}/${paused.campaign.id}/pause`);
    const late = await buildPublishedCampaign(t.app, { owner, campaign: { name: 'Káva late' } });
    await t.ctx.db
      .update(campaigns)
      .set({ applicationDeadline: daysFromNow(-1) })
      .where(eq(campaigns.id, late.campaign.id));
    const full = await buildPublishedCampaign(t.app, { owner, campaign: { name: 'Káva full' } });
    await t.ctx.db.update(campaigns).set({ slotsFilled: 3 }).where(eq(campaigns.id, full.campaign.id));
  });
  afterAll(() => t?.close());

  it('401 for a visitor on /campaigns; 400 on bad filters', async () => {
    expect((await browser(t.app).get(BASE)).status).toBe(401);
    for (const q of [
      'category=weapons',
      'network=myspace',
      'sort=random',
      'minAmount=-1',
      'deadlineAfter=tomorrow',
      'limit=101',
      'country=sk',
      'cursor=zzz',
    ]) {
      expect((await reader.get(`${BASE}?${q}`)).status, q).toBe(400);
    }
  });

  it('lists only open campaigns, newest first', async () => {
    const res = await reader.get<Page>(BASE);
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual(['Herbal tea week', 'Running shoes test', 'Ranná Káva z Tatier']);
    expect(res.body.items.every((c) => c.isOpen)).toBe(true);
  });

  it('full text ignores diacritics and case, matches word prefixes, newest first or by relevance', async () => {
    const plain = await reader.get<Page>(`${BASE}?q=kava`);
    expect(names(plain.body)).toEqual(['Herbal tea week', 'Ranná Káva z Tatier']);
    const ranked = await reader.get<Page>(`${BASE}?q=kava&sort=relevance`);
    expect(names(ranked.body)).toEqual(['Ranná Káva z Tatier', 'Herbal tea week']);
    const accented = await reader.get<Page>(`${BASE}?q=${encodeURIComponent('KÁVA tatier')}`);
    expect(names(accented.body)).toEqual(['Ranná Káva z Tatier']);
    const prefix = await reader.get<Page>(`${BASE}?q=prazen`);
    expect(names(prefix.body)).toEqual(['Ranná Káva z Tatier']);
    expect((await reader.get<Page>(`${BASE}?q=unicorn`)).body.items).toEqual([]);
    expect((await reader.get<Page>(`${BASE}?q=${encodeURIComponent('!!')}`)).body.items).toHaveLength(3);
  });

  it('filters: category, network, tier, compensation, minimum amount, country (remote matches), language, deadline', async () => {
    const q = async (query: string) => names((await reader.get<Page>(`${BASE}?${query}`)).body).sort();
    expect(await q('category=food_drink')).toEqual(['Herbal tea week', 'Ranná Káva z Tatier']);
    expect(await q('network=youtube')).toEqual(['Running shoes test']);
    expect(await q('tier=micro')).toEqual(['Herbal tea week']);
    expect(await q('compensation=barter')).toEqual(['Running shoes test']);
    expect(await q('minAmount=10000')).toEqual(['Ranná Káva z Tatier']);
    expect(await q('country=SK')).toEqual(['Ranná Káva z Tatier', 'Running shoes test']);
    expect(await q('language=cs')).toEqual(['Herbal tea week']);
    expect(await q(`deadlineAfter=${daysFromNow(8)}`)).toEqual(['Herbal tea week', 'Running shoes test']);
    expect(await q('q=kava&category=food_drink&network=tiktok')).toEqual(['Herbal tea week']);
  });

  it('shows each campaign on a page exactly as its own page does, in every way a page is read', async () => {
    // A page's campaigns come as one JSON object per row (queries.ts), a campaign's own page cell by
    // cell: the two must agree to the last field, dates to the millisecond.
    for (const query of ['', 'q=kava', 'q=kava&sort=relevance', 'q=tatier', 'sort=deadline', 'sort=amount']) {
      const page = await reader.get<Page>(`${BASE}?${query}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length, query).toBeGreaterThan(0);
      for (const item of page.body.items) {
        const own = await reader.get<{ campaign: Campaign }>(`${BASE}/${item.id}`);
        expect(item, `${query}: ${item.name}`).toEqual(own.body.campaign);
      }
    }
  });

  it('sorts by deadline, amount and newest, and pages with a cursor in every sort', async () => {
    const deadline = await reader.get<Page>(`${BASE}?sort=deadline`);
    expect(names(deadline.body)).toEqual(['Ranná Káva z Tatier', 'Herbal tea week', 'Running shoes test']);
    const amount = await reader.get<Page>(`${BASE}?sort=amount`);
    expect(names(amount.body)).toEqual(['Running shoes test', 'Ranná Káva z Tatier', 'Herbal tea week']);
    for (const sort of ['newest', 'deadline', 'amount', 'relevance']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      const q = sort === 'relevance' ? '&q=t' : '';
      const all = names((await reader.get<Page>(`${BASE}?sort=${sort}${q}`)).body);
      do {
        const res: { body: Page } = await reader.get<Page>(
          `${BASE}?sort=${sort}${q}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...names(res.body).map(String));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen, sort).toEqual(all);
      expect(seen.length, sort).toBeGreaterThan(0);
    }
    const first = await reader.get<Page>(`${BASE}?sort=deadline&limit=1`);
    expect((await reader.get(`${BASE}?sort=amount&cursor=${first.body.nextCursor}`)).status).toBe(400);
  });

  it('a suspended business disappears from discovery', async () => {
    const other = await buildBusinessWithProfile(t.app);
    await buildPublishedCampaign(t.app, { owner: other, campaign: { name: 'Suspended soon' } });
    expect(names((await reader.get<Page>(`${BASE}?q=suspended`)).body)).toEqual(['Suspended soon']);
    await t.ctx.db.update(users).set({ status: 'suspended' }).where(eq(users.id, other.user.id));
    expect((await reader.get<Page>(`${BASE}?q=suspended`)).body.items).toEqual([]);
  });

  it('the public teaser answers visitors with the short form only', async () => {
    const res = await browser(t.app).get<Page<CampaignTeaser>>(
      `/api/v1/public/campaigns?q=kava&sort=relevance`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toEqual({
      id: ids.kava,
      name: 'Ranná Káva z Tatier',
      category: 'food_drink',
      networks: ['instagram'],
      tiers: ['nano'],
      compensationType: 'paid',
      applicationDeadline: daysFromNow(5),
      business: { name: 'Tatra Test Roasters' },
    });
    expect(res.text).not.toContain('brief');
    expect(res.text).not.toContain('20000');
    expect((await browser(t.app).get('/api/v1/public/campaigns?sort=nope')).status).toBe(400);
  });

  it('businessId lists the open campaigns of one business only', async () => {
    const other = await buildBusinessWithProfile(t.app);
    await buildPublishedCampaign(t.app, { owner: other, campaign: { name: 'Another roaster' } });
    const q = async (query: string) => names((await reader.get<Page>(`${BASE}?${query}`)).body).sort();
    expect(await q(`businessId=${owner.user.id}`)).toEqual([
      'Herbal tea week',
      'Ranná Káva z Tatier',
      'Running shoes test',
    ]);
    expect(await q(`businessId=${other.user.id}`)).toEqual(['Another roaster']);
    expect(await q(`businessId=${other.user.id}&q=kava`)).toEqual([]);
    expect(await q('businessId=nope')).toEqual([]);
    expect((await reader.get(`${BASE}?businessId=${'x'.repeat(65)}`)).status).toBe(400);
  });
});
