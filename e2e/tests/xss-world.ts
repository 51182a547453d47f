import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { expectJson, signInAsAdmin } from './helpers.ts';
import {
  type Business,
  day,
  type Influencer,
  newInfluencer,
  png,
  publishCampaign,
  readyBusiness,
  readyInfluencer,
  runId,
} from './marketplace.ts';
import { badUrls, payload as P, payloadUrl as U, watch } from './xss-payloads.ts';

/** Builds, through the API as each party, a marketplace where every field a person writes holds a
 * payload: the business, the influencer, two campaigns, an invitation, two offers (one rejected),
 * a thread with an attachment, a completed collaboration with proofs, a change request, an
 * amendment and both reviews, a report with messages and its resolution, an admin's warning,
 * suspension and unpublishing, and a visitor's FAQ question answered and published. */

type Json = Record<string, unknown>;

async function upload(request: APIRequestContext, name: string) {
  const body = await expectJson<{ id: string }>(
    await request.post('/api/v1/uploads', { multipart: { file: { ...png, name } } }),
    201,
  );
  return body.id;
}

/** Every URL field refuses script URLs (what is never stored is never rendered). */
async function expectUrlsRefused(
  request: APIRequestContext,
  method: 'put' | 'post',
  url: string,
  body: (u: string) => Json,
) {
  for (const bad of badUrls) {
    const response = await request[method](url, { data: body(bad) });
    expect(response.status(), `${url} took ${bad}`).toBe(400);
  }
}

export interface World {
  business: Business;
  businessId: string;
  influencer: Influencer;
  influencerId: string;
  admin: Page;
  visitor: Page;
  campaignId: string;
  rejectedCampaignId: string;
  offerId: string;
  rejectedOfferId: string;
  conversationId: string;
  collaborationId: string;
  reportId: string;
  suspendedId: string;
}

