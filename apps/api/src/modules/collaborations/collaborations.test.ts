import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collaborations } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildAdmin } from '../../test/factories/admins.ts';
import { buildBusinessWithProfile, daysFromNow } from '../../test/factories/campaigns.ts';
import {
  buildCollaboration,
  type CollaborationPage,
  collaborationUrl,
  readCollaboration,
} from '../../test/factories/collaborations.ts';
import { buildReadyInfluencer } from '../../test/factories/influencers.ts';
import { buildOffer } from '../../test/factories/offers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const list = (user: { client: { get: <T>(url: string) => Promise<{ status: number; body: T }> } }, q = '') =>
  user.client.get<CollaborationPage>(`/api/v1/collaborations${q}`);

describe('accepting an offer makes the collaboration', () => {
  it('freezes the agreed terms: the offer’s deliverables, price and date, the campaign’s name and window; one line per deliverable', async () => {
    const {
      owner,
      influencer,
      campaign,
      offer,
      collaboration: c,
    } = await buildCollaboration(t.app, {
      offer: { price: { amount: 18_000, currency: 'EUR' } },
    });
    expect(c).toMatchObject({
      status: 'active',
      offerId: offer.id,
      conversationId: offer.conversationId,
      campaignId: campaign.id,
      mySide: 'business',
      agreementVersion: 1,
      business: { id: owner.user.id, name: 'Tatra Test Roasters', handle: null },
      influencer: {
        id: influencer.user.id,
        name: influencer.profile.displayName,
        handle: influencer.profile.handle,
      },
      agreement: {
        campaignName: 'Morning coffee stories',
        compensationType: 'paid',
        price: { amount: 18_000, currency: 'EUR' },
        barterDescription: null,
        publishDate: campaign.startDate,
        startDate: campaign.startDate,
        endDate: campaign.endDate,
        deliverables: [
          { key: 'd1', type: 'story', network: 'instagram', quantity: 3 },
          { key: 'd2', type: 'video', network: 'tiktok', quantity: 1, notes: 'Up to 60 seconds' },
        ],
      },
      progress: { approved: 0, total: 2 },
      cancelRequest: null,
      amendments: [],
      completedAt: null,
    });
    expect(c.deliverables.map((d) => [d.key, d.status, d.current, d.proofs.length])).toEqual([
      ['d1', 'pending', true, 0],
      ['d2', 'pending', true, 0],
    ]);
    // The business decides, the influencer delivers: each side sees its own verbs.
    expect(c.deliverables[0]?.abilities).toEqual({
      submitProof: false,
      approve: false,
      requestChanges: false,
    });
    const mine = await readCollaboration(influencer, c.id);
    expect(mine.mySide).toBe('influencer');
    expect(mine.deliverables[0]?.abilities).toEqual({
      submitProof: true,
      approve: false,
      requestChanges: false,
    });
    expect(mine.abilities).toEqual({
      proposeAmendment: true,
      decideAmendment: false,
      withdrawAmendment: false,
      requestCancel: true,
      consentCancel: false,
      withdrawCancel: false,
    });
  });

  it('a barter agreement carries the barter terms and no price', async () => {
    const { collaboration: c } = await buildCollaboration(t.app, {
      campaign: { compensation: { type: 'barter', description: 'A year of coffee' } },
    });
    expect(c.agreement).toMatchObject({
      compensationType: 'barter',
      price: null,
      barterDescription: 'A year of coffee',
    });
  });

  it('later edits of the campaign never change the agreement', async () => {
    const { owner, campaign, collaboration: c } = await buildCollaboration(t.app);
    const edit = await owner.client.patch(`/api/v1/campaigns/${campaign.id}`, {
      name: 'Evening tea stories',
      deliverables: [{ type: 'reel', network: 'instagram', quantity: 5 }],
      endDate: daysFromNow(60),
    });
    expect(edit.status, edit.text).toBe(200);
    const after = await readCollaboration(owner, c.id);
    expect(after.agreement).toEqual(c.agreement);
    expect(after.agreementVersion).toBe(1);
    const items = (await list(owner)).body.items;
    expect(items.find((i) => i.id === c.id)?.campaignName).toBe('Morning coffee stories');
  });

  it('a rejected or withdrawn offer makes none', async () => {
    const { owner, influencer, offer } = await buildOffer(t.app);
    expect((await owner.client.post(`/api/v1/offers/${offer.id}/reject`)).status).toBe(200);
    expect((await list(owner)).body.items).toEqual([]);
    expect((await list(influencer)).body.items).toEqual([]);
  });
});

