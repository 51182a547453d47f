import { type CampaignSearchQuery, searchTerms } from '@bextr/contracts';
import {
  type AnyColumn,
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  notInArray,
  type Placeholder,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { type Param, placeholders, preparedOn } from '../../db/prepared.ts';
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
function openConditions(db: Db, p: Param, today: string): SQL[] {
  const notActive = db.select({ id: users.id }).from(users).where(sql`${users.status} <> 'active'`);
  return [
    sql`${campaigns.status} = 'published'`,
    gte(campaigns.applicationDeadline, p('today', today)),
    sql`${campaigns.slotsFilled} < ${campaigns.slots}`,
    notInArray(campaigns.ownerId, notActive),
  ];
}

function filterConditions(q: CampaignSearchQuery, p: Param): (SQL | undefined)[] {
  const hasArray = (column: AnyColumn, value: Placeholder) => sql`${column} @> array[${value}]::text[]`;
  return [
    q.category ? eq(campaigns.category, p('category', q.category)) : undefined,
    q.network ? hasArray(campaigns.networks, p('network', q.network)) : undefined,
    q.tier ? hasArray(campaigns.tiers, p('tier', q.tier)) : undefined,
    q.compensation ? eq(campaigns.compensationType, p('compensation', q.compensation)) : undefined,
    q.minAmount !== undefined
      ? and(eq(campaigns.compensationType, 'paid'), gte(campaigns.amount, p('minAmount', q.minAmount)))
      : undefined,
    q.country
      ? sql`(${campaigns.remote} or ${hasArray(campaigns.countries, p('country', q.country))})`
      : undefined,
    q.language ? hasArray(campaigns.languages, p('language', q.language)) : undefined,
    q.deadlineAfter ? gte(campaigns.applicationDeadline, p('deadlineAfter', q.deadlineAfter)) : undefined,
    q.businessId ? eq(campaigns.ownerId, p('businessId', q.businessId)) : undefined,
  ];
}

/** `kava bratis` → `kava:* & bratis:*` over the diacritics-free search vector. */
function textQuery(q: string | undefined, p: Param): SQL | null {
  const terms = searchTerms(q ?? '');
  if (terms.length === 0) return null;
  return sql`to_tsquery('simple', ${p('tsquery', terms.map((t) => `${t}:*`).join(' & '))})`;
}

/** Discovery of open campaigns: full text, filters, one of four sorts, keyset pagination (offset for
 * relevance, whose rank is not a stable key). */
export async function searchCampaigns(ctx: AppContext, opts: { query: CampaignSearchQuery }) {
  const { query } = opts;
  const { p, values, shape } = placeholders();
  const tsq = textQuery(query.q, p);
  const sort = query.sort === 'relevance' && !tsq ? 'newest' : (query.sort ?? (tsq ? 'relevance' : 'newest'));
  const after = decodeCursor(query.cursor, isKey);
  if (after && after.s !== sort) throw fieldError('cursor', 'invalid_cursor');

  const where: (SQL | undefined)[] = [
    ...openConditions(ctx.db, p, todayUtc()),
    ...filterConditions(query, p),
  ];
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
    p('offset', offset);
  } else if (sort === 'deadline') {
    order = [asc(campaigns.applicationDeadline), asc(campaigns.id)];
    keyOf = (r) => r.campaign.applicationDeadline ?? '';
    if (after && 'k' in after)
      where.push(
        sql`(${campaigns.applicationDeadline}, ${campaigns.id}) > (${p('k', String(after.k))}::date, ${p('id', after.id)})`,
      );
  } else if (sort === 'amount') {
    order = [desc(campaigns.sortAmount), desc(campaigns.id)];
    keyOf = (r) => r.campaign.sortAmount;
    if (after && 'k' in after)
      where.push(
        sql`(${campaigns.sortAmount}, ${campaigns.id}) < (${p('k', Number(after.k))}::integer, ${p('id', after.id)})`,
      );
  } else {
    order = [desc(campaigns.publishedAt), desc(campaigns.id)];
    keyOf = (r) => r.campaign.publishedAt?.toISOString() ?? '';
    if (after && 'k' in after)
      where.push(
        sql`(${campaigns.publishedAt}, ${campaigns.id}) < (${p('k', String(after.k))}::timestamptz, ${p('id', after.id)})`,
      );
  }

  // The page's ids first (campaigns only), then the shown columns and the business's name and logo
  // for those ids alone: the joins for display no longer run for every match that ranking reads
  // (decision 018). Same order twice; ties end on the id, so it is stable.
  const limit = p('limit', query.limit + 1);
  // Each shape (which filters, which sort, a cursor or not) is built once (db/prepared.ts).
  const search = preparedOn(ctx.db, shape(`discovery:${sort}`), (db, name) => {
    const pageIds = db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(...where))
      .orderBy(...order)
      .limit(limit)
      .offset(sort === 'relevance' ? sql.placeholder('offset') : 0);
    return selectWithBusiness(db)
      .where(inArray(campaigns.id, pageIds))
      .orderBy(...order)
      .prepare(name);
  });
  const rows = await search.execute(values);
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
