import type { AuditLogQuery, AuditSubjectType } from '@bextr/contracts';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AppContext } from '../../context.ts';
import {
  auditLog,
  businessProfiles,
  campaigns,
  faqEntries,
  faqQuestions,
  influencerProfiles,
  reports,
  users,
} from '../../db/schema.ts';
import {
  createdBefore,
  decodeCursor,
  exactCreatedAt,
  exactKey,
  isCreatedKey,
  pageOf,
} from '../campaigns/cursor.ts';
import { presentAuditEntry } from './presenter.ts';

const actor = alias(users, 'actor');
const short = (s: string | null | undefined, max = 80) =>
  !s ? null : s.length > max ? `${s.slice(0, max - 1)}…` : s;

/** A name for each subject of the page as it is now (a user's display or company name, a campaign's
 * name, a question's text), one query per kind present; null for what no longer exists. */
async function subjectLabels(ctx: AppContext, entries: { subjectType: string; subjectId: string }[]) {
  const ids = (type: string) => [
    ...new Set(entries.filter((e) => e.subjectType === type).map((e) => e.subjectId)),
  ];
  const labels = new Map<string, string | null>();
  const put = (type: string, id: string, label: string | null | undefined) =>
    labels.set(`${type}:${id}`, short(label));
  // Per subject kind, the query for the id and current name of each of the given subjects.
  const loaders: Record<
    AuditSubjectType,
    (ids: string[]) => PromiseLike<{ id: string; label: string | null }[]>
  > = {
    user: (userIds) =>
      ctx.db
        .select({
          id: users.id,
          label: sql<string>`coalesce(${influencerProfiles.displayName}, ${businessProfiles.companyName}, ${users.name})`,
        })
        .from(users)
        .leftJoin(influencerProfiles, eq(influencerProfiles.userId, users.id))
        .leftJoin(businessProfiles, eq(businessProfiles.userId, users.id))
        .where(inArray(users.id, userIds)),
    campaign: (campaignIds) =>
      ctx.db
        .select({ id: campaigns.id, label: campaigns.name })
        .from(campaigns)
        .where(inArray(campaigns.id, campaignIds)),
    faq_question: (questionIds) =>
      ctx.db
        .select({ id: faqQuestions.id, label: faqQuestions.question })
        .from(faqQuestions)
        .where(inArray(faqQuestions.id, questionIds)),
    faq_entry: (entryIds) =>
      ctx.db
        .select({ id: faqEntries.id, label: faqEntries.question })
        .from(faqEntries)
        .where(inArray(faqEntries.id, entryIds)),
    report: (reportIds) => {
      const against = alias(users, 'against');
      return ctx.db
        .select({ id: reports.id, label: against.name })
        .from(reports)
        .innerJoin(against, eq(against.id, reports.againstUserId))
        .where(inArray(reports.id, reportIds));
    },
  };
  // One query per subject kind on the page, run together.
  const wanted = Object.entries(loaders).filter(([type]) => ids(type).length > 0);
  const loaded = await Promise.all(wanted.map(([type, load]) => load(ids(type))));
  wanted.forEach(([type], i) => {
    for (const r of loaded[i] ?? []) put(type, r.id, r.label);
  });
  return labels;
}

/** GET /admin/audit-log: newest first, filtered by action, actor and subject; keyset pages. */
export async function listAuditLog(ctx: AppContext, query: AuditLogQuery) {
  const after = decodeCursor(query.cursor, isCreatedKey);
  const rows = await ctx.db
    .select({ entry: auditLog, actorName: actor.name, exactCreatedAt: exactCreatedAt(auditLog.createdAt) })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .where(
      and(
        query.action ? eq(auditLog.action, query.action) : undefined,
        query.actorId ? eq(auditLog.actorId, query.actorId) : undefined,
        query.subjectType ? eq(auditLog.subjectType, query.subjectType) : undefined,
        query.subjectId ? eq(auditLog.subjectId, query.subjectId) : undefined,
        after ? createdBefore(auditLog.createdAt, auditLog.id, after) : undefined,
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = pageOf(rows, query.limit, (r) =>
    exactKey({ exactCreatedAt: r.exactCreatedAt, id: r.entry.id }),
  );
  const labels = await subjectLabels(
    ctx,
    page.map((r) => r.entry),
  );
  const items = page.flatMap(({ entry, actorName }) => {
    const presented = presentAuditEntry(
      entry,
      actorName,
      labels.get(`${entry.subjectType}:${entry.subjectId}`) ?? null,
    );
    return presented ? [presented] : [];
  });
  return { items, nextCursor };
}
