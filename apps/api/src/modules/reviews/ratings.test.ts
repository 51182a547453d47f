import { randomBytes } from 'node:crypto';
import type {
  InfluencerProfile,
  InfluencerSummary,
  Offer,
  PublicBusiness,
  RatingSummary,
  Review,
} from '@bextr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildAdmin } from '../../test/factories/admins.ts';
import { buildBusinessWithProfile, buildPublishedCampaign } from '../../test/factories/campaigns.ts';
import { buildCompletedCollaboration } from '../../test/factories/collaborations.ts';
import { buildReadyInfluencer } from '../../test/factories/influencers.ts';
import { sendOffer } from '../../test/factories/offers.ts';
import type { TestUser } from '../../test/factories/users.ts';
import { suspendUserInTx } from '../admin/suspension.ts';

type Page<T> = { items: T[]; nextCursor: string | null };
type Rated = TestUser & { profile: InfluencerProfile };

const reviewUrl = (id: string) => `/api/v1/collaborations/${id}/reviews`;
const text = (n: number) => `Review number ${n}: delivered on time, great to work with.`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

/** A completed collaboration between a new business (named) and the influencer, reviewed by the
 * business with `rating`. */
async function reviewedBy(influencer: Rated, rating: number, companyName: string) {
  const owner = await buildBusinessWithProfile(t.app, { profile: { companyName } });
  const built = await buildCompletedCollaboration(t.app, {
    owner,
    influencer,
    campaign: { name: `${companyName} spring` },
  });
  const res = await owner.client.post(reviewUrl(built.collaboration.id), { rating, text: text(rating) });
  if (res.status !== 201) throw new Error(`reviewing answered ${res.status}: ${res.text}`);
  return built;
}

const ratingOf = async (client: TestUser['client'], handle: string) =>
  (await client.get<{ profile: InfluencerProfile }>(`/api/v1/influencers/${handle}`)).body.profile.rating;

