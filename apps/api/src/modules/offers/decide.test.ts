import type { MyCampaign, Notification } from '@bextr/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offers, users } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildAdmin } from '../../test/factories/admins.ts';
import { buildBusinessWithProfile } from '../../test/factories/campaigns.ts';
import { buildReadyInfluencer } from '../../test/factories/influencers.ts';
import {
  buildOffer,
  type OfferPage,
  type OfferResponse,
  offerBody,
  sendOffer,
} from '../../test/factories/offers.ts';
import type { TestUser } from '../../test/factories/users.ts';

type Notifications = { items: Notification[]; unreadCount: number };
const url = (id: string, verb?: string) => `/api/v1/offers/${id}${verb ? `/${verb}` : ''}`;
const verbs = ['shortlist', 'accept', 'reject', 'withdraw'] as const;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const statusOf = async (id: string) =>
  (await t.ctx.db.select({ status: offers.status }).from(offers).where(eq(offers.id, id)))[0]?.status;
const latest = async (user: TestUser) =>
  (await user.client.get<Notifications>('/api/v1/notifications')).body.items[0];

describe('another party’s offer is never revealed', () => {
  it('GET and every verb: 401 for a visitor; 404 for another party; 403 for a verb of another role', async () => {
    const { owner, influencer, offer } = await buildOffer(t.app);
    expect((await browser(t.app).get(url(offer.id))).status).toBe(401);
    for (const verb of verbs) expect((await browser(t.app).post(url(offer.id, verb))).status).toBe(401);
    const strangers = [
      await buildBusinessWithProfile(t.app),
      await buildReadyInfluencer(t.app),
      await buildAdmin(t.app),
    ];
    const roleOf = { shortlist: 'business', accept: 'business', reject: 'business', withdraw: 'influencer' };
    for (const stranger of strangers) {
      const read = await stranger.client.get(url(offer.id));
      expect(read.status, stranger.user.role).toBe(404);
      expect(read.body.error?.code).toBe('NOT_FOUND');
      for (const verb of verbs) {
        const res = await stranger.client.post(url(offer.id, verb));
        // Its own role's verb on someone else's offer: not found; another role's verb: forbidden,
        // answered before the offer is even looked up (the same for an id that does not exist).
        const expected = roleOf[verb] === stranger.user.role ? 404 : 403;
        expect(res.status, `${stranger.user.role} ${verb}`).toBe(expected);
        if (expected === 403)
          expect((await stranger.client.post(url('no-such-offer', verb))).status).toBe(403);
      }
    }
    expect(await statusOf(offer.id)).toBe('pending');
    // Both sides read it.
    expect((await owner.client.get(url(offer.id))).status).toBe(200);
    expect((await influencer.client.get(url(offer.id))).status).toBe(200);
  });

  it('a suspended influencer’s open offers are hidden from the business (list, read, verbs, counts)', async () => {
    const { owner, campaign, influencer, offer } = await buildOffer(t.app);
    await t.ctx.db.update(users).set({ status: 'suspended' }).where(eq(users.id, influencer.user.id));
    expect((await owner.client.get(url(offer.id))).status).toBe(404);
    expect((await owner.client.post(url(offer.id, 'accept'))).status).toBe(404);
    const list = await owner.client.get<OfferPage>(`/api/v1/campaigns/${campaign.id}/offers`);
    expect(list.body.items).toEqual([]);
    const mine = await owner.client.get<{ items: MyCampaign[] }>('/api/v1/campaigns/mine');
    expect(mine.body.items.find((c) => c.id === campaign.id)?.offerCounts.pending).toBe(0);
    await t.ctx.db.update(users).set({ status: 'active' }).where(eq(users.id, influencer.user.id));
    expect((await owner.client.get(url(offer.id))).status).toBe(200);
  });

  it('each side only has its own verbs: the influencer cannot accept its own offer, the business cannot withdraw it', async () => {
    const { owner, influencer, offer, campaign } = await buildOffer(t.app);
    for (const verb of ['shortlist', 'accept', 'reject'] as const) {
      const res = await influencer.client.post(url(offer.id, verb));
      expect(res.status, verb).toBe(403);
      expect(res.body.error?.code).toBe('FORBIDDEN');
    }
    expect((await owner.client.post(url(offer.id, 'withdraw'))).status).toBe(403);
    expect(await statusOf(offer.id)).toBe('pending');
    const read = await owner.client.get<{ campaign: { slotsFilled: number } }>(
      `/api/v1/campaigns/${campaign.id}`,
    );
    expect(read.body.campaign.slotsFilled).toBe(0);
  });
});

