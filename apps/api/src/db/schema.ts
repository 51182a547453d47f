import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { newId } from './ids.ts';

const id = () =>
  text('id')
    .primaryKey()
    .$defaultFn(() => newId());
const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['business', 'influencer', 'admin'] }).notNull(),
    name: text('name').notNull(),
    locale: text('locale', { enum: ['en', 'sk'] })
      .notNull()
      .default('en'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true, mode: 'date' }),
    status: text('status', { enum: ['active', 'suspended'] })
      .notNull()
      .default('active'),
    isDemo: boolean('is_demo').notNull().default(false),
    /** Set with status 'suspended' by an admin; cleared on reinstatement. */
    suspendedAt: timestamp('suspended_at', { withTimezone: true, mode: 'date' }),
    suspensionReason: text('suspension_reason'),
    /** Admins' second factor: the TOTP secret (base32) once enrolled, and the last time step used
     * (a code is accepted once). */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true, mode: 'date' }),
    totpLastStep: integer('totp_last_step'),
    /** Reviews received: count and the sum of their ratings (average = total / count), kept in the
     * review's transaction. */
    ratingCount: integer('rating_count').notNull().default(0),
    ratingTotal: integer('rating_total').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    /** The few accounts that are not active (suspended): discovery leaves their campaigns out with
     * one hashed list instead of a lookup per matching campaign (decision 018). */
    index('users_not_active_idx').on(t.id).where(sql`status <> 'active'`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token: a database leak does not hand out live sessions. */
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    userAgent: text('user_agent'),
    /** An admin who gave the password but not yet the second factor: the session is good only for
     * the second-factor step. */
    secondFactorPending: boolean('second_factor_pending').notNull().default(false),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const emailTokens = pgTable(
  'email_tokens',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['verify_email', 'password_reset'] }).notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('email_tokens_hash_key').on(t.tokenHash),
    index('email_tokens_user_idx').on(t.userId),
    index('email_tokens_expires_idx').on(t.expiresAt),
    index('email_tokens_used_idx').on(t.usedAt).where(sql`used_at is not null`),
  ],
);

/** Durable queue of slow side effects (e-mail now), worked after commit with retries. */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    kind: text('kind', { enum: ['email'] }).notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: ['pending', 'done', 'dead'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    runAt: timestamp('run_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: createdAt(),
    doneAt: timestamp('done_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('outbox_pending_idx').on(t.runAt).where(sql`status = 'pending'`)],
);

/** Messages "sent" while no SMTP server is configured (development and tests). */
export const devMail = pgTable('dev_mail', {
  id: id(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  html: text('html').notNull(),
  /** Extra headers as SMTP would send them (List-Unsubscribe, List-Unsubscribe-Post). */
  headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
  sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

/** Fixed-window rate-limit counters shared by every process (decision 019): one row per key, counted
 * by an atomic upsert; windows that ended are pruned by the housekeeping. */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    count: integer('count').notNull(),
    resetAt: timestamp('reset_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('rate_limits_reset_idx').on(t.resetAt)],
);
export * from './schema-campaigns.ts';
export * from './schema-collaborations.ts';
export * from './schema-faq.ts';
export * from './schema-influencers.ts';
export * from './schema-offers.ts';
export * from './schema-threads.ts';
export * from './schema-uploads.ts';
