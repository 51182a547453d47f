import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  amendments,
  campaigns,
  deliverableProofs,
  faqQuestionAskers,
  faqQuestions,
  insights,
  invitations,
  messages,
  offers,
  portfolioItems,
  reportMessages,
  reports,
  reviews,
  uploads,
  users,
} from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { browser, type TestResponse } from '../client.ts';
import {
  buildBusinessWithProfile,
  buildPublishedCampaign,
  completeCampaign,
} from '../factories/campaigns.ts';
import {
  buildCollaboration,
  buildCompletedCollaboration,
  collaborationUrl,
} from '../factories/collaborations.ts';
import { buildConversation, newClientId } from '../factories/conversations.ts';
import { buildReadyInfluencer } from '../factories/influencers.ts';
import { offerBody } from '../factories/offers.ts';
import { makePng, multipart, uploadImage } from '../factories/uploads.ts';
import { PASSWORD, uniqueEmail } from '../factories/users.ts';

/** A double-clicked submit: the same request, twice, at the same moment, from the same browser. On
 * PostgreSQL both really run at once; on PGlite they queue. Either way a form that means one row
 * leaves one row: the second click is answered with the same row (idempotent) or 409. A create that
 * carries an Idempotency-Key answers every repeat like the first (decision 017). */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t?.close());

const count = async (rows: Promise<{ n: number }[]>) => (await rows)[0]?.n ?? -1;
const n = sql<number>`count(*)::int`;

const twice = <T>(send: () => Promise<T>) => Promise.all([send(), send()]);

/** A create with an Idempotency-Key is idempotent: every repeat answers like the first, with the
 * same row (so a double click or a retry after a lost answer never shows an error). */
function sameRow(answers: TestResponse[], ok: number, idOf: (r: TestResponse) => unknown) {
  expect(
    answers.map((a) => a.status),
    answers.map((a) => a.text).join('\n'),
  ).toEqual(answers.map(() => ok));
  expect(new Set(answers.map(idOf)).size, 'every repeat names the first row').toBe(1);
}

