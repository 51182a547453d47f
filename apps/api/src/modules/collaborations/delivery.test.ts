import type { Notification } from '@bextr/contracts';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveEvents, notifications } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildAdmin } from '../../test/factories/admins.ts';
import { buildBusinessWithProfile } from '../../test/factories/campaigns.ts';
import {
  buildCollaboration,
  type CollaborationResponse,
  collaborationUrl,
  readCollaboration,
  submitProof,
} from '../../test/factories/collaborations.ts';
import { buildReadyInfluencer } from '../../test/factories/influencers.ts';
import { uploadImage } from '../../test/factories/uploads.ts';
import type { TestUser } from '../../test/factories/users.ts';
import { readMail } from '../../test/mail.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const line = (id: string, lineId: string, verb: string) =>
  collaborationUrl(id, `/deliverables/${lineId}/${verb}`);
const kindsOf = async (user: TestUser) =>
  (await user.client.get<{ items: Notification[] }>('/api/v1/notifications')).body.items.map((n) => n.kind);
const collaborationEvents = async (userId: string) =>
  (
    await t.ctx.db
      .select({ type: liveEvents.type, data: liveEvents.data })
      .from(liveEvents)
      .where(eq(liveEvents.userId, userId))
      .orderBy(asc(liveEvents.id))
  ).filter((e) => e.type === 'collaboration');

function ids(c: { deliverables: { id: string }[] }) {
  const [first, second] = c.deliverables;
  if (!first || !second) throw new Error('two lines expected');
  return [first.id, second.id] as const;
}

