import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { newId } from './ids.ts';
import { users } from './schema.ts';
import { campaigns, type DeliverableRow } from './schema-campaigns.ts';

const id = () =>
  text('id')
    .primaryKey()
    .$defaultFn(() => newId());
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A business's invitation to an influencer to send an offer to one of its published campaigns. */
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    influencerId: text('influencer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    message: text('message').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invitations_campaign_influencer_key').on(t.campaignId, t.influencerId),
    index('invitations_influencer_idx').on(
      t.influencerId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
  ],
);

/** One thread per offer, between the campaign's business and the influencer. Its members (with
 * read markers) are in conversation_members; its messages in messages. */
export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    businessId: text('business_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    influencerId: text('influencer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: at('created_at').notNull().defaultNow(),
    lastActivityAt: at('last_activity_at').notNull().defaultNow(),
    /** The newest message (for the inbox preview) and its seq (0 = no message yet). */
    lastMessageId: text('last_message_id'),
    lastMessageSeq: bigint('last_message_seq', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    index('conversations_business_idx').on(t.businessId, t.lastActivityAt.desc().nullsFirst()),
    index('conversations_influencer_idx').on(t.influencerId, t.lastActivityAt.desc().nullsFirst()),
  ],
);

export const offers = pgTable(
  'offers',
  {
    id: id(),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    influencerId: text('influencer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', {
      enum: ['pending', 'shortlisted', 'accepted', 'rejected', 'withdrawn', 'expired'],
    })
      .notNull()
      .default('pending'),
    pitch: text('pitch').notNull(),
    deliverables: jsonb('deliverables').$type<DeliverableRow[]>().notNull(),
    /** Paid campaigns: the proposed price in minor units; null for barter. */
    priceAmount: integer('price_amount'),
    currency: text('currency').notNull().default('EUR'),
    barterAccepted: boolean('barter_accepted').notNull().default(false),
    proposedPublishDate: date('proposed_publish_date', { mode: 'string' }),
    rejectionReason: text('rejection_reason'),
    /** Share (0–100) of the influencer's audience in the campaign's countries when the offer was
     * sent; null when the campaign names no countries. Kept so the review can sort by it. */
    audienceFit: doublePrecision('audience_fit'),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id),
    invitationId: text('invitation_id').references(() => invitations.id, { onDelete: 'set null' }),
    decidedAt: at('decided_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // One live offer per influencer and campaign, whatever the concurrency.
    uniqueIndex('offers_live_key')
      .on(t.campaignId, t.influencerId)
      .where(sql`status in ('pending', 'shortlisted', 'accepted')`),
    uniqueIndex('offers_conversation_key').on(t.conversationId),
    index('offers_campaign_idx').on(t.campaignId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('offers_influencer_idx').on(
      t.influencerId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    check('offers_price_positive', sql`price_amount is null or price_amount > 0`),
  ],
);

/** The in-app list of events for a user (live delivery and e-mail preferences arrive with #6). */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    offerId: text('offer_id').references(() => offers.id, { onDelete: 'cascade' }),
    campaignId: text('campaign_id').references(() => campaigns.id, { onDelete: 'cascade' }),
    /** The user whose action caused it (the other side). */
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** The collaboration or report it is about (#7); plain ids, as those tables come later. */
    collaborationId: text('collaboration_id'),
    reportId: text('report_id'),
    /** Words of the acting side that belong to the event (an admin's warning, a reason). */
    note: text('note'),
    readAt: at('read_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('notifications_unread_idx').on(t.userId).where(sql`read_at is null`),
  ],
);

export type OfferRow = typeof offers.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;
