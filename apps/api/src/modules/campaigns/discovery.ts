import { type CampaignSearchQuery, searchTerms } from '@bextr/contracts';
import {
  type AnyColumn,
  and,
  asc,
  desc,
  eq,
  exists,
  gte,
  inArray,
  notInArray,
  type Placeholder,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { type Param, placeholders, preparedOn } from '../../db/prepared.ts';
import { campaignSearchKeys, campaigns, type ShownCampaign, users } from '../../db/schema.ts';
import { fieldError } from '../../http/errors.ts';
import { isInt32, isIsoDate, isIsoTimestamp } from '../../lib/cursor-keys.ts';
import { decodeCursor, pageOf } from './cursor.ts';
import { todayUtc } from './policy.ts';
import { selectPageWithBusiness, selectWithBusiness } from './queries.ts';

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

/** The columns discovery filters on that offers do not change: the campaign's own, or their copy on
 * a search key row (migration 0014). */
const FACETS = [
  'category',
  'tiers',
  'networks',
  'compensationType',
  'amount',
  'applicationDeadline',
  'countries',
  'remote',
  'languages',
] as const;
type FacetColumns = Record<(typeof FACETS)[number], PgColumn>;
const facetColumnsOf = (table: FacetColumns): FacetColumns =>
  Object.fromEntries(FACETS.map((name) => [name, table[name]])) as FacetColumns;

function facetConditions(q: CampaignSearchQuery, p: Param, c: FacetColumns): (SQL | undefined)[] {
  const hasArray = (column: AnyColumn, value: Placeholder) => sql`${column} @> array[${value}]::text[]`;
  return [
    q.category ? eq(c.category, p('category', q.category)) : undefined,
    q.network ? hasArray(c.networks, p('network', q.network)) : undefined,
    q.tier ? hasArray(c.tiers, p('tier', q.tier)) : undefined,
    q.compensation ? eq(c.compensationType, p('compensation', q.compensation)) : undefined,
    q.minAmount !== undefined
      ? and(eq(c.compensationType, 'paid'), gte(c.amount, p('minAmount', q.minAmount)))
      : undefined,
    q.country ? sql`(${c.remote} or ${hasArray(c.countries, p('country', q.country))})` : undefined,
    q.language ? hasArray(c.languages, p('language', q.language)) : undefined,
    q.deadlineAfter ? gte(c.applicationDeadline, p('deadlineAfter', q.deadlineAfter)) : undefined,
  ];
}

function filterConditions(q: CampaignSearchQuery, p: Param): (SQL | undefined)[] {
  return [
    ...facetConditions(q, p, campaigns),
    q.businessId ? eq(campaigns.ownerId, p('businessId', q.businessId)) : undefined,
  ];
}

/** `kava bratis` → `kava:* & bratis:*` over the diacritics-free search vector. */
function textQuery(terms: string[], p: Param): SQL | null {
  if (terms.length === 0) return null;
  return sql`to_tsquery('simple', ${p('tsquery', terms.map((t) => `${t}:*`).join(' & '))})`;
}

/** The search key a text search newest first walks: the first three characters of its longest word
 * of ASCII letters and digits (three at least). Every campaign the query matches has a word starting
 * with that word, hence that key (migration 0013); a word of other characters could be cut apart by
 * the text parser, so such a search reads the matches through the GIN index instead. A few words of
 * letters and digits are cut too (`1e5abc` reads as a number and a word): their walk finds nothing
 * under the key and the GIN index answers, with the same rows; only the walk is wasted. */
const KEYED_WORD = /^[a-z0-9]{3,}$/;
const keyedWordOf = (terms: string[]) =>
  terms.filter((t) => KEYED_WORD.test(t)).sort((a, b) => b.length - a.length)[0] ?? null;
export function searchKeyOf(terms: string[]): string | null {
  return keyedWordOf(terms)?.slice(0, 3) ?? null;
}

/** How many of a key's rows one walk reads at most before the search falls back to the GIN index: a
 * page needs (limit + 1) ÷ (the share of the key's campaigns the rest of the search keeps) rows. */
const KEY_WALK = 500;

/** The page of a text search newest first, read by walking one search key (see searchCampaigns):
 * the key's rows newest first (after the cursor), each refused first on what the row itself carries
 * (the campaign's words under the key, its filtered columns, its deadline: read from the index
 * alone), then the rest checked on the campaign with `where` (a slot free, the business active, every
 * word), a page kept. */
function keyWalk(
  db: Db,
  q: {
    where: (SQL | undefined)[];
    facets: (c: FacetColumns) => (SQL | undefined)[];
    order: SQL[];
    limit: Placeholder;
    after: boolean;
  },
) {
  const k = campaignSearchKeys;
  const walked = db
    .select({ id: k.campaignId, publishedAt: k.publishedAt, words: k.words, ...facetColumnsOf(k) })
    .from(k)
    .where(
      and(
        eq(k.key, sql.placeholder('key')),
        q.after
          ? sql`(${k.publishedAt}, ${k.campaignId}) < (${sql.placeholder('k')}::timestamptz, ${sql.placeholder('id')})`
          : undefined,
      ),
    )
    .orderBy(desc(k.publishedAt), desc(k.campaignId))
    .limit(KEY_WALK)
    .as('walked');
  // OFFSET (0) keeps the check a subplan run row by row: as a join, the planner reads every match.
  const open = db
    .select({ one: sql`1` })
    .from(campaigns)
    .where(and(eq(campaigns.id, walked.id), ...q.where))
    .offset(sql.placeholder('none'));
  // The walk's own columns are tested before the subplan (the cheaper test first).
  const pageIds = db
    .select({ id: walked.id })
    .from(walked)
    .where(
      and(
        sql`(${walked.words} is null or ${walked.words} @@ to_tsquery('simple', ${sql.placeholder('keyTerm')}))`,
        ...q.facets(walked),
        exists(open),
      ),
    )
    .orderBy(desc(walked.publishedAt), desc(walked.id))
    .limit(q.limit);
  return selectPageWithBusiness(db)
    .where(inArray(campaigns.id, pageIds))
    .orderBy(...q.order);
}

/** Discovery of open campaigns: full text, filters, one of four sorts (newest by default), keyset
 * pagination (offset for relevance, whose rank is not a stable key). */
export async function searchCampaigns(ctx: AppContext, opts: { query: CampaignSearchQuery }) {
  const { query } = opts;
  const { p, values, shape } = placeholders();
  const terms = searchTerms(query.q ?? '');
  const tsq = textQuery(terms, p);
  const after = decodeCursor(query.cursor, isKey);
  const today = todayUtc();
  // Without a sort, newest first; a relevance cursor without one is from a page opened while a text
  // search ranked by default (before decision 018's fifth pass): its next page stays ranked.
  const unsorted = after?.s === 'relevance' && tsq ? 'relevance' : 'newest';
  const sort = query.sort === 'relevance' && !tsq ? 'newest' : (query.sort ?? unsorted);
  if (after && after.s !== sort) throw fieldError('cursor', 'invalid_cursor');

  const where: (SQL | undefined)[] = [...openConditions(ctx.db, p, today), ...filterConditions(query, p)];
  if (tsq) where.push(sql`${campaigns.searchVector} @@ ${tsq}`);

  let order: SQL[];
  let keyOf: (row: { campaign: ShownCampaign }) => string | number;
  let offset = 0;
  let newestAfter: { k: string; id: string } | null = null;
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
    if (after && 'k' in after) newestAfter = { k: String(after.k), id: after.id };
  }

  const limit = p('limit', query.limit + 1);
  // Not for one business's campaigns (its page): they are a few among the key's, so a walk would
  // read its 500 rows and end short; the GIN index and the owner filter find them directly.
  const keyWord = sort === 'newest' && tsq && !query.businessId ? keyedWordOf(terms) : null;
  const next = (last: { campaign: ShownCampaign }): Key =>
    sort === 'relevance'
      ? { s: 'relevance', o: offset + query.limit }
      : { s: sort, k: keyOf(last), id: last.campaign.id };

  // A text search newest first walks its key's rows in date order and checks each campaign, stopping
  // after a page: its cost follows the page, not the number of matches (decision 018, fifth pass).
  // A walk that ends short (the last page, or a key whose campaigns the filters mostly refuse) is
  // answered again through the GIN index, which reads every match: the same rows, by the same order.
  if (newestAfter) {
    p('k', newestAfter.k);
    p('id', newestAfter.id);
  }
  if (keyWord) {
    p('key', keyWord.slice(0, 3));
    p('keyTerm', `${keyWord}:*`);
    const facets = (c: FacetColumns) => [
      gte(c.applicationDeadline, p('today', today)),
      ...facetConditions(query, p, c),
    ];
    const byKey = preparedOn(ctx.db, shape('discovery:keyed'), (db, name) =>
      keyWalk(db, { where, facets, order, limit, after: newestAfter !== null }).prepare(name),
    );
    const rows = await byKey.execute({ ...values, none: 0 });
    if (rows.length > query.limit) return pageOf(rows, query.limit, next);
  }
  if (newestAfter)
    where.push(
      sql`(${campaigns.publishedAt}, ${campaigns.id}) < (${sql.placeholder('k')}::timestamptz, ${sql.placeholder('id')})`,
    );

  // The page's ids first (campaigns only), then the shown columns and the business's name and logo
  // for those ids alone: the joins for display no longer run for every match that ranking reads
  // (decision 018). Same order twice; ties end on the id, so it is stable.
  // Each shape (which filters, which sort, a cursor or not) is built once (db/prepared.ts).
  const search = preparedOn(ctx.db, shape(`discovery:${sort}`), (db, name) => {
    const pageIds = db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(...where))
      .orderBy(...order)
      .limit(limit)
      .offset(sort === 'relevance' ? sql.placeholder('offset') : 0);
    return selectPageWithBusiness(db)
      .where(inArray(campaigns.id, pageIds))
      .orderBy(...order)
      .prepare(name);
  });
  const rows = await search.execute(values);
  return pageOf(rows, query.limit, next);
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
