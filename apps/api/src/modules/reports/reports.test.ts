import type { Report, ReportMessage, ReportSummary } from '@bextr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildAdmin } from '../../test/factories/admins.ts';
import { buildBusinessWithProfile } from '../../test/factories/campaigns.ts';
import { buildCollaboration, readCollaboration } from '../../test/factories/collaborations.ts';
import { buildConversation } from '../../test/factories/conversations.ts';
import { buildReadyInfluencer } from '../../test/factories/influencers.ts';
import { uploadImage } from '../../test/factories/uploads.ts';
import type { TestUser } from '../../test/factories/users.ts';
import { readMail } from '../../test/mail.ts';
import { createReportLimit } from './policy.ts';

type ReportBody = { report: Report };
type Notifications = { items: { kind: string; reportId: string | null; note: string | null }[] };

let t: TestApp;
let deal: Awaited<ReturnType<typeof buildCollaboration>>;
let admin: TestUser;
let stranger: TestUser;

const description = 'The three stories were never posted, although the deadline passed a week ago.';

beforeAll(async () => {
  t = await createTestApp();
  deal = await buildCollaboration(t.app);
  admin = await buildAdmin(t.app);
  stranger = await buildReadyInfluencer(t.app);
}, 180_000);
afterAll(() => t?.close());

const fileReport = (user: TestUser, body: Record<string, unknown>) =>
  user.client.post<ReportBody>('/api/v1/reports', body);

