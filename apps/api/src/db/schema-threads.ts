import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { newId } from './ids.ts';
import { users } from './schema.ts';
import { conversations } from './schema-offers.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const seq = (name: string) => bigint(name, { mode: 'number' });

/** A message in a thread. `seq` orders a thread's messages (sends to one thread are serialised by
 * the conversation row's lock, so seq order is commit order); `client_id` makes sending idempotent. */
export const messages = pgTable(
  'messages',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => newId()),
    seq: seq('seq').notNull().generatedAlwaysAsIdentity(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    senderId: text('sender_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    clientId: text('client_id').notNull(),
    /** Ids of the attached uploads, in order (also linked in upload_links for access). */
    attachmentIds: text('attachment_ids').array().notNull().default(sql`'{}'::text[]`),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('messages_client_key').on(t.conversationId, t.senderId, t.clientId),
    // NULLS FIRST, as ORDER BY seq DESC sorts: a DESC NULLS LAST key serves no newest-first page.
    index('messages_conversation_idx').on(t.conversationId, t.seq.desc().nullsFirst()),
  ],
);

/** Who takes part in a thread, with each one's read marker and how far unread mail went out. */
export const conversationMembers = pgTable(
  'conversation_members',
  {
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The seq of the newest message this member has read (0 = none). */
    readSeq: seq('read_seq').notNull().default(0),
    /** The seq up to which unread messages were already e-mailed to this member. */
    emailedSeq: seq('emailed_seq').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.userId] }),
    index('conversation_members_user_idx').on(t.userId),
  ],
);

/** Every live event a user should see, kept a few days so a reconnect (Last-Event-ID) replays what it
 * missed. The id is the SSE event id; rows are NOTIFYed by id inside the writing transaction, so
 * listeners hear of them only once committed. */
export const liveEvents = pgTable(
  'live_events',
  {
    id: seq('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    data: jsonb('data').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('live_events_user_idx').on(t.userId, t.id), index('live_events_created_idx').on(t.createdAt)],
);

/** A user's e-mail preferences: the muted kinds, and the secret of their one-click unsubscribe links. */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  emailMuted: text('email_muted').array().notNull().default(sql`'{}'::text[]`),
  unsubscribeToken: text('unsubscribe_token')
    .notNull()
    .unique()
    .$defaultFn(() => newId() + newId()),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

export type MessageRow = typeof messages.$inferSelect;
export type LiveEventRow = typeof liveEvents.$inferSelect;
