import type { BusinessProfile } from '@bextr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildBusinessWithProfile, completeProfile } from '../../test/factories/campaigns.ts';
import { buildBusiness, buildInfluencer } from '../../test/factories/users.ts';

type ProfileBody = { profile: BusinessProfile };
const PROFILE = '/api/v1/business-profile';

describe('GET and PUT /business-profile', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('401 for a visitor, 403 for an influencer', async () => {
    expect((await browser(t.app).get(PROFILE)).status).toBe(401);
    expect((await browser(t.app).put(PROFILE, completeProfile)).status).toBe(401);
    const influencer = await buildInfluencer(t.app);
    expect((await influencer.client.get(PROFILE)).status).toBe(403);
    expect((await influencer.client.put(PROFILE, completeProfile)).status).toBe(403);
  });

  it('400: unknown fields, an unknown industry, a bad country or website, in the user language', async () => {
    const business = await buildBusiness(t.app, { client: { lang: 'sk' } });
    const res = await business.client.put(PROFILE, {
      ...completeProfile,
      industry: 'weapons',
      country: 'Slovakia',
      website: 'javascript:alert(1)',
      isVerified: true,
    });
    expect(res.status).toBe(400);
    const paths = res.body.error?.details?.fields?.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['industry', 'country', 'website', '']));
    expect(res.body.error?.message).toBe('Niektoré polia treba opraviť.');
  });

  it('400 for well-formed codes that are no country or language, here and in campaigns and profiles', async () => {
    const business = await buildBusiness(t.app, { client: { lang: 'sk' } });
    const profile = await business.client.put(PROFILE, { ...completeProfile, country: 'XX' });
    expect(profile.status).toBe(400);
    expect(profile.body.error?.details?.fields).toEqual([
      {
        path: 'country',
        code: 'unknown_country',
        message: 'Tento kód krajiny nepoznáme (ISO 3166-1, napr. SK).',
      },
    ]);
    expect((await business.client.put(PROFILE, { ...completeProfile, country: 'XK' })).status).toBe(200);

    const campaign = await business.client.post('/api/v1/campaigns', {
      name: 'Codes',
      countries: ['SK', 'ZZ'],
      languages: ['sk', 'qq'],
    });
    expect(campaign.status).toBe(400);
    expect(campaign.body.error?.details?.fields?.map((f) => [f.path, f.code])).toEqual([
      ['countries.1', 'unknown_country'],
      ['languages.1', 'unknown_language'],
    ]);

    const influencer = await buildInfluencer(t.app);
    const own = await influencer.client.put('/api/v1/influencer-profile', {
      country: 'QZ',
      languages: ['xx'],
    });
    expect(own.status).toBe(400);
    expect(own.body.error?.details?.fields?.map((f) => f.code)).toEqual([
      'unknown_country',
      'unknown_language',
    ]);
  });

  it('a new business has an empty profile that says what is missing; saving completes it', async () => {
    const business = await buildBusiness(t.app);
    const empty = await business.client.get<ProfileBody>(PROFILE);
    expect(empty.status).toBe(200);
    expect(empty.body.profile).toMatchObject({
      companyName: null,
      completeness: { complete: false, missing: ['companyName', 'industry', 'description', 'country'] },
    });
    const partial = await business.client.put<ProfileBody>(PROFILE, { companyName: 'Káva s.r.o.' });
    expect(partial.body.profile.completeness.missing).toEqual(['industry', 'description', 'country']);
    const saved = await business.client.put<ProfileBody>(PROFILE, completeProfile);
    expect(saved.status).toBe(200);
    expect(saved.body.profile).toMatchObject({
      ...completeProfile,
      completeness: { complete: true, missing: [] },
    });
    const again = await business.client.get<ProfileBody>(PROFILE);
    expect(again.body.profile.companyName).toBe(completeProfile.companyName);
  });
});

describe('GET /businesses/:id', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('401 for a visitor, 404 for unknown ids and businesses without a profile, public facts otherwise', async () => {
    const business = await buildBusinessWithProfile(t.app);
    const url = `/api/v1/businesses/${business.user.id}`;
    expect((await browser(t.app).get(url)).status).toBe(401);
    const influencer = await buildInfluencer(t.app);
    expect((await influencer.client.get('/api/v1/businesses/nope')).status).toBe(404);
    const bare = await buildBusiness(t.app);
    expect((await influencer.client.get(`/api/v1/businesses/${bare.user.id}`)).status).toBe(404);
    expect((await influencer.client.get(`/api/v1/businesses/${influencer.user.id}`)).status).toBe(404);
    const res = await influencer.client.get<{ business: Record<string, unknown> }>(url);
    expect(res.status).toBe(200);
    expect(res.body.business).toMatchObject({
      id: business.user.id,
      companyName: completeProfile.companyName,
      rating: null,
      reviews: [],
      publishedCampaigns: 0,
    });
    expect(JSON.stringify(res.body)).not.toContain(business.email);
  });
});