describe('refusals', () => {
  it('a visitor 401; the other role 403 before any lookup; a stranger of the right role 404', async () => {
    const { owner, influencer, collaboration: c } = await buildCollaboration(t.app);
    const [d1] = ids(c);
    const proof = { url: 'https://example.com/p' };
    const bodies = { proof, approve: undefined, 'request-changes': { note: 'Tag us.' } };
    for (const [verb, body] of Object.entries(bodies))
      expect((await browser(t.app).post(line(c.id, d1, verb), body)).status).toBe(401);
    // Proof from the business, approval or a changes request from the influencer: 403.
    const fromBusiness = await owner.client.post(line(c.id, d1, 'proof'), proof);
    expect(fromBusiness.status).toBe(403);
    expect(fromBusiness.body.error?.code).toBe('FORBIDDEN');
    expect((await owner.client.post(line('no-such', 'nope', 'proof'), proof)).status).toBe(403);
    expect((await influencer.client.post(line(c.id, d1, 'approve'))).status).toBe(403);
    expect((await influencer.client.post(line(c.id, d1, 'request-changes'), { note: 'x' })).status).toBe(403);
    const admin = await buildAdmin(t.app);
    expect((await admin.client.post(line(c.id, d1, 'proof'), proof)).status).toBe(403);
    expect((await admin.client.post(line(c.id, d1, 'approve'))).status).toBe(403);
    // Strangers of the right role: not found.
    const otherInfluencer = await buildReadyInfluencer(t.app);
    expect((await otherInfluencer.client.post(line(c.id, d1, 'proof'), proof)).status).toBe(404);
    const otherBusiness = await buildBusinessWithProfile(t.app);
    expect((await otherBusiness.client.post(line(c.id, d1, 'approve'))).status).toBe(404);
    // A line of another collaboration under this one's id: not found.
    const other = await buildCollaboration(t.app, { influencer });
    expect(
      (await influencer.client.post(line(c.id, ids(other.collaboration)[0], 'proof'), proof)).status,
    ).toBe(404);
    expect((await readCollaboration(owner, c.id)).deliverables[0]?.status).toBe('pending');
  });

  it('bad input: 400 with field paths (no link and no image, not http(s), unknown fields, someone else’s upload, an empty changes note)', async () => {
    const { owner, influencer, collaboration: c } = await buildCollaboration(t.app);
    const [d1] = ids(c);
    const cases: [unknown, string][] = [
      [{}, 'url'],
      [{ note: 'Posted!' }, 'url'],
      [{ url: 'javascript:alert(1)' }, 'url'],
      [{ url: 'ftp://example.com/post' }, 'url'],
      [{ url: 'https://example.com/p', extra: 1 }, ''],
      [{ url: 'https://example.com/p', note: 'x'.repeat(2001) }, 'note'],
      [{ uploadIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }, 'uploadIds'],
    ];
    for (const [body, path] of cases) {
      const res = await influencer.client.post(line(c.id, d1, 'proof'), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(
        res.body.error?.details?.fields?.map((f) => f.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    const empty = await influencer.client.post(line(c.id, d1, 'proof'), {});
    expect(empty.body.error?.details?.fields?.[0]?.message).toBe(
      'Add a link to the post or at least one screenshot.',
    );
    const foreign = await uploadImage(owner.client);
    const notMine = await influencer.client.post(line(c.id, d1, 'proof'), { uploadIds: [foreign.id] });
    expect(notMine.status).toBe(400);
    expect(notMine.body.error?.details?.fields?.[0]).toMatchObject({
      path: 'uploadIds.0',
      code: 'upload_unknown',
    });

    await submitProof(influencer, c, d1);
    for (const body of [{}, { note: '   ' }, { note: 'x'.repeat(2001) }]) {
      const res = await owner.client.post(line(c.id, d1, 'request-changes'), body);
      expect(res.status).toBe(400);
      expect(res.body.error?.details?.fields?.[0]?.path).toBe('note');
    }
    expect((await owner.client.post(line(c.id, d1, 'approve'), { note: 'fine' })).status).toBe(400);
    expect((await readCollaboration(owner, c.id)).deliverables[0]?.status).toBe('submitted');
  });

  it('wrong state: 409 (proof twice, approving a pending line, deciding twice)', async () => {
    const { owner, influencer, collaboration: c } = await buildCollaboration(t.app);
    const [d1] = ids(c);
    expect((await owner.client.post(line(c.id, d1, 'approve'))).status).toBe(409);
    expect((await owner.client.post(line(c.id, d1, 'request-changes'), { note: 'Why?' })).status).toBe(409);
    await submitProof(influencer, c, d1);
    const again = await influencer.client.post(line(c.id, d1, 'proof'), { url: 'https://example.com/2' });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('CONFLICT');
    expect((await owner.client.post(line(c.id, d1, 'approve'))).status).toBe(200);
    expect((await owner.client.post(line(c.id, d1, 'approve'))).status).toBe(409);
    expect((await owner.client.post(line(c.id, d1, 'request-changes'), { note: 'Late' })).status).toBe(409);
    expect(
      (await influencer.client.post(line(c.id, d1, 'proof'), { url: 'https://example.com/3' })).status,
    ).toBe(409);
  });
});

describe('delivery to completion', () => {
  it('proof → delivered; changes requested → active; resubmitted; all approved → completed; each step tells the other side', async () => {
    const { owner, influencer, collaboration: c } = await buildCollaboration(t.app);
    const [d1, d2] = ids(c);
    const shot = await uploadImage(influencer.client);

    let seen = await submitProof(influencer, c, d1, { uploadIds: [shot.id] });
    expect(seen.status).toBe('active');
    expect(seen.deliverables[0]).toMatchObject({
      status: 'submitted',
      proofs: [
        {
          url: 'https://www.instagram.com/p/slow-mornings/',
          note: 'Live since 8:00.',
          images: [{ id: shot.id }],
          decision: null,
        },
      ],
    });
    expect((await kindsOf(owner))[0]).toBe('deliverable_submitted');
    // The business (the other side) may load the screenshot; a stranger may not.
    expect((await owner.client.get(`/api/v1/uploads/${shot.id}`)).status).toBe(200);
    expect(
      (await (await buildBusinessWithProfile(t.app)).client.get(`/api/v1/uploads/${shot.id}`)).status,
    ).toBe(404);

    seen = await submitProof(influencer, c, d2);
    expect(seen.status).toBe('delivered');
    expect(seen.deliveredAt).toEqual(expect.any(String));

    const changes = await owner.client.post<CollaborationResponse>(line(c.id, d2, 'request-changes'), {
      note: '  Please tag @tatraroasters in the video.  ',
    });
    expect(changes.status).toBe(200);
    expect(changes.body.collaboration.status).toBe('active');
    expect(changes.body.collaboration.deliverables[1]).toMatchObject({
      status: 'changes_requested',
      proofs: [{ decision: 'changes_requested', decisionNote: 'Please tag @tatraroasters in the video.' }],
    });
    const told = (await influencer.client.get<{ items: Notification[] }>('/api/v1/notifications')).body
      .items[0];
    expect(told).toMatchObject({
      kind: 'deliverable_changes_requested',
      collaborationId: c.id,
      note: 'Please tag @tatraroasters in the video.',
      actorName: 'Tatra Test Roasters',
      campaignName: 'Morning coffee stories',
    });

    seen = await submitProof(influencer, c, d2, {
      url: 'https://www.tiktok.com/@me/video/2',
      note: 'Tagged now.',
    });
    expect(seen.status).toBe('delivered');
    expect(seen.deliverables[1]?.proofs.map((p) => p.decision)).toEqual([null, 'changes_requested']);

    const a1 = await owner.client.post<CollaborationResponse>(line(c.id, d1, 'approve'));
    expect(a1.body.collaboration).toMatchObject({ status: 'delivered', progress: { approved: 1, total: 2 } });
    expect((await kindsOf(influencer))[0]).toBe('deliverable_approved');
    const a2 = await owner.client.post<CollaborationResponse>(line(c.id, d2, 'approve'));
    expect(a2.body.collaboration).toMatchObject({ status: 'completed', progress: { approved: 2, total: 2 } });
    expect(a2.body.collaboration.completedAt).toEqual(expect.any(String));
    expect(a2.body.collaboration.abilities).toMatchObject({ proposeAmendment: false, requestCancel: false });
    expect((await readCollaboration(influencer, c.id)).status).toBe('completed');
    expect((await kindsOf(influencer)).slice(0, 2)).toEqual([
      'collaboration_completed',
      'deliverable_approved',
    ]);
    expect((await kindsOf(owner))[0]).toBe('collaboration_completed');

    // Both sides' pages heard of every change.
    for (const userId of [owner.user.id, influencer.user.id]) {
      const events = await collaborationEvents(userId);
      expect(events.map((e) => (e.data as { status: string }).status)).toEqual([
        'active',
        'active',
        'delivered',
        'active',
        'delivered',
        'delivered',
        'completed',
      ]);
    }
  });

  it('e-mails in the recipient’s language, with the note and a button to the collaboration', async () => {
    const influencer = await buildReadyInfluencer(t.app, { locale: 'sk' });
    const { owner, collaboration: c } = await buildCollaboration(t.app, { influencer });
    const [d1] = ids(c);
    await submitProof(influencer, c, d1);
    const toOwner = (await readMail(t.app, owner.user.email)).find((m) => /proof/.test(m.subject));
    expect(toOwner?.subject).toBe(
      `${influencer.profile.displayName} sent proof of a deliverable for “Morning coffee stories”`,
    );
    expect(toOwner?.text).toContain(`http://localhost:3000/collaborations/${c.id}`);
    await owner.client.post(line(c.id, d1, 'request-changes'), { note: 'Prosím, pridajte značku.' });
    const toInfluencer = (await readMail(t.app, influencer.user.email))[0];
    expect(toInfluencer?.subject).toBe(
      'Firma Tatra Test Roasters žiada úpravy výstupu pre „Morning coffee stories“',
    );
    expect(toInfluencer?.text).toContain('Jej poznámka: „Prosím, pridajte značku.“');
    expect(toInfluencer?.text).toContain(`/collaborations/${c.id}`);
  });

  it('racing final approvals complete the collaboration exactly once', async () => {
    const { owner, influencer, collaboration: c } = await buildCollaboration(t.app);
    const [d1, d2] = ids(c);
    await submitProof(influencer, c, d1);
    await submitProof(influencer, c, d2);
    const answers = await Promise.all([
      owner.client.post(line(c.id, d1, 'approve')),
      owner.client.post(line(c.id, d2, 'approve')),
      owner.client.post(line(c.id, d2, 'approve')),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 409]);
    expect((await readCollaboration(owner, c.id)).status).toBe('completed');
    const completions = await t.ctx.db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.collaborationId, c.id));
    expect(completions.filter((n) => n.kind === 'collaboration_completed')).toHaveLength(2);
  });
});
