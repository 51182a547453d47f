import type { FaqEntry, FaqQuestion } from '@bextr/contracts';
import type { faqEntries, faqQuestionAskers, faqQuestions } from '../../db/schema.ts';

type EntryRow = typeof faqEntries.$inferSelect;
type QuestionRow = typeof faqQuestions.$inferSelect;
type AskerRow = Pick<typeof faqQuestionAskers.$inferSelect, 'id' | 'name' | 'email' | 'locale' | 'createdAt'>;

export function presentEntry(row: EntryRow): FaqEntry {
  return {
    id: row.id,
    locale: row.locale,
    group: row.group,
    question: row.question,
    answer: row.answer,
    position: row.position,
    published: row.published,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A visitor's question as admins see it, with everyone who asked it and their contacts (which
 * only admins get). `askers` must be the question's askers, oldest first. */
export function presentQuestion(
  row: QuestionRow,
  askers: AskerRow[],
  published: Pick<EntryRow, 'id' | 'locale'>[] = [],
): FaqQuestion {
  return {
    id: row.id,
    question: row.question,
    locale: row.locale,
    status: row.status,
    duplicates: row.duplicates,
    askers: askers.map((a) => ({
      id: a.id,
      name: a.name,
      email: a.email,
      locale: a.locale,
      askedAt: a.createdAt.toISOString(),
    })),
    emailRecipients: askers.filter((a) => a.email).length,
    answer: row.answer,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    publishedEntries: published.map((e) => ({ id: e.id, locale: e.locale })),
  };
}
