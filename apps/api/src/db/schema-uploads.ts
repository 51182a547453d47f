import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { newId } from './ids.ts';
import { users } from './schema.ts';

/** A stored image: re-encoded, metadata stripped, under server-made storage keys. */
export const uploads = pgTable(
  'uploads',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => newId()),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    contentType: text('content_type', { enum: ['image/jpeg', 'image/png', 'image/webp'] }).notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    storageKey: text('storage_key').notNull(),
    thumbKey: text('thumb_key').notNull(),
    /** The Idempotency-Key of the upload request: a double submit stores one image. */
    clientKey: text('client_key'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('uploads_owner_idx').on(t.ownerId),
    index('uploads_created_idx').on(t.createdAt),
    uniqueIndex('uploads_client_key').on(t.ownerId, t.clientKey).where(sql`client_key is not null`),
  ],
);

/** Where an image is used. Who may see an upload is a query over these rows: the owner, and whoever
 * may see the subject (`influencer_profile` and `business_profile` = the user id, `campaign` = the
 * campaign id). `via` + `via_id` name the field holding it (the avatar, a portfolio item, an insight,
 * a campaign's cover, a business's logo, a message's attachment — its subject the conversation), so an edit replaces exactly its rows. */
export const uploadLinks = pgTable(
  'upload_links',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => newId()),
    uploadId: text('upload_id')
      .notNull()
      .references(() => uploads.id, { onDelete: 'cascade' }),
    subjectType: text('subject_type', {
      enum: ['influencer_profile', 'campaign', 'business_profile', 'conversation', 'collaboration', 'report'],
    }).notNull(),
    subjectId: text('subject_id').notNull(),
    via: text('via', {
      enum: ['avatar', 'portfolio', 'insight', 'cover', 'logo', 'message', 'proof', 'evidence'],
    }).notNull(),
    viaId: text('via_id').notNull(),
  },
  (t) => [index('upload_links_upload_idx').on(t.uploadId), index('upload_links_via_idx').on(t.via, t.viaId)],
);

export type UploadRow = typeof uploads.$inferSelect;
