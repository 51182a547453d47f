import type { InfluencerProfile, InfluencerSummary } from '@bextr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildReadyInfluencer, uniqueHandle } from '../../test/factories/influencers.ts';
import { buildBusiness, buildInfluencer } from '../../test/factories/users.ts';

type Page = { items: InfluencerSummary[]; nextCursor: string | null };
const D = '/api/v1/influencers';

describe('the influencer directory and profile pages', () => {
  let t: TestApp;
  let business: Awaited<ReturnType<typeof buildBusiness>>;
  const tag = uniqueHandle('dir').replaceAll('_', '');
  beforeAll(async () => {
    t = await createTestApp();
    business = await buildBusiness(t.app);
    // Three ready influencers with a shared bio word, and one whose profile is not ready.
    await buildReadyInfluencer(t.app, {
      profile: {
        displayName: 'Zuzana Kováčová',
        bio: `Káva a hory ${tag}`,
        categories: ['food_drink'],
        languages: ['sk'],
      },
      account: { followers: 8_000, engagementRate: 6.1 },
    });
    await buildReadyInfluencer(t.app, {
      profile: {
        displayName: 'Peter Mega',
        bio: `Tech reviews ${tag}`,
        categories: ['tech'],
        languages: ['en'],
      },
      account: {
        network: 'youtube',
        url: 'https://youtube.com/@p',
        followers: 1_500_000,
        engagementRate: 1.2,
      },
    });
    await buildReadyInfluencer(t.app, {
      profile: {
        displayName: 'Mia Micro',
        bio: `Fitness daily ${tag}`,
        categories: ['fitness_health'],
        languages: ['cs'],
      },
      account: { network: 'tiktok', url: 'https://tiktok.com/@m', followers: 45_000, engagementRate: 4.0 },
    });
    const notReady = await buildInfluencer(t.app);
    await notReady.client.put('/api/v1/influencer-profile', {
      displayName: 'Hidden',
      handle: uniqueHandle(),
      bio: tag,
    });
  });
  afterAll(() => t?.close());

  const search = (query: string) => business.client.get<Page>(`${D}?q=${tag}&${query}`);

  it('401 for a visitor, 403 for an influencer, 400 for a bad filter', async () => {
    expect((await browser(t.app).get(D)).status).toBe(401);
    expect((await (await buildInfluencer(t.app)).client.get(D)).status).toBe(403);
    expect((await business.client.get(`${D}?tier=giga`)).status).toBe(400);
    expect((await business.client.get(`${D}?minEngagement=-1`)).status).toBe(400);
    expect((await business.client.get(`${D}?cursor=garbage`)).status).toBe(400);
  });

  it('lists only ready profiles, largest following first, never the e-mail', async () => {
    const res = await search('');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i) => i.displayName)).toEqual(['Peter Mega', 'Mia Micro', 'Zuzana Kováčová']);
    expect(res.text).not.toContain('@test.bextr.eu');
  });

  it('searches name, handle and bio without diacritics either way', async () => {
    const a = await business.client.get<Page>(`${D}?q=kovacova ${tag}`);
    expect(a.body.items.map((i) => i.displayName)).toEqual(['Zuzana Kováčová']);
    const b = await business.client.get<Page>(`${D}?q=${encodeURIComponent('KÁVA')} ${tag}`);
    expect(b.body.items).toHaveLength(1);
  });

  it('filters by category, network, tier, followers, engagement, audience country and language', async () => {
    const names = async (q: string) => (await search(q)).body.items.map((i) => i.displayName);
    expect(await names('category=tech')).toEqual(['Peter Mega']);
    expect(await names('network=tiktok')).toEqual(['Mia Micro']);
    expect(await names('tier=nano')).toEqual(['Zuzana Kováčová']);
    expect(await names('minFollowers=10000&maxFollowers=100000')).toEqual(['Mia Micro']);
    expect(await names('minEngagement=4')).toEqual(['Mia Micro', 'Zuzana Kováčová']);
    expect(await names('country=SK')).toHaveLength(3);
    expect(await names('country=AT')).toEqual([]);
    expect(await names('language=cs')).toEqual(['Mia Micro']);
  });

  it('sorts by engagement and newest, and pages with a cursor', async () => {
    const names = async (q: string) => (await search(q)).body.items.map((i) => i.displayName);
    expect(await names('sort=engagement')).toEqual(['Zuzana Kováčová', 'Mia Micro', 'Peter Mega']);
    expect(await names('sort=newest')).toEqual(['Mia Micro', 'Peter Mega', 'Zuzana Kováčová']);
    const first = await search('limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await search(`limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((i) => i.displayName)).toEqual(['Zuzana Kováčová']);
    expect(second.body.nextCursor).toBeNull();
    expect((await search(`sort=newest&cursor=${first.body.nextCursor}`)).status).toBe(400);
  });

  it('GET /influencers/:handle: businesses read it; visitors only when public; other influencers not', async () => {
    const ready = await buildReadyInfluencer(t.app);
    const url = `${D}/${ready.profile.handle}`;
    const seen = await business.client.get<{ profile: InfluencerProfile }>(url);
    expect(seen.status).toBe(200);
    expect(seen.body.profile.completeness).toBeUndefined();
    expect(seen.body.profile.abilities).toEqual({ edit: false, invite: true });
    expect(seen.text).not.toContain(ready.email);
    expect((await browser(t.app).get(url)).status).toBe(404);
    expect((await (await buildInfluencer(t.app)).client.get(url)).status).toBe(404);
    expect((await business.client.get(`${D}/no-such-handle`)).status).toBe(404);
    await ready.client.put('/api/v1/influencer-profile', { isPublic: true });
    const pub = await browser(t.app).get(`${D}/${String(ready.profile.handle).toUpperCase()}`);
    expect(pub.status).toBe(200);
    expect(pub.text).not.toContain(ready.email);
  });
});
