import {
  type FaqEntryCreateBody,
  type FaqEntryUpdateBody,
  type FaqGroup,
  type FaqResponse,
  faqGroups,
  faqGroupTitles,
  type Locale,
} from '@bextr/contracts';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db, Tx } from '../../db/client.ts';
import { faqEntries } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import { recordAudit } from '../admin/audit.ts';
import type { SessionUser } from '../auth/sessions.ts';

const inOrder = [asc(faqEntries.position), asc(faqEntries.createdAt), asc(faqEntries.id)];
const groupRank = (group: FaqGroup) => faqGroups.indexOf(group);
type FaqEntryRow = typeof faqEntries.$inferSelect;

/** The published FAQ of one language, grouped in the FAQ's group order. */
export async function listPublishedFaq(db: Db, opts: { locale: Locale }): Promise<FaqResponse> {
  const rows = await db
    .select()
    .from(faqEntries)
    .where(and(eq(faqEntries.locale, opts.locale), eq(faqEntries.published, true)))
    .orderBy(...inOrder);
  const groups = faqGroups
    .map((group) => ({
      group,
      title: faqGroupTitles[opts.locale][group],
      entries: rows
        .filter((r) => r.group === group)
        .map((r) => ({ id: r.id, question: r.question, answer: r.answer })),
    }))
    .filter((g) => g.entries.length > 0);
  return { locale: opts.locale, groups };
}

/** Every entry (published or not), for the editor. */
export async function listEntries(ctx: AppContext, opts: { locale?: Locale | undefined }) {
  const rows = await ctx.db
    .select()
    .from(faqEntries)
    .where(opts.locale ? eq(faqEntries.locale, opts.locale) : undefined)
    .orderBy(...inOrder);
  return rows.sort((a, b) => groupRank(a.group) - groupRank(b.group) || a.locale.localeCompare(b.locale));
}

/** Adds an entry at the end of its group. */
export async function insertEntryLast(
  tx: Tx | Db,
  values: {
    locale: Locale;
    group: FaqGroup;
    question: string;
    answer: string;
    published?: boolean | undefined;
    sourceQuestionId?: string;
  },
) {
  const [last] = await tx
    .select({ max: sql<number | null>`max(${faqEntries.position})` })
    .from(faqEntries)
    .where(and(eq(faqEntries.locale, values.locale), eq(faqEntries.group, values.group)));
  const position = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
  const [row] = await tx
    .insert(faqEntries)
    .values({ ...values, published: values.published ?? true, position })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** The audit entry of an admin's change to an entry: what it is about, never the whole text. */
const entryAudit = (
  action: 'faq.entry_create' | 'faq.entry_update' | 'faq.entry_delete',
  admin: SessionUser,
  entry: Pick<FaqEntryRow, 'id' | 'locale' | 'group'>,
  details: Record<string, unknown> = {},
) => ({
  actorId: admin.id,
  action,
  subjectType: 'faq_entry' as const,
  subjectId: entry.id,
  details: { locale: entry.locale, group: entry.group, ...details },
});

export function createEntry(ctx: AppContext, opts: { body: FaqEntryCreateBody; admin: SessionUser }) {
  return ctx.db.transaction(async (tx) => {
    const entry = await insertEntryLast(tx, opts.body);
    await recordAudit(tx, entryAudit('faq.entry_create', opts.admin, entry));
    return entry;
  });
}

/** Edits an entry; a new `position` (or group) moves it there and renumbers its group. */
export async function updateEntry(
  ctx: AppContext,
  opts: { id: string; body: FaqEntryUpdateBody; admin: SessionUser },
) {
  const { position, ...fields } = opts.body;
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(faqEntries).where(eq(faqEntries.id, opts.id)).for('update');
    if (!current) throw notFound();
    await recordAudit(
      tx,
      entryAudit('faq.entry_update', opts.admin, current, { changed: Object.keys(opts.body).sort() }),
    );
    const group = fields.group ?? current.group;
    const [updated] = await tx
      .update(faqEntries)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(faqEntries.id, opts.id))
      .returning();
    if (!updated) throw notFound();
    if (position === undefined && group === current.group) return updated;

    const siblings = await tx
      .select({ id: faqEntries.id, position: faqEntries.position })
      .from(faqEntries)
      .where(
        and(eq(faqEntries.locale, current.locale), eq(faqEntries.group, group), ne(faqEntries.id, opts.id)),
      )
      .orderBy(...inOrder);
    const order = siblings.map((s) => s.id);
    order.splice(Math.min(position ?? order.length, order.length), 0, opts.id);
    for (const [index, id] of order.entries()) {
      const known = siblings.find((s) => s.id === id);
      if (known && known.position === index) continue;
      await tx.update(faqEntries).set({ position: index }).where(eq(faqEntries.id, id));
    }
    return { ...updated, position: order.indexOf(opts.id) };
  });
}

export async function deleteEntry(ctx: AppContext, opts: { id: string; admin: SessionUser }) {
  await ctx.db.transaction(async (tx) => {
    const [deleted] = await tx.delete(faqEntries).where(eq(faqEntries.id, opts.id)).returning();
    if (!deleted) throw notFound();
    await recordAudit(
      tx,
      entryAudit('faq.entry_delete', opts.admin, deleted, { question: deleted.question }),
    );
  });
}
