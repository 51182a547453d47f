import type { Notification } from '@bextr/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collaborations } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildAdmin } from '../../test/factories/admins.ts';
import { buildBusinessWithProfile } from '../../test/factories/campaigns.ts';
import {
  buildCollaboration,
  buildCompletedCollaboration,
  type CollaborationPage,
  type CollaborationResponse,
  collaborationUrl,
  readCollaboration,
  submitProof,
} from '../../test/factories/collaborations.ts';
import { buildReadyInfluencer } from '../../test/factories/influencers.ts';
import { buildOffer, sendOffer } from '../../test/factories/offers.ts';
import type { TestUser } from '../../test/factories/users.ts';
import { readMail } from '../../test/mail.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const cancel = (user: TestUser, id: string, body?: unknown) =>
  user.client.post<CollaborationResponse>(collaborationUrl(id, '/cancel'), body);
const takeBack = (user: TestUser, id: string) =>
  user.client.delete<CollaborationResponse>(collaborationUrl(id, '/cancel'));
const slotsFilled = async (user: TestUser, campaignId: string) =>
  (await user.client.get<{ campaign: { slotsFilled: number } }>(`/api/v1/campaigns/${campaignId}`)).body
    .campaign.slotsFilled;
const latest = async (user: TestUser) =>
  (await user.client.get<{ items: Notification[] }>('/api/v1/notifications')).body.items[0];