describe('the state machine', () => {
  it('shortlist → accept: abilities follow, the slot is taken, the influencer is told; no verb works afterwards', async () => {
    const { owner, influencer, offer, campaign } = await buildOffer(t.app);
    const seen = await owner.client.get<OfferResponse>(url(offer.id));
    expect(seen.body.offer.abilities).toEqual({
      shortlist: true,
      accept: true,
      reject: true,
      withdraw: false,
    });

    const shortlisted = await owner.client.post<OfferResponse>(url(offer.id, 'shortlist'));
    expect(shortlisted.status).toBe(200);
    expect(shortlisted.body.offer).toMatchObject({
      status: 'shortlisted',
      decidedAt: null,
      abilities: { shortlist: false, accept: true, reject: true, withdraw: false },
    });
    expect(await latest(influencer)).toMatchObject({ kind: 'offer_shortlisted', offerId: offer.id });
    const twice = await owner.client.post(url(offer.id, 'shortlist'));
    expect(twice.status).toBe(409);
    expect(twice.body.error?.code).toBe('CONFLICT');

    const accepted = await owner.client.post<OfferResponse>(url(offer.id, 'accept'));
    expect(accepted.status).toBe(200);
    expect(accepted.body.offer).toMatchObject({
      status: 'accepted',
      campaign: { slotsFilled: 1 },
      abilities: { shortlist: false, accept: false, reject: false, withdraw: false },
    });
    expect(accepted.body.offer.decidedAt).toEqual(expect.any(String));
    expect(await latest(influencer)).toMatchObject({
      kind: 'offer_accepted',
      campaignName: campaign.name,
      actorName: 'Tatra Test Roasters',
    });
    for (const verb of ['shortlist', 'accept', 'reject'] as const)
      expect((await owner.client.post(url(offer.id, verb))).status, verb).toBe(409);
    expect((await influencer.client.post(url(offer.id, 'withdraw'))).status).toBe(409);
    const after = await owner.client.get<{ campaign: { slotsFilled: number } }>(
      `/api/v1/campaigns/${campaign.id}`,
    );
    expect(after.body.campaign.slotsFilled).toBe(1);
  });

  it('reject with a reason: the influencer sees it in its offers; a rejected offer takes no verb', async () => {
    const { owner, influencer, offer } = await buildOffer(t.app);
    const tooLong = await owner.client.post(url(offer.id, 'reject'), { reason: 'x'.repeat(1001) });
    expect(tooLong.status).toBe(400);
    const unknown = await owner.client.post(url(offer.id, 'reject'), { reason: 'no', status: 'accepted' });
    expect(unknown.status).toBe(400);
    const rejected = await owner.client.post<OfferResponse>(url(offer.id, 'reject'), {
      reason: '  We went with a food blogger this time.  ',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.offer).toMatchObject({
      status: 'rejected',
      rejectionReason: 'We went with a food blogger this time.',
    });
    const mine = await influencer.client.get<OfferPage>('/api/v1/offers/mine');
    expect(mine.body.items.find((o) => o.id === offer.id)).toMatchObject({
      status: 'rejected',
      rejectionReason: 'We went with a food blogger this time.',
    });
    expect(await latest(influencer)).toMatchObject({ kind: 'offer_rejected', offerId: offer.id });
    for (const verb of ['shortlist', 'accept', 'reject'] as const)
      expect((await owner.client.post(url(offer.id, verb))).status, verb).toBe(409);
    expect((await influencer.client.post(url(offer.id, 'withdraw'))).status).toBe(409);
  });

  it('reject without a body or reason; the reason stays empty', async () => {
    const { owner, offer } = await buildOffer(t.app);
    const res = await owner.client.post<OfferResponse>(url(offer.id, 'reject'));
    expect(res.status, res.text).toBe(200);
    expect(res.body.offer).toMatchObject({ status: 'rejected', rejectionReason: null });
  });

  it('withdraw: the influencer takes back a pending or shortlisted offer; the business is told', async () => {
    const { owner, influencer, offer, campaign } = await buildOffer(t.app);
    await owner.client.post(url(offer.id, 'shortlist'));
    const withdrawn = await influencer.client.post<OfferResponse>(url(offer.id, 'withdraw'));
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.offer).toMatchObject({ status: 'withdrawn', abilities: { withdraw: false } });
    expect(await latest(owner)).toMatchObject({
      kind: 'offer_withdrawn',
      offerId: offer.id,
      campaignId: campaign.id,
      actorName: influencer.profile.displayName,
    });
    expect((await influencer.client.post(url(offer.id, 'withdraw'))).status).toBe(409);
    for (const verb of ['shortlist', 'accept', 'reject'] as const)
      expect((await owner.client.post(url(offer.id, verb))).status, verb).toBe(409);
  });
});

