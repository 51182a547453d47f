import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { newId } from './ids.ts';
import { users } from './schema.ts';
import { campaigns } from './schema-campaigns.ts';
import { conversations, offers } from './schema-offers.ts';

const id = () =>
  text('id')
    .primaryKey()
    .$defaultFn(() => newId());
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The terms both sides agreed to, frozen when the offer was accepted and replaced only by an
 * accepted amendment (never by a later edit of the campaign). */
export interface AgreementRow {
  campaignName: string;
  /** Minor units; null for barter. */
  priceAmount: number | null;
  currency: string;
  compensationType: 'paid' | 'barter';
  barterDescription: string | null;
  publishDate: string | null;
  startDate: string | null;
  endDate: string | null;
  /** Each line of the agreed deliverables; `key` ties it to its collaboration_deliverables row. */
  deliverables: {
    key: string;
    type: string;
    network: string;
    quantity: number;
    notes?: string | undefined;
  }[];
}

/** Created in the transaction that accepts an offer: one per offer. */
export const collaborations = pgTable(
  'collaborations',
  {
    id: id(),
    offerId: text('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    businessId: text('business_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    influencerId: text('influencer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id),
    status: text('status', { enum: ['active', 'delivered', 'completed', 'cancelled', 'disputed'] })
      .notNull()
      .default('active'),
    /** The state to go back to when the report that made it `disputed` is resolved. */
    statusBeforeDispute: text('status_before_dispute', { enum: ['active', 'delivered', 'completed'] }),
    agreement: jsonb('agreement').$type<AgreementRow>().notNull(),
    /** Raised by every accepted amendment (1 = the terms at acceptance). */
    agreementVersion: integer('agreement_version').notNull().default(1),
    /** A cancel asked for by one side, waiting for the other's consent. */
    cancelRequestedBy: text('cancel_requested_by').references(() => users.id, { onDelete: 'set null' }),
    cancelRequestedAt: at('cancel_requested_at'),
    cancelReason: text('cancel_reason'),
    deliveredAt: at('delivered_at'),
    completedAt: at('completed_at'),
    cancelledAt: at('cancelled_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('collaborations_offer_key').on(t.offerId),
    index('collaborations_business_idx').on(
      t.businessId,
      t.updatedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index('collaborations_influencer_idx').on(
      t.influencerId,
      t.updatedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index('collaborations_conversation_idx').on(t.conversationId),
    index('collaborations_campaign_idx').on(t.campaignId),
  ],
);

/** One line of the agreement's deliverables and where its delivery stands. */
export const collaborationDeliverables = pgTable(
  'collaboration_deliverables',
  {
    id: id(),
    collaborationId: text('collaboration_id')
      .notNull()
      .references(() => collaborations.id, { onDelete: 'cascade' }),
    /** The agreement line it belongs to (AgreementRow.deliverables[].key). */
    key: text('key').notNull(),
    position: integer('position').notNull(),
    status: text('status', { enum: ['pending', 'submitted', 'changes_requested', 'approved'] })
      .notNull()
      .default('pending'),
    /** False once an accepted amendment dropped the line (kept for the history of its proofs). */
    current: boolean('current').notNull().default(true),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('collaboration_deliverables_key').on(t.collaborationId, t.key)],
);

/** Every proof an influencer submitted for a deliverable, with the business's answer to it. */
export const deliverableProofs = pgTable(
  'deliverable_proofs',
  {
    id: id(),
    deliverableId: text('deliverable_id')
      .notNull()
      .references(() => collaborationDeliverables.id, { onDelete: 'cascade' }),
    collaborationId: text('collaboration_id')
      .notNull()
      .references(() => collaborations.id, { onDelete: 'cascade' }),
    submittedBy: text('submitted_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    url: text('url'),
    note: text('note'),
    uploadIds: text('upload_ids').array().notNull().default(sql`'{}'::text[]`),
    decision: text('decision', { enum: ['approved', 'changes_requested'] }),
    decisionNote: text('decision_note'),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: at('decided_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('deliverable_proofs_deliverable_idx').on(t.deliverableId, t.createdAt)],
);

/** A change of the terms proposed by one side; the other accepts or declines. One pending at a time. */
export const amendments = pgTable(
  'amendments',
  {
    id: id(),
    collaborationId: text('collaboration_id')
      .notNull()
      .references(() => collaborations.id, { onDelete: 'cascade' }),
    proposedBy: text('proposed_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The proposed terms (only the parts that change), e.g. price, dates, deliverables. */
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    note: text('note'),
    status: text('status', { enum: ['pending', 'accepted', 'declined', 'withdrawn'] })
      .notNull()
      .default('pending'),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: at('decided_at'),
    /** The agreement version the proposal was made against and, once accepted, the one it made. */
    baseVersion: integer('base_version').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('amendments_collaboration_idx').on(t.collaborationId, t.createdAt),
    uniqueIndex('amendments_one_pending_key').on(t.collaborationId).where(sql`status = 'pending'`),
  ],
);

/** One review per side of a completed collaboration. */
export const reviews = pgTable(
  'reviews',
  {
    id: id(),
    collaborationId: text('collaboration_id')
      .notNull()
      .references(() => collaborations.id, { onDelete: 'cascade' }),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    subjectId: text('subject_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rating: smallint('rating').notNull(),
    text: text('text').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reviews_collaboration_author_key').on(t.collaborationId, t.authorId),
    index('reviews_subject_idx').on(t.subjectId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    check('reviews_rating_range', sql`rating between 1 and 5`),
  ],
);

/** A side of a collaboration (or of an offer's thread) reporting the other. */
export const reports = pgTable(
  'reports',
  {
    id: id(),
    reporterId: text('reporter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    againstUserId: text('against_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    collaborationId: text('collaboration_id').references(() => collaborations.id, { onDelete: 'set null' }),
    conversationId: text('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    category: text('category', {
      enum: [
        'not_delivered',
        'late',
        'not_as_agreed',
        'payment_not_provided',
        'harassment',
        'fraud',
        'other',
      ],
    }).notNull(),
    description: text('description').notNull(),
    evidenceUploadIds: text('evidence_upload_ids').array().notNull().default(sql`'{}'::text[]`),
    status: text('status', { enum: ['open', 'resolved'] })
      .notNull()
      .default('open'),
    outcome: text('outcome', { enum: ['dismissed', 'warning', 'suspension'] }),
    resolutionNote: text('resolution_note'),
    resolvedBy: text('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: at('resolved_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('reports_status_idx').on(t.status, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('reports_reporter_idx').on(t.reporterId, t.createdAt.desc().nullsFirst()),
    index('reports_against_idx').on(t.againstUserId, t.createdAt.desc().nullsFirst()),
    index('reports_collaboration_idx').on(t.collaborationId),
    // One open report per reporter and collaboration: a double submit is one report.
    uniqueIndex('reports_open_collaboration_key')
      .on(t.reporterId, t.collaborationId)
      .where(sql`status = 'open' and collaboration_id is not null`),
  ],
);

/** The conversation on a report between its parties and the admins. */
export const reportMessages = pgTable(
  'report_messages',
  {
    id: id(),
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    authorRole: text('author_role', { enum: ['reporter', 'reported', 'admin'] }).notNull(),
    /** Who sees it: both parties (default) or, for an admin's message, one of them. */
    visibleTo: text('visible_to', { enum: ['all', 'reporter', 'reported'] })
      .notNull()
      .default('all'),
    body: text('body').notNull(),
    /** The Idempotency-Key of the post: a double submit is one message. */
    clientKey: text('client_key'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('report_messages_report_idx').on(t.reportId, t.createdAt),
    uniqueIndex('report_messages_client_key')
      .on(t.reportId, t.authorId, t.clientKey)
      .where(sql`client_key is not null`),
  ],
);

/** Every admin action: who, what, on what, when and why. Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_created_idx').on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId, t.createdAt.desc().nullsFirst()),
    index('audit_log_actor_idx').on(t.actorId, t.createdAt.desc().nullsFirst()),
  ],
);

/** Single-use recovery codes of an admin's second factor (sha256 of each code). */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: at('used_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('recovery_codes_hash_key').on(t.userId, t.codeHash)],
);

export type CollaborationRow = typeof collaborations.$inferSelect;
export type CollaborationDeliverableRow = typeof collaborationDeliverables.$inferSelect;
export type DeliverableProofRow = typeof deliverableProofs.$inferSelect;
export type AmendmentRow = typeof amendments.$inferSelect;
export type ReviewRow = typeof reviews.$inferSelect;
export type ReportRow = typeof reports.$inferSelect;
export type ReportMessageRow = typeof reportMessages.$inferSelect;
export type AuditLogRow = typeof auditLog.$inferSelect;
