import { createHash } from 'node:crypto';
import type { FaqAnswerBody, FaqQuestionBody, FaqQuestionStatus, Locale } from '@bextr/contracts';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db, Tx } from '../../db/client.ts';
import { faqEntries, faqQuestionAskers, faqQuestions } from '../../db/schema.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { enqueueEmail } from '../../lib/mail/outbox.ts';
import { faqAnswerMail } from '../../lib/mail/templates.ts';
import { addressKey, type LimitRule } from '../../lib/rate-limit.ts';
import { recordAudit } from '../admin/audit.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { createdBefore, createdKey, decodeCursor, isCreatedKey, pageOf } from '../campaigns/cursor.ts';
import { insertEntryLast } from './entries.ts';
import { presentQuestion } from './presenter.ts';

/** Questions one address may send per hour (times RATE_LIMIT_SCALE). */
export const questionPerIp: LimitRule = { max: 5, windowSeconds: 60 * 60 };
/** A form sent sooner than this after it appeared was not typed by a person. */
export const MIN_FILL_MS = 3000;

/** Case, accents, punctuation and spacing do not make a question different. */
export function normalizeQuestion(question: string): string {
  return question
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const hashQuestion = (question: string) =>
  createHash('sha256').update(normalizeQuestion(question)).digest('hex');

/** Takes a visitor's question. Spam (honeypot filled, sent too fast) is dropped without a word, so
 * the sender learns nothing; the same open question asked again is counted, not stored twice, and
 * its asker is added to the question's askers (once per e-mail) so the answer reaches everyone. */
export async function submitQuestion(ctx: AppContext, opts: { body: FaqQuestionBody; ip: string }) {
  await ctx.limiter.hit(questionPerIp, `faq-question:ip:${addressKey(opts.ip)}`);
  const { body } = opts;
  if (body.website?.trim()) return;
  if (body.elapsedMs !== undefined && body.elapsedMs < MIN_FILL_MS) return;
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    // The upsert locks the open question's row until this commits, so an answer being given at the
    // same moment either waits and then sees this asker, or wins and this becomes a new question.
    const [question] = await tx
      .insert(faqQuestions)
      .values({
        question: body.question,
        locale: body.locale,
        questionHash: hashQuestion(body.question),
        createdAt: now,
      })
      .onConflictDoUpdate({
        target: faqQuestions.questionHash,
        targetWhere: sql`status = 'new'`,
        set: { duplicates: sql`${faqQuestions.duplicates} + 1` },
      })
      .returning({ id: faqQuestions.id });
    if (!question) throw new Error('faq question upsert returned no row');
    // The same e-mail asking again is already an asker (unique per question, case-insensitive).
    await tx
      .insert(faqQuestionAskers)
      .values({
        questionId: question.id,
        name: body.name ?? null,
        email: body.email?.trim() || null,
        locale: body.locale,
        createdAt: now,
      })
      .onConflictDoNothing();
  });
}

/** The askers of these questions, oldest first, by question id. */
async function askersOf(db: Db | Tx, questionIds: string[]) {
  const byQuestion = new Map<string, (typeof faqQuestionAskers.$inferSelect)[]>();
  if (questionIds.length === 0) return byQuestion;
  const rows = await db
    .select()
    .from(faqQuestionAskers)
    .where(inArray(faqQuestionAskers.questionId, questionIds))
    .orderBy(asc(faqQuestionAskers.createdAt), asc(faqQuestionAskers.id));
  for (const row of rows) {
    const list = byQuestion.get(row.questionId) ?? [];
    list.push(row);
    byQuestion.set(row.questionId, list);
  }
  return byQuestion;
}

async function publishedEntriesOf(ctx: AppContext, questionIds: string[]) {
  if (questionIds.length === 0) return [];
  return ctx.db
    .select({ id: faqEntries.id, locale: faqEntries.locale, sourceQuestionId: faqEntries.sourceQuestionId })
    .from(faqEntries)
    .where(inArray(faqEntries.sourceQuestionId, questionIds));
}

