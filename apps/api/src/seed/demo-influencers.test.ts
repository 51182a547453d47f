import { readdir } from 'node:fs/promises';
import type { InfluencerProfile, InfluencerSummary, Invitation, MyCampaign, Offer } from '@bextr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { signIn } from '../test/factories/users.ts';
import { prepareData } from './boot.ts';
import { demoAccounts } from './demo.ts';

type Page<T> = { items: T[]; nextCursor: string | null };

let t: TestApp;
// Loading the demo hashes passwords and renders ~90 images: CPU-bound, slow on a busy machine.
beforeAll(async () => {
  t = await createTestApp();
  await prepareData(t.ctx.db, t.config, t.app.log);
}, 120_000);
afterAll(() => t?.close());

const signInAs = (account: { email: string; password: string }) =>
  signIn(t.app, { email: account.email, password: account.password });

describe('demo influencers', () => {
  it('the demo influencer has a ready profile; ~30 ready profiles across every tier, with generated images', async () => {
    const me = await signInAs(demoAccounts.influencer);
    const own = await me.get<{ profile: InfluencerProfile }>('/api/v1/influencer-profile');
    expect(own.body.profile.completeness).toEqual({ ready: true, missing: [] });
    const business = await signInAs(demoAccounts.business);
    const page = await business.get<{ items: InfluencerSummary[] }>('/api/v1/influencers?limit=100');
    expect(page.body.items.length).toBeGreaterThanOrEqual(30);
    expect(new Set(page.body.items.map((i) => i.tier))).toEqual(new Set(['nano', 'micro', 'macro', 'mega']));
    const avatar = page.body.items[0]?.avatar;
    expect(avatar).not.toBeNull();
    const image = await business.get(avatar?.url ?? '');
    expect(image.status).toBe(200);
    expect(String(image.headers['content-type'])).toMatch(/^image\//);
    expect((await readdir(t.config.uploadsDir)).length).toBeGreaterThanOrEqual(90 * 2);
  });
});

describe('demo offers', () => {
  it('the demo influencer has a pending and an accepted offer and an open invitation', async () => {
    const me = await signInAs(demoAccounts.influencer);
    const mine = await me.get<Page<Offer>>('/api/v1/offers/mine');
    expect(new Set(mine.body.items.map((o) => o.status))).toEqual(new Set(['pending', 'accepted']));
    const invites = await me.get<Page<Invitation>>('/api/v1/invitations/mine');
    expect(invites.body.items).toEqual([
      expect.objectContaining({ offer: null, campaign: expect.objectContaining({ isOpen: true }) }),
    ]);
    const inbox = await me.get<{ unreadCount: number }>('/api/v1/notifications');
    expect(inbox.body.unreadCount).toBeGreaterThan(0);
  });

  it('the demo business: offers in every state, slots filled as accepted, several open offers of varied fit', async () => {
    const business = await signInAs(demoAccounts.business);
    const mine = await business.get<Page<MyCampaign>>('/api/v1/campaigns/mine');
    const states = new Set<string>();
    for (const campaign of mine.body.items) {
      expect(campaign.slotsFilled, campaign.name ?? '').toBe(campaign.offerCounts.accepted);
      for (const [state, n] of Object.entries(campaign.offerCounts)) if (n > 0) states.add(state);
    }
    expect(states).toEqual(
      new Set(['pending', 'shortlisted', 'accepted', 'rejected', 'withdrawn', 'expired']),
    );
    const main = mine.body.items.find((c) => c.name === 'Ranná káva z Tatier');
    expect((main?.offerCounts.pending ?? 0) + (main?.offerCounts.shortlisted ?? 0)).toBeGreaterThanOrEqual(5);
    const review = await business.get<Page<Offer>>(`/api/v1/campaigns/${main?.id}/offers?sort=fit`);
    const fits = review.body.items.map((o) => o.influencer.audienceFit);
    expect(new Set(fits).size).toBeGreaterThan(3);
    expect(fits).toEqual([...fits].sort((a, b) => (b ?? -1) - (a ?? -1)));
    expect(review.body.items.every((o) => o.conversationId)).toBe(true);
  });
});
