import { type CampaignSearchQuery, searchTerms } from '@bextr/contracts';
import { type AnyColumn, and, asc, desc, eq, gte, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { campaigns, type ShownCampaign, users } from '../../db/schema.ts';
import { fieldError } from '../../http/errors.ts';
import { isInt32, isIsoDate, isIsoTimestamp } from '../../lib/cursor-keys.ts';
import { decodeCursor, pageOf } from './cursor.ts';
import { todayUtc } from './policy.ts';
import { selectWithBusiness } from './queries.ts';

type Key = { s: string; k: string | number; id: string } | { s: 'relevance'; o: number };

const isKey = (v: Record<string, unknown>): v is Key => {
  if (v.s === 'relevance') return isInt32(v.o) && v.o >= 0;
  if (typeof v.id !== 'string') return false;
  if (v.s === 'deadline') return isIsoDate(v.k);
  if (v.s === 'amount') return isInt32(v.k);
  return v.s === 'newest' && isIsoTimestamp(v.k);
};

/** Open campaigns only: published (spelled as the partial indexes' predicate), deadline not passed,
 * a slot free, and the business not suspended — said as "not one of the accounts that are not
 * active": a short list (users_not_active_idx) the database hashes once per query, where a join to
 * `users` looked up the owner of every match (half the query's time at 100k campaigns, decision 018). */
function openConditions(db: Db, today: string): SQL[] {
  const notActive = db.select({ id: users.id }).from(users).where(sql`${users.status} <> 'active'`);
  return [
    sql`${campaigns.status} = 'published'`,
    gte(campaigns.applicationDeadline, today),
    sql`${campaigns.slotsFilled} < ${campaigns.slots}`,
    notInArray(campaigns.ownerId, notActive),
  ];
}

function filterConditions(q: CampaignSearchQuery): (SQL | undefined)[] {
  const hasArray = (column: AnyColumn, value: string) => sql`${column} @> array[${value}]::text[]`;
  return [
    q.category ? eq(campaigns.category, q.category) : undefined,
    q.network ? hasArray(campaigns.networks, q.network) : undefined,
    q.tier ? hasArray(campaigns.tiers, q.tier) : undefined,
    q.compensation ? eq(campaigns.compensationType, q.compensation) : undefined,
    q.minAmount !== undefined
      ? and(eq(campaigns.compensationType, 'paid'), gte(campaigns.amount, q.minAmount))
      : undefined,
    q.country ? sql`(${campaigns.remote} or ${hasArray(campaigns.countries, q.country)})` : undefined,
    q.language ? hasArray(campaigns.languages, q.language) : undefined,
    q.deadlineAfter ? gte(campaigns.applicationDeadline, q.deadlineAfter) : undefined,
    q.businessId ? eq(campaigns.ownerId, q.businessId) : undefined,
  ];
}

/** `kava bratis` → `kava:* & bratis:*` over the diacritics-free search vector. */
function textQuery(q: string | undefined): SQL | null {
  const terms = searchTerms(q ?? '');
  if (terms.length === 0) return null;
  return sql`to_tsquery('simple', ${terms.map((t) => `${t}:*`).join(' & ')})`;
}

/** Discovery of open campaigns: full text, filters, one of four sorts, keyset pagination (offset for
 * relevance, whose rank is not a stable key). */
export async function searchCampaigns(ctx: AppContext, opts: { query: CampaignSearchQuery }) {
  const { query } = opts;
  const tsq = textQuery(query.q);
  const sort = query.sort === 'relevance' && !tsq ? 'newest' : (query.sort ?? (tsq ? 'relevance' : 'newest'));
  const after = decodeCursor(query.cursor, isKey);
  if (after && after.s !== sort) throw fieldError('cursor', 'invalid_cursor');

  const where: (SQL | undefined)[] = [...openConditions(ctx.db, todayUtc()), ...filterConditions(query)];
  if (tsq) where.push(sql`${campaigns.searchVector} @@ ${tsq}`);

  let order: SQL[];
  let keyOf: (row: { campaign: ShownCampaign }) => string | number;
  let offset = 0;
  if (sort === 'relevance' && tsq) {
    order = [
      sql`ts_rank(${campaigns.searchVector}, ${tsq}) desc`,
      desc(campaigns.publishedAt),
      desc(campaigns.id),
    ];
    keyOf = () => 0;
    offset = after && 'o' in after ? after.o : 0;
  } else if (sort === 'deadline') {
    order = [asc(campaigns.applicationDeadline), asc(campaigns.id)];
    keyOf = (r) => r.campaign.applicationDeadline ?? '';
    if (after && 'k' in after)
      where.push(
        sql`(${campaigns.applicationDeadline}, ${campaigns.id}) > (${String(after.k)}::date, ${after.id})`,
      );
  } else if (sort === 'amount') {
    order = [desc(campaigns.sortAmount), desc(campaigns.id)];
    keyOf = (r) => r.campaign.sortAmount;
    if (after && 'k' in after)
      where.push(
        sql`(${campaigns.sortAmount}, ${campaigns.id}) < (${Number(after.k)}::integer, ${after.id})`,
      );
  } else {
    order = [desc(campaigns.publishedAt), desc(campaigns.id)];
    keyOf = (r) => r.campaign.publishedAt?.toISOString() ?? '';
    if (after && 'k' in after)
      where.push(
        sql`(${campaigns.publishedAt}, ${campaigns.id}) < (${String(after.k)}::timestamptz, ${after.id})`,
      );
  }

  // The page's ids first (campaigns and their owners' status only), then the shown columns and the
  // business's name and logo for those ids alone: the joins for display no longer run for every
  // match that ranking reads (decision 018). Same order twice; ties end on the id, so it is stable.
  const pageIds = ctx.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(...where))
    .orderBy(...order)
    .limit(query.limit + 1)
    .offset(offset);
  const rows = await selectWithBusiness(ctx.db)
    .where(inArray(campaigns.id, pageIds))
    .orderBy(...order);
  return pageOf(
    rows,
    query.limit,
    (last): Key =>
      sort === 'relevance'
        ? { s: 'relevance', o: offset + query.limit }
        : { s: sort, k: keyOf(last), id: last.campaign.id },
  );
}

/** One published campaign of an active business, as visitors may see it; null for anything else
 * (drafts, paused, closed, suspended businesses, unknown ids). */
export async function findPublishedCampaign(ctx: AppContext, id: string) {
  const rows = await selectWithBusiness(ctx.db)
    .where(and(eq(campaigns.id, id), sql`${campaigns.status} = 'published'`, eq(users.status, 'active')))
    .limit(1);
  return rows[0] ?? null;
}

/** Ids of the published campaigns of active businesses, newest first, for the sitemap. */
export async function listPublishedCampaignIds(ctx: AppContext, limit = 5000) {
  const rows = await ctx.db
    .select({ id: campaigns.id, updatedAt: campaigns.updatedAt })
    .from(campaigns)
    .innerJoin(users, eq(users.id, campaigns.ownerId))
    .where(and(sql`${campaigns.status} = 'published'`, eq(users.status, 'active')))
    .orderBy(desc(campaigns.publishedAt), desc(campaigns.id))
    .limit(limit);
  return rows;
}