/** The queue: questions with one status, newest first. */
export async function listQuestions(
  ctx: AppContext,
  opts: { status: FaqQuestionStatus; limit: number; cursor?: string | undefined },
) {
  const after = decodeCursor(opts.cursor, isCreatedKey);
  const rows = await ctx.db
    .select()
    .from(faqQuestions)
    .where(
      and(
        eq(faqQuestions.status, opts.status),
        after ? createdBefore(faqQuestions.createdAt, faqQuestions.id, after) : undefined,
      ),
    )
    .orderBy(desc(faqQuestions.createdAt), desc(faqQuestions.id))
    .limit(opts.limit + 1);
  const { page, nextCursor } = pageOf(rows, opts.limit, createdKey);
  const ids = page.map((r) => r.id);
  const entries = await publishedEntriesOf(ctx, ids);
  const askers = await askersOf(ctx.db, ids);
  return {
    items: page.map((r) =>
      presentQuestion(
        r,
        askers.get(r.id) ?? [],
        entries.filter((e) => e.sourceQuestionId === r.id),
      ),
    ),
    nextCursor,
  };
}

async function findStateConflict(ctx: AppContext, id: string): Promise<never> {
  const [exists] = await ctx.db
    .select({ id: faqQuestions.id })
    .from(faqQuestions)
    .where(eq(faqQuestions.id, id));
  throw exists ? conflict() : notFound();
}

/** Answers a new question: e-mails every asker who left an address (each in their own language,
 * queued in the same transaction as the answer), and publishes the question with its answer in one or both languages when asked to. */
export async function answerQuestion(
  ctx: AppContext,
  opts: { id: string; admin: SessionUser; body: FaqAnswerBody },
) {
  const { body } = opts;
  const result = await ctx.db.transaction(async (tx) => {
    const [question] = await tx
      .update(faqQuestions)
      .set({ status: 'answered', answer: body.answer, answeredAt: new Date(), answeredBy: opts.admin.id })
      .where(and(eq(faqQuestions.id, opts.id), eq(faqQuestions.status, 'new')))
      .returning();
    if (!question) return null;
    // Read after the update: a visitor adding themselves right now has committed by then (see submit).
    const askers = (await askersOf(tx, [question.id])).get(question.id) ?? [];
    for (const asker of askers) {
      if (!asker.email) continue;
      await enqueueEmail(tx, {
        to: asker.email,
        ...faqAnswerMail(asker.locale, {
          name: asker.name,
          question: question.question,
          answer: body.answer,
          faqUrl: `${ctx.baseUrl}/faq${asker.locale === 'sk' ? '?lang=sk' : ''}`,
        }),
      });
    }
    const published = [];
    if (body.publish) {
      const target = body.locale ?? question.locale;
      const targets: Locale[] = target === 'both' ? ['en', 'sk'] : [target];
      for (const locale of targets) {
        const own = { question: body.question ?? question.question, answer: body.answer };
        const text = locale === question.locale ? own : (body.translation ?? own);
        published.push(
          await insertEntryLast(tx, {
            locale,
            group: body.group ?? 'basics',
            ...text,
            sourceQuestionId: question.id,
          }),
        );
      }
    }
    await recordAudit(tx, {
      actorId: opts.admin.id,
      action: 'faq.question_answer',
      subjectType: 'faq_question',
      subjectId: question.id,
      reason: body.answer,
      details: { published: published.map((e) => ({ id: e.id, locale: e.locale })) },
    });
    return { question, askers, published };
  });
  if (!result) return findStateConflict(ctx, opts.id);
  ctx.outbox.kick();
  return presentQuestion(result.question, result.askers, result.published);
}

export async function dismissQuestion(ctx: AppContext, opts: { id: string; admin: SessionUser }) {
  const question = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(faqQuestions)
      .set({ status: 'dismissed' })
      .where(and(eq(faqQuestions.id, opts.id), eq(faqQuestions.status, 'new')))
      .returning();
    if (row)
      await recordAudit(tx, {
        actorId: opts.admin.id,
        action: 'faq.question_dismiss',
        subjectType: 'faq_question',
        subjectId: row.id,
      });
    return row;
  });
  if (!question) return findStateConflict(ctx, opts.id);
  return presentQuestion(question, (await askersOf(ctx.db, [question.id])).get(question.id) ?? []);
}
