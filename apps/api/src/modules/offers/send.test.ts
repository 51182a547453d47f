import type { Notification } from '@bextr/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns, conversations, offers, users } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildAdmin } from '../../test/factories/admins.ts';
import {
  buildBusinessWithProfile,
  buildDraftCampaign,
  buildPublishedCampaign,
  daysFromNow,
} from '../../test/factories/campaigns.ts';
import { buildReadyInfluencer } from '../../test/factories/influencers.ts';
import { buildOffer, type OfferResponse, offerBody, sendOffer } from '../../test/factories/offers.ts';
import { buildInfluencer } from '../../test/factories/users.ts';

type Refusal = {
  error: { code: string; details: { reasons: { code: string; message: string }[]; missing: string[] } };
};
type Notifications = { items: Notification[]; unreadCount: number };

const offersOf = (campaignId: string) => `/api/v1/campaigns/${campaignId}/offers`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('POST /campaigns/:id/offers: who may send', () => {
  it('401 for a visitor, 403 for a business or an admin', async () => {
    const { owner, campaign } = await buildPublishedCampaign(t.app);
    expect((await browser(t.app).post(offersOf(campaign.id), offerBody(campaign))).status).toBe(401);
    expect((await owner.client.post(offersOf(campaign.id), offerBody(campaign))).status).toBe(403);
    const admin = await buildAdmin(t.app);
    expect((await admin.client.post(offersOf(campaign.id), offerBody(campaign))).status).toBe(403);
  });

  it('404 for an unknown campaign and for another business’s draft', async () => {
    const influencer = await buildReadyInfluencer(t.app);
    const owner = await buildBusinessWithProfile(t.app);
    const draft = await buildDraftCampaign(owner.client);
    expect((await influencer.client.post(offersOf('nope'), offerBody(draft))).status).toBe(404);
    const res = await influencer.client.post(offersOf(draft.id), offerBody(draft));
    expect(res.status).toBe(404);
    expect(res.body.error?.code).toBe('NOT_FOUND');
  });

  it('422 while the profile is not ready, saying exactly what is missing', async () => {
    const { campaign } = await buildPublishedCampaign(t.app);
    const fresh = await buildInfluencer(t.app, { verified: true });
    const res = await fresh.client.post<Refusal>(offersOf(campaign.id), offerBody(campaign));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('RULE_VIOLATION');
    expect(res.body.error.details.reasons.map((r) => r.code)).toEqual(['profile_not_ready']);
    expect(res.body.error.details.missing).toEqual([
      'basics',
      'social_accounts',
      'audience',
      'portfolio',
      'insights',
    ]);
    expect(res.body.error.details.reasons[0]?.message).toBe(
      'Finish your influencer profile before you send offers.',
    );
  });

  it('422 while the e-mail is unverified (in the user’s language), even with a ready profile', async () => {
    const { campaign } = await buildPublishedCampaign(t.app);
    const influencer = await buildReadyInfluencer(t.app, { locale: 'sk' });
    await t.ctx.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, influencer.user.id));
    const res = await influencer.client.post<Refusal>(offersOf(campaign.id), offerBody(campaign));
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual({
      reasons: [{ code: 'email_unverified', message: 'Najprv overte svoju e-mailovú adresu.' }],
      missing: ['email_verified'],
    });
    expect(await t.ctx.db.select().from(offers).where(eq(offers.influencerId, influencer.user.id))).toEqual(
      [],
    );
  });
});

