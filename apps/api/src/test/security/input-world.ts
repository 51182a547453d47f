import type { Collaboration } from '@bextr/contracts';
import { expect } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { browser, type TestClient, type TestResponse } from '../client.ts';
import { buildAdmin, type TestAdmin } from '../factories/admins.ts';
import { buildDraftCampaign, buildPublishedCampaign } from '../factories/campaigns.ts';
import { buildCollaboration, buildCompletedCollaboration } from '../factories/collaborations.ts';
import { postMessage } from '../factories/conversations.ts';
import { buildOffer } from '../factories/offers.ts';
import { uploadImage } from '../factories/uploads.ts';
import { buildInfluencer, type TestUser } from '../factories/users.ts';

export { ROUTE_SAMPLES, type RouteSample } from './input-route-samples.ts';

/** The app the input suites run against: limits scaled so far up that a 429 never hides an answer. */
export const createInputApp = () => createTestApp({ rateLimitScale: 10_000 });

/** Who calls a route: each name is a signed-in browser of the world (anon has no session). */
export type Actor = 'anon' | 'business' | 'influencer' | 'admin' | 'spare';

/** One of everything a route may need: two sides with a completed and an active collaboration, a
 * pending offer, drafts, an amendment, a report, FAQ rows, and a victim the admin may act on. */
export interface World {
  clients: Record<Actor, TestClient>;
  business: TestUser;
  influencer: TestUser & { profile: { handle: string | null } };
  admin: TestAdmin;
  victimId: string;
  victimCampaignId: string;
  campaignId: string;
  spareCampaignId: string;
  draftId: string;
  spareDraftId: string;
  offerId: string;
  completed: Collaboration;
  active: Collaboration;
  conversationId: string;
  /** The pending offer's thread (no collaboration): the world's report is filed on it. */
  pendingConversationId: string;
  messageId: string;
  amendmentId: string;
  reportId: string;
  faqQuestionId: string;
  faqEntryId: string;
  socialAccountId: string;
  portfolioId: string;
  insightId: string;
  uploadId: string;
}

async function created<T>(res: Promise<TestResponse<T>>, what: string): Promise<T> {
  const r = await res;
  if (r.status < 200 || r.status > 299) throw new Error(`${what} answered ${r.status}: ${r.text}`);
  return r.body;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const { app } = t;
  const done = await buildCompletedCollaboration(app);
  const business = done.owner;
  const influencer = done.influencer;
  const active = await buildCollaboration(app, { owner: business, influencer });
  const pending = await buildOffer(app, { owner: business, influencer });
  const spare = await buildPublishedCampaign(app, { owner: business });
  const draft = await buildDraftCampaign(business.client);
  const spareDraft = await buildDraftCampaign(business.client);
  const victimCampaign = await buildPublishedCampaign(app);
  const admin = await buildAdmin(app);
  const spareUser = await buildInfluencer(app, { verified: true });
  const b = business.client;
  const i = influencer.client;
  const message = await postMessage(i, active.offer.conversationId, { body: 'Hello from the world' });
  const amendment = await created<{ collaboration: Collaboration }>(
    b.post(`/api/v1/collaborations/${active.collaboration.id}/amendments`, {
      changes: { priceAmount: 15_500 },
      note: 'A little more',
    }),
    'proposing an amendment',
  );
  // Filed on the pending offer's thread: a report on a collaboration makes it `disputed` (decision
  // 014), and the active one must stay workable for the suites that write to it.
  const report = await created<{ report: { id: string } }>(
    i.post('/api/v1/reports', {
      againstUserId: business.user.id,
      conversationId: pending.offer.conversationId,
      category: 'late',
      description: 'The brief changed after we agreed on it.',
    }),
    'reporting',
  );
  await created(
    browser(app).post('/api/v1/faq/questions', {
      question: 'How do payments work here?',
      locale: 'en',
      elapsedMs: 60_000,
    }),
    'asking a FAQ question',
  );
  const questions = await admin.client.get<{ items: { id: string }[] }>('/api/v1/admin/faq/questions');
  const entry = await created<{ entry: { id: string } }>(
    admin.client.post('/api/v1/admin/faq/entries', {
      locale: 'en',
      group: 'basics',
      question: 'What is BeXtr?',
      answer: 'A marketplace.',
    }),
    'adding a FAQ entry',
  );
  const profile = await i.get<{
    profile: { socialAccounts: { id: string }[]; portfolio: { id: string }[]; insights: { id: string }[] };
  }>('/api/v1/influencer-profile');
  const p = profile.body.profile;
  const upload = await uploadImage(i);
  const firstQuestion = questions.body.items[0];
  const [account, item, insight] = [p.socialAccounts[0], p.portfolio[0], p.insights[0]];
  if (!firstQuestion || !account || !item || !insight) throw new Error('the world is missing a row');
  return {
    clients: { anon: browser(app), business: b, influencer: i, admin: admin.client, spare: spareUser.client },
    business,
    influencer: { ...influencer, profile: { handle: influencer.profile.handle } },
    admin,
    victimId: victimCampaign.owner.user.id,
    victimCampaignId: victimCampaign.campaign.id,
    campaignId: pending.campaign.id,
    spareCampaignId: spare.campaign.id,
    draftId: draft.id,
    spareDraftId: spareDraft.id,
    offerId: pending.offer.id,
    completed: done.collaboration,
    active: active.collaboration,
    conversationId: active.offer.conversationId,
    pendingConversationId: pending.offer.conversationId,
    messageId: message.id,
    amendmentId: amendment.collaboration.amendments.at(-1)?.id ?? 'missing',
    reportId: report.report.id,
    faqQuestionId: firstQuestion.id,
    faqEntryId: entry.entry.id,
    socialAccountId: account.id,
    portfolioId: item.id,
    insightId: insight.id,
    uploadId: upload.id,
  };
}

export const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** The route's path with its params put in (each URL-encoded). */
export function fillUrl(url: string, params: Record<string, string> = {}, query?: Record<string, string>) {
  const path = url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${url}`);
    return encodeURIComponent(value);
  });
  const qs = query ? new URLSearchParams(query).toString() : '';
  return qs ? `${path}?${qs}` : path;
}

/** The API.md error shape: `{ error: { code: SNAKE_CASE, message: text, details? } }`, no stack. */
export function expectErrorShape(res: TestResponse, context: string) {
  expect(res.headers['content-type'], context).toMatch(/^application\/json/);
  const error = res.body?.error;
  expect(error, `${context}: ${res.text.slice(0, 300)}`).toBeTruthy();
  expect(error?.code, context).toMatch(/^[A-Z][A-Z0-9_]*$/);
  expect(typeof error?.message, context).toBe('string');
  expect(res.text, context).not.toMatch(/\bat .+\.(ts|js):\d+/);
}
