import type { Collaboration, InfluencerProfile } from '@bextr/contracts';
import type { App } from '../../app.ts';
import { browser, type TestClient, type TestResponse } from '../client.ts';
import {
  buildBusinessWithProfile,
  buildDraftCampaign,
  buildPublishedCampaign,
} from '../factories/campaigns.ts';
import { buildCollaboration, buildCompletedCollaboration, submitProof } from '../factories/collaborations.ts';
import { newClientId, postMessage } from '../factories/conversations.ts';
import { buildReadyInfluencer } from '../factories/influencers.ts';
import { sendOffer } from '../factories/offers.ts';
import { uploadImage } from '../factories/uploads.ts';
import type { Objects, Side } from './world.ts';

/** The answer's body, or an error naming the step that was not answered as expected. */
export const ok = <T>(res: TestResponse<T>, expected: number, what: string) => {
  if (res.status !== expected) throw new Error(`${what} answered ${res.status}: ${res.text}`);
  return res.body;
};

/** One side of the world: a business and an influencer who work together, and one object of every
 * kind they hold — built through the API as users would. */
export async function buildSide(app: App, side: Side, admin: TestClient) {
  const biz = await buildBusinessWithProfile(app, { name: `Business ${side}` });
  const inf = await buildReadyInfluencer(app, { name: `Creator ${side}` });
  const c = inf.client;
  // The influencer's avatar (linked to the profile) and an upload it keeps to itself.
  const avatar = await uploadImage(c);
  ok(
    await c.put('/api/v1/influencer-profile', { ...profileBasics(inf.profile), avatarUploadId: avatar.id }),
    200,
    'avatar',
  );
  const upload = await uploadImage(c);

  // A pending offer on a published campaign, with a message carrying an attachment.
  const { campaign } = await buildPublishedCampaign(app, {
    owner: biz,
    campaign: { name: `Campaign ${side}` },
  });
  const offer = await sendOffer(inf, campaign);
  const attachment = await uploadImage(c);
  const clientId = newClientId();
  const message = await postMessage(c, offer.conversationId, {
    body: `Hello from ${side}`,
    clientId,
    attachmentIds: [attachment.id],
  });
  const draft = await buildDraftCampaign(biz.client, { name: `Draft ${side}` });

  // An active collaboration: one proof (with a screenshot) sent, an amendment of the business pending.
  const active = await buildCollaboration(app, { owner: biz, influencer: inf });
  const [line, open] = active.collaboration.deliverables;
  if (!line || !open) throw new Error('the collaboration has fewer than two deliverables');
  const proof = await uploadImage(c);
  await submitProof(inf, active.collaboration, line.id, { uploadIds: [proof.id] });
  const amended = ok(
    await biz.client.post<{ collaboration: Collaboration }>(
      `/api/v1/collaborations/${active.collaboration.id}/amendments`,
      {
        changes: { priceAmount: 16_000 },
        note: `Amendment ${side}`,
      },
    ),
    201,
    'proposing an amendment',
  );
  const amendment = amended.collaboration.amendments[0];
  if (!amendment) throw new Error('no amendment');

  // A completed collaboration, reviewed by both sides, then reported by the influencer.
  const done = await buildCompletedCollaboration(app, { owner: biz, influencer: inf });
  const cid = done.collaboration.id;
  for (const [who, text] of [
    [biz, 'Great to work with.'],
    [inf, 'Paid on time, clear brief.'],
  ] as const)
    ok(await who.client.post(`/api/v1/collaborations/${cid}/reviews`, { rating: 5, text }), 201, 'reviewing');
  const evidence = await uploadImage(c);
  const reportText = `Private note to the admins from reporter ${side} ${newClientId()}`;
  const report = ok(
    await c.post<{ report: { id: string } }>('/api/v1/reports', {
      againstUserId: biz.user.id,
      collaborationId: cid,
      category: 'not_as_agreed',
      description: `The goods for side ${side} never arrived as agreed.`,
      evidenceUploadIds: [evidence.id],
    }),
    201,
    'reporting',
  );
  ok(
    await c.post(`/api/v1/reports/${report.report.id}/messages`, { body: reportText }),
    201,
    'report message',
  );
  ok(
    await admin.post(`/api/v1/reports/${report.report.id}/messages`, { body: `Admin asks ${side}` }),
    201,
    'admin message',
  );

  const notes = ok(
    await biz.client.get<{ items: { id: string }[] }>('/api/v1/notifications'),
    200,
    'notifications',
  );
  const fresh = await inf.client.get<{ profile: InfluencerProfile }>('/api/v1/influencer-profile');
  const profile = fresh.body.profile;
  // A visitor's FAQ question and an entry the admin wrote.
  const visitor = browser(app);
  const askerEmail = `asker-${side.toLowerCase()}-${newClientId()}@test.bextr.eu`.toLowerCase();
  const question = { question: `How does side ${side} get paid?`, name: `Asker ${side}`, email: askerEmail };
  ok(
    await visitor.post('/api/v1/faq/questions', { ...question, locale: 'en', elapsedMs: 30_000 }),
    202,
    'faq question',
  );
  const entry = ok(
    await admin.post<{ entry: { id: string } }>('/api/v1/admin/faq/entries', {
      locale: 'en',
      group: 'basics',
      question: `Entry ${side}: what is BeXtr?`,
      answer: 'A marketplace.',
      published: false,
    }),
    201,
    'faq entry',
  );

  const objects: Omit<Objects, 'faqQuestion'> = {
    campaign: campaign.id,
    draft: draft.id,
    offer: offer.id,
    conversation: offer.conversationId,
    message: message.id,
    clientId,
    collaboration: active.collaboration.id,
    deliverable: line.id,
    openDeliverable: open.id,
    amendment: amendment.id,
    completed: cid,
    report: report.report.id,
    upload: upload.id,
    attachment: attachment.id,
    proof: proof.id,
    avatar: avatar.id,
    notification: need(notes.items[0]?.id, 'notification'),
    socialAccount: need(profile.socialAccounts[0]?.id, 'social account'),
    portfolio: need(profile.portfolio[0]?.id, 'portfolio item'),
    insight: need(profile.insights[0]?.id, 'insight'),
    insightShot: need(profile.insights[0]?.uploadIds[0], 'insight screenshot'),
    business: biz.user.id,
    influencer: inf.user.id,
    handle: need(profile.handle, 'handle'),
    faqEntry: entry.entry.id,
  };
  return { biz, inf, objects, askerEmail, reporterPrivate: [evidence.id, reportText] };
}

export const need = (value: string | null | undefined, what: string): string => {
  if (!value) throw new Error(`the world has no ${what}`);
  return value;
};

const profileBasics = (p: InfluencerProfile) => ({
  displayName: p.displayName,
  handle: p.handle,
  bio: p.bio,
  categories: p.categories,
  country: p.country,
  city: p.city ?? undefined,
  languages: p.languages,
  audience: p.audience,
});
