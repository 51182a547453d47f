import type { Notification } from '@bextr/contracts';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../config.ts';
import { liveEvents } from '../../db/schema.ts';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildBusinessWithProfile, buildPublishedCampaign } from '../../test/factories/campaigns.ts';
import { buildReadyInfluencer } from '../../test/factories/influencers.ts';
import { sendOffer } from '../../test/factories/offers.ts';
import type { TestUser } from '../../test/factories/users.ts';
import { mailHeader, type ReceivedMail, SmtpSink } from '../../test/smtp.ts';

/** Notification e-mails over a real SMTP server, the unsubscribe links they carry, and the live
 * events written with them. */
let sink: SmtpSink;
let t: TestApp;
beforeAll(async () => {
  sink = await SmtpSink.start();
  t = await createTestApp({ mail: { ...testConfig().mail, smtpUrl: sink.url } });
});
afterAll(async () => {
  await t?.close();
  await sink?.stop();
});

const UNSUBSCRIBE = '/api/v1/notification-preferences/unsubscribe';
const PREFS = '/api/v1/notification-preferences';

async function mailsTo(email: string): Promise<ReceivedMail[]> {
  await t.ctx.outbox.drain();
  // Registration's verification e-mail aside: the factories verify accounts directly.
  return sink.received.filter((m) => m.to.includes(email) && !/verify|overte/i.test(m.subject));
}

/** The footer's unsubscribe link: token and kind. */
function unsubscribeLink(mail: ReceivedMail) {
  const match = /(\S+)\/unsubscribe\?token=([A-Za-z0-9_.-]+)&kind=([a-z_]+)/.exec(mail.text);
  if (!match) throw new Error(`no unsubscribe link in:\n${mail.text}`);
  return { base: match[1], token: match[2] as string, kind: match[3] as string };
}

async function eventsOf(userId: string) {
  return t.ctx.db
    .select({ type: liveEvents.type, data: liveEvents.data })
    .from(liveEvents)
    .where(eq(liveEvents.userId, userId))
    .orderBy(asc(liveEvents.id));
}