describe('filing a report: refusals', () => {
  it('refuses a report without a description, or with one too short, with field messages', async () => {
    const base = { againstUserId: deal.influencer.user.id, category: 'not_delivered' };
    const none = await fileReport(deal.owner, base);
    expect(none.status).toBe(400);
    expect(none.body.report).toBeUndefined();
    const fields = (none.body as unknown as { error: { details: { fields: { path: string }[] } } }).error
      .details.fields;
    expect(fields.map((f) => f.path)).toContain('description');
    const blank = await fileReport(deal.owner, { ...base, description: '        ' });
    expect(blank.status).toBe(400);
    const long = await fileReport(deal.owner, { ...base, description: 'x'.repeat(5001) });
    expect(long.status).toBe(400);
  });

  it('refuses an unknown category and unknown fields', async () => {
    const base = { againstUserId: deal.influencer.user.id, description };
    expect((await fileReport(deal.owner, { ...base, category: 'rude' })).status).toBe(400);
    expect((await fileReport(deal.owner, { ...base, category: 'late', urgent: true })).status).toBe(400);
  });

  it('refuses reporting yourself (400), an admin (403), and admins filing reports (403)', async () => {
    const self = await fileReport(deal.owner, {
      againstUserId: deal.owner.user.id,
      category: 'fraud',
      description,
    });
    expect(self.status).toBe(400);
    expect(JSON.stringify(self.body)).toContain('You cannot report yourself.');
    const againstAdmin = await fileReport(deal.owner, {
      againstUserId: admin.user.id,
      category: 'fraud',
      description,
    });
    expect(againstAdmin.status).toBe(403);
    const byAdmin = await fileReport(admin, {
      againstUserId: deal.owner.user.id,
      category: 'fraud',
      description,
    });
    expect(byAdmin.status).toBe(403);
    expect(
      (await browser(t.app).post('/api/v1/reports', { againstUserId: 'x', category: 'late', description }))
        .status,
    ).toBe(401);
  });

  it('answers 404 for someone the reporter never dealt with, and for a collaboration or thread not theirs', async () => {
    const never = await fileReport(stranger, {
      againstUserId: deal.owner.user.id,
      category: 'harassment',
      description,
    });
    expect(never.status).toBe(404);
    const notMine = await fileReport(stranger, {
      againstUserId: deal.owner.user.id,
      collaborationId: deal.collaboration.id,
      category: 'harassment',
      description,
    });
    expect(notMine.status).toBe(404);
    const threadNotMine = await fileReport(stranger, {
      againstUserId: deal.owner.user.id,
      conversationId: deal.offer.conversationId,
      category: 'harassment',
      description,
    });
    expect(threadNotMine.status).toBe(404);
    // The right collaboration but the wrong person: not someone the reporter dealt with there.
    const wrongPerson = await fileReport(deal.owner, {
      againstUserId: stranger.user.id,
      collaborationId: deal.collaboration.id,
      category: 'harassment',
      description,
    });
    expect(wrongPerson.status).toBe(404);
    const unknown = await fileReport(deal.owner, {
      againstUserId: deal.influencer.user.id,
      collaborationId: 'no-such-collaboration',
      category: 'late',
      description,
    });
    expect(unknown.status).toBe(404);
  });

  it("refuses evidence that is not the reporter's own upload", async () => {
    const theirs = await uploadImage(stranger.client);
    const res = await fileReport(deal.owner, {
      againstUserId: deal.influencer.user.id,
      collaborationId: deal.collaboration.id,
      category: 'not_delivered',
      description,
      evidenceUploadIds: [theirs.id],
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('evidenceUploadIds.0');
    expect((await readCollaboration(deal.owner, deal.collaboration.id)).status).toBe('active');
  });
});

describe('a report about a collaboration', () => {
  let report: Report;
  let evidenceId: string;

  beforeAll(async () => {
    evidenceId = (await uploadImage(deal.owner.client)).id;
    const res = await fileReport(deal.owner, {
      againstUserId: deal.influencer.user.id,
      collaborationId: deal.collaboration.id,
      category: 'not_delivered',
      description: `  ${description}  `,
      evidenceUploadIds: [evidenceId],
    });
    expect(res.status).toBe(201);
    report = res.body.report;
  });

  it('is open, on the reporter side, with the evidence, and disputes the collaboration', async () => {
    expect(report).toMatchObject({
      side: 'reporter',
      status: 'open',
      category: 'not_delivered',
      description,
      collaborationId: deal.collaboration.id,
      conversationId: deal.offer.conversationId,
      reporter: { id: deal.owner.user.id, role: 'business' },
      against: { id: deal.influencer.user.id, role: 'influencer' },
      campaign: { id: deal.campaign.id, name: deal.campaign.name },
      outcome: null,
    });
    expect(report.evidence.map((e) => e.id)).toEqual([evidenceId]);
    const c = await readCollaboration(deal.influencer, deal.collaboration.id);
    expect(c.status).toBe('disputed');
  });

  it('a second open report about it by the same reporter is 409', async () => {
    const again = await fileReport(deal.owner, {
      againstUserId: deal.influencer.user.id,
      category: 'late',
      description,
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'REPORT_ALREADY_OPEN' } });
  });

  it('tells the reported party in-app and by e-mail, with a link to the report', async () => {
    const list = await deal.influencer.client.get<Notifications>('/api/v1/notifications');
    expect(list.body.items[0]).toMatchObject({ kind: 'report_opened', reportId: report.id });
    const mail = (await readMail(t.app, deal.influencer.email)).find((m) =>
      m.subject.includes('reported a problem'),
    );
    expect(mail?.text).toContain(`/reports/${report.id}`);
    expect(mail?.text).not.toContain(deal.owner.email);
  });

  it('the reported party sees category and description, but not the evidence or any e-mail', async () => {
    const res = await deal.influencer.client.get<ReportBody>(`/api/v1/reports/${report.id}`);
    expect(res.status).toBe(200);
    expect(res.body.report).toMatchObject({ side: 'reported', category: 'not_delivered', description });
    expect(res.body.report.evidence).toEqual([]);
    expect(res.text).not.toContain(deal.owner.email);
    expect(res.text).not.toContain(evidenceId);
    // Nor may it load the evidence image itself.
    expect((await deal.influencer.client.get(`/api/v1/uploads/${evidenceId}`)).status).toBe(404);
    expect((await deal.owner.client.get(`/api/v1/uploads/${evidenceId}`)).status).toBe(200);
  });

  it('is 404 to a stranger, another business and the visitor gets 401', async () => {
    expect((await stranger.client.get(`/api/v1/reports/${report.id}`)).status).toBe(404);
    const otherBusiness = await buildBusinessWithProfile(t.app);
    expect((await otherBusiness.client.get(`/api/v1/reports/${report.id}`)).status).toBe(404);
    expect(
      (await otherBusiness.client.post(`/api/v1/reports/${report.id}/messages`, { body: 'Hi' })).status,
    ).toBe(404);
    expect((await browser(t.app).get(`/api/v1/reports/${report.id}`)).status).toBe(401);
    expect((await stranger.client.get(`/api/v1/uploads/${evidenceId}`)).status).toBe(404);
  });

  it('lists it for both parties, marked as filed or against me', async () => {
    const mine = await deal.owner.client.get<{ items: ReportSummary[] }>('/api/v1/reports/mine');
    expect(mine.body.items.find((r) => r.id === report.id)?.side).toBe('reporter');
    const theirs = await deal.influencer.client.get<{ items: ReportSummary[] }>('/api/v1/reports/mine');
    expect(theirs.body.items.find((r) => r.id === report.id)?.side).toBe('reported');
    expect(theirs.text).not.toContain(deal.owner.email);
    const none = await stranger.client.get<{ items: ReportSummary[] }>('/api/v1/reports/mine');
    expect(none.body.items).toEqual([]);
  });

  it("keeps each party's messages between it and the admins; an admin addresses one side or both", async () => {
    const post = (user: TestUser, body: Record<string, unknown>) =>
      user.client.post<{ message: ReportMessage }>(`/api/v1/reports/${report.id}/messages`, body);
    const fromReporter = await post(deal.owner, { body: 'They stopped answering in the thread.' });
    expect(fromReporter.status).toBe(201);
    expect(fromReporter.body.message).toMatchObject({
      authorRole: 'reporter',
      visibleTo: 'reporter',
      mine: true,
    });
    const fromReported = await post(deal.influencer, { body: 'I was ill, the posts go live on Monday.' });
    expect(fromReported.status).toBe(201);
    // A party cannot choose the audience.
    const chosen = await post(deal.influencer, { body: 'For everyone', visibleTo: 'all' });
    expect(chosen.status).toBe(400);
    expect((await post(deal.influencer, { body: '   ' })).status).toBe(400);
    const toReported = await post(admin, { body: 'Please send the drafts you have.', visibleTo: 'reported' });
    expect(toReported.status).toBe(201);
    const toAll = await post(admin, { body: 'We are looking into this.' });
    expect(toAll.body.message.visibleTo).toBe('all');

    const reporterView = await deal.owner.client.get<ReportBody>(`/api/v1/reports/${report.id}`);
    expect(reporterView.body.report.messages.map((m) => m.body)).toEqual([
      'They stopped answering in the thread.',
      'We are looking into this.',
    ]);
    const reportedView = await deal.influencer.client.get<ReportBody>(`/api/v1/reports/${report.id}`);
    expect(reportedView.body.report.messages.map((m) => m.body)).toEqual([
      'I was ill, the posts go live on Monday.',
      'Please send the drafts you have.',
      'We are looking into this.',
    ]);
    // The admin is "the BeXtr team" to the parties.
    expect(reportedView.body.report.messages.at(-1)).toMatchObject({ authorRole: 'admin', authorName: null });

    const told = await deal.influencer.client.get<Notifications>('/api/v1/notifications');
    expect(
      told.body.items.filter((n) => n.kind === 'report_updated' && n.reportId === report.id),
    ).toHaveLength(2);
    const reporterTold = await deal.owner.client.get<Notifications>('/api/v1/notifications');
    expect(reporterTold.body.items.filter((n) => n.kind === 'report_updated')).toHaveLength(1);
  });
});

describe('a report about an offer thread without a collaboration', () => {
  it('is filed against the business of a pending offer, found by the two parties alone', async () => {
    const thread = await buildConversation(t.app);
    const res = await fileReport(thread.influencer, {
      againstUserId: thread.owner.user.id,
      category: 'harassment',
      description: 'The business keeps sending me rude messages about my pitch.',
    });
    expect(res.status).toBe(201);
    expect(res.body.report).toMatchObject({
      collaborationId: null,
      conversationId: thread.conversationId,
      against: { id: thread.owner.user.id, role: 'business' },
    });
    const again = await fileReport(thread.influencer, {
      againstUserId: thread.owner.user.id,
      conversationId: thread.conversationId,
      category: 'other',
      description: 'And once more, with the thread named this time.',
    });
    expect(again.status).toBe(409);
  });

  it('is rate limited per reporter (429 with Retry-After)', async () => {
    const thread = await buildConversation(t.app);
    // Use up the hour's allowance (times the test's RATE_LIMIT_SCALE) as earlier reports would have.
    const allowance = Math.floor(createReportLimit.max * t.config.rateLimitScale);
    for (let i = 0; i < allowance; i += 1)
      await t.ctx.limiter.hit(createReportLimit, `report:${thread.influencer.user.id}`);
    const limited = await thread.influencer.client.post('/api/v1/reports', {
      againstUserId: thread.owner.user.id,
      category: 'other',
      description: 'One report too many within the hour.',
    });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    // Another user is not affected.
    const other = await fileReport(thread.owner, {
      againstUserId: thread.influencer.user.id,
      category: 'other',
      description: 'The business files its own report about the same thread.',
    });
    expect(other.status).toBe(201);
  });
});
