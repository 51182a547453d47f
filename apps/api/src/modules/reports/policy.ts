import type { ReportAudience, ReportSide } from '@bextr/contracts';
import { or, type SQL, sql } from 'drizzle-orm';
import { reportMessages } from '../../db/schema.ts';
import type { LimitRule } from '../../lib/rate-limit.ts';

interface Actor {
  id: string;
  role: string;
}

/** The two parties of a report. */
export interface ReportParties {
  reporterId: string;
  againstUserId: string;
}

/** Reports one user may file per hour (times RATE_LIMIT_SCALE): enough for a bad week, not for a
 * script flooding the admins' queue. */
export const createReportLimit: LimitRule = { max: 10, windowSeconds: 60 * 60 };
/** Messages on reports one author may post per minute. */
export const reportMessageLimit: LimitRule = { max: 30, windowSeconds: 60 };

/** Only the two sides of a collaboration or a thread report each other; admins never file one. */
export const reportingRoles = ['business', 'influencer'] as const;

/** The reader's side of a report, or null for anyone who is not one of its parties (an admin sees
 * reports through the admin routes, everyone else is told it does not exist). */
export function sideOf(actor: Actor, report: ReportParties): ReportSide | null {
  if (actor.id === report.reporterId) return 'reporter';
  if (actor.id === report.againstUserId) return 'reported';
  return null;
}

/** Collaboration states a report turns into `disputed` (a cancelled one stays cancelled). */
export const disputableStatuses = ['active', 'delivered', 'completed'] as const;

/** Who sees a message: a party's own messages go to the admins only (visible_to = the author's side),
 * an admin's to the side(s) addressed. A party reads the messages meant for everyone or for its side;
 * admins read all of them. */
export function messagesVisibleTo(side: ReportSide | 'admin'): SQL | undefined {
  if (side === 'admin') return undefined;
  return or(sql`${reportMessages.visibleTo} = 'all'`, sql`${reportMessages.visibleTo} = ${side}`);
}

/** Whom an admin's message reaches (in-app and by e-mail). */
export function audienceIds(report: ReportParties, visibleTo: ReportAudience): string[] {
  if (visibleTo === 'reporter') return [report.reporterId];
  if (visibleTo === 'reported') return [report.againstUserId];
  return [report.reporterId, report.againstUserId];
}
