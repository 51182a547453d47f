import type { InfluencerProfile, Offer } from '@bextr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildBusinessWithProfile, buildPublishedCampaign } from '../../test/factories/campaigns.ts';
import { audience, buildReadyInfluencer } from '../../test/factories/influencers.ts';
import { type OfferPage, sendOffer } from '../../test/factories/offers.ts';
import { uploadImage } from '../../test/factories/uploads.ts';
import type { TestUser } from '../../test/factories/users.ts';

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

let t: TestApp;
let owner: TestUser;
let campaignId: string;
/** Four offers with distinct fit, followers and price; the last one withdrawn, one rejected. */
const sent: { offer: Offer; influencer: TestUser & { profile: InfluencerProfile } }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const built = await buildPublishedCampaign(t.app, { campaign: { countries: ['SK'] } });
  owner = built.owner;
  campaignId = built.campaign.id;
  const shapes = [
    { sk: 70, followers: 12_000, price: 20_000 },
    { sk: 30, followers: 95_000, price: 9_000 },
    { sk: 90, followers: 4_000, price: 15_000 },
    { sk: 50, followers: 40_000, price: 30_000 },
  ];
  for (const shape of shapes) {
    const influencer = await buildReadyInfluencer(t.app, {
      profile: {
        audience: {
          ...audience,
          countries: [
            { country: 'SK', share: shape.sk },
            { country: 'CZ', share: 100 - shape.sk },
          ],
        },
      },
      account: { followers: shape.followers },
    });
    const offer = await sendOffer(influencer, built.campaign, {
      price: { amount: shape.price, currency: 'EUR' },
    });
    sent.push({ offer, influencer });
  }
  const [first, second, , fourth] = sent;
  if (!first) throw new Error('offers missing');
  const avatar = await uploadImage(first.influencer.client);
  await first.influencer.client.put('/api/v1/influencer-profile', { avatarUploadId: avatar.id });
  if (!second || !fourth) throw new Error('offers missing');
  await owner.client.post(`/api/v1/offers/${second.offer.id}/reject`, { reason: 'Not this time.' });
  await fourth.influencer.client.post(`/api/v1/offers/${fourth.offer.id}/withdraw`);
}, 120_000);
afterAll(() => t?.close());

const listUrl = (query = '') => `/api/v1/campaigns/${campaignId}/offers${query}`;
const ids = (page: OfferPage) => page.items.map((o) => o.id);
const idOf = (i: number) => sent[i]?.offer.id;
function senderAt(i: number) {
  const entry = sent[i];
  if (!entry) throw new Error(`no offer ${i}`);
  return entry.influencer;
}

/** Every page of one sort, two at a time, following nextCursor. */
async function walk(sort: string) {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: OfferPage } = await owner.client.get<OfferPage>(
      listUrl(`?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`),
    );
    expect(res.status).toBe(200);
    seen.push(...ids(res.body));
    cursor = res.body.nextCursor;
  } while (cursor);
  return seen;
}