describe('notification e-mails', () => {
  let owner: TestUser;
  let influencer: TestUser;
  let offerId: string;
  let conversationId: string;
  let campaignId: string;

  beforeAll(async () => {
    // A Slovak business, an English influencer (the browser language of the actor does not matter).
    owner = await buildBusinessWithProfile(t.app, {
      locale: 'sk',
      profile: { companyName: 'Kávička s.r.o.' },
    });
    const { campaign } = await buildPublishedCampaign(t.app, {
      owner,
      campaign: { name: 'Ranná káva', slots: 3 },
    });
    campaignId = campaign.id;
    influencer = await buildReadyInfluencer(t.app, {
      locale: 'en',
      client: { lang: 'sk' },
      profile: { displayName: 'Mila Morning' },
    });
    const offer = await sendOffer(influencer, campaign);
    offerId = offer.id;
    conversationId = offer.conversationId as string;
  }, 60_000);

  it('an offer sent: the business gets an e-mail in its language, with a button to the review and one-click unsubscribe', async () => {
    const [mail, ...more] = await mailsTo(owner.email);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe('Nová ponuka od Mila Morning na „Ranná káva“');
    expect(mail?.text).toContain('Dobrý deň, Tatra Test Roasters,');
    expect(mail?.text).toContain(`Pozrieť ponuky: ${TEST_BASE_URL}/campaigns/${campaignId}/offers`);
    const link = unsubscribeLink(mail as ReceivedMail);
    expect(link).toMatchObject({ base: TEST_BASE_URL, kind: 'offer_received' });
    expect(mail?.html).toContain('/unsubscribe?token=');
    expect(mailHeader(mail as ReceivedMail, 'List-Unsubscribe')).toBe(
      `<${TEST_BASE_URL}${UNSUBSCRIBE}?token=${link.token}&kind=offer_received>`,
    );
    expect(mailHeader(mail as ReceivedMail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    // Nothing for the influencer, who sent it.
    expect(await mailsTo(influencer.email)).toEqual([]);
  });

  it('the live events: a notification with the unread count for the business, the offer for both sides', async () => {
    const ownerEvents = await eventsOf(owner.user.id);
    const notification = ownerEvents.find((e) => e.type === 'notification')?.data as {
      notification: Notification;
      unreadCount: number;
    };
    expect(notification.unreadCount).toBe(1);
    expect(notification.notification).toMatchObject({
      kind: 'offer_received',
      offerId,
      campaignId,
      campaignName: 'Ranná káva',
      actorName: 'Mila Morning',
      readAt: null,
    });
    const offerEvent = { offerId, campaignId, conversationId, status: 'pending' };
    expect(ownerEvents.filter((e) => e.type === 'offer').map((e) => e.data)).toEqual([offerEvent]);
    const influencerEvents = await eventsOf(influencer.user.id);
    expect(influencerEvents).toEqual([{ type: 'offer', data: offerEvent }]);
  });

  it('shortlist, then reject with a reason: the influencer’s e-mails in English, events on both sides', async () => {
    expect((await owner.client.post(`/api/v1/offers/${offerId}/shortlist`)).status).toBe(200);
    const reason = 'We are looking for video creators this time.';
    expect((await owner.client.post(`/api/v1/offers/${offerId}/reject`, { reason })).status).toBe(200);
    const mails = await mailsTo(influencer.email);
    expect(mails.map((m) => m.subject)).toEqual([
      'Your offer for “Ranná káva” is on the shortlist',
      'Your offer for “Ranná káva” was declined',
    ]);
    expect(mails[0]?.text).toContain('Hello Test Creator,');
    expect(mails[0]?.text).toContain(`Open the thread: ${TEST_BASE_URL}/inbox/${conversationId}`);
    expect(mails[1]?.text).toContain(`Their reason: “${reason}”`);
    expect(mails[1]?.text).toContain(`See my offers: ${TEST_BASE_URL}/offers`);
    expect(unsubscribeLink(mails[1] as ReceivedMail).kind).toBe('offer_rejected');

    for (const user of [owner, influencer]) {
      const statuses = (await eventsOf(user.user.id))
        .filter((e) => e.type === 'offer')
        .map((e) => (e.data as { status: string }).status);
      expect(statuses).toEqual(['pending', 'shortlisted', 'rejected']);
    }
    const kinds = (await eventsOf(influencer.user.id))
      .filter((e) => e.type === 'notification')
      .map((e) => (e.data as { notification: Notification; unreadCount: number }).unreadCount);
    expect(kinds).toEqual([1, 2]);
  });

  it('the unsubscribe link mutes exactly its kind; a muted kind sends no e-mail, the others still go', async () => {
    const [mail] = await mailsTo(owner.email);
    const { token, kind } = unsubscribeLink(mail as ReceivedMail);
    // The link's token is made for its kind: a forwarded e-mail cannot mute the others.
    const otherKind = await browser(t.app).post(UNSUBSCRIBE, { token, kind: 'offer_withdrawn' });
    expect(otherKind.status).toBe(404);
    expect(otherKind.body.error?.code).toBe('INVALID_TOKEN');
    const res = await browser(t.app).post(UNSUBSCRIBE, { token, kind });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ kind: 'offer_received' });
    const prefs = (await owner.client.get<{ email: Record<string, boolean> }>(PREFS)).body.email;
    expect(Object.entries(prefs).filter(([, on]) => !on)).toEqual([['offer_received', false]]);
    // Twice is fine.
    expect((await browser(t.app).post(UNSUBSCRIBE, { token, kind })).status).toBe(200);

    const before = (await mailsTo(owner.email)).length;
    const other = await buildReadyInfluencer(t.app);
    const campaign = (await owner.client.get<{ campaign: never }>(`/api/v1/campaigns/${campaignId}`)).body
      .campaign;
    const second = await sendOffer(other, campaign);
    expect(await mailsTo(owner.email)).toHaveLength(before);
    // The in-app notification still arrives.
    const list = await owner.client.get<{ items: Notification[] }>('/api/v1/notifications');
    expect(list.body.items[0]).toMatchObject({ kind: 'offer_received', offerId: second.id });
    // offer_withdrawn is not muted: it still goes out.
    expect((await other.client.post(`/api/v1/offers/${second.id}/withdraw`)).status).toBe(200);
    const after = await mailsTo(owner.email);
    expect(after.slice(before).map((m) => m.subject)).toEqual([
      'Ponuka od Test Creator na „Ranná káva“ bola stiahnutá',
    ]);
  });

  it('RFC 8058: the mail client’s one-click POST (a form, token and kind in the query) mutes that kind', async () => {
    const mails = await mailsTo(influencer.email);
    const rejected = mails.find((m) => m.subject.includes('declined')) as ReceivedMail;
    const header = mailHeader(rejected, 'List-Unsubscribe') ?? '';
    const url = new URL(header.slice(1, -1));
    const res = await t.app.inject({
      method: 'POST',
      url: `${url.pathname}${url.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ kind: 'offer_rejected' });
    const prefs = (await influencer.client.get<{ email: Record<string, boolean> }>(PREFS)).body.email;
    expect(prefs.offer_rejected).toBe(false);
    expect(prefs.offer_shortlisted).toBe(true);

    // Opening the address in a browser (GET) never unsubscribes: it leads to the page that asks.
    const get = await t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
    expect(get.statusCode).toBe(303);
    expect(get.headers.location).toBe(`${TEST_BASE_URL}/unsubscribe${url.search}`);
    // A form without the token in the query, or another form body, is refused.
    const bare = await t.app.inject({
      method: 'POST',
      url: UNSUBSCRIBE,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(bare.statusCode).toBe(400);
    const wrong = await t.app.inject({
      method: 'POST',
      url: `${url.pathname}${url.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'unsubscribe=yes',
    });
    expect(wrong.statusCode).toBe(400);
  });

  it('an unknown token is 404 INVALID_TOKEN; bad input 400', async () => {
    const res = await browser(t.app).post(UNSUBSCRIBE, { token: 'x'.repeat(32), kind: 'offer_received' });
    expect(res.status).toBe(404);
    expect(res.body.error?.code).toBe('INVALID_TOKEN');
    expect((await browser(t.app).post(UNSUBSCRIBE, { token: 'x'.repeat(32), kind: 'spam' })).status).toBe(
      400,
    );
    expect(
      (await browser(t.app).post(UNSUBSCRIBE, { token: 'x'.repeat(32), kind: 'offer_received', extra: 1 }))
        .status,
    ).toBe(400);
  });
});

describe('accept, withdraw and close', () => {
  it('each change reaches both sides as an offer event; the influencers get their e-mails', async () => {
    const { owner, campaign } = await buildPublishedCampaign(t.app, {
      campaign: { name: 'Cold brew', slots: 2 },
    });
    const [a, b, c] = await Promise.all([0, 1, 2].map(() => buildReadyInfluencer(t.app)));
    const offers = [];
    for (const who of [a, b, c]) offers.push(await sendOffer(who as TestUser, campaign));
    const [accepted, withdrawn, expired] = offers as [
      (typeof offers)[0],
      (typeof offers)[0],
      (typeof offers)[0],
    ];
    expect((await owner.client.post(`/api/v1/offers/${accepted.id}/accept`)).status).toBe(200);
    expect((await (b as TestUser).client.post(`/api/v1/offers/${withdrawn.id}/withdraw`)).status).toBe(200);
    expect((await owner.client.post(`/api/v1/campaigns/${campaign.id}/close`)).status).toBe(200);

    const statusesOf = async (userId: string, offerId: string) =>
      (await eventsOf(userId))
        .filter((e) => e.type === 'offer' && (e.data as { offerId: string }).offerId === offerId)
        .map((e) => (e.data as { status: string }).status);
    for (const [who, offer, last] of [
      [a, accepted, 'accepted'],
      [b, withdrawn, 'withdrawn'],
      [c, expired, 'expired'],
    ] as const) {
      expect(await statusesOf((who as TestUser).user.id, offer.id)).toEqual(['pending', last]);
      expect(await statusesOf(owner.user.id, offer.id)).toEqual(['pending', last]);
    }
    const [acceptedMail] = await mailsTo((a as TestUser).email);
    expect(acceptedMail?.subject).toBe('Tatra Test Roasters accepted your offer for “Cold brew”');
    expect(acceptedMail?.text).toContain(`${TEST_BASE_URL}/inbox/${accepted.conversationId}`);
    const [expiredMail] = await mailsTo((c as TestUser).email);
    expect(expiredMail?.subject).toBe('Your offer for “Cold brew” expired');
    expect((await mailsTo(owner.email)).map((m) => m.subject)).toEqual([
      'New offer from Test Creator for “Cold brew”',
      'New offer from Test Creator for “Cold brew”',
      'New offer from Test Creator for “Cold brew”',
      'Test Creator withdrew their offer for “Cold brew”',
    ]);
  });
});

describe('invitations', () => {
  it('the invited influencer gets an e-mail in its language with a button to the campaign', async () => {
    const { owner, campaign } = await buildPublishedCampaign(t.app, { campaign: { name: 'Jarná výzva' } });
    const invited = await buildReadyInfluencer(t.app, { locale: 'sk', name: 'Ema' });
    const res = await owner.client.post(`/api/v1/influencers/${invited.profile.handle}/invitations`, {
      campaignId: campaign.id,
      message: 'Would you join us?',
    });
    expect(res.status).toBe(201);
    const [mail] = await mailsTo(invited.email);
    expect(mail?.subject).toBe('Pozvánka od Tatra Test Roasters do kampane „Jarná výzva“');
    expect(mail?.text).toContain(`Pozrieť kampaň: ${TEST_BASE_URL}/campaigns/${campaign.id}`);
    expect(unsubscribeLink(mail as ReceivedMail).kind).toBe('invitation_received');
  });
});