describe('who sees a collaboration', () => {
  it('both sides read it; a visitor 401; another business or influencer and an admin 404', async () => {
    const { owner, influencer, collaboration: c } = await buildCollaboration(t.app);
    expect((await owner.client.get(collaborationUrl(c.id))).status).toBe(200);
    expect((await influencer.client.get(collaborationUrl(c.id))).status).toBe(200);
    expect((await browser(t.app).get(collaborationUrl(c.id))).status).toBe(401);
    expect((await browser(t.app).get('/api/v1/collaborations')).status).toBe(401);
    for (const stranger of [
      await buildBusinessWithProfile(t.app),
      await buildReadyInfluencer(t.app),
      await buildAdmin(t.app),
    ]) {
      const res = await stranger.client.get(collaborationUrl(c.id));
      expect(res.status, stranger.user.role).toBe(404);
      expect(res.body.error?.code).toBe('NOT_FOUND');
      expect((await list(stranger)).body.items).toEqual([]);
    }
    expect((await owner.client.get(collaborationUrl('no-such-collaboration'))).status).toBe(404);
  });
});

describe('GET /collaborations', () => {
  it('lists mine on either side, newest activity first, with the other side, campaign, status and progress; pages by cursor', async () => {
    const owner = await buildBusinessWithProfile(t.app);
    const first = await buildCollaboration(t.app, { owner });
    const second = await buildCollaboration(t.app, { owner });
    const third = await buildCollaboration(t.app, { owner });
    // Activity on the first moves it to the top.
    const line = first.collaboration.deliverables[0];
    if (!line) throw new Error('no line');
    const proof = await first.influencer.client.post(
      collaborationUrl(first.collaboration.id, `/deliverables/${line.id}/proof`),
      { url: 'https://example.com/post/1' },
    );
    expect(proof.status).toBe(200);

    const page1 = await list(owner, '?limit=2');
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((i) => i.id)).toEqual([first.collaboration.id, third.collaboration.id]);
    expect(page1.body.items[0]).toMatchObject({
      status: 'active',
      campaignName: 'Morning coffee stories',
      otherParty: {
        id: first.influencer.user.id,
        role: 'influencer',
        name: first.influencer.profile.displayName,
      },
      progress: { approved: 0, total: 2 },
      conversationId: first.offer.conversationId,
      pendingAmendment: false,
      cancelRequested: false,
    });
    const page2 = await list(owner, `?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((i) => i.id)).toEqual([second.collaboration.id]);
    expect(page2.body.nextCursor).toBeNull();

    const theirs = await list(first.influencer);
    expect(theirs.body.items).toHaveLength(1);
    expect(theirs.body.items[0]?.otherParty).toMatchObject({
      id: owner.user.id,
      role: 'business',
      name: 'Tatra Test Roasters',
    });
  });

  it('finds a thread’s collaboration by conversationId; filters by status; a bad cursor or limit is a 400', async () => {
    const { owner, influencer, offer, collaboration: c } = await buildCollaboration(t.app);
    const byThread = await list(influencer, `?conversationId=${offer.conversationId}`);
    expect(byThread.body.items.map((i) => i.id)).toEqual([c.id]);
    expect((await list(owner, '?status=completed')).body.items).toEqual([]);
    expect((await list(owner, '?status=active')).body.items.map((i) => i.id)).toEqual([c.id]);
    const badCursor = await list(owner, '?cursor=nonsense');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body).toMatchObject({ error: { details: { fields: [{ path: 'cursor' }] } } });
    expect((await list(owner, '?limit=0')).status).toBe(400);
    expect((await list(owner, '?status=lost')).status).toBe(400);
  });

  it('a collaboration row is bound to its offer: one per offer', async () => {
    const { collaboration: c, offer } = await buildCollaboration(t.app);
    const rows = await t.ctx.db.select().from(collaborations).where(eq(collaborations.offerId, offer.id));
    expect(rows.map((r) => r.id)).toEqual([c.id]);
  });
});
