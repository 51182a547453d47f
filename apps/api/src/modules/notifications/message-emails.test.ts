import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../config.ts';
import { newId } from '../../db/ids.ts';
import { conversationMembers, messages } from '../../db/schema.ts';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../../test/app.ts';
import { buildBusinessWithProfile, buildPublishedCampaign } from '../../test/factories/campaigns.ts';
import { buildReadyInfluencer } from '../../test/factories/influencers.ts';
import { sendOffer } from '../../test/factories/offers.ts';
import type { TestUser } from '../../test/factories/users.ts';
import { mailHeader, type ReceivedMail, SmtpSink } from '../../test/smtp.ts';
import { sendUnreadMessageEmails } from './message-emails.ts';

/** The batched e-mail about unread messages, over a real SMTP server. Messages are written straight
 * into the thread (the sending endpoint is not what is tested here). */
let sink: SmtpSink;
let t: TestApp;
beforeAll(async () => {
  sink = await SmtpSink.start();
  t = await createTestApp({ mail: { ...testConfig().mail, smtpUrl: sink.url, messageDelayMs: 5 * 60_000 } });
});
afterAll(async () => {
  await t?.close();
  await sink?.stop();
});

/** Runs the job as if `minutes` had passed since now. */
async function runJob(minutes = 6) {
  const queued = await sendUnreadMessageEmails(t.ctx, { now: new Date(Date.now() + minutes * 60_000) });
  await t.ctx.outbox.drain();
  return queued;
}

async function unreadMailsTo(email: string) {
  await t.ctx.outbox.drain();
  // Only the unread-message e-mails (not the verification or offer e-mails).
  return sink.received.filter((m) => m.to.includes(email) && /new message|správ/.test(m.subject));
}

/** A thread between a new business (`name`) and the influencer, on a campaign called `campaign`. */
async function openThread(influencer: TestUser, opts: { company: string; campaign: string }) {
  const owner = await buildBusinessWithProfile(t.app, { profile: { companyName: opts.company } });
  const { campaign } = await buildPublishedCampaign(t.app, { owner, campaign: { name: opts.campaign } });
  const offer = await sendOffer(influencer, campaign);
  const conversationId = offer.conversationId as string;
  await t.ctx.db
    .insert(conversationMembers)
    .values([
      { conversationId, userId: owner.user.id },
      { conversationId, userId: influencer.user.id },
    ])
    .onConflictDoNothing();
  return { owner, conversationId };
}

async function post(conversationId: string, sender: TestUser, body: string) {
  const [row] = await t.ctx.db
    .insert(messages)
    .values({ conversationId, senderId: sender.user.id, body, clientId: newId() })
    .returning({ seq: messages.seq });
  return row?.seq as number;
}

async function member(conversationId: string, user: TestUser) {
  const [row] = await t.ctx.db
    .select()
    .from(conversationMembers)
    .where(
      and(
        eq(conversationMembers.conversationId, conversationId),
        eq(conversationMembers.userId, user.user.id),
      ),
    );
  return row;
}