describe('the last slot', () => {
  it('full: no more accepts (409 CAMPAIGN_FULL), the campaign stops taking offers, the rest stay visible and can be rejected', async () => {
    const { owner, campaign, offer } = await buildOffer(t.app, { campaign: { slots: 1 } });
    const second = await sendOffer(await buildReadyInfluencer(t.app), campaign);
    expect((await owner.client.post(url(offer.id, 'accept'))).status).toBe(200);
    const refused = await owner.client.post(url(second.id, 'accept'));
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('CAMPAIGN_FULL');
    expect(await statusOf(second.id)).toBe('pending');

    const read = await owner.client.get<{ campaign: { isOpen: boolean; slotsFilled: number } }>(
      `/api/v1/campaigns/${campaign.id}`,
    );
    expect(read.body.campaign).toMatchObject({ isOpen: false, slotsFilled: 1 });
    const list = await owner.client.get<OfferPage>(`/api/v1/campaigns/${campaign.id}/offers?status=pending`);
    expect(list.body.items.map((o) => o.id)).toEqual([second.id]);
    expect(list.body.items[0]?.abilities).toEqual({
      shortlist: true,
      accept: false,
      reject: true,
      withdraw: false,
    });
    expect((await owner.client.post(url(second.id, 'reject'))).status).toBe(200);
  });

  it('a paused campaign still accepts; closing expires what is open and tells those influencers', async () => {
    const { owner, campaign, offer, influencer } = await buildOffer(t.app);
    const other = await buildReadyInfluencer(t.app);
    const shortlisted = await sendOffer(other, campaign);
    const third = await buildReadyInfluencer(t.app);
    const rejected = await sendOffer(third, campaign);
    await owner.client.post(url(shortlisted.id, 'shortlist'));
    await owner.client.post(url(rejected.id, 'reject'));
    expect((await owner.client.post(`/api/v1/campaigns/${campaign.id}/pause`)).status).toBe(200);
    expect((await owner.client.post(url(offer.id, 'accept'))).status).toBe(200);
    const late = await buildReadyInfluencer(t.app);
    const paused = await late.client.post(`/api/v1/campaigns/${campaign.id}/offers`, offerBody(campaign));
    expect(paused.body.error?.code).toBe('CAMPAIGN_NOT_OPEN');

    expect((await owner.client.post(`/api/v1/campaigns/${campaign.id}/close`)).status).toBe(200);
    expect(await statusOf(offer.id)).toBe('accepted');
    expect(await statusOf(shortlisted.id)).toBe('expired');
    expect(await statusOf(rejected.id)).toBe('rejected');
    expect(await latest(other)).toMatchObject({ kind: 'offer_expired', offerId: shortlisted.id });
    expect(await latest(influencer)).toMatchObject({ kind: 'offer_accepted' });
    expect(await latest(third)).toMatchObject({ kind: 'offer_rejected' });
    const expired = await other.client.get<OfferResponse>(url(shortlisted.id));
    expect(expired.body.offer.decidedAt).toEqual(expect.any(String));
    expect((await owner.client.post(url(shortlisted.id, 'accept'))).status).toBe(409);
  });
});

