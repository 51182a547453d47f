import { faqGroups } from '@bextr/contracts';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { newId } from './ids.ts';
import { users } from './schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Published (or unpublished) FAQ entries, one row per language. */
export const faqEntries = pgTable(
  'faq_entries',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => newId()),
    locale: text('locale', { enum: ['en', 'sk'] }).notNull(),
    group: text('group', { enum: faqGroups }).notNull(),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    /** Order within (locale, group), 0 first. */
    position: integer('position').notNull().default(0),
    published: boolean('published').notNull().default(true),
    /** The initial entry this row came from (boot inserts each once per language). */
    seedKey: text('seed_key'),
    /** The visitor's question this entry was published from. */
    sourceQuestionId: text('source_question_id').references(() => faqQuestions.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('faq_entries_order_idx').on(t.locale, t.group, t.position),
    uniqueIndex('faq_entries_seed_key').on(t.seedKey, t.locale),
  ],
);

/** Visitors' questions: nothing here is public until an admin answers and publishes. */
export const faqQuestions = pgTable(
  'faq_questions',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => newId()),
    question: text('question').notNull(),
    /** The language the question was first asked in (the answer is written in it). */
    locale: text('locale', { enum: ['en', 'sk'] }).notNull(),
    status: text('status', { enum: ['new', 'answered', 'dismissed'] })
      .notNull()
      .default('new'),
    /** sha256 of the normalized question: the same open question is stored once. */
    questionHash: text('question_hash').notNull(),
    /** How many more times the question was sent while it waited (every submission counts). */
    duplicates: integer('duplicates').notNull().default(0),
    answer: text('answer'),
    answeredAt: at('answered_at'),
    answeredBy: text('answered_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('faq_questions_open_hash_key').on(t.questionHash).where(sql`status = 'new'`),
    index('faq_questions_status_idx').on(t.status, t.createdAt),
  ],
);

/** Everyone who asked a question (the first asker too), with the contact for the answer e-mail.
 * The same e-mail is stored once per question; anonymous askers are each a row of their own. */
export const faqQuestionAskers = pgTable(
  'faq_question_askers',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => newId()),
    questionId: text('question_id')
      .notNull()
      .references(() => faqQuestions.id, { onDelete: 'cascade' }),
    name: text('name'),
    email: text('email'),
    /** The language this asker wants the answer e-mail in. */
    locale: text('locale', { enum: ['en', 'sk'] }).notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('faq_question_askers_email_key').on(t.questionId, sql`lower(${t.email})`),
    index('faq_question_askers_question_idx').on(t.questionId, t.createdAt),
  ],
);
