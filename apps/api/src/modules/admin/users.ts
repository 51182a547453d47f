import type { AdminUserListQuery } from '@bextr/contracts';
import { and, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AppContext } from '../../context.ts';
import type { Db, Tx } from '../../db/client.ts';
import {
  auditLog,
  businessProfiles,
  campaigns,
  collaborations,
  influencerProfiles,
  offers,
  reports,
  users,
} from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import {
  createdBefore,
  decodeCursor,
  exactCreatedAt,
  exactKey,
  isCreatedKey,
  pageOf,
} from '../campaigns/cursor.ts';
import { moderationOfUser } from './audit.ts';
import { likePattern } from './policy.ts';

/** Users with the names their profiles give them (company, display name, handle). */
function selectAdminUsers(db: Db | Tx) {
  return db
    .select({
      user: users,
      companyName: businessProfiles.companyName,
      displayName: influencerProfiles.displayName,
      handle: influencerProfiles.handle,
      exactCreatedAt: exactCreatedAt(users.createdAt),
    })
    .from(users)
    .leftJoin(businessProfiles, eq(businessProfiles.userId, users.id))
    .leftJoin(influencerProfiles, eq(influencerProfiles.userId, users.id));
}
export type AdminUserRow = Awaited<ReturnType<typeof selectAdminUsers>>[number];

/** GET /admin/users: newest accounts first; `q` matches the account name, e-mail, handle (with or
 * without "@"), display name or company name; filters by role and status; keyset pages. */
export async function listUsers(ctx: AppContext, query: AdminUserListQuery) {
  const after = decodeCursor(query.cursor, isCreatedKey);
  const q = query.q?.trim();
  const search = q
    ? or(
        ilike(users.name, likePattern(q)),
        ilike(users.email, likePattern(q)),
        ilike(influencerProfiles.handle, likePattern(q.replace(/^@/, ''))),
        ilike(influencerProfiles.displayName, likePattern(q)),
        ilike(businessProfiles.companyName, likePattern(q)),
      )
    : undefined;
  const rows = await selectAdminUsers(ctx.db)
    .where(
      and(
        search,
        query.role ? eq(users.role, query.role) : undefined,
        query.status ? eq(users.status, query.status) : undefined,
        after ? createdBefore(users.createdAt, users.id, after) : undefined,
      ),
    )
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit, (r) => exactKey({ exactCreatedAt: r.exactCreatedAt, id: r.user.id }));
}

const other = alias(users, 'other_party');
const otherInfluencer = alias(influencerProfiles, 'other_influencer');
const otherBusiness = alias(businessProfiles, 'other_business');

/** GET /admin/users/:id: the account, what it did on BeXtr (counts), the reports by and against it
 * and its warnings, suspensions and reinstatements from the audit log. */
export async function getUserDetail(ctx: AppContext, opts: { id: string }) {
  const [row] = await selectAdminUsers(ctx.db).where(eq(users.id, opts.id));
  if (!row) throw notFound();
  const id = opts.id;
  const otherId = sql`case when ${reports.reporterId} = ${id} then ${reports.againstUserId} else ${reports.reporterId} end`;
  const actor = alias(users, 'actor');
  // Three independent reads: run together (a pg pool answers them at once).
  const [[counts], reportRows, moderation] = await Promise.all([
    ctx.db
      .select({
        campaigns: sql<number>`(select count(*)::int from ${campaigns} where ${campaigns.ownerId} = ${id} and ${campaigns.status} <> 'draft')`,
        publishedCampaigns: sql<number>`(select count(*)::int from ${campaigns} where ${campaigns.ownerId} = ${id} and ${campaigns.status} = 'published')`,
        offers: sql<number>`(select count(*)::int from ${offers} where ${offers.influencerId} = ${id} or ${offers.campaignId} in (select ${campaigns.id} from ${campaigns} where ${campaigns.ownerId} = ${id}))`,
        collaborations: sql<number>`(select count(*)::int from ${collaborations} where ${collaborations.businessId} = ${id} or ${collaborations.influencerId} = ${id})`,
        reportsBy: sql<number>`(select count(*)::int from ${reports} where ${reports.reporterId} = ${id})`,
        reportsAgainst: sql<number>`(select count(*)::int from ${reports} where ${reports.againstUserId} = ${id})`,
      })
      .from(users)
      .where(eq(users.id, id)),
    ctx.db
      .select({
        report: reports,
        otherName: sql<string>`coalesce(${otherInfluencer.displayName}, ${otherBusiness.companyName}, ${other.name})`,
      })
      .from(reports)
      .innerJoin(other, sql`${other.id} = ${otherId}`)
      .leftJoin(otherInfluencer, eq(otherInfluencer.userId, other.id))
      .leftJoin(otherBusiness, eq(otherBusiness.userId, other.id))
      .where(or(eq(reports.reporterId, id), eq(reports.againstUserId, id)))
      .orderBy(desc(reports.createdAt), desc(reports.id))
      .limit(20),
    ctx.db
      .select({ entry: auditLog, actorName: actor.name })
      .from(auditLog)
      .leftJoin(actor, eq(actor.id, auditLog.actorId))
      .where(moderationOfUser(id))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(50),
  ]);
  // The counts are read from the user's own row, found above.
  if (!counts) throw notFound();
  return {
    row,
    counts,
    reports: reportRows,
    moderation,
  };
}
export type AdminUserDetailRows = Awaited<ReturnType<typeof getUserDetail>>;
