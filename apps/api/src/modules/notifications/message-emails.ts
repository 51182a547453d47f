import { and, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import {
  businessProfiles,
  campaigns,
  conversations,
  influencerProfiles,
  conversationMembers as members,
  messages,
  offers,
  users,
} from '../../db/schema.ts';
import type { HousekeepingTask } from '../../lib/housekeeping.ts';
import { type UnreadThread, unreadMessagesMail } from '../../lib/mail/notification-templates.ts';
import { enqueueEmail } from '../../lib/mail/outbox.ts';
import { mailRecipients } from './emails.ts';
import { preferencesOf, unsubscribeFor } from './preferences.ts';

/** How often each process looks for unread messages to e-mail. */
export const MESSAGE_EMAILS_EVERY_MS = 60_000;
const USERS_PER_BATCH = 100;
const MAX_ROUNDS = 50;
const PREVIEW_LENGTH = 100;

/** A member has something to e-mail: a message from the other side after both its read marker and
 * what was already e-mailed, sent before `cutoff`. */
const hasDueMessage = (cutoff: Date) => sql`exists (
  select 1 from ${messages}
  where ${messages.conversationId} = ${members.conversationId}
    and ${messages.senderId} <> ${members.userId}
    and ${messages.seq} > greatest(${members.readSeq}, ${members.emailedSeq})
    and ${messages.createdAt} <= ${cutoff})`;

const businessUser = alias(users, 'business_user');
const influencerUser = alias(users, 'influencer_user');

function preview(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > PREVIEW_LENGTH ? `${flat.slice(0, PREVIEW_LENGTH - 1).trimEnd()}…` : flat;
}

/** One batch in one transaction: claims the due member rows of up to USERS_PER_BATCH users (FOR
 * UPDATE SKIP LOCKED, so two processes never e-mail the same messages), queues one e-mail per user
 * listing each thread, and moves `emailed_seq` past what was counted — also for users who muted
 * `new_messages` or are suspended, so nothing piles up. Returns the rows claimed and e-mails queued. */
async function emailBatch(ctx: Pick<AppContext, 'baseUrl'>, tx: Tx, cutoff: Date) {
  const due = hasDueMessage(cutoff);
  const batchUsers = tx
    .selectDistinct({ userId: members.userId })
    .from(members)
    .where(due)
    .orderBy(members.userId)
    .limit(USERS_PER_BATCH);
  const claimed = await tx
    .select({ conversationId: members.conversationId, userId: members.userId })
    .from(members)
    .where(and(inArray(members.userId, batchUsers), due))
    .for('update', { skipLocked: true });
  if (claimed.length === 0) return { claimed: 0, emails: 0 };

  const key = (conversationId: string, userId: string) => `${conversationId}:${userId}`;
  const claimedKeys = new Set(claimed.map((c) => key(c.conversationId, c.userId)));
  const userIds = [...new Set(claimed.map((c) => c.userId))];
  const conversationIds = [...new Set(claimed.map((c) => c.conversationId))];
  const counted = (
    await tx
      .select({
        conversationId: members.conversationId,
        userId: members.userId,
        count: sql<number>`count(*)::int`,
        maxSeq: sql<number>`max(${messages.seq})`.mapWith(Number),
        lastBody: sql<string>`(array_agg(${messages.body} order by ${messages.seq} desc))[1]`,
      })
      .from(members)
      .innerJoin(
        messages,
        and(
          eq(messages.conversationId, members.conversationId),
          ne(messages.senderId, members.userId),
          sql`${messages.seq} > greatest(${members.readSeq}, ${members.emailedSeq})`,
          lte(messages.createdAt, cutoff),
        ),
      )
      .where(and(inArray(members.conversationId, conversationIds), inArray(members.userId, userIds)))
      .groupBy(members.conversationId, members.userId)
  ).filter((c) => claimedKeys.has(key(c.conversationId, c.userId)));

  const threads = new Map(
    (
      await tx
        .select({
          id: conversations.id,
          businessId: conversations.businessId,
          campaignName: campaigns.name,
          businessName: sql<string>`coalesce(${businessProfiles.companyName}, ${businessUser.name})`,
          influencerName: sql<string>`coalesce(${influencerProfiles.displayName}, ${influencerUser.name})`,
        })
        .from(conversations)
        .innerJoin(businessUser, eq(businessUser.id, conversations.businessId))
        .innerJoin(influencerUser, eq(influencerUser.id, conversations.influencerId))
        .leftJoin(businessProfiles, eq(businessProfiles.userId, conversations.businessId))
        .leftJoin(influencerProfiles, eq(influencerProfiles.userId, conversations.influencerId))
        .leftJoin(offers, eq(offers.conversationId, conversations.id))
        .leftJoin(campaigns, eq(campaigns.id, offers.campaignId))
        .where(inArray(conversations.id, conversationIds))
    ).map((t) => [t.id, t]),
  );
  const recipients = await mailRecipients(tx, userIds);
  const preferences = await preferencesOf(tx, userIds);

  let emails = 0;
  for (const to of recipients) {
    const prefs = preferences.get(to.id);
    const mine = counted.filter((c) => c.userId === to.id).sort((a, b) => b.maxSeq - a.maxSeq);
    if (mine.length === 0 || !prefs || prefs.muted.has('new_messages') || to.status !== 'active') continue;
    const list: UnreadThread[] = mine.map((c) => {
      const thread = threads.get(c.conversationId);
      const mineIsBusiness = thread?.businessId === to.id;
      return {
        otherName: (mineIsBusiness ? thread?.influencerName : thread?.businessName) ?? 'BeXtr',
        campaignName: thread?.campaignName ?? '',
        count: c.count,
        preview: preview(c.lastBody ?? ''),
        url: `${ctx.baseUrl}/inbox/${encodeURIComponent(c.conversationId)}`,
      };
    });
    const { links, headers } = unsubscribeFor(
      ctx.baseUrl,
      { userId: to.id, secret: prefs.token },
      'new_messages',
    );
    const inboxUrl = list.length === 1 && list[0] ? list[0].url : `${ctx.baseUrl}/inbox`;
    const mail = unreadMessagesMail(to.locale, {
      recipientName: to.name,
      threads: list,
      inboxUrl,
      unsubscribe: links,
    });
    await enqueueEmail(tx, { to: to.email, ...mail, headers });
    emails += 1;
  }
  for (const c of counted)
    await tx
      .update(members)
      .set({ emailedSeq: sql`greatest(${members.emailedSeq}, ${c.maxSeq})` })
      .where(and(eq(members.conversationId, c.conversationId), eq(members.userId, c.userId)));
  return { claimed: claimed.length, emails };
}

/** E-mails every user about messages from the other side still unread `config.mail.messageDelayMs`
 * after they were sent: one e-mail per user and run, listing each thread. Returns how many e-mails
 * were queued. `now` lets tests pretend time has passed. */
export async function sendUnreadMessageEmails(
  ctx: Pick<AppContext, 'db' | 'config' | 'baseUrl' | 'outbox'>,
  opts: { now?: Date; signal?: AbortSignal } = {},
): Promise<number> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - ctx.config.mail.messageDelayMs);
  let emails = 0;
  for (let round = 0; round < MAX_ROUNDS && !opts.signal?.aborted; round++) {
    const batch = await ctx.db.transaction((tx) => emailBatch(ctx, tx, cutoff));
    emails += batch.emails;
    if (batch.claimed === 0) break;
  }
  if (emails > 0) ctx.outbox.kick();
  return emails;
}

/** The minute timer's task (see app.ts). */
export function unreadMessageEmailTask(ctx: AppContext): HousekeepingTask {
  return {
    name: 'unread message e-mails',
    run: async (signal) => {
      await sendUnreadMessageEmails(ctx, { signal });
    },
  };
}
