import type { CollaborationReviews, Notification, Review } from '@bextr/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildAdmin } from '../../test/factories/admins.ts';
import { buildBusinessWithProfile } from '../../test/factories/campaigns.ts';
import { buildCollaboration, buildCompletedCollaboration } from '../../test/factories/collaborations.ts';
import { buildReadyInfluencer } from '../../test/factories/influencers.ts';
import { readMail } from '../../test/mail.ts';

type ReviewBody = { review: Review };
type ReviewsOf = { reviews: CollaborationReviews };
type Notifications = { items: Notification[]; unreadCount: number };

const url = (id: string) => `/api/v1/collaborations/${id}/reviews`;
const good = { rating: 5, text: 'Clear brief, quick answers and paid on time. Would work together again.' };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

// Each test registers several accounts and runs collaborations to completion through the API.
describe('who may review', { timeout: 60_000 }, () => {
  it('401 for a visitor, 404 for a stranger of either role and for an admin, on write and read', async () => {
    const { collaboration } = await buildCompletedCollaboration(t.app);
    const visitor = browser(t.app);
    expect((await visitor.post(url(collaboration.id), good)).status).toBe(401);
    expect((await visitor.get(url(collaboration.id))).status).toBe(401);
    const strangers = [
      await buildBusinessWithProfile(t.app),
      await buildReadyInfluencer(t.app),
      await buildAdmin(t.app),
    ];
    for (const stranger of strangers) {
      const write = await stranger.client.post(url(collaboration.id), good);
      expect(write.status, stranger.user.role).toBe(404);
      expect(write.body.error?.code).toBe('NOT_FOUND');
      expect((await stranger.client.get(url(collaboration.id))).status, stranger.user.role).toBe(404);
    }
    expect((await strangers[0]?.client.post(url('no-such-collaboration'), good))?.status).toBe(404);
  });

  it('409 NOT_COMPLETED before completion, for both sides; the page says the form is closed', async () => {
    const { owner, influencer, collaboration } = await buildCollaboration(t.app);
    expect(collaboration.status).toBe('active');
    for (const side of [owner, influencer]) {
      const res = await side.client.post(url(collaboration.id), good);
      expect(res.status).toBe(409);
      expect(res.body.error?.code).toBe('NOT_COMPLETED');
      expect(res.body.error?.message).toMatch(/completed/);
      const read = await side.client.get<ReviewsOf>(url(collaboration.id));
      expect(read.status).toBe(200);
      expect(read.body.reviews).toMatchObject({ open: false, mine: null, abilities: { review: false } });
    }
  });

  it('bad ratings and texts are 400 with the field path; nothing is stored', async () => {
    const { owner, influencer, collaboration } = await buildCompletedCollaboration(t.app);
    const bad: [unknown, string][] = [
      [{ ...good, rating: 0 }, 'rating'],
      [{ ...good, rating: 6 }, 'rating'],
      [{ ...good, rating: 2.5 }, 'rating'],
      [{ ...good, rating: '5' }, 'rating'],
      [{ text: good.text }, 'rating'],
      [{ rating: 4 }, 'text'],
      [{ rating: 4, text: '   ok    ' }, 'text'],
      [{ rating: 4, text: 'x'.repeat(2001) }, 'text'],
    ];
    for (const [body, path] of bad) {
      const res = await owner.client.post(url(collaboration.id), body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(res.body.error?.details?.fields?.map((f) => f.path)).toContain(path);
    }
    const unknown = await owner.client.post(url(collaboration.id), { ...good, stars: 5 });
    expect(unknown.status).toBe(400);
    // In the reader's language.
    const sk = await browser(t.app, { lang: 'sk' }).post(url(collaboration.id), { ...good, rating: 9 });
    expect(sk.body.error?.details?.fields?.[0]?.message).toBe('Najväčšia povolená hodnota je 5.');
    const read = await owner.client.get<ReviewsOf>(url(collaboration.id));
    expect(read.body.reviews).toMatchObject({ open: true, mine: null, abilities: { review: true } });
    const profile = await owner.client.get(`/api/v1/influencers/${influencer.profile.handle}`);
    expect((profile.body as unknown as { profile: { rating: unknown } }).profile.rating).toBeNull();
  });
});

describe('writing a review', { timeout: 60_000 }, () => {
  it('each side once: 201, the other side sees it, a second one is 409 ALREADY_REVIEWED', async () => {
    const { owner, influencer, collaboration } = await buildCompletedCollaboration(t.app);
    const first = await influencer.client.post<ReviewBody>(url(collaboration.id), {
      rating: 4,
      text: '  Friendly team, the brief changed once but they paid the extra story.  ',
    });
    expect(first.status).toBe(201);
    expect(first.body.review).toMatchObject({
      collaborationId: collaboration.id,
      rating: 4,
      text: 'Friendly team, the brief changed once but they paid the extra story.',
      author: {
        id: influencer.user.id,
        role: 'influencer',
        name: influencer.profile.displayName,
        handle: influencer.profile.handle,
      },
      campaignName: collaboration.agreement.campaignName,
    });
    expect(first.text).not.toContain(influencer.email);

    const again = await influencer.client.post(url(collaboration.id), good);
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('ALREADY_REVIEWED');
    expect(again.body.error?.message).toMatch(/already reviewed/);

    // The business sees the influencer's review as "theirs" and may still write its own.
    const before = await owner.client.get<ReviewsOf>(url(collaboration.id));
    expect(before.body.reviews).toMatchObject({
      open: true,
      mine: null,
      theirs: { rating: 4, author: { role: 'influencer' } },
      subject: { id: influencer.user.id, role: 'influencer', name: influencer.profile.displayName },
      abilities: { review: true },
    });
    const second = await owner.client.post<ReviewBody>(url(collaboration.id), good);
    expect(second.status).toBe(201);
    expect(second.body.review.author).toMatchObject({
      role: 'business',
      name: 'Tatra Test Roasters',
      handle: null,
    });
    const after = await influencer.client.get<ReviewsOf>(url(collaboration.id));
    expect(after.body.reviews).toMatchObject({
      mine: { rating: 4 },
      theirs: { rating: 5, text: good.text },
      subject: { id: owner.user.id, role: 'business', name: 'Tatra Test Roasters' },
      abilities: { review: false },
    });
    expect(after.text).not.toContain(owner.email);
  });

  it('two submits at once store one review and count once', async () => {
    const { owner, influencer, collaboration } = await buildCompletedCollaboration(t.app);
    const answers = await Promise.all([
      owner.client.post(url(collaboration.id), good),
      owner.client.post(url(collaboration.id), { ...good, rating: 1 }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const [counters] = await t.ctx.db
      .select({ count: users.ratingCount, total: users.ratingTotal })
      .from(users)
      .where(eq(users.id, influencer.user.id));
    expect(counters?.count).toBe(1);
  });

  it('tells the reviewed side in-app and by e-mail in its own language, with a link to the collaboration', async () => {
    const { owner, influencer, collaboration } = await buildCompletedCollaboration(t.app, {
      owner: await buildBusinessWithProfile(t.app, { locale: 'sk' }),
      profile: { displayName: 'Ema z Tatier' },
    });
    expect((await influencer.client.post(url(collaboration.id), good)).status).toBe(201);
    const list = await owner.client.get<Notifications>('/api/v1/notifications');
    expect(list.body.items[0]).toMatchObject({
      kind: 'review_received',
      collaborationId: collaboration.id,
      campaignName: collaboration.agreement.campaignName,
      actorName: 'Ema z Tatier',
      readAt: null,
    });
    const [mail] = await readMail(t.app, owner.email);
    expect(mail?.subject).toBe(
      `Nová recenzia od Ema z Tatier ku kampani „${collaboration.agreement.campaignName}“`,
    );
    expect(mail?.text).toContain('Dobrý deň');
    expect(mail?.text).toContain(`/collaborations/${collaboration.id}`);
    expect(mail?.text).not.toContain(influencer.email);

    // English for the English-speaking influencer.
    expect((await owner.client.post(url(collaboration.id), good)).status).toBe(201);
    const [toInfluencer] = await readMail(t.app, influencer.email);
    expect(toInfluencer?.subject).toBe(
      `Tatra Test Roasters reviewed your collaboration on “${collaboration.agreement.campaignName}”`,
    );
  });

  it('a muted review_received e-mail is not sent; the in-app notification still is', async () => {
    const { owner, influencer, collaboration } = await buildCompletedCollaboration(t.app);
    const muted = await influencer.client.put('/api/v1/notification-preferences', {
      email: { review_received: false },
    });
    expect(muted.status).toBe(200);
    expect((await owner.client.post(url(collaboration.id), good)).status).toBe(201);
    const mails = await readMail(t.app, influencer.email);
    expect(mails.some((m) => /reviewed your collaboration/.test(m.subject))).toBe(false);
    const list = await influencer.client.get<Notifications>('/api/v1/notifications');
    expect(list.body.items[0]?.kind).toBe('review_received');
  });
});
