import type { MessageBody } from '@bextr/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { conversationMembers, conversations, type MessageRow, messages } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import { publishEvents } from '../../lib/events/publish.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { linkMessageUploads } from '../uploads/service.ts';
import { isMember, otherMemberOf, sendMessageLimit } from './policy.ts';
import { presentMessage } from './presenter.ts';

/** The thread's row, locked until the transaction ends, if the user is one of its two members.
 * FOR NO KEY UPDATE conflicts with itself, so sends to one thread queue here and a message's seq
 * (taken after the lock) follows commit order; it does not block foreign-key checks (FOR KEY SHARE)
 * of rows pointing at the thread. Nothing locks a campaign row after a thread, so the offers' lock
 * order (campaign, then the rest) is kept. */
async function lockThread(tx: Tx, user: SessionUser, id: string) {
  const [row] = await tx.select().from(conversations).where(eq(conversations.id, id)).for('no key update');
  return row && isMember(user, row) ? row : null;
}

/** Sends a message to one of my threads (anyone else's: 404), idempotently: the same clientId from
 * the same sender again stores nothing and answers the stored message. In one transaction, holding
 * the thread's row: the message (ON CONFLICT on (conversation, sender, clientId) DO NOTHING), its
 * attachments linked (the sender's own uploads only, else 400), the thread's last message and
 * activity, my read marker moved to my message, and a `message` live event to both members. */
export async function sendMessage(
  ctx: AppContext,
  opts: { user: SessionUser; conversationId: string; body: MessageBody },
): Promise<MessageRow> {
  const { user } = opts;
  await ctx.limiter.hit(sendMessageLimit, `message:${user.id}`);
  const body = opts.body.body ?? '';
  const attachmentIds = [...new Set(opts.body.attachmentIds ?? [])];
  return ctx.db.transaction(async (tx) => {
    const thread = await lockThread(tx, user, opts.conversationId);
    if (!thread) throw notFound();
    const now = new Date();
    const [inserted] = await tx
      .insert(messages)
      .values({
        conversationId: thread.id,
        senderId: user.id,
        body,
        clientId: opts.body.clientId,
        attachmentIds,
        createdAt: now,
      })
      .onConflictDoNothing({ target: [messages.conversationId, messages.senderId, messages.clientId] })
      .returning();
    if (!inserted)
      return findSent(tx, { conversationId: thread.id, senderId: user.id, clientId: opts.body.clientId });

    if (attachmentIds.length > 0)
      await linkMessageUploads(tx, {
        senderId: user.id,
        conversationId: thread.id,
        messageId: inserted.id,
        uploadIds: attachmentIds,
      });
    // The thread's last message and activity ride along with my read marker: one round trip.
    const touchThread = tx.$with('touch_thread', {}).as(
      sql`update ${conversations} set
        last_activity_at = greatest(${conversations.lastActivityAt}, ${now.toISOString()}::timestamptz),
        last_message_id = ${inserted.id}, last_message_seq = ${inserted.seq}
        where ${conversations.id} = ${thread.id}`,
    );
    await tx
      .with(touchThread)
      .update(conversationMembers)
      .set({ readSeq: sql`greatest(${conversationMembers.readSeq}, ${inserted.seq})` })
      .where(and(eq(conversationMembers.conversationId, thread.id), eq(conversationMembers.userId, user.id)));
    const data = { conversationId: thread.id, message: presentMessage(inserted) };
    await publishEvents(tx, [
      { userId: user.id, type: 'message', data },
      { userId: otherMemberOf(user, thread), type: 'message', data },
    ]);
    return inserted;
  });
}

/** The message a sender already stored under a clientId (a retry of the same send). */
async function findSent(tx: Tx, key: { conversationId: string; senderId: string; clientId: string }) {
  const [row] = await tx
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, key.conversationId),
        eq(messages.senderId, key.senderId),
        eq(messages.clientId, key.clientId),
      ),
    );
  if (!row) throw new Error('message neither inserted nor found');
  return row;
}