describe('cancel by mutual consent', () => {
  it('refusals: 401 visitor, 403 admin, 404 stranger, 400 unknown field or long reason', async () => {
    const { owner, collaboration: c } = await buildCollaboration(t.app);
    expect((await browser(t.app).post(collaborationUrl(c.id, '/cancel'))).status).toBe(401);
    expect((await browser(t.app).delete(collaborationUrl(c.id, '/cancel'))).status).toBe(401);
    expect((await cancel(await buildAdmin(t.app), c.id)).status).toBe(403);
    expect((await cancel(await buildBusinessWithProfile(t.app), c.id)).status).toBe(404);
    expect((await takeBack(await buildReadyInfluencer(t.app), c.id)).status).toBe(404);
    const unknown = await cancel(owner, c.id, { reason: 'x', now: true });
    expect(unknown.status).toBe(400);
    const long = await cancel(owner, c.id, { reason: 'x'.repeat(1001) });
    expect(long.status).toBe(400);
    expect(long.body.error?.details?.fields?.[0]?.path).toBe('reason');
    expect((await readCollaboration(owner, c.id)).cancelRequest).toBeNull();
  });

  it('the first side asks, the other consents: cancelled, and the campaign’s slot is free again', async () => {
    const { owner, influencer, campaign, offer } = await buildOffer(t.app, { campaign: { slots: 1 } });
    const second = await sendOffer(await buildReadyInfluencer(t.app), campaign);
    expect((await owner.client.post(`/api/v1/offers/${offer.id}/accept`)).status).toBe(200);
    const found = await owner.client.get<CollaborationPage>(
      `/api/v1/collaborations?conversationId=${offer.conversationId}`,
    );
    const c = await readCollaboration(owner, found.body.items[0]?.id ?? '');
    expect(await slotsFilled(owner, campaign.id)).toBe(1);
    const asked = await cancel(influencer, c.id, { reason: '  I broke my camera.  ' });
    expect(asked.status).toBe(200);
    expect(asked.body.collaboration).toMatchObject({
      status: 'active',
      cancelRequest: { by: 'influencer', reason: 'I broke my camera.' },
      abilities: { requestCancel: false, consentCancel: false, withdrawCancel: true },
    });
    expect(await latest(owner)).toMatchObject({
      kind: 'cancel_requested',
      note: 'I broke my camera.',
      collaborationId: c.id,
    });
    const mail = (await readMail(t.app, owner.user.email)).find((m) => /asks to cancel/.test(m.subject));
    expect(mail?.text).toContain('Their reason: “I broke my camera.”');
    // Asking again is not consent.
    expect((await cancel(influencer, c.id)).status).toBe(409);
    expect((await readCollaboration(owner, c.id)).abilities).toMatchObject({ consentCancel: true });
    // The slot is still taken: a second offer cannot be accepted.
    expect((await owner.client.post(`/api/v1/offers/${second.id}/accept`)).body.error?.code).toBe(
      'CAMPAIGN_FULL',
    );

    const done = await cancel(owner, c.id);
    expect(done.status).toBe(200);
    expect(done.body.collaboration.status).toBe('cancelled');
    expect(done.body.collaboration.cancelledAt).toEqual(expect.any(String));
    expect(done.body.collaboration.abilities).toEqual({
      proposeAmendment: false,
      decideAmendment: false,
      withdrawAmendment: false,
      requestCancel: false,
      consentCancel: false,
      withdrawCancel: false,
    });
    expect(await slotsFilled(owner, campaign.id)).toBe(0);
    expect(await latest(influencer)).toMatchObject({
      kind: 'collaboration_cancelled',
      collaborationId: c.id,
    });
    // Freed: the other offer can now take it.
    expect((await owner.client.post(`/api/v1/offers/${second.id}/accept`)).status).toBe(200);

    // Nothing moves a cancelled collaboration.
    expect((await cancel(owner, c.id)).status).toBe(409);
    expect((await cancel(influencer, c.id)).status).toBe(409);
    expect((await takeBack(influencer, c.id)).status).toBe(409);
    const line = c.deliverables[0]?.id ?? '';
    const proof = await influencer.client.post(collaborationUrl(c.id, `/deliverables/${line}/proof`), {
      url: 'https://example.com/late',
    });
    expect(proof.status).toBe(409);
    expect(
      (await owner.client.post(collaborationUrl(c.id, '/amendments'), { changes: { priceAmount: 1 } }))
        .status,
    ).toBe(409);
  });

  it('the asking side may take the request back; the other side may not (409)', async () => {
    const { owner, influencer, collaboration: c } = await buildCollaboration(t.app);
    expect((await takeBack(owner, c.id)).status).toBe(409);
    await cancel(owner, c.id);
    expect((await takeBack(influencer, c.id)).status).toBe(409);
    const back = await takeBack(owner, c.id);
    expect(back.status).toBe(200);
    expect(back.body.collaboration).toMatchObject({ status: 'active', cancelRequest: null });
    // A new request may follow, from either side.
    expect((await cancel(influencer, c.id)).status).toBe(200);
  });

  it('not once completed, nor while disputed (409): no cancel, proof or amendment', async () => {
    const { owner, influencer, collaboration: c } = await buildCompletedCollaboration(t.app);
    expect((await cancel(owner, c.id)).status).toBe(409);
    expect((await cancel(influencer, c.id)).status).toBe(409);

    const open = await buildCollaboration(t.app);
    const line = open.collaboration.deliverables[0]?.id ?? '';
    await t.ctx.db
      .update(collaborations)
      .set({ status: 'disputed', statusBeforeDispute: 'active' })
      .where(eq(collaborations.id, open.collaboration.id));
    expect((await cancel(open.owner, open.collaboration.id)).status).toBe(409);
    const proof = await open.influencer.client.post(
      collaborationUrl(open.collaboration.id, `/deliverables/${line}/proof`),
      { url: 'https://example.com/x' },
    );
    expect(proof.status).toBe(409);
    expect(
      (
        await open.owner.client.post(collaborationUrl(open.collaboration.id, '/amendments'), {
          changes: { priceAmount: 1 },
        })
      ).status,
    ).toBe(409);
  });

  it('a delivered collaboration can still be cancelled by consent', async () => {
    const { owner, influencer, collaboration: c } = await buildCollaboration(t.app);
    let seen = c;
    for (const d of c.deliverables) seen = await submitProof(influencer, seen, d.id);
    expect(seen.status).toBe('delivered');
    await cancel(owner, c.id, { reason: 'Budget cut' });
    const done = await cancel(influencer, c.id);
    expect(done.body.collaboration.status).toBe('cancelled');
  });
});