// Each test registers several accounts and runs collaborations to completion through the API.
describe('an influencer’s rating', { timeout: 60_000 }, () => {
  it('averages every review (5, 4, 4 → 4.33 of 3) on the profile, its reviews list, the directory and offer rows', async () => {
    const token = `rated${randomBytes(4).toString('hex')}`;
    const influencer = await buildReadyInfluencer(t.app, {
      profile: { displayName: `Ema ${token}`, isPublic: true },
    });
    const other = await buildReadyInfluencer(t.app, { profile: { displayName: `Oto ${token}` } });
    const handle = influencer.profile.handle ?? '';
    const viewer = await buildBusinessWithProfile(t.app);
    expect(await ratingOf(viewer.client, handle)).toBeNull();

    await reviewedBy(influencer, 5, 'Alpha Coffee');
    await reviewedBy(influencer, 4, 'Beta Bikes');
    const last = await reviewedBy(influencer, 4, 'Gamma Gear');
    const expected: RatingSummary = { average: 4.33, count: 3 };

    // The profile, for a business, an admin, the influencer itself and (public) a visitor.
    expect(await ratingOf(viewer.client, handle)).toEqual(expected);
    expect(await ratingOf((await buildAdmin(t.app)).client, handle)).toEqual(expected);
    expect((await influencer.client.get('/api/v1/influencer-profile')).body).toMatchObject({
      profile: { rating: expected },
    });
    expect(await ratingOf(browser(t.app), handle)).toEqual(expected);

    // The reviews it received, newest first, paged; reviewers by company name and campaign.
    const first = await viewer.client.get<Page<Review>>(`/api/v1/influencers/${handle}/reviews?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((r) => [r.rating, r.author.name, r.campaignName])).toEqual([
      [4, 'Gamma Gear', 'Gamma Gear spring'],
      [4, 'Beta Bikes', 'Beta Bikes spring'],
    ]);
    expect(first.body.items[0]).toMatchObject({
      collaborationId: last.collaboration.id,
      author: { id: last.owner.user.id, role: 'business', handle: null },
    });
    expect(first.text).not.toContain(last.owner.email);
    const rest = await viewer.client.get<Page<Review>>(
      `/api/v1/influencers/${handle}/reviews?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(rest.body.items.map((r) => r.author.name)).toEqual(['Alpha Coffee']);
    expect(rest.body.nextCursor).toBeNull();
    expect((await viewer.client.get(`/api/v1/influencers/${handle}/reviews?cursor=nonsense`)).status).toBe(
      400,
    );

    // Directory cards, and the rating sort: best average first, unrated last, paged by cursor.
    const cards = await viewer.client.get<Page<InfluencerSummary>>(
      `/api/v1/influencers?q=${token}&sort=rating&limit=1`,
    );
    expect(cards.status).toBe(200);
    expect(cards.body.items.map((c) => [c.handle, c.rating])).toEqual([[handle, expected]]);
    const next = await viewer.client.get<Page<InfluencerSummary>>(
      `/api/v1/influencers?q=${token}&sort=rating&limit=1&cursor=${cards.body.nextCursor}`,
    );
    expect(next.body.items.map((c) => [c.handle, c.rating])).toEqual([[other.profile.handle, null]]);
    expect(next.body.nextCursor).toBeNull();

    // The offer review: the business compares offers by it.
    const { owner, campaign } = await buildPublishedCampaign(t.app);
    await sendOffer(influencer, campaign);
    await sendOffer(other, campaign);
    const offers = await owner.client.get<Page<Offer>>(`/api/v1/campaigns/${campaign.id}/offers`);
    const byHandle = new Map(offers.body.items.map((o) => [o.influencer.handle, o.influencer.rating]));
    expect(byHandle.get(handle)).toEqual(expected);
    expect(byHandle.get(other.profile.handle ?? '')).toBeNull();
  });

  it('the reviews list has the profile’s visibility: a private profile is 404 to another influencer and a visitor', async () => {
    const influencer = await buildReadyInfluencer(t.app, { profile: { isPublic: false } });
    const handle = influencer.profile.handle ?? '';
    await reviewedBy(influencer, 3, 'Delta Drinks');
    const path = `/api/v1/influencers/${handle}/reviews`;
    expect((await browser(t.app).get(path)).status).toBe(404);
    expect((await (await buildReadyInfluencer(t.app)).client.get(path)).status).toBe(404);
    expect((await influencer.client.get<Page<Review>>(path)).body.items).toHaveLength(1);
    expect((await (await buildBusinessWithProfile(t.app)).client.get(path)).status).toBe(200);
    expect((await browser(t.app).get('/api/v1/influencers/no-such-handle/reviews')).status).toBe(404);
  });
});

describe('a business’s rating and reviews', { timeout: 60_000 }, () => {
  it('shows on GET /businesses/:id with the newest reviews, and in full on its reviews list', async () => {
    const owner = await buildBusinessWithProfile(t.app, { profile: { companyName: 'Epsilon Eats' } });
    const page = async (client: TestUser['client']) =>
      (await client.get<{ business: PublicBusiness }>(`/api/v1/businesses/${owner.user.id}`)).body.business;
    const reader = await buildReadyInfluencer(t.app);
    expect(await page(reader.client)).toMatchObject({ rating: null, reviews: [] });

    const names = ['Ivo Insta', 'Jana Journeys'];
    const ratings = [3, 4];
    for (const [i, name] of names.entries()) {
      const influencer = await buildReadyInfluencer(t.app, { profile: { displayName: name } });
      const { collaboration } = await buildCompletedCollaboration(t.app, { owner, influencer });
      const res = await influencer.client.post(reviewUrl(collaboration.id), {
        rating: ratings[i],
        text: text(ratings[i] ?? 0),
      });
      expect(res.status).toBe(201);
    }
    const business = await page(reader.client);
    expect(business.rating).toEqual({ average: 3.5, count: 2 });
    expect(business.reviews.map((r) => [r.rating, r.author.name, r.author.role])).toEqual([
      [4, 'Jana Journeys', 'influencer'],
      [3, 'Ivo Insta', 'influencer'],
    ]);
    expect(business.reviews[0]?.author.handle).toMatch(/\w/);
    const list = await reader.client.get<Page<Review>>(`/api/v1/businesses/${owner.user.id}/reviews?limit=1`);
    expect(list.body.items.map((r) => r.author.name)).toEqual(['Jana Journeys']);
    expect(list.body.nextCursor).not.toBeNull();
    expect((await browser(t.app).get(`/api/v1/businesses/${owner.user.id}/reviews`)).status).toBe(401);
    expect((await reader.client.get('/api/v1/businesses/no-such-business/reviews')).status).toBe(404);
  });
});

describe('suspended users', { timeout: 60_000 }, () => {
  it('a suspended author’s reviews leave the lists while the rating keeps them; a suspended subject’s page is gone', async () => {
    const influencer = await buildReadyInfluencer(t.app);
    const handle = influencer.profile.handle ?? '';
    const kept = await reviewedBy(influencer, 5, 'Zeta Zest');
    const suspended = await reviewedBy(influencer, 1, 'Eta Energy');
    const viewer = await buildBusinessWithProfile(t.app);
    const admin = await buildAdmin(t.app);
    await t.ctx.db.transaction((tx) =>
      suspendUserInTx(tx, { adminId: admin.user.id, userId: suspended.owner.user.id, reason: 'Fake orders' }),
    );
    const list = await viewer.client.get<Page<Review>>(`/api/v1/influencers/${handle}/reviews`);
    expect(list.body.items.map((r) => r.author.name)).toEqual(['Zeta Zest']);
    expect(await ratingOf(viewer.client, handle)).toEqual({ average: 3, count: 2 });

    // The influencer is suspended: its profile and reviews are not found; its review of a business
    // leaves that business's page.
    const review = await influencer.client.post(reviewUrl(kept.collaboration.id), {
      rating: 5,
      text: text(5),
    });
    expect(review.status).toBe(201);
    const business = `/api/v1/businesses/${kept.owner.user.id}`;
    expect(
      (await viewer.client.get<{ business: PublicBusiness }>(business)).body.business.reviews,
    ).toHaveLength(1);
    await t.ctx.db.transaction((tx) =>
      suspendUserInTx(tx, { adminId: admin.user.id, userId: influencer.user.id, reason: 'Spam' }),
    );
    expect((await viewer.client.get(`/api/v1/influencers/${handle}`)).status).toBe(404);
    expect((await viewer.client.get(`/api/v1/influencers/${handle}/reviews`)).status).toBe(404);
    const after = (await viewer.client.get<{ business: PublicBusiness }>(business)).body.business;
    expect(after.reviews).toHaveLength(0);
    expect(after.rating).toEqual({ average: 5, count: 1 });
  });
});
