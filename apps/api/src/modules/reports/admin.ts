import type { ReportCategory, ReportResolveBody, ReportStatus } from '@bextr/contracts';
import { and, asc, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import {
  amendments,
  auditLog,
  collaborationDeliverables,
  collaborations,
  deliverableProofs,
  messages,
  offers,
  reportMessages,
  reports,
  users,
} from '../../db/schema.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { isIsoTimestamp } from '../../lib/cursor-keys.ts';
import { moderationOfUser, recordAudit } from '../admin/audit.ts';
import { warnUserInTx } from '../admin/moderation.ts';
import { afterSuspension, suspendUserInTx } from '../admin/suspension.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { decodeCursor, pageOf } from '../campaigns/cursor.ts';
import { publishCollaborationChange } from '../collaborations/events.ts';
import { findReport, selectReportMessages, selectReports } from './queries.ts';
import { notifyParties } from './service.ts';

/** How many thread messages the evidence pack carries (the newest; `truncated` says when more exist). */
const PACK_THREAD_LIMIT = 500;

type QueueKey = { r: number; c: string; id: string };
const isQueueKey = (v: Record<string, unknown>): v is QueueKey =>
  (v.r === 0 || v.r === 1) && isIsoTimestamp(v.c) && typeof v.id === 'string';
const openRank = sql<number>`(case when ${reports.status} = 'open' then 0 else 1 end)`;

/** The admins' queue: open reports first, then resolved ones, newest first within each; filters by
 * status and category; keyset pages over (open rank, created, id). */
export async function listAdminReports(
  ctx: AppContext,
  opts: {
    query: {
      limit: number;
      cursor?: string | undefined;
      status?: ReportStatus | undefined;
      category?: ReportCategory | undefined;
    };
  },
) {
  const { status, category, cursor, limit } = opts.query;
  const after = decodeCursor(cursor, isQueueKey);
  const rows = await selectReports(ctx.db)
    .where(
      and(
        status ? eq(reports.status, status) : undefined,
        category ? eq(reports.category, category) : undefined,
        after
          ? sql`(${openRank} > ${after.r} or (${openRank} = ${after.r}
              and (${reports.createdAt}, ${reports.id}) < (${after.c}::timestamptz, ${after.id})))`
          : undefined,
      ),
    )
    .orderBy(openRank, desc(reports.createdAt), desc(reports.id))
    .limit(limit + 1);
  const { page, nextCursor } = pageOf(rows, limit, (r) => ({
    r: r.report.status === 'open' ? 0 : 1,
    c: r.report.createdAt.toISOString(),
    id: r.report.id,
  }));
  const ids = page.map((r) => r.report.id);
  const counts =
    ids.length === 0
      ? []
      : await ctx.db
          .select({ reportId: reportMessages.reportId, n: sql<number>`count(*)::int` })
          .from(reportMessages)
          .where(inArray(reportMessages.reportId, ids))
          .groupBy(reportMessages.reportId);
  const countOf = new Map(counts.map((c) => [c.reportId, c.n]));
  const [open] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(reports)
    .where(eq(reports.status, 'open'));
  return {
    page: page.map((row) => ({ row, messageCount: countOf.get(row.report.id) ?? 0 })),
    nextCursor,
    openCount: open?.n ?? 0,
  };
}

/** One party's history: account facts, rating, collaborations, the other reports by and against them,
 * and the audit log's warnings, suspensions and reinstatements of them (with the acting admin). */
async function partyHistory(ctx: AppContext, userId: string, reportId: string) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound();
  const [collabs] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(collaborations)
    .where(or(eq(collaborations.businessId, userId), eq(collaborations.influencerId, userId)));
  const others = await ctx.db
    .select({
      id: reports.id,
      reporterId: reports.reporterId,
      category: reports.category,
      status: reports.status,
      outcome: reports.outcome,
      createdAt: reports.createdAt,
    })
    .from(reports)
    .where(
      and(or(eq(reports.reporterId, userId), eq(reports.againstUserId, userId)), ne(reports.id, reportId)),
    )
    .orderBy(desc(reports.createdAt))
    .limit(100);
  const actions = await ctx.db
    .select({
      action: auditLog.action,
      reason: auditLog.reason,
      by: users.name,
      at: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(moderationOfUser(userId))
    .orderBy(desc(auditLog.createdAt));
  const ref = (r: (typeof others)[number]) => ({
    id: r.id,
    category: r.category,
    status: r.status,
    outcome: r.outcome,
    createdAt: r.createdAt.toISOString(),
  });
  const entry = (a: (typeof actions)[number]) => ({
    action: a.action,
    reason: a.reason,
    by: a.by,
    at: a.at.toISOString(),
  });
  return {
    user,
    collaborationsCount: collabs?.n ?? 0,
    reportsFiled: others.filter((r) => r.reporterId === userId).map(ref),
    reportsAgainst: others.filter((r) => r.reporterId !== userId).map(ref),
    warnings: actions.filter((a) => a.action === 'user.warn').map(entry),
    suspensions: actions.filter((a) => a.action !== 'user.warn').map(entry),
  };
}
export type PartyHistoryRows = Awaited<ReturnType<typeof partyHistory>>;

/** The collaboration a report names, with its amendments and every line with its proofs. */
async function collaborationPack(ctx: AppContext, collaborationId: string) {
  const [collaboration] = await ctx.db
    .select()
    .from(collaborations)
    .where(eq(collaborations.id, collaborationId));
  if (!collaboration) return null;
  const amendmentRows = await ctx.db
    .select()
    .from(amendments)
    .where(eq(amendments.collaborationId, collaborationId))
    .orderBy(asc(amendments.createdAt));
  const lines = await ctx.db
    .select()
    .from(collaborationDeliverables)
    .where(eq(collaborationDeliverables.collaborationId, collaborationId))
    .orderBy(desc(collaborationDeliverables.current), asc(collaborationDeliverables.position));
  const proofs = await ctx.db
    .select()
    .from(deliverableProofs)
    .where(eq(deliverableProofs.collaborationId, collaborationId))
    .orderBy(asc(deliverableProofs.createdAt));
  return { collaboration, amendments: amendmentRows, lines, proofs };
}

/** The offer's whole thread (the newest PACK_THREAD_LIMIT messages), oldest first. */
async function threadPack(ctx: AppContext, conversationId: string) {
  const rows = await ctx.db
    .select()
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(desc(messages.seq))
    .limit(PACK_THREAD_LIMIT + 1);
  return {
    conversationId,
    messages: rows.slice(0, PACK_THREAD_LIMIT).reverse(),
    truncated: rows.length > PACK_THREAD_LIMIT,
  };
}

/** Everything an admin needs to decide a report. Admins read a thread, proofs and evidence only here
 * (uploads/policy.ts lets them load those images only when a report names the thread or
 * collaboration). */
export async function getEvidencePack(ctx: AppContext, opts: { id: string }) {
  const row = await findReport(ctx.db, opts.id);
  if (!row) throw notFound();
  const { report } = row;
  const [resolver] = report.resolvedBy
    ? await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, report.resolvedBy))
    : [];
  const [offer] = report.conversationId
    ? await ctx.db
        .select({ id: offers.id, status: offers.status, pitch: offers.pitch, createdAt: offers.createdAt })
        .from(offers)
        .where(eq(offers.conversationId, report.conversationId))
    : [];
  return {
    row,
    resolvedBy: resolver?.name ?? null,
    messages: await selectReportMessages(ctx.db, report.id, 'admin'),
    reporter: await partyHistory(ctx, report.reporterId, report.id),
    against: await partyHistory(ctx, report.againstUserId, report.id),
    offer: offer ?? null,
    collaboration: report.collaborationId ? await collaborationPack(ctx, report.collaborationId) : null,
    thread: report.conversationId ? await threadPack(ctx, report.conversationId) : null,
  };
}

