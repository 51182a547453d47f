import type pg from 'pg';
import type { Scale } from '../lib/scales.ts';

/** Messages as sendMessage writes them, in commit (seq) order per thread: the first offer's thread
 * gets `bigThread` messages, the rest go round-robin over the next threads (about four each). Then
 * what a send keeps up to date: the thread's last message and activity, each member's read marker
 * (at least their own newest message; about one thread in five has the other side's newest message
 * unread) and the e-mailed marker (unread mail went out long ago). */
export async function generateMessages(client: pg.Client, scale: Scale): Promise<void> {
  const q = (text: string, values: unknown[] = []) => client.query(text, values);
  const rest = scale.messages - scale.bigThread;
  const threads = Math.min(scale.offers - 1, Math.floor(rest / 4));
  await q(
    `create temp table plan_messages as
     select g as mid, 0 as j, g as n, $1::bigint as cnt from generate_series(0, $1::bigint - 1) g
     union all
     select $1::bigint + g, 1 + (g % $3), g / $3, ($2::bigint - 1 - (g % $3)) / $3 + 1 from generate_series(0, $2::bigint - 1) g`,
    [scale.bigThread, rest, threads],
  );
  await q(
    `insert into messages (id, conversation_id, sender_id, body, client_id, attachment_ids, created_at)
     select pg_temp.bid('m', m.mid), pg_temp.bid('v', o.j),
            case when m.n % 2 = 0 then pg_temp.bid('i', o.inf) else pg_temp.bid('b', o.c % $1) end,
            case when (o.j + m.n) % 2 = 0 then pg_temp.pick(pg_temp.w_messagesk(), o.j * 7 + m.n, 80)
                 else pg_temp.pick(pg_temp.w_messageen(), o.j * 7 + m.n, 80) end,
            'bench-' || o.j || '-' || m.n, '{}',
            o.created_at + (m.n + 1) * ((now() - interval '10 minutes' - o.created_at) / (m.cnt + 1))
     from plan_messages m join plan_offers o on o.j = m.j
     order by m.j, m.n`,
    [scale.businesses],
  );
  await q('drop table plan_messages');
  await q(
    `update conversations c set last_message_id = l.id, last_message_seq = l.seq,
            last_activity_at = greatest(c.last_activity_at, l.created_at)
     from (select distinct on (conversation_id) conversation_id, id, seq, created_at
           from messages order by conversation_id, seq desc) l
     where l.conversation_id = c.id`,
  );
  await q(
    `update conversation_members cm
     set read_seq = case when x.unread then coalesce(x.own, 0) else x.last end, emailed_seq = x.last
     from (select cm2.conversation_id, cm2.user_id, c.last_message_seq as last, x1.unread,
                  case when x1.unread then (select max(m.seq) from messages m
                    where m.conversation_id = c.id and m.sender_id = cm2.user_id) end as own
           from conversation_members cm2
           join conversations c on c.id = cm2.conversation_id
           left join messages lm on lm.id = c.last_message_id
           cross join lateral (select pg_temp.h(hashtext(c.id), 81) % 5 = 0 and lm.sender_id <> cm2.user_id as unread) x1
           where c.last_message_seq > 0) x
     where cm.conversation_id = x.conversation_id and cm.user_id = x.user_id`,
  );
}