describe('POST /campaigns/:id/offers: bad input is 400 per field', () => {
  it('unknown fields, a pitch over the cap, negative, zero or absurd prices, no deliverables', async () => {
    const { campaign } = await buildPublishedCampaign(t.app);
    const influencer = await buildReadyInfluencer(t.app);
    const post = (over: Record<string, unknown>) =>
      influencer.client.post(offersOf(campaign.id), { ...offerBody(campaign), ...over });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ status: 'accepted' }, '', 'unrecognized_keys'],
      [{ pitch: 'x'.repeat(3001) }, 'pitch', 'too_big'],
      [{ pitch: '   ' }, 'pitch', 'too_small'],
      [{ price: { amount: -100, currency: 'EUR' } }, 'price.amount', 'too_small'],
      [{ price: { amount: 0, currency: 'EUR' } }, 'price', 'amount_positive'],
      [{ price: { amount: 1e12, currency: 'EUR' } }, 'price.amount', 'too_big'],
      [{ price: { amount: 10.5, currency: 'EUR' } }, 'price.amount', 'invalid_type'],
      [{ deliverables: [] }, 'deliverables', 'too_small'],
      [{ proposedPublishDate: '2026-02-31' }, 'proposedPublishDate', 'invalid_format'],
    ];
    for (const [over, path, code] of cases) {
      const res = await post(over);
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(res.body.error?.details?.fields, JSON.stringify(over)).toEqual(
        expect.arrayContaining([expect.objectContaining({ path, code })]),
      );
    }
    expect(await t.ctx.db.select().from(offers).where(eq(offers.influencerId, influencer.user.id))).toEqual(
      [],
    );
  });

  it('a paid campaign needs a price; networks and the publish date must fit the campaign', async () => {
    const { campaign } = await buildPublishedCampaign(t.app);
    const influencer = await buildReadyInfluencer(t.app);
    const { price: _, ...noPrice } = offerBody(campaign);
    const res = await influencer.client.post(offersOf(campaign.id), {
      ...noPrice,
      deliverables: [
        { type: 'story', network: 'instagram', quantity: 2 },
        { type: 'video', network: 'youtube', quantity: 1 },
      ],
      proposedPublishDate: daysFromNow(9),
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.details?.fields).toEqual([
      { path: 'price', code: 'price_required', message: 'Propose a price for this paid campaign.' },
      {
        path: 'deliverables.1.network',
        code: 'deliverable_network',
        message: 'Choose a network that the campaign lists under social networks.',
      },
      {
        path: 'proposedPublishDate',
        code: 'publish_date_outside',
        message: 'Choose a publish date inside the campaign window.',
      },
    ]);
    const late = await influencer.client.post(
      offersOf(campaign.id),
      offerBody(campaign, { proposedPublishDate: daysFromNow(41) }),
    );
    expect(late.body.error?.details?.fields).toEqual([
      expect.objectContaining({ path: 'proposedPublishDate', code: 'publish_date_outside' }),
    ]);
    // The window's own first and last days are inside it.
    expect((await sendOffer(influencer, campaign, { proposedPublishDate: daysFromNow(40) })).status).toBe(
      'pending',
    );
  });

  it('a barter campaign takes no price and needs its terms accepted (messages in Slovak for sk users)', async () => {
    const { campaign } = await buildPublishedCampaign(t.app, {
      campaign: { compensation: { type: 'barter', description: 'A year of coffee' } },
    });
    const influencer = await buildReadyInfluencer(t.app, { locale: 'sk' });
    const res = await influencer.client.post(offersOf(campaign.id), {
      ...offerBody(campaign, { price: { amount: 5000, currency: 'EUR' } }),
      barterAccepted: false,
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.details?.fields).toEqual([
      { path: 'price', code: 'price_not_for_barter', message: 'Toto je barterová kampaň: cenu nezadávajte.' },
      {
        path: 'barterAccepted',
        code: 'barter_not_accepted',
        message: 'Ak chcete poslať ponuku na túto kampaň, prijmite podmienky barteru.',
      },
    ]);
    const offer = await sendOffer(influencer, campaign);
    expect(offer).toMatchObject({ status: 'pending', price: null, barterAccepted: true });
  });

  it('an invitation id must be the influencer’s own invitation to this campaign', async () => {
    const { campaign } = await buildPublishedCampaign(t.app);
    const influencer = await buildReadyInfluencer(t.app);
    const res = await influencer.client.post(
      offersOf(campaign.id),
      offerBody(campaign, { invitationId: 'not-an-invitation' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error?.details?.fields).toEqual([
      { path: 'invitationId', code: 'invitation_unknown', message: 'This invitation was not found.' },
    ]);
  });
});

describe('POST /campaigns/:id/offers: 409 when the campaign does not take it', () => {
  it('a paused or closed campaign, or one past its deadline: CAMPAIGN_NOT_OPEN', async () => {
    const influencer = await buildReadyInfluencer(t.app);
    const paused = await buildPublishedCampaign(t.app);
    await paused.owner.client.post(`/api/v1/campaigns/${paused.campaign.id}/pause`);
    const closed = await buildPublishedCampaign(t.app);
    await closed.owner.client.post(`/api/v1/campaigns/${closed.campaign.id}/close`);
    const late = await buildPublishedCampaign(t.app);
    await t.ctx.db
      .update(campaigns)
      .set({ applicationDeadline: daysFromNow(-1) })
      .where(eq(campaigns.id, late.campaign.id));
    for (const { campaign } of [paused, closed, late]) {
      const res = await influencer.client.post(offersOf(campaign.id), offerBody(campaign));
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({
        code: 'CAMPAIGN_NOT_OPEN',
        message: 'This campaign is not taking offers now.',
      });
    }
  });

  it('every slot taken: CAMPAIGN_FULL', async () => {
    const { owner, campaign, offer } = await buildOffer(t.app, { campaign: { slots: 1 } });
    expect((await owner.client.post(`/api/v1/offers/${offer.id}/accept`)).status).toBe(200);
    const late = await buildReadyInfluencer(t.app);
    const res = await late.client.post(offersOf(campaign.id), offerBody(campaign));
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('CAMPAIGN_FULL');
  });

  it('a live offer already there: ALREADY_OFFERED; once withdrawn, a new one may be sent', async () => {
    const { campaign, influencer, offer } = await buildOffer(t.app);
    const again = await influencer.client.post(offersOf(campaign.id), offerBody(campaign));
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('ALREADY_OFFERED');
    expect((await influencer.client.post(`/api/v1/offers/${offer.id}/withdraw`)).status).toBe(200);
    const fresh = await sendOffer(influencer, campaign);
    expect(fresh.id).not.toBe(offer.id);
    expect(fresh.conversationId).not.toBe(offer.conversationId);
  });

  it('two identical sends at once: one 201, one 409, one offer stored', async () => {
    const { campaign } = await buildPublishedCampaign(t.app);
    const influencer = await buildReadyInfluencer(t.app);
    const body = offerBody(campaign);
    const answers = await Promise.all([
      influencer.client.post(offersOf(campaign.id), body),
      influencer.client.post(offersOf(campaign.id), body),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)?.body.error?.code).toBe('ALREADY_OFFERED');
    const stored = await t.ctx.db
      .select()
      .from(offers)
      .where(and(eq(offers.campaignId, campaign.id), eq(offers.influencerId, influencer.user.id)));
    expect(stored).toHaveLength(1);
  });
});

describe('POST /campaigns/:id/offers: 201', () => {
  it('stores the offer with its thread and audience fit, and notifies the business', async () => {
    const { owner, campaign } = await buildPublishedCampaign(t.app);
    const influencer = await buildReadyInfluencer(t.app, { profile: { displayName: 'Lucia Test' } });
    const body = offerBody(campaign, {
      deliverables: [{ type: 'reel', network: 'instagram', quantity: 2, notes: 'Morning light' }],
    });
    const res = await influencer.client.post<OfferResponse>(offersOf(campaign.id), body);
    expect(res.status).toBe(201);
    const { offer } = res.body;
    expect(offer).toMatchObject({
      status: 'pending',
      pitch: body.pitch,
      deliverables: body.deliverables,
      price: { amount: 14_000, currency: 'EUR' },
      barterAccepted: false,
      proposedPublishDate: campaign.startDate,
      rejectionReason: null,
      invitationId: null,
      decidedAt: null,
      campaign: { id: campaign.id, name: campaign.name, slots: 3, slotsFilled: 0 },
      influencer: {
        id: influencer.user.id,
        handle: influencer.profile.handle,
        displayName: 'Lucia Test',
        tier: 'micro',
        followers: 12_400,
        engagementRate: 3.4,
        // The factory's audience: SK 70 % + CZ 20 %; the campaign targets SK and CZ.
        audienceFit: 90,
        rating: null,
      },
      abilities: { shortlist: false, accept: false, reject: false, withdraw: true },
    });
    expect(offer.conversationId).toEqual(expect.any(String));
    const [thread] = await t.ctx.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, offer.conversationId));
    expect(thread).toMatchObject({ businessId: owner.user.id, influencerId: influencer.user.id });

    const inbox = await owner.client.get<Notifications>('/api/v1/notifications');
    expect(inbox.body.unreadCount).toBe(1);
    expect(inbox.body.items[0]).toMatchObject({
      kind: 'offer_received',
      offerId: offer.id,
      campaignId: campaign.id,
      campaignName: campaign.name,
      actorName: 'Lucia Test',
      readAt: null,
    });
    expect(inbox.text).not.toContain(influencer.email);
    expect(res.text).not.toContain(owner.email);
    expect(res.text).not.toContain(influencer.email);
  });

  it('no countries on the campaign (remote): the audience fit is null', async () => {
    const { offer } = await buildOffer(t.app, { campaign: { countries: [], remote: true } });
    expect(offer.influencer.audienceFit).toBeNull();
  });
});

describe('POST /campaigns/:id/offers: a window that has already begun', () => {
  it('400 publish_date_past for a date inside the window but before today; today is fine', async () => {
    const { campaign } = await buildPublishedCampaign(t.app, {
      campaign: { startDate: daysFromNow(-5), applicationDeadline: daysFromNow(5) },
    });
    const influencer = await buildReadyInfluencer(t.app);
    const res = await influencer.client.post(
      offersOf(campaign.id),
      offerBody(campaign, { proposedPublishDate: daysFromNow(-2) }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error?.details?.fields).toEqual([
      {
        path: 'proposedPublishDate',
        code: 'publish_date_past',
        message: 'The publish date must not be in the past.',
      },
    ]);
    expect((await sendOffer(influencer, campaign, { proposedPublishDate: daysFromNow(0) })).status).toBe(
      'pending',
    );
  });
});