/** Resolves an open report (again: 409) with an outcome and the admin's note, in one transaction
 * holding the collaboration's row first (the order reports and the collaboration's own changes take):
 * the report resolved; the collaboration back to the state it had before the dispute unless another
 * open report still holds it; a warning (`warnUserInTx`: `account_warned` with the note, audit
 * `user.warn`) or a suspension of the reported party (`suspendUserInTx`: sessions deleted, an e-mail
 * with the reason, audit entry; an already suspended user stays so); the audit entry of the
 * resolution; both parties told (a warned party only through its warning). After the commit a suspension ends the user's live
 * streams. */
export async function resolveReport(
  ctx: AppContext,
  opts: { admin: SessionUser; id: string; body: ReportResolveBody },
) {
  const { admin, body } = opts;
  const [existing] = await ctx.db
    .select({ collaborationId: reports.collaborationId })
    .from(reports)
    .where(eq(reports.id, opts.id));
  if (!existing) throw notFound();
  let suspended: string | null = null;
  await ctx.db.transaction(async (tx) => {
    if (existing.collaborationId)
      await tx
        .select({ id: collaborations.id })
        .from(collaborations)
        .where(eq(collaborations.id, existing.collaborationId))
        .for('no key update');
    const now = new Date();
    const [report] = await tx
      .update(reports)
      .set({
        status: 'resolved',
        outcome: body.outcome,
        resolutionNote: body.note,
        resolvedBy: admin.id,
        resolvedAt: now,
        updatedAt: now,
      })
      .where(and(eq(reports.id, opts.id), eq(reports.status, 'open')))
      .returning();
    if (!report) throw conflict();
    if (report.collaborationId) {
      const [restored] = await tx
        .update(collaborations)
        .set({
          status: sql`${collaborations.statusBeforeDispute}`,
          statusBeforeDispute: null,
          updatedAt: now,
        })
        .where(
          and(
            eq(collaborations.id, report.collaborationId),
            eq(collaborations.status, 'disputed'),
            sql`${collaborations.statusBeforeDispute} is not null`,
            sql`not exists (select 1 from reports r
              where r.collaboration_id = ${report.collaborationId} and r.status = 'open')`,
          ),
        )
        .returning();
      if (restored) await publishCollaborationChange(tx, restored);
    }
    const details = { reportId: report.id, outcome: body.outcome };
    if (body.outcome === 'warning') {
      // The warning itself (`account_warned` with the note, the audit entry 'user.warn').
      await warnUserInTx(tx, {
        ctx,
        adminId: admin.id,
        userId: report.againstUserId,
        message: body.note,
        details: { reportId: report.id },
      });
    } else if (body.outcome === 'suspension') {
      // Locked, so a suspension by another admin meanwhile is seen here (and skipped) instead of
      // failing this resolution with suspendUserInTx's 409.
      const [target] = await tx
        .select({ status: users.status })
        .from(users)
        .where(eq(users.id, report.againstUserId))
        .for('update');
      if (target?.status === 'active') {
        await suspendUserInTx(tx, {
          adminId: admin.id,
          userId: report.againstUserId,
          reason: body.note,
          details: { reportId: report.id },
        });
        suspended = report.againstUserId;
      }
    }
    await recordAudit(tx, {
      actorId: admin.id,
      action: 'report.resolve',
      subjectType: 'report',
      subjectId: report.id,
      reason: body.note,
      details: { ...details, againstUserId: report.againstUserId },
    });
    // A warned party hears of it once: through the warning, which carries the same note.
    const told = body.outcome === 'warning' ? [report.reporterId] : [report.reporterId, report.againstUserId];
    await notifyParties(ctx, tx, report, told, {
      kind: 'report_resolved',
      actorId: admin.id,
      note: body.note,
    });
  });
  if (suspended) afterSuspension(ctx, suspended);
  else ctx.outbox.kick();
  return getEvidencePack(ctx, { id: opts.id });
}
