import type { AddressInfo } from 'node:net';
import type { AdminReportListItem, EvidencePack, Report } from '@bextr/contracts';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildAdmin } from '../../test/factories/admins.ts';
import {
  buildCollaboration,
  buildCompletedCollaboration,
  readCollaboration,
  submitProof,
} from '../../test/factories/collaborations.ts';
import { buildConversation, postMessage } from '../../test/factories/conversations.ts';
import { uploadImage } from '../../test/factories/uploads.ts';
import type { TestUser } from '../../test/factories/users.ts';
import { readMail } from '../../test/mail.ts';
import { openSse } from '../../test/sse.ts';

type PackBody = { pack: EvidencePack };
type QueueBody = { items: AdminReportListItem[]; nextCursor: string | null; openCount: number };

let t: TestApp;
let baseUrl: string;
let admin: TestUser;
let deal: Awaited<ReturnType<typeof buildCollaboration>>;
let report: Report;
let ids: { evidence: string; attachment: string; proof: string };

const fileReport = async (user: TestUser, body: Record<string, unknown>) => {
  const res = await user.client.post<{ report: Report }>('/api/v1/reports', {
    category: 'not_delivered',
    description: 'Nothing was delivered although the dates have passed.',
    ...body,
  });
  if (res.status !== 201) throw new Error(`filing a report answered ${res.status}: ${res.text}`);
  return res.body.report;
};
const resolve = (user: TestUser, id: string, body: Record<string, unknown>) =>
  user.client.post<PackBody>(`/api/v1/admin/reports/${id}/resolve`, body);
const auditOf = (subjectId: string) =>
  t.ctx.db.select().from(auditLog).where(eq(auditLog.subjectId, subjectId)).orderBy(desc(auditLog.createdAt));

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  admin = await buildAdmin(t.app);
  deal = await buildCollaboration(t.app);
  const attachment = await uploadImage(deal.owner.client);
  await postMessage(deal.owner.client, deal.offer.conversationId, {
    body: 'Where are the stories?',
    attachmentIds: [attachment.id],
  });
  await postMessage(deal.influencer.client, deal.offer.conversationId, { body: 'Soon, promise.' });
  const proof = await uploadImage(deal.influencer.client);
  const line = deal.collaboration.deliverables[0];
  if (!line) throw new Error('no deliverable');
  await submitProof(deal.influencer, deal.collaboration, line.id, { uploadIds: [proof.id] });
  const evidence = await uploadImage(deal.owner.client);
  ids = { evidence: evidence.id, attachment: attachment.id, proof: proof.id };
  report = await fileReport(deal.owner, {
    againstUserId: deal.influencer.user.id,
    collaborationId: deal.collaboration.id,
    evidenceUploadIds: [evidence.id],
  });
}, 180_000);
afterAll(() => t?.close());

describe('admin reports routes refuse everyone but admins', () => {
  it('401 for visitors and 403 for businesses and influencers, on every admin route', async () => {
    const visitor = browser(t.app);
    const routes = [
      ['GET', '/api/v1/admin/reports'],
      ['GET', `/api/v1/admin/reports/${report.id}`],
      ['POST', `/api/v1/admin/reports/${report.id}/resolve`],
    ] as const;
    const body = { outcome: 'dismissed', note: 'Not enough evidence.' };
    for (const [method, url] of routes) {
      expect((await visitor.request(method, url, method === 'POST' ? body : undefined)).status).toBe(401);
      for (const party of [deal.owner, deal.influencer]) {
        const res = await party.client.request(method, url, method === 'POST' ? body : undefined);
        expect(res.status).toBe(403);
      }
    }
    // Even a malformed body or query gets the role answer first.
    expect((await deal.owner.client.post(`/api/v1/admin/reports/${report.id}/resolve`, {})).status).toBe(403);
    expect((await deal.owner.client.get('/api/v1/admin/reports?status=nonsense')).status).toBe(403);
    // Nothing happened to the report.
    const pack = await admin.client.get<PackBody>(`/api/v1/admin/reports/${report.id}`);
    expect(pack.body.pack.report.status).toBe('open');
  });

  it('an admin reads no thread outside a report: an unreported thread and its images stay 404', async () => {
    const other = await buildConversation(t.app);
    const image = await uploadImage(other.owner.client);
    await postMessage(other.owner.client, other.conversationId, { body: 'Hi', attachmentIds: [image.id] });
    expect((await admin.client.get(`/api/v1/conversations/${other.conversationId}`)).status).toBe(404);
    expect((await admin.client.get(`/api/v1/uploads/${image.id}`)).status).toBe(404);
    expect((await admin.client.get(`/api/v1/admin/reports/no-such-report`)).status).toBe(404);
  });
});