describe('double-clicked submits leave one row', () => {
  it('register: one account, the second click 409', async () => {
    const email = uniqueEmail('double');
    const client = browser(t.app);
    const body = { email, password: PASSWORD, role: 'business', name: 'Double Click Roasters' };
    const answers = await twice(() => client.post('/api/v1/auth/register', body));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const rows = t.ctx.db
      .select({ n })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email));
    expect(await count(rows)).toBe(1);
  });

  it('campaign create with one Idempotency-Key: one draft', async () => {
    const owner = await buildBusinessWithProfile(t.app);
    const headers = { 'idempotency-key': newClientId() };
    const answers = await twice(() =>
      owner.client.post('/api/v1/campaigns', completeCampaign(), { headers }),
    );
    // A retry after the answers (a lost response) gets the same draft too.
    answers.push(await owner.client.post('/api/v1/campaigns', completeCampaign(), { headers }));
    sameRow(answers, 201, (a) => (a.body as { campaign?: { id: string } }).campaign?.id);
    const rows = t.ctx.db.select({ n }).from(campaigns).where(eq(campaigns.ownerId, owner.user.id));
    expect(await count(rows)).toBe(1);
  });

  it('campaign duplicate with one Idempotency-Key: one copy', async () => {
    const { owner, campaign } = await buildPublishedCampaign(t.app);
    const headers = { 'idempotency-key': newClientId() };
    const url = `/api/v1/campaigns/${campaign.id}/duplicate`;
    const answers = await twice(() => owner.client.post(url, {}, { headers }));
    answers.push(await owner.client.post(url, {}, { headers }));
    sameRow(answers, 201, (a) => (a.body as { campaign?: { id: string } }).campaign?.id);
    const rows = t.ctx.db.select({ n }).from(campaigns).where(eq(campaigns.ownerId, owner.user.id));
    expect(await count(rows)).toBe(2);
  });

  it('a malformed Idempotency-Key is refused 400, nothing stored', async () => {
    const owner = await buildBusinessWithProfile(t.app);
    const headers = { 'idempotency-key': 'bad key with spaces' };
    const res = await owner.client.post('/api/v1/campaigns', completeCampaign(), { headers });
    expect(res.status).toBe(400);
    expect(res.body.error?.details?.fields).toEqual([
      expect.objectContaining({ path: 'Idempotency-Key', code: 'idempotency_key_invalid' }),
    ]);
    expect(res.body.error?.details?.fields?.[0]?.message).toMatch(/Idempotency-Key header must be/);
    const rows = t.ctx.db.select({ n }).from(campaigns).where(eq(campaigns.ownerId, owner.user.id));
    expect(await count(rows)).toBe(0);
  });

  it('offer send: one offer, the second click 409 ALREADY_OFFERED', async () => {
    const { campaign } = await buildPublishedCampaign(t.app);
    const influencer = await buildReadyInfluencer(t.app);
    const body = offerBody(campaign);
    const answers = await twice(() =>
      influencer.client.post(`/api/v1/campaigns/${campaign.id}/offers`, body),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const rows = t.ctx.db
      .select({ n })
      .from(offers)
      .where(and(eq(offers.campaignId, campaign.id), eq(offers.influencerId, influencer.user.id)));
    expect(await count(rows)).toBe(1);
  });

  it('invitation: one invitation, the second click 409', async () => {
    const { owner, campaign } = await buildPublishedCampaign(t.app);
    const influencer = await buildReadyInfluencer(t.app);
    const url = `/api/v1/influencers/${influencer.profile.handle}/invitations`;
    const body = { campaignId: campaign.id, message: 'We would love to work with you on this.' };
    const answers = await twice(() => owner.client.post(url, body));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const rows = t.ctx.db.select({ n }).from(invitations).where(eq(invitations.campaignId, campaign.id));
    expect(await count(rows)).toBe(1);
  });

  it('message with one clientId: one message, both answers name it', async () => {
    const { influencer, conversationId } = await buildConversation(t.app);
    const body = { body: 'Sent twice by a nervous finger', clientId: newClientId() };
    const url = `/api/v1/conversations/${conversationId}/messages`;
    const answers = await Promise.all(Array.from({ length: 5 }, () => influencer.client.post(url, body)));
    for (const a of answers) expect([200, 201], a.text).toContain(a.status);
    const ids = answers.map((a) => (a.body as { message?: { id: string } }).message?.id);
    expect(new Set(ids).size).toBe(1);
    const rows = t.ctx.db.select({ n }).from(messages).where(eq(messages.clientId, body.clientId));
    expect(await count(rows)).toBe(1);
  });

  it('report: one open report, the second click 409', async () => {
    const deal = await buildCollaboration(t.app);
    const body = {
      againstUserId: deal.influencer.user.id,
      collaborationId: deal.collaboration.id,
      category: 'not_delivered',
      description: 'The stories were never posted although the deadline passed a week ago.',
    };
    const answers = await twice(() => deal.owner.client.post('/api/v1/reports', body));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const rows = t.ctx.db.select({ n }).from(reports).where(eq(reports.reporterId, deal.owner.user.id));
    expect(await count(rows)).toBe(1);
  });

  it('report message with one Idempotency-Key: one message', async () => {
    const deal = await buildCollaboration(t.app);
    const filed = await deal.owner.client.post<{ report: { id: string } }>('/api/v1/reports', {
      againstUserId: deal.influencer.user.id,
      collaborationId: deal.collaboration.id,
      category: 'not_delivered',
      description: 'The stories were never posted although the deadline passed a week ago.',
    });
    expect(filed.status, filed.text).toBe(201);
    const id = filed.body.report.id;
    const headers = { 'idempotency-key': newClientId() };
    const url = `/api/v1/reports/${id}/messages`;
    const answers = await twice(() =>
      deal.owner.client.post(url, { body: 'Any news on this?' }, { headers }),
    );
    answers.push(await deal.owner.client.post(url, { body: 'Any news on this?' }, { headers }));
    sameRow(answers, 201, (a) => (a.body as { message?: { id: string } }).message?.id);
    const rows = t.ctx.db.select({ n }).from(reportMessages).where(eq(reportMessages.reportId, id));
    expect(await count(rows)).toBe(1);
  });

  it('review: one review, the second click 409', async () => {
    const { owner, collaboration } = await buildCompletedCollaboration(t.app);
    const body = { rating: 5, text: 'On time, great stories, easy to work with.' };
    const answers = await twice(() =>
      owner.client.post(collaborationUrl(collaboration.id, '/reviews'), body),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const rows = t.ctx.db.select({ n }).from(reviews).where(eq(reviews.collaborationId, collaboration.id));
    expect(await count(rows)).toBe(1);
  });

  it('amendment proposal: one pending amendment, the second click 409', async () => {
    const { owner, collaboration } = await buildCollaboration(t.app);
    const body = { changes: { priceAmount: 15_000 }, note: 'One more story.' };
    const answers = await twice(() =>
      owner.client.post(collaborationUrl(collaboration.id, '/amendments'), body),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const rows = t.ctx.db
      .select({ n })
      .from(amendments)
      .where(eq(amendments.collaborationId, collaboration.id));
    expect(await count(rows)).toBe(1);
  });

  it('proof: one proof for the line, the second click 409 or the same', async () => {
    const { influencer, collaboration } = await buildCollaboration(t.app);
    const line = collaboration.deliverables[0]?.id ?? '';
    const url = collaborationUrl(collaboration.id, `/deliverables/${line}/proof`);
    const body = { url: 'https://www.instagram.com/p/slow-mornings/', note: 'Live since 8:00.' };
    const answers = await twice(() => influencer.client.post(url, body));
    for (const a of answers) expect([200, 409], a.text).toContain(a.status);
    expect(answers.some((a) => a.status === 200)).toBe(true);
    const rows = t.ctx.db
      .select({ n })
      .from(deliverableProofs)
      .where(eq(deliverableProofs.deliverableId, line));
    expect(await count(rows)).toBe(1);
  });

  it('FAQ question: one question, one asker', async () => {
    const question = `Can I pay creators in crypto ${randomBytes(3).toString('hex')}?`;
    const visitor = browser(t.app, { ip: '10.9.0.1' });
    const body = { question, email: 'twice@example.test', locale: 'en', elapsedMs: 12_000 };
    const answers = await twice(() => visitor.post('/api/v1/faq/questions', body));
    for (const a of answers) expect(a.status, a.text).toBe(202);
    const [row] = await t.ctx.db.select().from(faqQuestions).where(eq(faqQuestions.question, question));
    expect(row).toBeDefined();
    const askers = t.ctx.db
      .select({ n })
      .from(faqQuestionAskers)
      .where(eq(faqQuestionAskers.questionId, row?.id ?? ''));
    expect(await count(askers)).toBe(1);
  });

  it('upload with one Idempotency-Key: one stored file', async () => {
    const influencer = await buildReadyInfluencer(t.app);
    const png = await makePng(40, 40);
    const form = multipart(png, 'photo.png', 'image/png');
    const headers = { ...form.headers, 'idempotency-key': newClientId() };
    const mine = () =>
      count(t.ctx.db.select({ n }).from(uploads).where(eq(uploads.ownerId, influencer.user.id)));
    const [rowsBefore, filesBefore] = [await mine(), (await readdir(t.config.uploadsDir)).length];
    const answers = await twice(() =>
      influencer.client.post('/api/v1/uploads', undefined, { raw: form.raw, headers }),
    );
    answers.push(await influencer.client.post('/api/v1/uploads', undefined, { raw: form.raw, headers }));
    sameRow(answers, 201, (a) => (a.body as { id?: string }).id);
    expect(await mine()).toBe(rowsBefore + 1);
    // The repeats' images and thumbnails were removed: one upload's two files remain.
    expect((await readdir(t.config.uploadsDir)).length).toBe(filesBefore + 2);
  });
  it('portfolio item with one Idempotency-Key: one item, every repeat names it', async () => {
    const influencer = await buildReadyInfluencer(t.app);
    const image = await uploadImage(influencer.client);
    const url = '/api/v1/influencer-profile/portfolio';
    const body = { title: 'Winter market in Bratislava', uploadIds: [image.id] };
    const headers = { 'idempotency-key': newClientId() };
    const mine = () =>
      count(t.ctx.db.select({ n }).from(portfolioItems).where(eq(portfolioItems.userId, influencer.user.id)));
    const before = await mine();
    const answers = await twice(() => influencer.client.post(url, body, { headers }));
    answers.push(await influencer.client.post(url, body, { headers }));
    sameRow(answers, 201, (a) => (a.body as { item?: { id: string } }).item?.id);
    expect(await mine()).toBe(before + 1);
  });

  it('insight with one Idempotency-Key: one insight, every repeat names it', async () => {
    const influencer = await buildReadyInfluencer(t.app);
    const account = influencer.profile.socialAccounts[0];
    if (!account) throw new Error('the ready influencer has a social account');
    const shot = await uploadImage(influencer.client);
    const url = '/api/v1/influencer-profile/insights';
    const body = {
      socialAccountId: account.id,
      asOf: '2026-02-28',
      periodDays: 28,
      reach: 52_000,
      uploadIds: [shot.id],
    };
    const headers = { 'idempotency-key': newClientId() };
    const mine = () =>
      count(t.ctx.db.select({ n }).from(insights).where(eq(insights.userId, influencer.user.id)));
    const before = await mine();
    const answers = await twice(() => influencer.client.post(url, body, { headers }));
    answers.push(await influencer.client.post(url, body, { headers }));
    sameRow(answers, 201, (a) => (a.body as { insight?: { id: string } }).insight?.id);
    expect(await mine()).toBe(before + 1);
  });
});
