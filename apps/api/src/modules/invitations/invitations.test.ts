import type { Invitation, Notification } from '@bextr/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitations } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import {
  buildBusinessWithProfile,
  buildDraftCampaign,
  buildPublishedCampaign,
} from '../../test/factories/campaigns.ts';
import { basics, buildReadyInfluencer } from '../../test/factories/influencers.ts';
import { type OfferResponse, offerBody, sendOffer } from '../../test/factories/offers.ts';
import { buildInfluencer } from '../../test/factories/users.ts';

type One = { invitation: Invitation };
type Page = { items: Invitation[]; nextCursor: string | null };
type Refusal = { error: { code: string; details: { reasons: { code: string; message: string }[] } } };

const inviteUrl = (handle: string) => `/api/v1/influencers/${handle}/invitations`;
const message = 'We loved your autumn series — would you film our new roast?';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('POST /influencers/:handle/invitations', () => {
  it('401 for a visitor, 403 for an influencer, 400 for bad input', async () => {
    const { owner, campaign } = await buildPublishedCampaign(t.app);
    const influencer = await buildReadyInfluencer(t.app);
    const url = inviteUrl(influencer.profile.handle ?? '');
    const body = { campaignId: campaign.id, message };
    expect((await browser(t.app).post(url, body)).status).toBe(401);
    expect((await influencer.client.post(url, body)).status).toBe(403);
    const bad = await owner.client.post(url, { campaignId: campaign.id, message: '', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details?.fields?.map((f) => f.path).sort()).toEqual(['', 'message']);
    const long = await owner.client.post(url, { campaignId: campaign.id, message: 'x'.repeat(1001) });
    expect(long.status).toBe(400);
  });

  it('404 for another business’s campaign, an unknown campaign or an unknown handle', async () => {
    const owner = await buildBusinessWithProfile(t.app);
    const { campaign: foreign } = await buildPublishedCampaign(t.app);
    const influencer = await buildReadyInfluencer(t.app);
    const handle = influencer.profile.handle ?? '';
    expect((await owner.client.post(inviteUrl(handle), { campaignId: foreign.id, message })).status).toBe(
      404,
    );
    expect((await owner.client.post(inviteUrl(handle), { campaignId: 'nope', message })).status).toBe(404);
    const { campaign } = await buildPublishedCampaign(t.app, { owner });
    const unknown = await owner.client.post(inviteUrl('no_such_handle'), {
      campaignId: campaign.id,
      message,
    });
    expect(unknown.status).toBe(404);
  });

  it('422 for a profile the business can see that is not ready yet', async () => {
    const { owner, campaign } = await buildPublishedCampaign(t.app);
    const halfway = await buildInfluencer(t.app, { verified: true });
    const profile = basics();
    await halfway.client.put('/api/v1/influencer-profile', profile);
    const res = await owner.client.post<Refusal>(inviteUrl(profile.handle ?? ''), {
      campaignId: campaign.id,
      message,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details.reasons).toEqual([
      { code: 'influencer_not_ready', message: 'This influencer cannot receive invitations yet.' },
    ]);
  });

  it('409 for a campaign that does not take offers: a draft, a closed one, a full one', async () => {
    const owner = await buildBusinessWithProfile(t.app);
    const influencer = await buildReadyInfluencer(t.app);
    const url = inviteUrl(influencer.profile.handle ?? '');
    const draft = await buildDraftCampaign(owner.client);
    const notOpen = await owner.client.post(url, { campaignId: draft.id, message });
    expect(notOpen.status).toBe(409);
    expect(notOpen.body.error?.code).toBe('CAMPAIGN_NOT_OPEN');
    const { campaign: closed } = await buildPublishedCampaign(t.app, { owner });
    await owner.client.post(`/api/v1/campaigns/${closed.id}/close`);
    expect((await owner.client.post(url, { campaignId: closed.id, message })).body.error?.code).toBe(
      'CAMPAIGN_NOT_OPEN',
    );
    const { campaign: small } = await buildPublishedCampaign(t.app, { owner, campaign: { slots: 1 } });
    const offer = await sendOffer(await buildReadyInfluencer(t.app), small);
    await owner.client.post(`/api/v1/offers/${offer.id}/accept`);
    const full = await owner.client.post(url, { campaignId: small.id, message });
    expect(full.status).toBe(409);
    expect(full.body.error?.code).toBe('CAMPAIGN_FULL');
  });

  it('409 for an influencer whose offer on the campaign is live; nothing is written', async () => {
    const { owner, campaign } = await buildPublishedCampaign(t.app);
    const influencer = await buildReadyInfluencer(t.app);
    await sendOffer(influencer, campaign);
    const res = await owner.client.post(inviteUrl(influencer.profile.handle ?? ''), {
      campaignId: campaign.id,
      message,
    });
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('INFLUENCER_ALREADY_OFFERED');
    const mine = await influencer.client.get<{ items: unknown[] }>('/api/v1/invitations/mine');
    expect(mine.body.items).toEqual([]);
  });

  it('201: the influencer is notified; once per campaign (409 ALREADY_INVITED, also when racing)', async () => {
    const { owner, campaign } = await buildPublishedCampaign(t.app);
    const influencer = await buildReadyInfluencer(t.app, { profile: { displayName: 'Zuzka Test' } });
    const url = inviteUrl((influencer.profile.handle ?? '').toUpperCase());
    const res = await owner.client.post<One>(url, { campaignId: campaign.id, message });
    expect(res.status).toBe(201);
    expect(res.body.invitation).toMatchObject({
      campaign: {
        id: campaign.id,
        name: campaign.name,
        isOpen: true,
        business: { name: 'Tatra Test Roasters' },
      },
      influencer: { id: influencer.user.id, handle: influencer.profile.handle, displayName: 'Zuzka Test' },
      message,
      offer: null,
    });
    expect(res.text).not.toContain(influencer.email);
    const inbox = await influencer.client.get<{ items: Notification[] }>('/api/v1/notifications');
    expect(inbox.body.items[0]).toMatchObject({
      kind: 'invitation_received',
      campaignId: campaign.id,
      campaignName: campaign.name,
      actorName: 'Tatra Test Roasters',
      offerId: null,
    });
    expect(inbox.text).not.toContain(owner.email);
    const again = await owner.client.post(url, { campaignId: campaign.id, message });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('ALREADY_INVITED');

    const other = await buildReadyInfluencer(t.app);
    const otherUrl = inviteUrl(other.profile.handle ?? '');
    const racing = await Promise.all([
      owner.client.post(otherUrl, { campaignId: campaign.id, message }),
      owner.client.post(otherUrl, { campaignId: campaign.id, message }),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    const stored = await t.ctx.db
      .select()
      .from(invitations)
      .where(and(eq(invitations.campaignId, campaign.id), eq(invitations.influencerId, other.user.id)));
    expect(stored).toHaveLength(1);
  });
});

describe('GET /invitations/mine and answering with an offer', () => {
  it('newest first, with the campaign and the live offer; the offer may name its invitation', async () => {
    const first = await buildPublishedCampaign(t.app);
    const second = await buildPublishedCampaign(t.app);
    const influencer = await buildReadyInfluencer(t.app);
    const url = inviteUrl(influencer.profile.handle ?? '');
    const a = await first.owner.client.post<One>(url, { campaignId: first.campaign.id, message });
    const b = await second.owner.client.post<One>(url, { campaignId: second.campaign.id, message: 'Hello!' });

    const page = await influencer.client.get<Page>('/api/v1/invitations/mine');
    expect(page.status).toBe(200);
    expect(page.body.items.map((i) => i.id)).toEqual([b.body.invitation.id, a.body.invitation.id]);
    expect(page.body.items[0]).toMatchObject({ message: 'Hello!', offer: null, campaign: { isOpen: true } });

    // Another influencer cannot answer with this invitation.
    const stranger = await buildReadyInfluencer(t.app);
    const borrowed = await stranger.client.post(
      `/api/v1/campaigns/${first.campaign.id}/offers`,
      offerBody(first.campaign, { invitationId: a.body.invitation.id }),
    );
    expect(borrowed.body.error?.details?.fields).toEqual([
      expect.objectContaining({ path: 'invitationId', code: 'invitation_unknown' }),
    ]);
    // Nor can it be used on another campaign.
    const elsewhere = await influencer.client.post(
      `/api/v1/campaigns/${second.campaign.id}/offers`,
      offerBody(second.campaign, { invitationId: a.body.invitation.id }),
    );
    expect(elsewhere.status).toBe(400);

    const sent = await influencer.client.post<OfferResponse>(
      `/api/v1/campaigns/${first.campaign.id}/offers`,
      offerBody(first.campaign, { invitationId: a.body.invitation.id }),
    );
    expect(sent.status).toBe(201);
    expect(sent.body.offer.invitationId).toBe(a.body.invitation.id);
    const after = await influencer.client.get<Page>('/api/v1/invitations/mine?limit=1');
    expect(after.body.items).toHaveLength(1);
    const rest = await influencer.client.get<Page>(
      `/api/v1/invitations/mine?cursor=${after.body.nextCursor}`,
    );
    expect(rest.body.items[0]).toMatchObject({
      id: a.body.invitation.id,
      offer: { id: sent.body.offer.id, status: 'pending' },
    });
    expect(rest.body.nextCursor).toBeNull();

    expect((await first.owner.client.get('/api/v1/invitations/mine')).status).toBe(403);
    expect((await stranger.client.get<Page>('/api/v1/invitations/mine')).body.items).toEqual([]);
  });
});
