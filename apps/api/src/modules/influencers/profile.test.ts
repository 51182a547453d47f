import type { InfluencerProfile } from '@bextr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { audience, basics, buildReadyInfluencer, socialAccount } from '../../test/factories/influencers.ts';
import { uploadImage } from '../../test/factories/uploads.ts';
import { buildBusiness, buildInfluencer } from '../../test/factories/users.ts';

type One = { profile: InfluencerProfile };
const P = '/api/v1/influencer-profile';

describe('influencer profile: onboarding, completeness, tier', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('GET/PUT 401 for a visitor, 403 for a business', async () => {
    expect((await browser(t.app).get(P)).status).toBe(401);
    expect((await browser(t.app).put(P, {})).status).toBe(401);
    const business = await buildBusiness(t.app);
    expect((await business.client.get(P)).status).toBe(403);
    expect((await business.client.put(P, { bio: 'x' })).status).toBe(403);
  });

  it('a new profile is empty and says everything is missing', async () => {
    const { client } = await buildInfluencer(t.app);
    const res = await client.get<One>(P);
    expect(res.status).toBe(200);
    expect(res.body.profile).toMatchObject({ handle: null, tier: null, followers: 0 });
    expect(res.body.profile.completeness?.missing).toEqual([
      'basics',
      'social_accounts',
      'audience',
      'portfolio',
      'insights',
      'email_verified',
    ]);
    expect(JSON.stringify(res.body)).not.toContain('@test.bextr.eu');
  });

  it('PUT 400: malformed handle, shares over 100, unknown fields, each by field', async () => {
    const { client } = await buildInfluencer(t.app);
    const res = await client.put(P, {
      handle: 'no spaces!',
      categories: ['fashion', 'weapons'],
      audience: { ...audience, gender: { female: 80, male: 30, other: 0 } },
      email: 'x@y.z',
    });
    expect(res.status).toBe(400);
    const paths = (res.body.error?.details?.fields ?? []).map((f) => `${f.path}:${f.code}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'handle:handle_format',
        'categories.1:invalid_value',
        'audience.gender:shares_total',
        ':unrecognized_keys',
      ]),
    );
    const countries = await client.put(P, {
      audience: {
        ...audience,
        countries: [
          { country: 'SK', share: 80 },
          { country: 'CZ', share: 30 },
        ],
      },
    });
    expect(countries.body.error?.details?.fields?.[0]).toMatchObject({
      path: 'audience.countries',
      code: 'shares_over',
    });
    const ok = await client.put(P, {
      audience: { ...audience, gender: { female: 50, male: 49.5, other: 1 } },
    });
    expect(ok.status).toBe(200);
  });

  it('PUT 409 handle_taken for a handle another influencer holds, in any letter case', async () => {
    const a = await buildInfluencer(t.app);
    const b = await buildInfluencer(t.app);
    const body = basics();
    expect((await a.client.put(P, body)).status).toBe(200);
    const res = await b.client.put(P, { handle: String(body.handle).toUpperCase() });
    expect(res.status).toBe(409);
    expect(res.body.error?.details?.fields?.[0]).toMatchObject({ path: 'handle', code: 'handle_taken' });
    const sk = await buildInfluencer(t.app, { locale: 'sk' });
    const skRes = await sk.client.put(P, { handle: body.handle });
    expect(skRes.body.error?.details?.fields?.[0]?.message).toBe('Táto prezývka je už obsadená.');
    // Saving one's own handle again is fine.
    expect((await a.client.put(P, { handle: body.handle })).status).toBe(200);
  });

  it('each step saves on its own and the profile becomes ready only with a verified e-mail', async () => {
    const { client } = await buildInfluencer(t.app);
    await client.put(P, basics());
    let profile = (await client.get<One>(P)).body.profile;
    expect(profile.completeness?.missing).not.toContain('basics');
    await client.put(P, { audience });
    profile = (await client.get<One>(P)).body.profile;
    expect(profile.displayName).toBe('Test Creator');
    expect(profile.completeness?.missing).toEqual([
      'social_accounts',
      'portfolio',
      'insights',
      'email_verified',
    ]);
    const ready = await buildReadyInfluencer(t.app);
    expect(ready.profile.completeness).toEqual({ ready: true, missing: [] });
  });

  it('tier follows the largest following through add, edit and delete', async () => {
    const { client } = await buildInfluencer(t.app);
    const add = await client.post<{ socialAccount: { id: string } }>(
      `${P}/social-accounts`,
      socialAccount({ followers: 4_000 }),
    );
    expect(add.status).toBe(201);
    const tier = async () => (await client.get<One>(P)).body.profile;
    expect((await tier()).tier).toBe('nano');
    const yt = await client.post<{ socialAccount: { id: string } }>(
      `${P}/social-accounts`,
      socialAccount({ network: 'youtube', url: 'https://youtube.com/@x', followers: 250_000 }),
    );
    expect((await tier()).tier).toBe('macro');
    await client.patch(`${P}/social-accounts/${yt.body.socialAccount.id}`, { followers: 1_200_000 });
    expect(await tier()).toMatchObject({ tier: 'mega', followers: 1_200_000, totalFollowers: 1_204_000 });
    await client.delete(`${P}/social-accounts/${yt.body.socialAccount.id}`);
    expect(await tier()).toMatchObject({ tier: 'nano', followers: 4_000, networks: ['instagram'] });
    await client.patch(`${P}/social-accounts/${add.body.socialAccount.id}`, { followers: 55_000 });
    expect((await tier()).tier).toBe('micro');
  });
});

describe('influencer sub-resources: social accounts, portfolio, insights', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it("social accounts: 401, 400 (negative followers, engagement over 100, unknown network), 404 for another's, 409 duplicate", async () => {
    expect((await browser(t.app).post(`${P}/social-accounts`, socialAccount())).status).toBe(401);
    const { client } = await buildInfluencer(t.app);
    const bad = await client.post(`${P}/social-accounts`, {
      ...socialAccount(),
      network: 'myspace',
      followers: -1,
      engagementRate: 101,
    });
    expect(bad.status).toBe(400);
    expect((bad.body.error?.details?.fields ?? []).map((f) => f.path).sort()).toEqual([
      'engagementRate',
      'followers',
      'network',
    ]);
    const mine = await client.post<{ socialAccount: { id: string } }>(
      `${P}/social-accounts`,
      socialAccount(),
    );
    expect(mine.status).toBe(201);
    expect(
      (await client.post(`${P}/social-accounts`, socialAccount({ handle: 'TEST.creator' }))).status,
    ).toBe(409);
    const other = await buildInfluencer(t.app);
    const id = mine.body.socialAccount.id;
    expect((await other.client.patch(`${P}/social-accounts/${id}`, { followers: 1 })).status).toBe(404);
    expect((await other.client.delete(`${P}/social-accounts/${id}`)).status).toBe(404);
    expect((await client.patch(`${P}/social-accounts/${id}`, { followers: -5 })).status).toBe(400);
    expect((await client.delete(`${P}/social-accounts/${id}`)).status).toBe(204);
    expect((await client.delete(`${P}/social-accounts/${id}`)).status).toBe(404);
  });

  it("portfolio: 401, 400, 404 for another's, success with images", async () => {
    expect((await browser(t.app).post(`${P}/portfolio`, { title: 'x' })).status).toBe(401);
    const { client } = await buildInfluencer(t.app);
    expect((await client.post(`${P}/portfolio`, { title: '', url: 'javascript:alert(1)' })).status).toBe(400);
    const image = await uploadImage(client);
    const made = await client.post<{ item: { id: string; images: { id: string }[] } }>(`${P}/portfolio`, {
      title: 'Coffee reel',
      url: 'https://instagram.com/p/abc',
      uploadIds: [image.id],
      brand: 'Tatra Coffee',
      network: 'instagram',
      date: '2026-01-10',
    });
    expect(made.status).toBe(201);
    expect(made.body.item.images.map((i) => i.id)).toEqual([image.id]);
    // The response carries the request's own name too.
    expect(made.body.item).toMatchObject({ uploadIds: [image.id] });
    const id = made.body.item.id;
    const other = await buildInfluencer(t.app);
    expect((await other.client.patch(`${P}/portfolio/${id}`, { title: 'Mine now' })).status).toBe(404);
    expect((await other.client.delete(`${P}/portfolio/${id}`)).status).toBe(404);
    const edited = await client.patch<{ item: { title: string; brand: string | null } }>(
      `${P}/portfolio/${id}`,
      { title: 'Coffee reel 2', brand: null },
    );
    expect(edited.body.item).toMatchObject({ title: 'Coffee reel 2', brand: null });
    expect((await client.delete(`${P}/portfolio/${id}`)).status).toBe(204);
  });

  it("insights: 401, 400 (another's account), 404 for another's, success with screenshots", async () => {
    const anon = { socialAccountId: 'x', asOf: '2026-01-01', periodDays: 1, uploadIds: [] };
    expect((await browser(t.app).post(`${P}/insights`, anon)).status).toBe(401);
    const { client } = await buildInfluencer(t.app);
    const other = await buildInfluencer(t.app);
    const theirs = await other.client.post<{ socialAccount: { id: string } }>(
      `${P}/social-accounts`,
      socialAccount(),
    );
    const mine = await client.post<{ socialAccount: { id: string } }>(
      `${P}/social-accounts`,
      socialAccount(),
    );
    const shot = await uploadImage(client);
    const body = {
      socialAccountId: mine.body.socialAccount.id,
      asOf: '2026-02-01',
      periodDays: 28,
      reach: 10,
      uploadIds: [shot.id],
    };
    expect((await client.post(`${P}/insights`, { ...body, periodDays: 0 })).status).toBe(400);
    const foreign = await client.post(`${P}/insights`, {
      ...body,
      socialAccountId: theirs.body.socialAccount.id,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error?.details?.fields?.[0]).toMatchObject({
      path: 'socialAccountId',
      code: 'social_account_unknown',
    });
    const made = await client.post<{ insight: { id: string; network: string; screenshots: unknown[] } }>(
      `${P}/insights`,
      body,
    );
    expect(made.status).toBe(201);
    expect(made.body.insight).toMatchObject({
      network: 'instagram',
      uploadIds: [shot.id],
      screenshots: [expect.objectContaining({ id: shot.id })],
    });
    const id = made.body.insight.id;
    expect((await other.client.patch(`${P}/insights/${id}`, { reach: 1 })).status).toBe(404);
    expect((await other.client.delete(`${P}/insights/${id}`)).status).toBe(404);
    expect((await client.patch(`${P}/insights/${id}`, { reach: 99 })).status).toBe(200);
    expect((await client.delete(`${P}/insights/${id}`)).status).toBe(204);
  });

  it("another influencer's ids change nothing; an insight moves only to one of the owner's accounts", async () => {
    const owner = await buildInfluencer(t.app);
    const other = await buildInfluencer(t.app);
    const post = <T>(client: typeof owner.client, path: string, body: object) =>
      client.post<T>(`${P}/${path}`, body).then((r) => r.body);
    const { socialAccount: insta } = await post<{ socialAccount: { id: string } }>(
      owner.client,
      'social-accounts',
      socialAccount(),
    );
    const { socialAccount: tiktok } = await post<{ socialAccount: { id: string } }>(
      owner.client,
      'social-accounts',
      socialAccount({ network: 'tiktok', url: 'https://tiktok.com/@test.creator' }),
    );
    const { socialAccount: theirs } = await post<{ socialAccount: { id: string } }>(
      other.client,
      'social-accounts',
      socialAccount(),
    );
    const { item } = await post<{ item: { id: string } }>(owner.client, 'portfolio', { title: 'Kept' });
    const { insight } = await post<{ insight: { id: string } }>(owner.client, 'insights', {
      socialAccountId: insta.id,
      asOf: '2026-02-01',
      periodDays: 28,
      reach: 10,
      uploadIds: [],
    });

    const theirPatches = [
      other.client.patch(`${P}/social-accounts/${insta.id}`, { followers: 1 }),
      other.client.patch(`${P}/portfolio/${item.id}`, { title: 'Mine now' }),
      other.client.patch(`${P}/insights/${insight.id}`, { socialAccountId: theirs.id, reach: 1 }),
    ];
    for (const res of await Promise.all(theirPatches)) expect(res.status).toBe(404);
    const moved = await owner.client.patch(`${P}/insights/${insight.id}`, { socialAccountId: theirs.id });
    expect(moved.status).toBe(400);
    expect(moved.body.error?.details?.fields?.[0]).toMatchObject({
      path: 'socialAccountId',
      code: 'social_account_unknown',
    });

    const own = (await owner.client.get<One>(P)).body.profile;
    expect(own.socialAccounts.find((a) => a.id === insta.id)?.followers).toBe(socialAccount().followers);
    expect(own.portfolio.map((p) => p.title)).toEqual(['Kept']);
    expect(own.insights).toEqual([
      expect.objectContaining({ socialAccountId: insta.id, network: 'instagram', reach: 10 }),
    ]);
    expect((await other.client.get<One>(P)).body.profile).toMatchObject({
      portfolio: [],
      insights: [],
    });

    const toTiktok = await owner.client.patch<{ insight: { network: string } }>(
      `${P}/insights/${insight.id}`,
      { socialAccountId: tiktok.id },
    );
    expect(toTiktok.body.insight).toMatchObject({ socialAccountId: tiktok.id, network: 'tiktok' });
    const reachOnly = await owner.client.patch<{ insight: { network: string } }>(
      `${P}/insights/${insight.id}`,
      { reach: 20 },
    );
    expect(reachOnly.body.insight).toMatchObject({ network: 'tiktok', reach: 20 });
  });
});