describe('the batched unread-message e-mail', () => {
  it('two threads with unread messages → one e-mail listing both, in the recipient’s language; never twice', async () => {
    const lucia = await buildReadyInfluencer(t.app, { locale: 'sk', name: 'Lucia' });
    const tatra = await openThread(lucia, { company: 'Tatra Coffee', campaign: 'Ranná káva' });
    const fitko = await openThread(lucia, { company: 'Fitko', campaign: 'Jarná výzva' });
    await post(tatra.conversationId, tatra.owner, 'Dobrý deň, Lucia!');
    const last = await post(tatra.conversationId, tatra.owner, 'Pošlete nám, prosím, návrh termínu.');
    await post(fitko.conversationId, fitko.owner, 'Ahoj, máš čas na krátky hovor?');
    // Her own reply is never e-mailed to her, and the business has read nothing of hers yet.
    await post(fitko.conversationId, lucia, 'Jasné, zajtra?');

    // Not yet: the messages are younger than the delay.
    expect(await runJob(0)).toBe(0);
    expect(await unreadMailsTo(lucia.email)).toEqual([]);

    expect(await runJob()).toBe(2);
    const [mail, ...more] = await unreadMailsTo(lucia.email);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe('Máte 3 nové správy v BeXtr');
    expect(mail?.text).toContain('Dobrý deň, Lucia,');
    expect(mail?.text).toContain(
      'Tatra Coffee · Ranná káva — 2 nové správy: „Pošlete nám, prosím, návrh termínu.“',
    );
    expect(mail?.text).toContain('Fitko · Jarná výzva — 1 nová správa: „Ahoj, máš čas na krátky hovor?“');
    expect(mail?.text).toContain(`${TEST_BASE_URL}/inbox/${tatra.conversationId}`);
    expect(mail?.text).toContain(`${TEST_BASE_URL}/inbox/${fitko.conversationId}`);
    expect(mail?.text).toMatch(/\/unsubscribe\?token=[A-Za-z0-9_.-]+&kind=new_messages/);
    expect(mailHeader(mail as ReceivedMail, 'List-Unsubscribe')).toMatch(/kind=new_messages>$/);
    // Fitko hears of Lucia's reply, in English.
    const [fitkoMail] = await unreadMailsTo(fitko.owner.email);
    expect(fitkoMail?.subject).toBe('You have 1 new message on BeXtr');
    expect(fitkoMail?.text).toContain('Test Creator · Jarná výzva — 1 new message: “Jasné, zajtra?”');
    expect(await unreadMailsTo(tatra.owner.email)).toEqual([]);
    expect((await member(tatra.conversationId, lucia))?.emailedSeq).toBe(last);

    // A second run finds nothing new.
    expect(await runJob(10)).toBe(0);
    expect(await unreadMailsTo(lucia.email)).toHaveLength(1);
    // A newer message is e-mailed on its own.
    await post(tatra.conversationId, tatra.owner, 'Ešte jedna otázka');
    expect(await runJob()).toBe(1);
    const mails = await unreadMailsTo(lucia.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]?.subject).toBe('Máte novú správu v BeXtr');
    expect(mails[1]?.text).toContain('Tatra Coffee · Ranná káva — 1 nová správa: „Ešte jedna otázka“');
    expect(mails[1]?.text).not.toContain('Fitko');
  });

  it('a message read before the delay is not e-mailed', async () => {
    const influencer = await buildReadyInfluencer(t.app);
    const thread = await openThread(influencer, { company: 'Reader Co', campaign: 'Read fast' });
    const seq = await post(thread.conversationId, thread.owner, 'Quick question');
    await t.ctx.db
      .update(conversationMembers)
      .set({ readSeq: seq })
      .where(
        and(
          eq(conversationMembers.conversationId, thread.conversationId),
          eq(conversationMembers.userId, influencer.user.id),
        ),
      );
    expect(await runJob()).toBe(0);
    expect(await unreadMailsTo(influencer.email)).toEqual([]);
  });

  it('a user who muted new_messages gets none, and the marker still moves (no e-mail later either)', async () => {
    const influencer = await buildReadyInfluencer(t.app);
    const thread = await openThread(influencer, { company: 'Muted Co', campaign: 'Quiet' });
    const prefs = await influencer.client.put('/api/v1/notification-preferences', {
      email: { new_messages: false },
    });
    expect(prefs.status).toBe(200);
    const seq = await post(thread.conversationId, thread.owner, 'Hello?');
    expect(await runJob()).toBe(0);
    expect(await unreadMailsTo(influencer.email)).toEqual([]);
    expect((await member(thread.conversationId, influencer))?.emailedSeq).toBe(seq);

    await influencer.client.put('/api/v1/notification-preferences', { email: { new_messages: true } });
    expect(await runJob(30)).toBe(0);
    expect(await unreadMailsTo(influencer.email)).toEqual([]);
  });

  it('two runs at once never send the same messages twice', async () => {
    const influencer = await buildReadyInfluencer(t.app);
    const thread = await openThread(influencer, { company: 'Twice Co', campaign: 'Once' });
    await post(thread.conversationId, thread.owner, 'Only once, please');
    const now = new Date(Date.now() + 6 * 60_000);
    const runs = await Promise.all([
      sendUnreadMessageEmails(t.ctx, { now }),
      sendUnreadMessageEmails(t.ctx, { now }),
    ]);
    expect(runs[0] + runs[1]).toBe(1);
    expect(await unreadMailsTo(influencer.email)).toHaveLength(1);
  });
});
