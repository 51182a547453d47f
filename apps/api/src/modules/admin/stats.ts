import {
  type AdminStats,
  campaignStatuses,
  collaborationStatuses,
  offerStatuses,
  roles,
  STATS_WEEKS,
} from '@bextr/contracts';
import { type AnyColumn, gte, ne, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { campaigns, collaborations, offers, reports, users } from '../../db/schema.ts';

const count = sql<number>`count(*)::int`;
const label = (s: string) => sql<string>`${s}::text`;
const weekOf = (column: AnyColumn) =>
  sql<string>`to_char(date_trunc('week', ${column} at time zone 'UTC'), 'YYYY-MM-DD')`;

/** The Monday (UTC) starting the week `weeksAgo` weeks before this one, as YYYY-MM-DD. */
function mondayUtc(now: Date, weeksAgo = 0): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - sinceMonday - 7 * weeksAgo);
  return day.toISOString().slice(0, 10);
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** GET /admin/stats in two queries: every count by state (one UNION ALL of grouped counts) and what
 * was created per week over the last twelve weeks (one UNION ALL grouped by week). */
export async function adminStats(ctx: AppContext, now = new Date()): Promise<AdminStats> {
  const db = ctx.db;
  const states = await db
    .select({ area: label('users'), key: sql<string>`${users.role} || ':' || ${users.status}`, n: count })
    .from(users)
    .groupBy(users.role, users.status)
    .unionAll(
      db
        .select({ area: label('campaigns'), key: sql<string>`${campaigns.status}`, n: count })
        .from(campaigns)
        .groupBy(campaigns.status),
    )
    .unionAll(
      db
        .select({ area: label('offers'), key: sql<string>`${offers.status}`, n: count })
        .from(offers)
        .groupBy(offers.status),
    )
    .unionAll(
      db
        .select({ area: label('collaborations'), key: sql<string>`${collaborations.status}`, n: count })
        .from(collaborations)
        .groupBy(collaborations.status),
    )
    .unionAll(
      db
        .select({ area: label('reports'), key: sql<string>`${reports.status}`, n: count })
        .from(reports)
        .groupBy(reports.status),
    );

  const stats: AdminStats = {
    users: { byRole: zeros(roles), active: 0, suspended: 0 },
    campaigns: zeros(campaignStatuses),
    offers: zeros(offerStatuses),
    collaborations: zeros(collaborationStatuses),
    reports: { open: 0, resolved: 0 },
    weekly: [],
  };
  for (const { area, key, n } of states) {
    const value = Number(n);
    if (area === 'users') {
      const [role, status] = key.split(':') as [keyof AdminStats['users']['byRole'], 'active' | 'suspended'];
      stats.users.byRole[role] += value;
      stats.users[status] += value;
    } else if (area === 'campaigns') stats.campaigns[key as keyof AdminStats['campaigns']] = value;
    else if (area === 'offers') stats.offers[key as keyof AdminStats['offers']] = value;
    else if (area === 'collaborations')
      stats.collaborations[key as keyof AdminStats['collaborations']] = value;
    else if (area === 'reports') stats.reports[key as keyof AdminStats['reports']] = value;
  }

  const first = mondayUtc(now, STATS_WEEKS - 1);
  const since = new Date(`${first}T00:00:00Z`);
  const weekly = await db
    .select({ area: label('users'), week: weekOf(users.createdAt), n: count })
    .from(users)
    .where(sql`${users.createdAt} >= ${since} and ${ne(users.role, 'admin')}`)
    .groupBy(weekOf(users.createdAt))
    .unionAll(
      db
        .select({ area: label('campaigns'), week: weekOf(campaigns.publishedAt), n: count })
        .from(campaigns)
        .where(gte(campaigns.publishedAt, since))
        .groupBy(weekOf(campaigns.publishedAt)),
    )
    .unionAll(
      db
        .select({ area: label('offers'), week: weekOf(offers.createdAt), n: count })
        .from(offers)
        .where(gte(offers.createdAt, since))
        .groupBy(weekOf(offers.createdAt)),
    )
    .unionAll(
      db
        .select({ area: label('collaborations'), week: weekOf(collaborations.createdAt), n: count })
        .from(collaborations)
        .where(gte(collaborations.createdAt, since))
        .groupBy(weekOf(collaborations.createdAt)),
    );
  const weeks = Array.from({ length: STATS_WEEKS }, (_, i) => mondayUtc(now, STATS_WEEKS - 1 - i));
  stats.weekly = weeks.map((week) => ({ week, users: 0, campaigns: 0, offers: 0, collaborations: 0 }));
  const byWeek = new Map(stats.weekly.map((w) => [w.week, w]));
  for (const { area, week, n } of weekly) {
    const row = byWeek.get(week);
    if (row && (area === 'users' || area === 'campaigns' || area === 'offers' || area === 'collaborations'))
      row[area] += Number(n);
  }
  return stats;
}