export async function buildWorld(browser: Browser): Promise<World> {
  const id = runId();
  const business = await readyBusiness(browser, { companyName: P('bizName', 120) });
  const influencer = await readyInfluencer(browser, { displayName: P('infName', 80), handle: `xss_${id}` });
  await watch(business.page.context());
  await watch(influencer.page.context());
  const b = business.page.request;
  const i = influencer.page.request;
  const me = async (r: APIRequestContext) =>
    (await expectJson<{ user: { id: string } }>(await r.get('/api/v1/auth/me'), 200)).user.id;

  // ── The business profile.
  await expectUrlsRefused(b, 'put', '/api/v1/business-profile', (website) => ({ website }));
  await expectJson(
    await b.put('/api/v1/business-profile', {
      data: {
        companyName: business.companyName,
        industry: 'food_drink',
        country: 'SK',
        description: P('bizDesc'),
        city: P('bizCity', 120),
        website: U('bizWeb'),
      },
    }),
    200,
  );

  // ── The influencer profile: basics, a social account, a portfolio item; public.
  const IP = '/api/v1/influencer-profile';
  await expectJson(
    await i.put(IP, { data: { bio: P('infBio'), city: P('infCity', 120), isPublic: true } }),
    200,
  );
  const { profile } = await expectJson<{
    profile: { socialAccounts: { id: string }[]; portfolio: { id: string }[] };
  }>(await i.get(IP), 200);
  const social = `${IP}/social-accounts/${profile.socialAccounts[0]?.id}`;
  await expectUrlsRefused(i, 'post', `${IP}/social-accounts`, (url) => ({
    network: 'youtube',
    handle: 'x',
    url,
    followers: 1,
    engagementRate: 1,
  }));
  await expectJson(await i.patch(social, { data: { handle: P('socHandle', 100), url: U('socUrl') } }), 200);
  const portfolio = `${IP}/portfolio/${profile.portfolio[0]?.id}`;
  await expectUrlsRefused(i, 'post', `${IP}/portfolio`, (url) => ({ title: 'x', url }));
  await expectJson(
    await i.patch(portfolio, {
      data: { title: P('pfTitle', 120), description: P('pfDesc'), brand: P('pfBrand', 120), url: U('pfUrl') },
    }),
    200,
  );
  const influencerId = await me(i);
  const businessId = await me(b);

  // ── Two campaigns: a barter one with every text field, and a paid one to be unpublished.
  const { campaign } = await expectJson<{ campaign: { id: string } }>(
    await b.post('/api/v1/campaigns', {
      data: {
        name: P('campName', 120),
        category: 'food_drink',
        brief: P('campBrief'),
        tiers: ['nano', 'micro'],
        networks: ['instagram'],
        compensation: { type: 'barter', description: P('barter', 500) },
        deliverables: [
          { type: 'story', network: 'instagram', quantity: 2, notes: P('delivNotes', 500) },
          { type: 'post', network: 'instagram', quantity: 1 },
        ],
        estimatedHours: 4,
        startDate: day(10),
        endDate: day(40),
        applicationDeadline: day(7),
        countries: ['SK'],
        remote: true,
        languages: ['sk'],
        slots: 2,
      },
    }),
    201,
  );
  await expectJson(await b.post(`/api/v1/campaigns/${campaign.id}/publish`), 200);
  const rejected = await publishCampaign(business, { name: P('campBName', 120), slots: 1 });
  await expectJson(
    await b.post(`/api/v1/influencers/${influencer.handle}/invitations`, {
      data: { campaignId: campaign.id, message: P('invite', 1000) },
    }),
    201,
  );

  // ── Offers: one to accept, one rejected with a reason.
  const offer = async (campaignId: string, pitch: string, price?: number) => {
    const { campaign: full } = await expectJson<{ campaign: { deliverables: unknown[] } }>(
      await i.get(`/api/v1/campaigns/${campaignId}`),
      200,
    );
    const data = {
      pitch,
      deliverables: full.deliverables,
      ...(price ? { price: { amount: price, currency: 'EUR' } } : { barterAccepted: true }),
    };
    const res = await expectJson<{ offer: { id: string; conversationId: string } }>(
      await i.post(`/api/v1/campaigns/${campaignId}/offers`, { data }),
      201,
    );
    return res.offer;
  };
  const accepted = await offer(campaign.id, P('pitch'));
  const refused = await offer(rejected.id, P('pitchB', 3000), 14_000);
  await expectJson(
    await b.post(`/api/v1/offers/${refused.id}/reject`, { data: { reason: P('reject', 1000) } }),
    200,
  );

  // ── The thread: both write; the influencer attaches an image whose file name is a payload.
  const messages = `/api/v1/conversations/${accepted.conversationId}/messages`;
  const attachment = await upload(i, `<img src=x onerror=__xssHit('fileName')>.png`);
  await expectJson(
    await i.post(messages, {
      data: { body: P('msgInf'), clientId: `c-${id}-1`, attachmentIds: [attachment] },
    }),
    201,
  );
  await expectJson(await b.post(messages, { data: { body: P('msgBiz'), clientId: `c-${id}-2` } }), 201);
  // The file name is not kept: neither side's thread carries it (so no page can show it).
  for (const r of [i, b]) expect(await (await r.get(messages)).text()).not.toContain('fileName');

  // ── The collaboration: proof, change request, proof again, an amendment, approvals, reviews.
  await expectJson(await b.post(`/api/v1/offers/${accepted.id}/accept`), 200);
  const { items } = await expectJson<{ items: { id: string; offerId: string }[] }>(
    await b.get('/api/v1/collaborations'),
    200,
  );
  const collaborationId = items.find((c) => c.offerId === accepted.id)?.id ?? '';
  const C = `/api/v1/collaborations/${collaborationId}`;
  type Line = { id: string; current: boolean };
  const lines = async () =>
    (
      await expectJson<{ collaboration: { deliverables: Line[] } }>(await b.get(C), 200)
    ).collaboration.deliverables.filter((d) => d.current);
  const [first, second] = await lines();
  if (!first || !second) throw new Error('the collaboration has fewer than two deliverables');
  await expectUrlsRefused(i, 'post', `${C}/deliverables/${first.id}/proof`, (url) => ({ url }));
  await expectJson(
    await i.post(`${C}/deliverables/${first.id}/proof`, {
      data: { url: U('proofUrl'), note: P('proofNote') },
    }),
    200,
  );
  await expectJson(
    await b.post(`${C}/deliverables/${first.id}/request-changes`, { data: { note: P('changes') } }),
    200,
  );
  await expectJson(
    await i.post(`${C}/deliverables/${first.id}/proof`, {
      data: { url: U('proofUrl2'), note: P('proofNote2') },
    }),
    200,
  );
  const proposed = await expectJson<{ collaboration: { amendments: { id: string; status: string }[] } }>(
    await i.post(`${C}/amendments`, { data: { changes: { publishDate: day(20) }, note: P('amendNote') } }),
    201,
  );
  const amendment = proposed.collaboration.amendments.find((a) => a.status === 'pending') ?? { id: 'none' };
  await expectJson(await b.post(`${C}/amendments/${amendment.id}/accept`), 200);
  for (const line of await lines()) {
    if (line.id !== first.id && line.id !== second.id) continue;
    if (line.id === second.id)
      await expectJson(
        await i.post(`${C}/deliverables/${line.id}/proof`, { data: { url: 'https://instagram.com/p/x' } }),
        200,
      );
    await expectJson(await b.post(`${C}/deliverables/${line.id}/approve`), 200);
  }
  await expectJson(await i.post(`${C}/reviews`, { data: { rating: 4, text: P('reviewByInf') } }), 201);
  await expectJson(await b.post(`${C}/reviews`, { data: { rating: 5, text: P('reviewByBiz') } }), 201);

  // ── A report by the influencer against the business, and messages on it from both parties.
  const { report } = await expectJson<{ report: { id: string } }>(
    await i.post('/api/v1/reports', {
      data: { againstUserId: businessId, collaborationId, category: 'other', description: P('reportDesc') },
    }),
    201,
  );
  await expectJson(
    await i.post(`/api/v1/reports/${report.id}/messages`, { data: { body: P('reportMsgInf') } }),
    201,
  );
  await expectJson(
    await b.post(`/api/v1/reports/${report.id}/messages`, { data: { body: P('reportMsgBiz') } }),
    201,
  );

  // ── A visitor asks a question for the FAQ.
  const visitorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await watch(visitorContext);
  const visitor = await visitorContext.newPage();
  await expectJson(
    await visitor.request.post('/api/v1/faq/questions', {
      data: { question: P('faqQ', 1000), name: P('faqName', 120), locale: 'en', elapsedMs: 20_000 },
    }),
    202,
  );

  // ── The admin: a message and a warning on the report, a warning, a suspension, an unpublishing,
  // and the FAQ answer, published.
  const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await watch(adminContext);
  const admin = await adminContext.newPage();
  await signInAsAdmin(admin);
  const a = admin.request;
  await expectJson(
    await a.post(`/api/v1/reports/${report.id}/messages`, { data: { body: P('reportMsgAdmin') } }),
    201,
  );
  await expectJson(
    await a.post(`/api/v1/admin/reports/${report.id}/resolve`, {
      data: { outcome: 'warning', note: P('resolveNote') },
    }),
    200,
  );
  await expectJson(
    await a.post(`/api/v1/admin/users/${influencerId}/warn`, { data: { message: P('warnMsg') } }),
    200,
  );
  const victim = await newInfluencer(browser, P('victimName', 120));
  const suspendedId = await me(victim.request);
  await expectJson(
    await a.post(`/api/v1/admin/users/${suspendedId}/suspend`, { data: { reason: P('suspendReason') } }),
    200,
  );
  await expectJson(
    await a.post(`/api/v1/admin/campaigns/${rejected.id}/unpublish`, { data: { reason: P('unpublish') } }),
    200,
  );
  const queue = await expectJson<{ items: { id: string; question: string }[] }>(
    await a.get('/api/v1/admin/faq/questions?status=new&limit=100'),
    200,
  );
  const asked = queue.items.find((q) => q.question.startsWith('xss-faqQ'));
  expect(asked, 'the FAQ question reached the queue').toBeTruthy();
  await expectJson(
    await a.post(`/api/v1/admin/faq/questions/${asked?.id}/answer`, {
      data: { answer: P('faqAnswer', 5000), publish: true, group: 'basics' },
    }),
    200,
  );

  return {
    business,
    businessId,
    influencer,
    influencerId,
    admin,
    visitor,
    campaignId: campaign.id,
    rejectedCampaignId: rejected.id,
    offerId: accepted.id,
    rejectedOfferId: refused.id,
    conversationId: accepted.conversationId,
    collaborationId,
    reportId: report.id,
    suspendedId,
  };
}