describe('GET /campaigns/:id/offers: the business’s review', () => {
  it('401 for a visitor, 403 for an influencer, 404 for another business or an unknown campaign', async () => {
    expect((await browser(t.app).get(listUrl())).status).toBe(401);
    expect((await senderAt(0).client.get(listUrl())).status).toBe(403);
    const other = await buildBusinessWithProfile(t.app);
    expect((await other.client.get(listUrl())).status).toBe(404);
    expect((await owner.client.get('/api/v1/campaigns/nope/offers')).status).toBe(404);
  });

  it('every offer with the influencer summary (avatar the business may load), newest first, no e-mails', async () => {
    const res = await owner.client.get<OfferPage>(listUrl());
    expect(ids(res.body)).toEqual([idOf(3), idOf(2), idOf(1), idOf(0)]);
    const first = res.body.items.find((o) => o.id === idOf(0));
    expect(first?.influencer).toMatchObject({
      handle: sent[0]?.influencer.profile.handle,
      tier: 'micro',
      followers: 12_000,
      engagementRate: 3.4,
      audienceFit: 70,
      rating: null,
    });
    expect(res.body.items.find((o) => o.id === idOf(1))?.rejectionReason).toBe('Not this time.');
    for (const { influencer } of sent) expect(res.text).not.toContain(influencer.email);
    // The business may load the influencer's avatar (uploads/policy.ts: it may see the profile).
    const avatar = await owner.client.get(first?.influencer.avatar?.url ?? '/none');
    expect(avatar.status).toBe(200);
    expect(String(avatar.headers['content-type'])).toMatch(/^image\//);
  });

  it('?status= filters by state', async () => {
    const pending = await owner.client.get<OfferPage>(listUrl('?status=pending'));
    expect(ids(pending.body).sort()).toEqual([idOf(0), idOf(2)].sort());
    const withdrawn = await owner.client.get<OfferPage>(listUrl('?status=withdrawn'));
    expect(ids(withdrawn.body)).toEqual([idOf(3)]);
    expect((await owner.client.get(listUrl('?status=maybe'))).status).toBe(400);
  });

  it('sorts by fit, followers, price and newest, page by page without gaps or repeats', async () => {
    expect(await walk('fit'), 'fit').toEqual([idOf(2), idOf(0), idOf(3), idOf(1)]);
    expect(await walk('followers'), 'followers').toEqual([idOf(1), idOf(3), idOf(0), idOf(2)]);
    expect(await walk('price'), 'price').toEqual([idOf(3), idOf(0), idOf(2), idOf(1)]);
    expect(await walk('newest'), 'newest').toEqual([idOf(3), idOf(2), idOf(1), idOf(0)]);
    expect((await owner.client.get(listUrl('?sort=rating'))).status).toBe(400);
  });

  it('shows each offer exactly as its own page does, in every order and state', async () => {
    // The list reads the offers of one campaign with a narrower query than the offer's own page
    // (queries.ts: the campaign's side comes from the campaign already read): the two must agree to
    // the last field, dates (decided, created, updated) to the millisecond.
    for (const query of ['', '?sort=fit', '?sort=price', '?sort=followers', '?status=rejected']) {
      const page = await owner.client.get<OfferPage>(listUrl(query));
      expect(page.status).toBe(200);
      expect(page.body.items.length, query).toBeGreaterThan(0);
      for (const item of page.body.items) {
        const own = await owner.client.get<{ offer: Offer }>(`/api/v1/offers/${item.id}`);
        expect(item, `${query}: ${item.id}`).toEqual(own.body.offer);
      }
    }
    const rejected = (await owner.client.get<OfferPage>(listUrl('?status=rejected'))).body.items[0];
    expect(rejected?.decidedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(rejected?.rejectionReason).toBe('Not this time.');
  });

  it('a crafted or foreign cursor is 400 invalid_cursor, never 500', async () => {
    const first = await owner.client.get<OfferPage>(listUrl('?sort=fit&limit=1'));
    // Each crafted key is sent with its own sort, so it is the key check that refuses it.
    const crafted: [string, string][] = [
      ['price', 'garbage'],
      ['fit', cursorOf({ s: 'fit', k: 'high', id: 'x' })],
      ['fit', cursorOf({ s: 'fit', k: 1e300, id: 'x' })],
      ['price', cursorOf({ s: 'price', k: 1e20, id: 'x' })],
      ['price', cursorOf({ s: 'price', k: 'cheap', id: 'x' })],
      ['followers', cursorOf({ s: 'followers', k: -1, id: 'x' })],
      ['followers', cursorOf({ s: 'followers', k: null, id: 'x' })],
      ['newest', cursorOf({ s: 'newest', k: '2020-01-01T00:00:00+99:00', id: 'x' })],
      ['newest', cursorOf({ s: 'newest', k: '2020-01-01T00:00:00Z', id: 7 })],
      // A cursor of another sort.
      ['price', first.body.nextCursor ?? ''],
    ];
    for (const [sort, cursor] of crafted) {
      const res = await owner.client.get(listUrl(`?sort=${sort}&cursor=${cursor}`));
      expect(res.status, `${sort} ${cursor}`).toBe(400);
      expect(res.body.error?.details?.fields?.[0]?.code).toBe('invalid_cursor');
    }
    // A null key (no fit, no price) is a valid place to continue from.
    const nullKey = await owner.client.get(
      listUrl(`?sort=price&cursor=${cursorOf({ s: 'price', k: null, id: 'z' })}`),
    );
    expect(nullKey.status).toBe(200);
  });
});

describe('GET /offers/mine', () => {
  it('the influencer’s own offers, newest first, by state; 403 for a business', async () => {
    const influencer = senderAt(0);
    const other = await buildPublishedCampaign(t.app);
    const newer = await sendOffer(influencer, other.campaign);
    const mine = await influencer.client.get<OfferPage>('/api/v1/offers/mine');
    expect(ids(mine.body)).toEqual([newer.id, idOf(0)]);
    const pendingOnly = await influencer.client.get<OfferPage>('/api/v1/offers/mine?status=rejected');
    expect(ids(pendingOnly.body)).toEqual([]);
    const paged = await influencer.client.get<OfferPage>('/api/v1/offers/mine?limit=1');
    expect(ids(paged.body)).toEqual([newer.id]);
    const rest = await influencer.client.get<OfferPage>(
      `/api/v1/offers/mine?limit=1&cursor=${paged.body.nextCursor}`,
    );
    expect(ids(rest.body)).toEqual([idOf(0)]);
    expect(rest.body.nextCursor).toBeNull();
    expect((await owner.client.get('/api/v1/offers/mine')).status).toBe(403);
    expect((await browser(t.app).get('/api/v1/offers/mine')).status).toBe(401);
  });
});

describe('paging through every offer in each order: ties and null keys (remote, barter) included', () => {
  let review: TestUser;
  let reviewed: string;
  const everyId: string[] = [];

  // Two barter offers to a remote campaign (no fit, no price), rejected; then the campaign becomes
  // a paid one in Slovakia and six more arrive, with equal fits, followers and prices among them.
  beforeAll(async () => {
    const built = await buildPublishedCampaign(t.app, {
      campaign: {
        compensation: { type: 'barter', description: 'A year of coffee' },
        countries: [],
        remote: true,
        slots: 10,
      },
    });
    review = built.owner;
    reviewed = built.campaign.id;
    const influencerWith = (sk: number, followers: number) =>
      buildReadyInfluencer(t.app, {
        profile: {
          audience: {
            ...audience,
            countries: [
              { country: 'SK', share: sk },
              { country: 'CZ', share: 100 - sk },
            ],
          },
        },
        account: { followers },
      });
    for (const followers of [12_000, 12_000]) {
      const offer = await sendOffer(await influencerWith(70, followers), built.campaign);
      everyId.push(offer.id);
      await review.client.post(`/api/v1/offers/${offer.id}/reject`);
    }
    const paid = await review.client.patch<{ campaign: typeof built.campaign }>(
      `/api/v1/campaigns/${reviewed}`,
      {
        compensation: { type: 'paid', amount: { amount: 15_000, currency: 'EUR' } },
        countries: ['SK'],
        remote: false,
      },
    );
    expect(paid.status, paid.text).toBe(200);
    const shapes = [
      { sk: 70, followers: 12_000, price: 20_000 },
      { sk: 70, followers: 12_000, price: 20_000 },
      { sk: 40, followers: 5_000, price: 15_000 },
      { sk: 70, followers: 12_000, price: 20_000 },
      { sk: 40, followers: 40_000, price: 9_000 },
      { sk: 90, followers: 5_000, price: 15_000 },
    ];
    for (const shape of shapes) {
      const offer = await sendOffer(await influencerWith(shape.sk, shape.followers), paid.body.campaign, {
        price: { amount: shape.price, currency: 'EUR' },
      });
      everyId.push(offer.id);
    }
  }, 180_000);

  const reviewUrl = (query: string) => `/api/v1/campaigns/${reviewed}/offers${query}`;
  const keyOf: Record<string, (o: Offer) => number | null> = {
    newest: (o) => Date.parse(o.createdAt),
    fit: (o) => o.influencer.audienceFit,
    followers: (o) => o.influencer.followers,
    price: (o) => o.price?.amount ?? null,
  };

  for (const sort of ['fit', 'price', 'followers', 'newest']) {
    it(`sort=${sort}: every page size returns each offer exactly once, in the one-page order`, async () => {
      const whole = await review.client.get<OfferPage>(reviewUrl(`?sort=${sort}&limit=100`));
      expect(whole.status).toBe(200);
      const order = ids(whole.body);
      expect([...order].sort()).toEqual([...everyId].sort());
      // Descending, nulls last.
      const keys = whole.body.items.map((o) => keyOf[sort]?.(o) ?? null);
      const nonNull = keys.filter((k): k is number => k !== null);
      expect(keys).toEqual([...nonNull.sort((a, b) => b - a), ...keys.filter((k) => k === null)]);
      for (const limit of [1, 2, 3]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        for (let pages = 0; pages < 20; pages++) {
          const res: { status: number; body: OfferPage } = await review.client.get<OfferPage>(
            reviewUrl(`?sort=${sort}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`),
          );
          expect(res.status).toBe(200);
          seen.push(...ids(res.body));
          cursor = res.body.nextCursor;
          if (!cursor) break;
        }
        expect(seen, `${sort}, ${limit} a page`).toEqual(order);
      }
    });
  }
});
