import type { ConversationReadBody } from '@bextr/contracts';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { conversationMembers, conversations, messages } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import { isIsoTimestamp } from '../../lib/cursor-keys.ts';
import { publishEvents } from '../../lib/events/publish.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { decodeCursor, pageOf } from '../campaigns/cursor.ts';
import { otherMemberOf, ownSideColumn } from './policy.ts';
import { countUnread, findConversation, findMembership, selectConversations } from './queries.ts';

type ActivityKey = { a: string; id: string };
const isActivityKey = (v: Record<string, unknown>): v is ActivityKey =>
  isIsoTimestamp(v.a) && typeof v.id === 'string';
type SeqKey = { s: number };
const isSeqKey = (v: Record<string, unknown>): v is SeqKey =>
  typeof v.s === 'number' && Number.isSafeInteger(v.s) && v.s > 0;

/** My threads, the newest activity first, with my unread total across all of them. An admin takes
 * part in none. */
export async function listConversations(
  ctx: AppContext,
  opts: { user: SessionUser; limit: number; cursor?: string | undefined },
) {
  const after = decodeCursor(opts.cursor, isActivityKey);
  const side = ownSideColumn(opts.user);
  if (!side) return { page: [], nextCursor: null, unreadTotal: 0 };
  const rows = await selectConversations(ctx.db, opts.user)
    .where(
      and(
        // The side's own column first: the index on (side, last_activity_at desc) serves the order.
        sql`${sql.identifier('conversations')}.${sql.identifier(side)} = ${opts.user.id}`,
        after
          ? sql`(${conversations.lastActivityAt}, ${conversations.id}) < (${after.a}::timestamptz, ${after.id})`
          : undefined,
      ),
    )
    .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
    .limit(opts.limit + 1);
  const { page, nextCursor } = pageOf(rows, opts.limit, (r) => ({
    a: r.conversation.lastActivityAt.toISOString(),
    id: r.conversation.id,
  }));
  return { page, nextCursor, unreadTotal: (await countUnread(ctx.db, opts.user.id)).total };
}

/** One of my threads; anyone else's is 404. */
export async function getConversation(ctx: AppContext, opts: { user: SessionUser; id: string }) {
  const found = await findConversation(ctx.db, opts.user, opts.id);
  if (!found) throw notFound();
  return found;
}

/** The messages of one of my threads, newest first, paged by their seq (commit order). */
export async function listMessages(
  ctx: AppContext,
  opts: { user: SessionUser; id: string; limit: number; cursor?: string | undefined },
) {
  const after = decodeCursor(opts.cursor, isSeqKey);
  if (!(await findMembership(ctx.db, opts.user, opts.id))) throw notFound();
  const rows = await ctx.db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, opts.id), after ? lt(messages.seq, after.s) : undefined))
    .orderBy(desc(messages.seq))
    .limit(opts.limit + 1);
  return pageOf(rows, opts.limit, (r) => ({ s: r.seq }));
}

/** Moves my read marker in a thread up to a message of it (never back: the greater one stays), and
 * tells both members when it moved. A message that is not in this thread is 404, as is a thread that
 * is not mine. Answers my unread count there and in total. */
export async function markConversationRead(
  ctx: AppContext,
  opts: { user: SessionUser; id: string; body: ConversationReadBody },
) {
  const { user } = opts;
  return ctx.db.transaction(async (tx) => {
    // Membership and the two sides (for the `read` event) in one read; not a member: 404.
    const [sides] = await tx
      .select({ businessId: conversations.businessId, influencerId: conversations.influencerId })
      .from(conversations)
      .innerJoin(
        conversationMembers,
        and(
          eq(conversationMembers.conversationId, conversations.id),
          eq(conversationMembers.userId, user.id),
        ),
      )
      .where(eq(conversations.id, opts.id));
    if (!sides) throw notFound();
    const [message] = await tx
      .select({ id: messages.id, seq: messages.seq })
      .from(messages)
      .where(and(eq(messages.id, opts.body.upTo), eq(messages.conversationId, opts.id)));
    if (!message) throw notFound();
    const [moved] = await tx
      .update(conversationMembers)
      .set({ readSeq: message.seq })
      .where(
        and(
          eq(conversationMembers.conversationId, opts.id),
          eq(conversationMembers.userId, user.id),
          lt(conversationMembers.readSeq, message.seq),
        ),
      )
      .returning({ readSeq: conversationMembers.readSeq });
    if (moved) {
      const data = { conversationId: opts.id, userId: user.id, upTo: message.id };
      await publishEvents(tx, [
        { userId: user.id, type: 'read', data },
        { userId: otherMemberOf(user, sides), type: 'read', data },
      ]);
    }
    const unread = await countUnread(tx, user.id, opts.id);
    return { unreadCount: unread.inThread, unreadTotal: unread.total };
  });
}
