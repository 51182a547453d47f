import { type AnyColumn, and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/client.ts';
import {
  businessProfiles,
  campaigns,
  collaborations,
  offers,
  reportMessages,
  reports,
  users,
} from '../../db/schema.ts';
import { messagesVisibleTo } from './policy.ts';

const reporter = alias(users, 'reporter');
const against = alias(users, 'against');
const reporterBusiness = alias(businessProfiles, 'reporter_business');
const againstBusiness = alias(businessProfiles, 'against_business');
const author = alias(users, 'author');
const authorBusiness = alias(businessProfiles, 'author_business');

/** A user's public name: the influencer's display name, the company's name, the account name. */
const publicName = (user: { id: AnyColumn; name: AnyColumn }, business: { companyName: AnyColumn }) =>
  sql<string>`coalesce((select ip.display_name from influencer_profiles ip where ip.user_id = ${user.id}),
    ${business.companyName}, ${user.name})`;

/** Reports with both parties (public name, role, e-mail and status — the presenter decides who sees
 * what), the campaign of the offer they are about and the collaboration's state. */
export function selectReports(db: Db | Tx) {
  return db
    .select({
      report: reports,
      reporterName: publicName(reporter, reporterBusiness),
      reporterRole: reporter.role,
      reporterEmail: reporter.email,
      reporterStatus: reporter.status,
      againstName: publicName(against, againstBusiness),
      againstRole: against.role,
      againstEmail: against.email,
      againstStatus: against.status,
      campaignId: campaigns.id,
      campaignName: campaigns.name,
      offerId: offers.id,
      collaborationStatus: collaborations.status,
    })
    .from(reports)
    .innerJoin(reporter, eq(reporter.id, reports.reporterId))
    .innerJoin(against, eq(against.id, reports.againstUserId))
    .leftJoin(reporterBusiness, eq(reporterBusiness.userId, reporter.id))
    .leftJoin(againstBusiness, eq(againstBusiness.userId, against.id))
    .leftJoin(collaborations, eq(collaborations.id, reports.collaborationId))
    .leftJoin(offers, eq(offers.conversationId, reports.conversationId))
    .leftJoin(campaigns, eq(campaigns.id, offers.campaignId));
}
export type ReportWithParties = Awaited<ReturnType<typeof selectReports>>[number];

export async function findReport(db: Db | Tx, id: string): Promise<ReportWithParties | null> {
  const [row] = await selectReports(db).where(eq(reports.id, id)).limit(1);
  return row ?? null;
}

/** The messages of a report a reader may see (a party: those for everyone and for its side; an
 * admin: all), oldest first, with the author's public name (an admin's account name); only the one
 * given by `messageId`, when set. */
export function selectReportMessages(
  db: Db | Tx,
  reportId: string,
  side: 'reporter' | 'reported' | 'admin',
  messageId?: string,
) {
  return db
    .select({
      message: reportMessages,
      authorName: publicName(author, authorBusiness),
    })
    .from(reportMessages)
    .innerJoin(author, eq(author.id, reportMessages.authorId))
    .leftJoin(authorBusiness, eq(authorBusiness.userId, author.id))
    .where(
      and(
        eq(reportMessages.reportId, reportId),
        messagesVisibleTo(side),
        messageId ? eq(reportMessages.id, messageId) : undefined,
      ),
    )
    .orderBy(asc(reportMessages.createdAt), asc(reportMessages.id));
}
export type ReportMessageWithAuthor = Awaited<ReturnType<typeof selectReportMessages>>[number];