describe('the campaign side: real counts, locked fields, slots', () => {
  it('GET /campaigns/mine counts offers per state', async () => {
    const owner = await buildBusinessWithProfile(t.app);
    const { campaign, offer } = await buildOffer(t.app, { owner });
    const a = await sendOffer(await buildReadyInfluencer(t.app), campaign);
    const b = await sendOffer(await buildReadyInfluencer(t.app), campaign);
    const c = await buildReadyInfluencer(t.app);
    const d = await sendOffer(c, campaign);
    await owner.client.post(url(offer.id, 'accept'));
    await owner.client.post(url(a.id, 'shortlist'));
    await owner.client.post(url(b.id, 'reject'));
    await c.client.post(url(d.id, 'withdraw'));
    await sendOffer(await buildReadyInfluencer(t.app), campaign);
    const mine = await owner.client.get<{ items: MyCampaign[] }>('/api/v1/campaigns/mine');
    expect(mine.body.items.find((i) => i.id === campaign.id)?.offerCounts).toEqual({
      pending: 1,
      shortlisted: 1,
      accepted: 1,
      rejected: 1,
      withdrawn: 1,
      expired: 0,
    });
  });

  it('compensation, tiers and networks are locked while an offer is pending or shortlisted, free once decided', async () => {
    const { owner, campaign, offer } = await buildOffer(t.app);
    const patch = (body: Record<string, unknown>) =>
      owner.client.patch(`/api/v1/campaigns/${campaign.id}`, body);
    const change = { networks: ['instagram', 'tiktok', 'youtube'] };
    const locked = await patch(change);
    expect(locked.status).toBe(409);
    expect(locked.body.error?.details).toEqual({ reason: 'locked_while_offers' });
    await owner.client.post(url(offer.id, 'shortlist'));
    expect((await patch({ tiers: ['micro'] })).status).toBe(409);
    expect((await patch({ brief: 'A clarified brief.' })).status).toBe(200);
    await owner.client.post(url(offer.id, 'reject'));
    expect((await patch(change)).status).toBe(200);
  });

  it('slots cannot drop below the accepted offers: 400 on slots, in the user’s language', async () => {
    const owner = await buildBusinessWithProfile(t.app, { locale: 'sk' });
    const { campaign, offer } = await buildOffer(t.app, { owner, campaign: { slots: 3 } });
    const second = await sendOffer(await buildReadyInfluencer(t.app), campaign);
    await owner.client.post(url(offer.id, 'accept'));
    await owner.client.post(url(second.id, 'accept'));
    const res = await owner.client.patch(`/api/v1/campaigns/${campaign.id}`, { slots: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error?.details?.fields).toEqual([
      {
        path: 'slots',
        code: 'slots_below_filled',
        message: 'Kampaň nemôže mať menej miest, ako je už prijatých ponúk.',
      },
    ]);
    expect((await owner.client.patch(`/api/v1/campaigns/${campaign.id}`, { slots: 2 })).status).toBe(200);
  });
});
