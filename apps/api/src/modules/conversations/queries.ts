import { messagePreviewLength } from '@bextr/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/client.ts';
import {
  businessProfiles,
  campaigns,
  conversationMembers,
  conversations,
  influencerProfiles,
  messages,
  offers,
  users,
} from '../../db/schema.ts';

interface Actor {
  id: string;
  role: string;
}

const mine = alias(conversationMembers, 'mine');
const theirs = alias(conversationMembers, 'theirs');
const otherUser = alias(users, 'other_user');
const lastMessage = alias(messages, 'last_message');

/** Threads as their member sees them: the offer and its campaign, the other side's public name,
 * avatar and handle (never an e-mail), the last message's preview, my unread count (the other side's
 * messages after my read marker) and the newest of my messages the other side has read. The inner
 * join on my member row is also the access rule: without one, a thread is simply not found. */
export function selectConversations(db: Db | Tx, actor: Actor) {
  const otherId = sql<string>`case when ${conversations.businessId} = ${actor.id}
    then ${conversations.influencerId} else ${conversations.businessId} end`;
  return db
    .select({
      conversation: conversations,
      offerId: offers.id,
      offerStatus: offers.status,
      campaignId: campaigns.id,
      campaignName: campaigns.name,
      otherId: otherUser.id,
      otherName: sql<string>`coalesce(${influencerProfiles.displayName}, ${businessProfiles.companyName}, ${otherUser.name})`,
      otherAvatarId: sql<
        string | null
      >`coalesce(${influencerProfiles.avatarUploadId}, ${businessProfiles.logoUploadId})`,
      otherHandle: influencerProfiles.handle,
      lastMessageId: lastMessage.id,
      lastMessageSenderId: lastMessage.senderId,
      lastMessagePreview: sql<
        string | null
      >`left(${lastMessage.body}, ${sql.raw(String(messagePreviewLength))})`,
      lastMessageAttachments: sql<number>`coalesce(cardinality(${lastMessage.attachmentIds}), 0)`.mapWith(
        Number,
      ),
      lastMessageAt: lastMessage.createdAt,
      unreadCount: sql<number>`(select count(*) from messages m
        where m.conversation_id = ${conversations.id} and m.seq > ${mine.readSeq}
          and m.sender_id <> ${actor.id})`.mapWith(Number),
      otherReadUpTo: sql<string | null>`(select m.id from messages m
        where m.conversation_id = ${conversations.id} and m.sender_id = ${actor.id}
          and m.seq <= ${theirs.readSeq} order by m.seq desc limit 1)`,
    })
    .from(conversations)
    .innerJoin(mine, and(eq(mine.conversationId, conversations.id), eq(mine.userId, actor.id)))
    .innerJoin(otherUser, eq(otherUser.id, otherId))
    .leftJoin(theirs, and(eq(theirs.conversationId, conversations.id), eq(theirs.userId, otherUser.id)))
    .innerJoin(offers, eq(offers.conversationId, conversations.id))
    .innerJoin(campaigns, eq(campaigns.id, offers.campaignId))
    .leftJoin(influencerProfiles, eq(influencerProfiles.userId, otherUser.id))
    .leftJoin(businessProfiles, eq(businessProfiles.userId, otherUser.id))
    .leftJoin(lastMessage, eq(lastMessage.id, conversations.lastMessageId));
}
export type ConversationWithParties = Awaited<ReturnType<typeof selectConversations>>[number];

/** One thread of the actor's, or null (anyone else's is simply not found). */
export async function findConversation(
  db: Db | Tx,
  actor: Actor,
  id: string,
): Promise<ConversationWithParties | null> {
  const [row] = await selectConversations(db, actor).where(eq(conversations.id, id)).limit(1);
  return row ?? null;
}

/** The actor's member row of a thread (their read marker), or null when they are not a member. */
export async function findMembership(db: Db | Tx, actor: Actor, conversationId: string) {
  const [row] = await db
    .select()
    .from(conversationMembers)
    .where(
      and(eq(conversationMembers.conversationId, conversationId), eq(conversationMembers.userId, actor.id)),
    );
  return row ?? null;
}

/** Unread messages (the other side's, after my read marker) across all my threads, and in one of
 * them when `conversationId` is given — one query either way. */
export async function countUnread(
  db: Db | Tx,
  userId: string,
  conversationId?: string,
): Promise<{ total: number; inThread: number }> {
  const inThread = conversationId
    ? sql<number>`count(*) filter (where ${conversationMembers.conversationId} = ${conversationId})`
    : sql<number>`0`;
  const [row] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number), inThread: inThread.mapWith(Number) })
    .from(conversationMembers)
    .innerJoin(
      messages,
      and(
        eq(messages.conversationId, conversationMembers.conversationId),
        sql`${messages.seq} > ${conversationMembers.readSeq}`,
        sql`${messages.senderId} <> ${conversationMembers.userId}`,
      ),
    )
    .where(eq(conversationMembers.userId, userId));
  return { total: row?.total ?? 0, inThread: row?.inThread ?? 0 };
}
