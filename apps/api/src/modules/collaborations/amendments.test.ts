import type { Notification } from '@bextr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildAdmin } from '../../test/factories/admins.ts';
import { buildBusinessWithProfile, daysFromNow } from '../../test/factories/campaigns.ts';
import {
  buildCollaboration,
  buildCompletedCollaboration,
  type CollaborationResponse,
  collaborationUrl,
  readCollaboration,
  submitProof,
} from '../../test/factories/collaborations.ts';
import { buildReadyInfluencer } from '../../test/factories/influencers.ts';
import type { TestUser } from '../../test/factories/users.ts';
import { readMail } from '../../test/mail.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const propose = (user: TestUser, id: string, body: unknown) =>
  user.client.post<CollaborationResponse>(collaborationUrl(id, '/amendments'), body);
const answer = (user: TestUser, id: string, aid: string, verb: string) =>
  user.client.post<CollaborationResponse>(collaborationUrl(id, `/amendments/${aid}/${verb}`));
const latestKind = async (user: TestUser) =>
  (await user.client.get<{ items: Notification[] }>('/api/v1/notifications')).body.items[0];

describe('proposing', () => {
  it('refusals: 401 visitor, 403 admin, 404 stranger, 400 bad changes with field paths', async () => {
    const { owner, influencer, collaboration: c } = await buildCollaboration(t.app);
    const body = { changes: { priceAmount: 20_000 } };
    expect((await browser(t.app).post(collaborationUrl(c.id, '/amendments'), body)).status).toBe(401);
    expect((await propose(await buildAdmin(t.app), c.id, body)).status).toBe(403);
    expect((await propose(await buildBusinessWithProfile(t.app), c.id, body)).status).toBe(404);
    expect((await propose(await buildReadyInfluencer(t.app), c.id, body)).status).toBe(404);
    const cases: [unknown, string, string?][] = [
      [{}, 'changes'],
      [{ changes: {} }, 'changes', 'amendment_empty'],
      [{ changes: { priceAmount: 0 } }, 'changes.priceAmount'],
      [{ changes: { price: 1 } }, 'changes'],
      [{ changes: { startDate: '2026-13-01' } }, 'changes.startDate'],
      [{ changes: { endDate: '2000-01-01' } }, 'changes.endDate', 'end_before_start'],
      [{ changes: { publishDate: daysFromNow(400) } }, 'changes.publishDate', 'publish_date_outside'],
      [{ changes: { deliverables: [] } }, 'changes.deliverables'],
      [
        { changes: { deliverables: [{ key: 'd9', type: 'post', network: 'instagram', quantity: 1 }] } },
        'changes.deliverables.0.key',
        'deliverable_unknown',
      ],
      [
        {
          changes: {
            deliverables: [
              { key: 'd1', type: 'post', network: 'instagram', quantity: 1 },
              { key: 'd1', type: 'post', network: 'instagram', quantity: 2 },
            ],
          },
        },
        'changes.deliverables.1.key',
        'deliverable_duplicate',
      ],
      [{ changes: { note: 'x' }, note: 'y' }, 'changes'],
      [{ changes: { priceAmount: 1 }, note: 'x'.repeat(2001) }, 'note'],
    ];
    for (const [bad, path, code] of cases) {
      const res = await propose(owner, c.id, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      const fields = res.body.error?.details?.fields ?? [];
      expect(
        fields.map((f) => f.path),
        JSON.stringify(bad),
      ).toContain(path);
      if (code) expect(fields.find((f) => f.path === path)?.code).toBe(code);
    }
    expect((await readCollaboration(influencer, c.id)).amendments).toEqual([]);
  });

  it('a barter collaboration has no price to change', async () => {
    const { influencer, collaboration: c } = await buildCollaboration(t.app, {
      campaign: { compensation: { type: 'barter', description: 'Coffee for a year' } },
    });
    const res = await propose(influencer, c.id, { changes: { priceAmount: 5000 } });
    expect(res.status).toBe(400);
    expect(res.body.error?.details?.fields?.[0]).toMatchObject({
      path: 'changes.priceAmount',
      code: 'price_amendment_barter',
    });
  });

  it('one pending at a time (409 AMENDMENT_PENDING, also for the other side); the other side is told, by e-mail too', async () => {
    const { owner, influencer, collaboration: c } = await buildCollaboration(t.app);
    const first = await propose(influencer, c.id, {
      changes: { priceAmount: 21_000, publishDate: c.agreement.endDate ?? undefined },
      note: 'Two more days of filming.',
    });
    expect(first.status, first.text).toBe(201);
    expect(first.body.collaboration.amendments[0]).toMatchObject({
      proposedBy: 'influencer',
      status: 'pending',
      changes: { priceAmount: 21_000, publishDate: c.agreement.endDate },
      note: 'Two more days of filming.',
      baseVersion: 1,
    });
    expect(first.body.collaboration.abilities).toMatchObject({
      proposeAmendment: false,
      decideAmendment: false,
      withdrawAmendment: true,
    });
    for (const side of [influencer, owner]) {
      const again = await propose(side, c.id, { changes: { priceAmount: 22_000 } });
      expect(again.status).toBe(409);
      expect(again.body.error?.code).toBe('AMENDMENT_PENDING');
    }
    expect(await latestKind(owner)).toMatchObject({
      kind: 'amendment_proposed',
      collaborationId: c.id,
      note: 'Two more days of filming.',
    });
    expect((await readCollaboration(owner, c.id)).abilities).toMatchObject({ decideAmendment: true });
    const mail = (await readMail(t.app, owner.user.email)).find((m) => /proposes a change/.test(m.subject));
    expect(mail?.text).toContain('Their note: “Two more days of filming.”');
  });
});

describe('answering', () => {
  it('accept by the other side: the agreement changes, its version rises; the proposer may not answer its own (403)', async () => {
    const { owner, influencer, collaboration: c } = await buildCollaboration(t.app);
    const end = daysFromNow(50);
    const proposed = await propose(owner, c.id, { changes: { priceAmount: 16_000, endDate: end } });
    const aid = proposed.body.collaboration.amendments[0]?.id ?? '';
    for (const verb of ['accept', 'decline']) {
      const own = await answer(owner, c.id, aid, verb);
      expect(own.status, verb).toBe(403);
    }
    expect((await answer(await buildReadyInfluencer(t.app), c.id, aid, 'accept')).status).toBe(404);
    expect((await answer(influencer, c.id, 'no-such', 'accept')).status).toBe(404);
    const accepted = await answer(influencer, c.id, aid, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body.collaboration).toMatchObject({
      agreementVersion: 2,
      agreement: { price: { amount: 16_000 }, endDate: end, startDate: c.agreement.startDate },
      amendments: [{ id: aid, status: 'accepted' }],
    });
    expect(await latestKind(owner)).toMatchObject({ kind: 'amendment_accepted' });
    expect((await answer(influencer, c.id, aid, 'accept')).status).toBe(409);
    expect((await answer(influencer, c.id, aid, 'decline')).status).toBe(409);
    // A new proposal may follow.
    expect((await propose(influencer, c.id, { changes: { priceAmount: 17_000 } })).status).toBe(201);
  });

  it('decline keeps the terms; withdraw is the proposer’s (the other side: 403)', async () => {
    const { owner, influencer, collaboration: c } = await buildCollaboration(t.app);
    const first = await propose(influencer, c.id, { changes: { priceAmount: 30_000 } });
    const a1 = first.body.collaboration.amendments[0]?.id ?? '';
    const declined = await answer(owner, c.id, a1, 'decline');
    expect(declined.status).toBe(200);
    expect(declined.body.collaboration).toMatchObject({ agreementVersion: 1, agreement: c.agreement });
    expect(await latestKind(influencer)).toMatchObject({ kind: 'amendment_declined' });

    const second = await propose(influencer, c.id, { changes: { priceAmount: 25_000 } });
    const a2 = second.body.collaboration.amendments[0]?.id ?? '';
    expect((await answer(owner, c.id, a2, 'withdraw')).status).toBe(403);
    const withdrawn = await answer(influencer, c.id, a2, 'withdraw');
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.collaboration.amendments.map((a) => a.status)).toEqual(['withdrawn', 'declined']);
    expect((await answer(influencer, c.id, a2, 'withdraw')).status).toBe(409);
    expect((await answer(owner, c.id, a2, 'accept')).status).toBe(409);
  });

  it('a new deliverables list keeps, adds and retires lines; an approved line may not be dropped (400, or 409 when approved meanwhile)', async () => {
    const { owner, influencer, collaboration: c } = await buildCollaboration(t.app);
    const [d1, d2] = c.deliverables;
    if (!d1 || !d2) throw new Error('two lines expected');
    await submitProof(influencer, c, d1.id);
    await owner.client.post(collaborationUrl(c.id, `/deliverables/${d1.id}/approve`));

    const dropApproved = await propose(owner, c.id, {
      changes: { deliverables: [{ key: 'd2', type: 'video', network: 'tiktok', quantity: 2 }] },
    });
    expect(dropApproved.status).toBe(400);
    expect(dropApproved.body.error?.details?.fields?.[0]).toMatchObject({
      path: 'changes.deliverables',
      code: 'approved_deliverable_kept',
      message: 'An approved deliverable must stay in the list unchanged.',
    });
    const changeApproved = await propose(owner, c.id, {
      changes: { deliverables: [{ key: 'd1', type: 'story', network: 'instagram', quantity: 5 }] },
    });
    expect(changeApproved.status).toBe(400);

    // Keep d1 as it is, drop d2, add a reel.
    const keep = { key: 'd1', type: 'story' as const, network: 'instagram' as const, quantity: 3 };
    const ok = await propose(influencer, c.id, {
      changes: {
        deliverables: [
          keep,
          { type: 'reel', network: 'instagram', quantity: 1, notes: 'With music' },
          { type: 'post', network: 'instagram', quantity: 1 },
        ],
      },
    });
    expect(ok.status, ok.text).toBe(201);
    const aid = ok.body.collaboration.amendments[0]?.id ?? '';
    const accepted = await answer(owner, c.id, aid, 'accept');
    expect(accepted.status).toBe(200);
    const after = accepted.body.collaboration;
    expect(after.agreement.deliverables).toEqual([
      keep,
      { key: 'd3', type: 'reel', network: 'instagram', quantity: 1, notes: 'With music' },
      { key: 'd4', type: 'post', network: 'instagram', quantity: 1 },
    ]);
    expect(after.deliverables.map((d) => [d.key, d.status, d.current])).toEqual([
      ['d1', 'approved', true],
      ['d3', 'pending', true],
      ['d4', 'pending', true],
      ['d2', 'pending', false],
    ]);
    // The dropped line keeps its terms for the history, and takes no proof.
    expect(after.deliverables[3]).toMatchObject({ type: 'video', network: 'tiktok', quantity: 1 });
    expect(after.progress).toEqual({ approved: 1, total: 3 });
    const retired = await influencer.client.post(collaborationUrl(c.id, `/deliverables/${d2.id}/proof`), {
      url: 'https://example.com/x',
    });
    expect(retired.status).toBe(409);

    // Proposed while d3 was pending; approved before the answer: accepting is now a 409.
    const d3 = after.deliverables[1]?.id ?? '';
    const d4 = after.agreement.deliverables[2];
    const dropD3 = await propose(owner, c.id, { changes: { deliverables: [keep, d4] } });
    expect(dropD3.status).toBe(201);
    await submitProof(influencer, after, d3);
    await owner.client.post(collaborationUrl(c.id, `/deliverables/${d3}/approve`));
    const late = await answer(influencer, c.id, dropD3.body.collaboration.amendments[0]?.id ?? '', 'accept');
    expect(late.status).toBe(409);
    expect(late.body.error?.code).toBe('APPROVED_DELIVERABLE');
    expect(late.body.error?.message).toBe('An approved deliverable cannot be dropped or changed.');
  });

  it('dropping the last unapproved line completes the collaboration', async () => {
    const { owner, influencer, collaboration: c } = await buildCollaboration(t.app);
    const [d1] = c.deliverables;
    if (!d1) throw new Error('a line expected');
    await submitProof(influencer, c, d1.id);
    await owner.client.post(collaborationUrl(c.id, `/deliverables/${d1.id}/approve`));
    const ok = await propose(owner, c.id, {
      changes: { deliverables: [{ key: 'd1', type: 'story', network: 'instagram', quantity: 3 }] },
    });
    const accepted = await answer(influencer, c.id, ok.body.collaboration.amendments[0]?.id ?? '', 'accept');
    expect(accepted.body.collaboration).toMatchObject({
      status: 'completed',
      progress: { approved: 1, total: 1 },
    });
  });

  it('none once completed (409)', async () => {
    const { owner, collaboration: c } = await buildCompletedCollaboration(t.app);
    const res = await propose(owner, c.id, { changes: { priceAmount: 1000 } });
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('CONFLICT');
  });
});
