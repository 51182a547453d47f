import type { CampaignOffersQuery, MyOffersQuery, OfferSort } from '@bextr/contracts';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { type Param, placeholders, preparedOn } from '../../db/prepared.ts';
import { influencerProfiles, offers } from '../../db/schema.ts';
import { fieldError, notFound } from '../../http/errors.ts';
import { isInt32, isIsoTimestamp } from '../../lib/cursor-keys.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { decodeCursor, pageOf } from '../campaigns/cursor.ts';
import { findOwnedCampaign } from '../campaigns/queries.ts';
import { offerShownToOwner } from './policy.ts';
import { type OfferWithParties, selectOffers, selectOffersOfCampaign } from './queries.ts';

type Key = { s: OfferSort; k: string | number | null; id: string };

const isNullableNumber = (k: unknown, check: (n: number) => boolean) =>
  k === null || (typeof k === 'number' && Number.isFinite(k) && check(k));

/** A cursor's sort key is checked as strictly as the column it is compared with (400, never 500). */
const isKey = (v: Record<string, unknown>): v is Key => {
  if (typeof v.id !== 'string') return false;
  switch (v.s) {
    case 'newest':
      return isIsoTimestamp(v.k);
    case 'fit':
      return isNullableNumber(v.k, (n) => n >= 0 && n <= 100);
    case 'price':
      return isNullableNumber(v.k, (n) => isInt32(n));
    case 'followers':
      return typeof v.k === 'number' && Number.isSafeInteger(v.k) && v.k >= 0;
    default:
      return false;
  }
};

const followers = sql`coalesce(${influencerProfiles.followers}, 0)`;

/** `column DESC NULLS LAST, offers.id DESC`, keyset: what comes after (k, id). */
function afterNullable(
  column: SQL,
  k: number | null,
  id: string,
  type: 'double precision' | 'integer',
  p: Param,
): SQL {
  if (k === null) return sql`(${column} is null and ${offers.id} < ${p('id', id)})`;
  const key = sql`${p('k', k)}::${sql.raw(type)}`;
  return sql`(${column} is null or ${column} < ${key} or (${column} = ${key} and ${offers.id} < ${p('id', id)}))`;
}

interface SortPlan {
  order: SQL[];
  keyOf: (row: OfferWithParties) => string | number | null;
  after: (k: Key['k'], id: string, p: Param) => SQL;
}

const plans: Record<OfferSort, SortPlan> = {
  newest: {
    order: [sql`${offers.createdAt} desc`, sql`${offers.id} desc`],
    keyOf: (r) => r.offer.createdAt.toISOString(),
    after: (k, id, p) =>
      sql`(${offers.createdAt}, ${offers.id}) < (${p('k', String(k))}::timestamptz, ${p('id', id)})`,
  },
  fit: {
    order: [sql`${offers.audienceFit} desc nulls last`, sql`${offers.id} desc`],
    keyOf: (r) => r.offer.audienceFit,
    after: (k, id, p) =>
      afterNullable(sql`${offers.audienceFit}`, k as number | null, id, 'double precision', p),
  },
  price: {
    order: [sql`${offers.priceAmount} desc nulls last`, sql`${offers.id} desc`],
    keyOf: (r) => r.offer.priceAmount,
    after: (k, id, p) => afterNullable(sql`${offers.priceAmount}`, k as number | null, id, 'integer', p),
  },
  followers: {
    order: [sql`${followers} desc`, sql`${offers.id} desc`],
    keyOf: (r) => r.followers,
    after: (k, id, p) => sql`(${followers}, ${offers.id}) < (${p('k', Number(k))}::bigint, ${p('id', id)})`,
  },
};

/** One page of rows matching `where`, in `order`: a query built once per shape (`name` + the
 * parameters it takes) and run with `values`. */
type Fetch = (
  name: string,
  where: SQL | undefined,
  order: SQL[],
  values: Record<string, unknown>,
) => Promise<OfferWithParties[]>;

async function page(
  fetch: Fetch,
  opts: {
    name: string;
    where: (p: Param) => (SQL | undefined)[];
    sort: OfferSort;
    limit: number;
    cursor?: string | undefined;
  },
) {
  const plan = plans[opts.sort];
  const after = decodeCursor(opts.cursor, isKey);
  if (after && after.s !== opts.sort) throw fieldError('cursor', 'invalid_cursor');
  // Each shape of the query (which sort, which filters, a cursor or not) is built once (db/prepared.ts).
  const { p, values, shape } = placeholders();
  const where = [...opts.where(p), after ? plan.after(after.k, after.id, p) : undefined];
  p('limit', opts.limit + 1);
  const rows = await fetch(shape(`${opts.name}:${opts.sort}`), and(...where), plan.order, values);
  const { page: items, nextCursor } = pageOf(rows, opts.limit, (r) => ({
    s: opts.sort,
    k: plan.keyOf(r),
    id: r.offer.id,
  }));
  return { items, nextCursor };
}

/** The business's review of one of its campaigns (anyone else's campaign: 404): every offer with the
 * influencer's summary, by state, in one of four orders. */
export async function listCampaignOffers(
  ctx: AppContext,
  opts: { user: SessionUser; campaignId: string; query: CampaignOffersQuery },
) {
  const owned = await findOwnedCampaign(ctx.db, opts.user.id, opts.campaignId);
  if (!owned) throw notFound();
  const { status, sort, limit, cursor } = opts.query;
  const { campaign, businessName, logoUploadId } = owned;
  const fetch: Fetch = async (name, where, order, values) => {
    const query = preparedOn(ctx.db, name, (db, n) =>
      selectOffersOfCampaign(db)
        .where(where)
        .orderBy(...order)
        .limit(sql.placeholder('limit'))
        .prepare(n),
    );
    const rows = await query.execute(values);
    return rows.map((row) => ({ ...row, campaign, businessName, logoUploadId: logoUploadId ?? null }));
  };
  return page(fetch, {
    name: 'offers_of_campaign',
    where: (p) => [
      eq(offers.campaignId, p('campaign', owned.campaign.id)),
      // The campaign is the user's (findOwnedCampaign): offerVisibleTo narrowed to its owner.
      offerShownToOwner(),
      status ? eq(offers.status, p('status', status)) : undefined,
    ],
    sort: sort ?? 'newest',
    limit,
    cursor,
  });
}

/** The influencer's own offers, newest first. */
export async function listMyOffers(ctx: AppContext, opts: { user: SessionUser; query: MyOffersQuery }) {
  const { status, limit, cursor } = opts.query;
  const fetch: Fetch = (name, where, order, values) =>
    preparedOn(ctx.db, name, (db, n) =>
      selectOffers(db)
        .where(where)
        .orderBy(...order)
        .limit(sql.placeholder('limit'))
        .prepare(n),
    ).execute(values);
  return page(fetch, {
    name: 'offers_mine',
    where: (p) => [
      eq(offers.influencerId, p('me', opts.user.id)),
      status ? eq(offers.status, p('status', status)) : undefined,
    ],
    sort: 'newest',
    limit,
    cursor,
  });
}