describe('the evidence pack', () => {
  it('holds the report, both parties with their history, the agreement, proofs and the whole thread', async () => {
    const res = await admin.client.get<PackBody>(`/api/v1/admin/reports/${report.id}`);
    expect(res.status).toBe(200);
    const { pack } = res.body;
    expect(pack.report).toMatchObject({
      id: report.id,
      status: 'open',
      category: 'not_delivered',
      description: 'Nothing was delivered although the dates have passed.',
    });
    expect(pack.report.evidence.map((e) => e.id)).toEqual([ids.evidence]);
    expect(pack.reporter).toMatchObject({
      id: deal.owner.user.id,
      role: 'business',
      email: deal.owner.email,
      status: 'active',
      collaborationsCount: 1,
      rating: { average: null, count: 0 },
    });
    expect(pack.against).toMatchObject({ id: deal.influencer.user.id, email: deal.influencer.email });
    expect(pack.campaign).toEqual({ id: deal.campaign.id, name: deal.campaign.name });
    expect(pack.collaboration).toMatchObject({
      id: deal.collaboration.id,
      status: 'disputed',
      statusBeforeDispute: 'active',
      agreement: { campaignName: deal.campaign.name, price: { amount: 14_000, currency: 'EUR' } },
    });
    const proofs = pack.collaboration?.deliverables.flatMap((d) => d.proofs) ?? [];
    expect(proofs.map((p) => p.images.map((i) => i.id))).toEqual([[ids.proof]]);
    expect(pack.collaboration?.deliverables[0]).toMatchObject({ type: 'story', network: 'instagram' });
    expect(pack.thread?.messages.map((m) => m.body)).toEqual(['Where are the stories?', 'Soon, promise.']);
    expect(pack.thread?.messages[0]?.attachments.map((a) => a.id)).toEqual([ids.attachment]);
    expect(pack.offer?.pitch).toContain('Tatras');
  });

  it("lets the admin load the report's images: evidence, thread attachments and proofs", async () => {
    for (const id of Object.values(ids)) {
      expect((await admin.client.get(`/api/v1/uploads/${id}`)).status).toBe(200);
      expect((await admin.client.get(`/api/v1/uploads/${id}?size=thumb`)).status).toBe(200);
    }
  });

  it("shows each party's earlier reports and warnings", async () => {
    // An earlier report against the influencer by another business, resolved with a warning.
    const earlier = await buildCollaboration(t.app, { influencer: deal.influencer } as never);
    const first = await fileReport(earlier.owner, {
      againstUserId: deal.influencer.user.id,
      collaborationId: earlier.collaboration.id,
      category: 'late',
    });
    const warned = await resolve(admin, first.id, { outcome: 'warning', note: 'Deliver on time next time.' });
    expect(warned.status).toBe(200);
    const { pack } = (await admin.client.get<PackBody>(`/api/v1/admin/reports/${report.id}`)).body;
    expect(pack.against.reportsAgainst).toEqual([
      expect.objectContaining({ id: first.id, category: 'late', status: 'resolved', outcome: 'warning' }),
    ]);
    expect(pack.against.warnings).toEqual([
      expect.objectContaining({ action: 'user.warn', reason: 'Deliver on time next time.' }),
    ]);
    expect(pack.against.collaborationsCount).toBe(2);
    expect(pack.reporter.reportsFiled).toEqual([]);
    // The warned party was told, with the admin's note.
    const n = await deal.influencer.client.get<{ items: { kind: string; note: string | null }[] }>(
      '/api/v1/notifications',
    );
    expect(n.body.items[0]).toMatchObject({ kind: 'account_warned', note: 'Deliver on time next time.' });
    expect(n.body.items.filter((i) => i.kind === 'report_resolved')).toEqual([]);
    const reporterTold = await earlier.owner.client.get<{ items: { kind: string; note: string | null }[] }>(
      '/api/v1/notifications',
    );
    expect(reporterTold.body.items[0]).toMatchObject({
      kind: 'report_resolved',
      note: 'Deliver on time next time.',
    });
    const entries = await auditOf(deal.influencer.user.id);
    expect(entries.map((e) => e.action)).toContain('user.warn');
  }, 120_000);
});

