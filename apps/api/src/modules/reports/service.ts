import type { ReportBody, ReportMessageBody } from '@bextr/contracts';
import { type AnyColumn, and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { collaborations, conversations, offers, reportMessages, reports, users } from '../../db/schema.ts';
import { AppError, conflict, fieldError, forbidden, notFound } from '../../http/errors.ts';
import { orFirstWithKey } from '../../http/idempotency.ts';
import { recordAudit } from '../admin/audit.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { createdBefore, createdKey, decodeCursor, isCreatedKey, pageOf } from '../campaigns/cursor.ts';
import { publishCollaborationChange } from '../collaborations/events.ts';
import { notify } from '../notifications/service.ts';
import { linkReportEvidence } from '../uploads/service.ts';
import { audienceIds, createReportLimit, disputableStatuses, reportMessageLimit, sideOf } from './policy.ts';
import { findReport, selectReportMessages, selectReports } from './queries.ts';

/** What a report is about: the offer's thread between the two, and its collaboration when the offer
 * was accepted. */
interface Dealing {
  conversationId: string;
  collaborationId: string | null;
  campaignId: string;
  offerId: string;
}

/** The thread (and collaboration) of the reporter's with the reported user that the report is about:
 * the one named, or else the newest collaboration between them, or else their newest thread. A
 * collaboration or thread that is not the reporter's, or whose other side is not the reported user,
 * is 404 — as is reporting someone the reporter never dealt with: their dealings are not found. */
async function findDealing(tx: Tx, reporter: SessionUser, body: ReportBody): Promise<Dealing> {
  const against = body.againstUserId;
  const between = (business: AnyColumn, influencer: AnyColumn) =>
    or(
      and(eq(business, reporter.id), eq(influencer, against)),
      and(eq(business, against), eq(influencer, reporter.id)),
    );
  let conversationId: string | null = null;
  if (body.collaborationId) {
    const [c] = await tx
      .select({ conversationId: collaborations.conversationId })
      .from(collaborations)
      .where(
        and(
          eq(collaborations.id, body.collaborationId),
          between(collaborations.businessId, collaborations.influencerId),
        ),
      );
    if (!c) throw notFound();
    conversationId = c.conversationId;
    if (body.conversationId && body.conversationId !== conversationId) throw notFound();
  } else if (body.conversationId) {
    const [t] = await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(
        and(
          eq(conversations.id, body.conversationId),
          between(conversations.businessId, conversations.influencerId),
        ),
      );
    if (!t) throw notFound();
    conversationId = t.id;
  } else {
    const [c] = await tx
      .select({ conversationId: collaborations.conversationId })
      .from(collaborations)
      .where(between(collaborations.businessId, collaborations.influencerId))
      .orderBy(desc(collaborations.createdAt))
      .limit(1);
    const [t] = c
      ? [{ id: c.conversationId }]
      : await tx
          .select({ id: conversations.id })
          .from(conversations)
          .where(between(conversations.businessId, conversations.influencerId))
          .orderBy(desc(conversations.lastActivityAt))
          .limit(1);
    if (!t) throw notFound();
    conversationId = t.id;
  }
  const [offer] = await tx
    .select({ id: offers.id, campaignId: offers.campaignId })
    .from(offers)
    .where(eq(offers.conversationId, conversationId));
  if (!offer) throw notFound();
  const [collaboration] = await tx
    .select({ id: collaborations.id })
    .from(collaborations)
    .where(eq(collaborations.conversationId, conversationId));
  return {
    conversationId,
    collaborationId: collaboration?.id ?? null,
    campaignId: offer.campaignId,
    offerId: offer.id,
  };
}

/** Files a report (a business or an influencer; admins 403 at the route) against the other side of
 * one of the reporter's collaborations or threads. Yourself: 400; an admin: 403; anyone the reporter
 * never dealt with: 404. One open report per reporter and thread (409 `REPORT_ALREADY_OPEN`). In one
 * transaction, holding the collaboration's row (or the thread's, without one): the report, its
 * evidence linked (the reporter's own uploads, else 400), the collaboration `disputed` (remembering
 * its state) when it is active, delivered or completed, and the reported party's notification. */
export async function createReport(ctx: AppContext, opts: { user: SessionUser; body: ReportBody }) {
  const { user, body } = opts;
  if (body.againstUserId === user.id) throw fieldError('againstUserId', 'report_self');
  await ctx.limiter.hit(createReportLimit, `report:${user.id}`);
  const evidence = [...new Set(body.evidenceUploadIds ?? [])];
  const id = await ctx.db.transaction(async (tx) => {
    const [target] = await tx
      .select({ role: users.role })
      .from(users)
      .where(eq(users.id, body.againstUserId));
    if (target?.role === 'admin') throw forbidden();
    const dealing = await findDealing(tx, user, body);
    // The collaboration first (the lock order of its own changes), else the thread: a second report
    // of the same reporter queues here and then sees the first.
    if (dealing.collaborationId)
      await tx
        .select({ id: collaborations.id })
        .from(collaborations)
        .where(eq(collaborations.id, dealing.collaborationId))
        .for('no key update');
    else
      await tx
        .select({ id: conversations.id })
        .from(conversations)
        .where(eq(conversations.id, dealing.conversationId))
        .for('no key update');
    const [open] = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(
        and(
          eq(reports.reporterId, user.id),
          eq(reports.conversationId, dealing.conversationId),
          eq(reports.status, 'open'),
        ),
      );
    if (open) throw conflict('REPORT_ALREADY_OPEN', { reportId: open.id });
    const now = new Date();
    const [report] = await tx
      .insert(reports)
      .values({
        reporterId: user.id,
        againstUserId: body.againstUserId,
        collaborationId: dealing.collaborationId,
        conversationId: dealing.conversationId,
        category: body.category,
        description: body.description,
        evidenceUploadIds: evidence,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: reports.id });
    if (!report) throw new Error('report not inserted');
    await linkReportEvidence(tx, { reporterId: user.id, reportId: report.id, uploadIds: evidence });
    if (dealing.collaborationId) {
      const [disputed] = await tx
        .update(collaborations)
        .set({ status: 'disputed', statusBeforeDispute: sql`${collaborations.status}`, updatedAt: now })
        .where(
          and(
            eq(collaborations.id, dealing.collaborationId),
            inArray(collaborations.status, [...disputableStatuses]),
          ),
        )
        .returning();
      if (disputed) await publishCollaborationChange(tx, disputed);
    }
    await notify(ctx, tx, [
      {
        userId: body.againstUserId,
        kind: 'report_opened',
        actorId: user.id,
        campaignId: dealing.campaignId,
        offerId: dealing.offerId,
        collaborationId: dealing.collaborationId,
        reportId: report.id,
      },
    ]);
    return report.id;
  });
  ctx.outbox.kick();
  return id;
}

/** The reports I filed and the reports against me, newest first. */
export async function listMyReports(
  ctx: AppContext,
  opts: { user: SessionUser; limit: number; cursor?: string | undefined },
) {
  const after = decodeCursor(opts.cursor, isCreatedKey);
  const rows = await selectReports(ctx.db)
    .where(
      and(
        or(eq(reports.reporterId, opts.user.id), eq(reports.againstUserId, opts.user.id)),
        after ? createdBefore(reports.createdAt, reports.id, after) : undefined,
      ),
    )
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(opts.limit + 1);
  return pageOf(rows, opts.limit, (r) => createdKey(r.report));
}

/** One report for one of its two parties, with the messages that party may read; anyone else 404. */
export async function getReport(ctx: AppContext, opts: { user: SessionUser; id: string }) {
  const row = await findReport(ctx.db, opts.id);
  const side = row ? sideOf(opts.user, row.report) : null;
  if (!row || !side) throw notFound();
  const messages = await selectReportMessages(ctx.db, row.report.id, side);
  return { row, side, messages };
}

/** A message on a report: a party writes to the admins (seen by the admins and its own side only;
 * `visibleTo` from a party is 400), an admin to both parties or one of them (default both; the
 * addressed parties are notified, and the message goes to the audit log). A stranger: 404; a
 * resolved report: 409. */
export async function postReportMessage(
  ctx: AppContext,
  opts: { user: SessionUser; id: string; body: ReportMessageBody; clientKey?: string | null },
) {
  const { user } = opts;
  const isAdmin = user.role === 'admin';
  await ctx.limiter.hit(reportMessageLimit, `report-message:${user.id}`);
  const insert = ctx.db.transaction(async (tx) => {
    const [report] = await tx.select().from(reports).where(eq(reports.id, opts.id)).for('no key update');
    const side = report ? sideOf(user, report) : null;
    if (!report || (!side && !isAdmin)) throw notFound();
    if (side && opts.body.visibleTo) throw fieldError('visibleTo', 'report_audience_admins_only');
    if (report.status !== 'open') throw conflict();
    const visibleTo = side ?? opts.body.visibleTo ?? 'all';
    const now = new Date();
    const [inserted] = await tx
      .insert(reportMessages)
      .values({
        reportId: report.id,
        authorId: user.id,
        authorRole: side ?? 'admin',
        visibleTo,
        body: opts.body.body,
        clientKey: opts.clientKey ?? null,
        createdAt: now,
      })
      .returning({ id: reportMessages.id });
    if (!inserted) throw new Error('report message not inserted');
    await tx.update(reports).set({ updatedAt: now }).where(eq(reports.id, report.id));
    if (isAdmin) {
      await recordAudit(tx, {
        actorId: user.id,
        action: 'report.message',
        subjectType: 'report',
        subjectId: report.id,
        reason: opts.body.body,
        details: { visibleTo, messageId: inserted.id },
      });
      await notifyParties(ctx, tx, report, audienceIds(report, visibleTo), {
        kind: 'report_updated',
        actorId: user.id,
      });
    }
    return inserted;
  });
  // A repeated submit (same Idempotency-Key) gets the message the first one posted.
  const message = await orFirstWithKey(insert, {
    clientKey: opts.clientKey,
    constraint: 'report_messages_client_key',
    first: async (clientKey) => {
      const [first] = await ctx.db
        .select({ id: reportMessages.id })
        .from(reportMessages)
        .where(
          and(
            eq(reportMessages.reportId, opts.id),
            eq(reportMessages.authorId, user.id),
            eq(reportMessages.clientKey, clientKey),
          ),
        );
      return first;
    },
  });
  ctx.outbox.kick();
  const [found] = await selectReportMessages(ctx.db, opts.id, 'admin', message.id);
  if (!found) throw new AppError(500, 'INTERNAL');
  return found;
}

/** Notifications about a report to some of its parties, in its transaction: about the campaign of the
 * offer it concerns (its name in the sentence), with the report's id for the link. */
export async function notifyParties(
  ctx: { baseUrl: string },
  tx: Tx,
  report: { id: string; conversationId: string | null; collaborationId: string | null },
  userIds: readonly string[],
  what: { kind: 'report_updated' | 'report_resolved'; actorId: string; note?: string | null },
) {
  const [offer] = report.conversationId
    ? await tx
        .select({ id: offers.id, campaignId: offers.campaignId })
        .from(offers)
        .where(eq(offers.conversationId, report.conversationId))
    : [];
  await notify(
    ctx,
    tx,
    userIds.map((userId) => ({
      userId,
      kind: what.kind,
      actorId: what.actorId,
      campaignId: offer?.campaignId ?? null,
      offerId: offer?.id ?? null,
      collaborationId: report.collaborationId,
      reportId: report.id,
      note: what.note ?? null,
    })),
  );
}
