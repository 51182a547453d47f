import { and, asc, eq, gt, gte, lt } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../context.ts';
import { liveEvents } from '../../db/schema.ts';
import { OUT_OF_ORDER_SLACK_MS } from '../../lib/events/hub.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { SseStream } from './stream.ts';

/** The most missed events one connection replays; past it the stream ends right after them, and the
 * client's reconnect (Last-Event-ID = the last one) picks up the rest. */
export const REPLAY_LIMIT = 1000;
/** The most events before Last-Event-ID one replay resends (see OUT_OF_ORDER_SLACK_MS). */
const LATE_LIMIT = 200;

/** Opens the user's event stream on a hijacked reply: registered with the hub first, then the events
 * after `lastEventId` replayed from live_events (live ones are held back meanwhile), then live.
 * Ids are taken at insert, not at commit, so an event with a lower id may have committed after the
 * client saw `lastEventId`: the replay also resends the user's events from the OUT_OF_ORDER_SLACK_MS
 * before it, and the client drops ids it has seen. */
export async function openEventStream(
  ctx: AppContext,
  opts: { user: SessionUser; sessionId: string; reply: FastifyReply; lastEventId: number | null },
): Promise<void> {
  const { user, reply } = opts;
  let unsubscribe = () => {};
  const stream = new SseStream(user.id, opts.sessionId, reply.raw, () => unsubscribe());
  stream.open(reply.getHeaders() as Record<string, string | string[] | number>);
  unsubscribe = ctx.hub.subscribe(stream);
  if (stream.isClosed) unsubscribe();
  if (opts.lastEventId === null) {
    stream.goLive();
    return;
  }
  try {
    const last = opts.lastEventId;
    const columns = { id: liveEvents.id, type: liveEvents.type, data: liveEvents.data };
    const mine = eq(liveEvents.userId, user.id);
    const [seen] = await ctx.db
      .select({ createdAt: liveEvents.createdAt })
      .from(liveEvents)
      .where(and(eq(liveEvents.id, last), mine));
    const late = seen
      ? await ctx.db
          .select(columns)
          .from(liveEvents)
          .where(
            and(
              mine,
              lt(liveEvents.id, last),
              gte(liveEvents.createdAt, new Date(seen.createdAt.getTime() - OUT_OF_ORDER_SLACK_MS)),
            ),
          )
          .orderBy(asc(liveEvents.id))
          .limit(LATE_LIMIT)
      : [];
    const rows = await ctx.db
      .select(columns)
      .from(liveEvents)
      .where(and(mine, gt(liveEvents.id, last)))
      .orderBy(asc(liveEvents.id))
      .limit(REPLAY_LIMIT + 1);
    stream.replay([...late, ...rows.slice(0, REPLAY_LIMIT)]);
    if (rows.length > REPLAY_LIMIT) stream.close('replay_cut', 250);
    else stream.goLive();
  } catch (err) {
    ctx.log.error({ err }, 'live events: replay failed');
    stream.close('shutdown');
  }
}
