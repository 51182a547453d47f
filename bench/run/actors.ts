import type pg from 'pg';

export interface Actors {
  influencerEmail: string;
  /** The campaign with the most offers, and its owner's e-mail. */
  inboxCampaignId: string;
  inboxOwnerEmail: string;
  /** The longest thread, and the e-mail of its influencer. */
  bigThreadId: string;
  bigThreadMemberEmail: string;
  /** Threads to send messages to, each with a different sending influencer. */
  senders: { userId: string; conversationId: string }[];
  /** Fresh (influencer, open campaign) pairs without an offer yet, with what the body needs: up to thirty
   * influencers per campaign, every campaign once before any twice (runs in a row on one database
   * each use up a few thousand). */
  offerPairs: { userId: string; campaignId: string; network: string; paid: boolean; amount: number | null }[];
  /** Threads whose influencer keeps a stream open and whose business sends to it. */
  live: { conversationId: string; receiverId: string; senderId: string }[];
}

/** Reads from the generated data who does what in the scenarios. */
export async function findActors(
  client: pg.Client,
  opts: { senders: number; pairs: number; streams: number },
) {
  const one = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
    const r = await client.query<T>(text, values);
    if (!r.rows[0]) throw new Error(`no row for: ${text}`);
    return r.rows[0];
  };
  const influencer = await one<{ email: string }>(
    `select u.email from users u join influencer_profiles p on p.user_id = u.id
     where p.listed and u.email_verified_at is not null order by u.created_at limit 1`,
  );
  const inbox = await one<{ id: string; email: string }>(
    `select c.id, u.email from (select campaign_id, count(*) n from offers group by 1 order by 2 desc limit 1) o
     join campaigns c on c.id = o.campaign_id join users u on u.id = c.owner_id`,
  );
  // The longest thread is the one with most messages; last_message_seq alone would pick the newest.
  const big = await one<{ id: string; email: string }>(
    `select c.id, u.email from (select conversation_id, count(*) n from messages group by 1 order by 2 desc limit 1) m
     join conversations c on c.id = m.conversation_id join users u on u.id = c.influencer_id`,
  );
  const senders = await client.query<{ userId: string; conversationId: string }>(
    `select distinct on (c.influencer_id) c.influencer_id as "userId", c.id as "conversationId"
     from conversations c join users u on u.id = c.influencer_id and u.status = 'active'
     where c.id <> $2 order by c.influencer_id, c.id limit $1`,
    [opts.senders, big.id],
  );
  const pairs = await client.query<Actors['offerPairs'][number]>(
    `with open as (
       select c.id, c.networks[1] as network, c.compensation_type = 'paid' as paid, c.amount,
              row_number() over (order by c.id) as k
       from campaigns c join users o on o.id = c.owner_id and o.status = 'active'
       where c.status = 'published' and c.application_deadline >= current_date + 1 and c.slots_filled < c.slots
     ), ready as (
       select p.user_id, row_number() over (order by p.user_id) as r
       from influencer_profiles p join users u on u.id = p.user_id
       where p.listed and u.email_verified_at is not null and u.status = 'active'
     ), candidates as (
       select o.*, j, 1 + (o.k * 7919 + j * 104729) % (select count(*) from ready) as r
       from open o cross join generate_series(0, 29) j
     )
     select r.user_id as "userId", o.id as "campaignId", o.network, o.paid, o.amount
     from candidates o join ready r on r.r = o.r
     where not exists (select 1 from offers x where x.campaign_id = o.id and x.influencer_id = r.user_id)
     order by o.j, o.k
     limit $1`,
    [opts.pairs],
  );
  // One thread per business first (a business sends to one stream owner only: no sender meets the
  // per-user send limit), then one per influencer.
  const live = await client.query<Actors['live'][number]>(
    `select "conversationId", "receiverId", "senderId" from (
       select distinct on (influencer_id) id as "conversationId", influencer_id as "receiverId", business_id as "senderId"
       from (select distinct on (business_id) id, business_id, influencer_id from conversations
             where id <> $2 order by business_id, id) one_per_business
       order by influencer_id, id) x
     order by "conversationId" limit $1`,
    [opts.streams, big.id],
  );
  return {
    influencerEmail: influencer.email,
    inboxCampaignId: inbox.id,
    inboxOwnerEmail: inbox.email,
    bigThreadId: big.id,
    bigThreadMemberEmail: big.email,
    senders: senders.rows,
    offerPairs: pairs.rows,
    live: live.rows,
  } satisfies Actors;
}
