import type { Collaboration } from '@bextr/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amendments, campaigns, collaborations, notifications, offers } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { buildPublishedCampaign } from '../factories/campaigns.ts';
import {
  buildCollaboration,
  type CollaborationResponse,
  collaborationUrl,
  submitProof,
} from '../factories/collaborations.ts';
import { buildReadyInfluencer } from '../factories/influencers.ts';
import { sendOffer } from '../factories/offers.ts';
import { signIn } from '../factories/users.ts';

/** Races a user can cause with two tabs or two people: the state the database ends in is the one a
 * single, ordered run would give. On PostgreSQL these requests really run at once (`--mode pg`). */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t?.close());

const n = sql<number>`count(*)::int`;

describe('the last slot', () => {
  it('two tabs of one business accept two offers for the last slot: one wins, slots never over-filled', async () => {
    const { owner, campaign } = await buildPublishedCampaign(t.app, { campaign: { slots: 2 } });
    const [a, b, c] = [
      await buildReadyInfluencer(t.app),
      await buildReadyInfluencer(t.app),
      await buildReadyInfluencer(t.app),
    ];
    const first = await sendOffer(a, campaign);
    const [o1, o2] = [await sendOffer(b, campaign), await sendOffer(c, campaign)];
    expect((await owner.client.post(`/api/v1/offers/${first.id}/accept`)).status).toBe(200);
    const secondTab = await signIn(t.app, { email: owner.email, password: owner.password });
    const answers = await Promise.all([
      owner.client.post(`/api/v1/offers/${o1.id}/accept`),
      secondTab.post(`/api/v1/offers/${o2.id}/accept`),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(answers.find((r) => r.status === 409)?.body.error?.code).toBe('CAMPAIGN_FULL');
    const [row] = await t.ctx.db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(row?.slotsFilled).toBe(2);
    const accepted = await t.ctx.db
      .select({ n })
      .from(offers)
      .where(and(eq(offers.campaignId, campaign.id), eq(offers.status, 'accepted')));
    expect(accepted[0]?.n).toBe(2);
    const made = await t.ctx.db
      .select({ n })
      .from(collaborations)
      .where(eq(collaborations.campaignId, campaign.id));
    expect(made[0]?.n).toBe(2);
  }, 60_000);
});

describe('amendments', () => {
  it('an amendment accepted from two tabs at once is applied once', async () => {
    const { owner, influencer, collaboration } = await buildCollaboration(t.app);
    const proposed = await owner.client.post<CollaborationResponse>(
      collaborationUrl(collaboration.id, '/amendments'),
      { changes: { priceAmount: 17_500 }, note: 'A fourth story.' },
    );
    expect(proposed.status, proposed.text).toBe(201);
    const aid = proposed.body.collaboration.amendments?.find((x) => x.status === 'pending')?.id ?? '';
    expect(aid).not.toBe('');
    const secondTab = await signIn(t.app, { email: influencer.email, password: influencer.password });
    const url = collaborationUrl(collaboration.id, `/amendments/${aid}/accept`);
    const answers = await Promise.all([
      influencer.client.post(url),
      secondTab.post(url),
      secondTab.post(url),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const rows = await t.ctx.db
      .select()
      .from(amendments)
      .where(eq(amendments.collaborationId, collaboration.id));
    expect(rows.map((r) => r.status)).toEqual(['accepted']);
    const told = await t.ctx.db
      .select({ n })
      .from(notifications)
      .where(
        and(
          eq(notifications.collaborationId, collaboration.id),
          eq(notifications.kind, 'amendment_accepted'),
        ),
      );
    expect(told[0]?.n).toBe(1);
  }, 60_000);

  it('accept racing decline and withdraw: exactly one decision sticks', async () => {
    const { owner, influencer, collaboration } = await buildCollaboration(t.app);
    const proposed = await owner.client.post<CollaborationResponse>(
      collaborationUrl(collaboration.id, '/amendments'),
      { changes: { priceAmount: 9_000 } },
    );
    const aid = proposed.body.collaboration.amendments?.find((x) => x.status === 'pending')?.id ?? '';
    const at = (verb: string) => collaborationUrl(collaboration.id, `/amendments/${aid}/${verb}`);
    const answers = await Promise.all([
      influencer.client.post(at('accept')),
      influencer.client.post(at('decline')),
      owner.client.post(at('withdraw')),
    ]);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 409)).toHaveLength(2);
    const rows = await t.ctx.db
      .select()
      .from(amendments)
      .where(eq(amendments.collaborationId, collaboration.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).not.toBe('pending');
  }, 60_000);
});

describe('final approvals', () => {
  it('the last lines approved from two tabs at once: completed once, one completion notice per side', async () => {
    const { owner, influencer, collaboration } = await buildCollaboration(t.app);
    let c: Collaboration = collaboration;
    for (const line of c.deliverables) c = await submitProof(influencer, c, line.id);
    const secondTab = await signIn(t.app, { email: owner.email, password: owner.password });
    const answers = await Promise.all(
      c.deliverables.flatMap((line) => {
        const url = collaborationUrl(c.id, `/deliverables/${line.id}/approve`);
        return [owner.client.post(url), secondTab.post(url)];
      }),
    );
    const ok = answers.filter((r) => r.status === 200).length;
    expect(ok).toBe(c.deliverables.length);
    expect(answers.filter((r) => r.status === 409)).toHaveLength(c.deliverables.length);
    const [row] = await t.ctx.db.select().from(collaborations).where(eq(collaborations.id, c.id));
    expect(row?.status).toBe('completed');
    const done = await t.ctx.db
      .select({ to: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.collaborationId, c.id), eq(notifications.kind, 'collaboration_completed')));
    expect(done.map((d) => d.to).sort()).toEqual([owner.user.id, influencer.user.id].sort());
  }, 60_000);
});