describe('the queue', () => {
  it('lists open reports first, filters by status and category, and pages', async () => {
    const all = await admin.client.get<QueueBody>('/api/v1/admin/reports');
    expect(all.status).toBe(200);
    const statuses = all.body.items.map((r) => r.status);
    expect(statuses.indexOf('resolved')).toBeGreaterThan(statuses.lastIndexOf('open'));
    expect(all.body.openCount).toBe(statuses.filter((s) => s === 'open').length);
    const mine = all.body.items.find((r) => r.id === report.id);
    expect(mine).toMatchObject({
      reporter: { email: deal.owner.email },
      against: { email: deal.influencer.email },
      collaborationStatus: 'disputed',
    });
    const resolved = await admin.client.get<QueueBody>('/api/v1/admin/reports?status=resolved');
    expect(resolved.body.items.every((r) => r.status === 'resolved')).toBe(true);
    const late = await admin.client.get<QueueBody>('/api/v1/admin/reports?category=late');
    expect(late.body.items.map((r) => r.category)).toEqual(['late']);
    expect((await admin.client.get('/api/v1/admin/reports?category=rude')).status).toBe(400);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: QueueBody } = await admin.client.get<QueueBody>(
        `/api/v1/admin/reports?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((r) => r.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((r) => r.id));
  });
});

describe('resolving', () => {
  it('needs a note and a known outcome', async () => {
    expect((await resolve(admin, report.id, { outcome: 'warning' })).status).toBe(400);
    expect((await resolve(admin, report.id, { outcome: 'warning', note: '  ' })).status).toBe(400);
    expect((await resolve(admin, report.id, { outcome: 'ban', note: 'No.' })).status).toBe(400);
    expect((await resolve(admin, 'no-such-report', { outcome: 'dismissed', note: 'No.' })).status).toBe(404);
  });

  it('keeps the collaboration disputed while another open report holds it, then restores its state', async () => {
    const counter = await fileReport(deal.influencer, {
      againstUserId: deal.owner.user.id,
      collaborationId: deal.collaboration.id,
      category: 'payment_not_provided',
    });
    const first = await resolve(admin, counter.id, {
      outcome: 'dismissed',
      note: 'The payment was not due yet.',
    });
    expect(first.status).toBe(200);
    expect(first.body.pack.report).toMatchObject({ status: 'resolved', outcome: 'dismissed' });
    expect((await readCollaboration(deal.owner, deal.collaboration.id)).status).toBe('disputed');
    // Twice: 409.
    expect((await resolve(admin, counter.id, { outcome: 'dismissed', note: 'Again.' })).status).toBe(409);
    const entries = await auditOf(counter.id);
    expect(entries.map((e) => [e.action, e.actorId, e.reason])).toEqual([
      ['report.resolve', admin.user.id, 'The payment was not due yet.'],
    ]);
  });

  it('takes a completed collaboration to disputed and back to completed', async () => {
    const done = await buildCompletedCollaboration(t.app);
    const filed = await fileReport(done.influencer, {
      againstUserId: done.owner.user.id,
      collaborationId: done.collaboration.id,
      category: 'payment_not_provided',
    });
    expect((await readCollaboration(done.owner, done.collaboration.id)).status).toBe('disputed');
    const pack = await admin.client.get<PackBody>(`/api/v1/admin/reports/${filed.id}`);
    expect(pack.body.pack.collaboration).toMatchObject({
      status: 'disputed',
      statusBeforeDispute: 'completed',
    });
    expect((await resolve(admin, filed.id, { outcome: 'dismissed', note: 'Paid meanwhile.' })).status).toBe(
      200,
    );
    expect((await readCollaboration(done.owner, done.collaboration.id)).status).toBe('completed');
  }, 120_000);

  it('with a suspension: the live stream ends, the session is gone, sign-in is refused; both are told', async () => {
    const post = await admin.client.post(`/api/v1/reports/${report.id}/messages`, {
      body: 'We will decide today.',
      visibleTo: 'all',
    });
    expect(post.status).toBe(201);
    const cookie = `${deal.influencer.client.sessionCookieName}=${deal.influencer.client.sessionCookie}`;
    const stream = await openSse(baseUrl, { cookie });
    expect(stream.status).toBe(200);

    const res = await resolve(admin, report.id, {
      outcome: 'suspension',
      note: 'Took the money, never delivered.',
    });
    expect(res.status).toBe(200);
    expect(res.body.pack.report).toMatchObject({ status: 'resolved', outcome: 'suspension' });
    expect(res.body.pack.against).toMatchObject({
      status: 'suspended',
      suspensionReason: 'Took the money, never delivered.',
    });
    await stream.ended;

    expect((await deal.influencer.client.get('/api/v1/auth/me')).status).toBe(401);
    const again = await browser(t.app).post('/api/v1/auth/login', {
      email: deal.influencer.email,
      password: deal.influencer.password,
    });
    expect(again.status).toBe(403);
    expect(again.body).toMatchObject({ error: { code: 'ACCOUNT_SUSPENDED' } });

    // The suspended party is told by e-mail, with the note as the reason.
    const mails = await readMail(t.app, deal.influencer.email);
    expect(mails.some((m) => m.text.includes('Took the money, never delivered.'))).toBe(true);

    // The collaboration is back where it was before the dispute.
    expect((await readCollaboration(deal.owner, deal.collaboration.id)).status).toBe('active');
    const told = await deal.owner.client.get<{ items: { kind: string; reportId: string | null }[] }>(
      '/api/v1/notifications',
    );
    expect(told.body.items[0]).toMatchObject({ kind: 'report_resolved', reportId: report.id });
    const view = await deal.owner.client.get<{ report: Report }>(`/api/v1/reports/${report.id}`);
    expect(view.body.report).toMatchObject({
      status: 'resolved',
      outcome: 'suspension',
      resolutionNote: 'Took the money, never delivered.',
    });

    const onReport = await auditOf(report.id);
    expect(onReport.map((e) => e.action).sort()).toEqual(['report.message', 'report.resolve']);
    const [suspension] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, deal.influencer.user.id), eq(auditLog.action, 'user.suspend')));
    expect(suspension).toMatchObject({ actorId: admin.user.id, details: { reportId: report.id } });
    // A resolved report takes no more messages, from anyone.
    expect(
      (await admin.client.post(`/api/v1/reports/${report.id}/messages`, { body: 'Late word' })).status,
    ).toBe(409);
    expect(
      (await deal.owner.client.post(`/api/v1/reports/${report.id}/messages`, { body: 'Thanks' })).status,
    ).toBe(409);
  }, 60_000);
});
