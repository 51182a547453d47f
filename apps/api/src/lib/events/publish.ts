import type { LiveEventData, LiveEventType } from '@bextr/contracts';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { liveEvents } from '../../db/schema.ts';

/** The channel every process LISTENs on; a payload is a comma-separated list of live_events ids. */
export const EVENTS_CHANNEL = 'bextr_events';
/** Ids per NOTIFY payload (PostgreSQL caps a payload at 8000 bytes; ids are at most 19 digits). */
const IDS_PER_NOTIFY = 300;

export type LiveEventInput = {
  [T in LiveEventType]: { userId: string; type: T; data: LiveEventData<T> };
}[LiveEventType];

/** Records live events inside the writing transaction and NOTIFYs their ids. PostgreSQL delivers a
 * NOTIFY only when the transaction commits (and drops it on rollback), so listeners hear only of
 * committed events; the rows stay for replay after a reconnect (Last-Event-ID). */
export async function publishEvents(tx: Tx, events: readonly LiveEventInput[]): Promise<void> {
  if (events.length === 0) return;
  if (events.length <= IDS_PER_NOTIFY) {
    // The usual case (a message, an offer: a few events) in one round trip: insert, then NOTIFY the ids.
    const values = sql.join(
      events.map((e) => sql`(${e.userId}, ${e.type}, ${JSON.stringify(e.data)}::jsonb)`),
      sql`, `,
    );
    await tx.execute(sql`with inserted as (
        insert into ${liveEvents} (user_id, type, data) values ${values} returning id)
      select pg_notify(${EVENTS_CHANNEL}, string_agg(id::text, ',' order by id)) from inserted`);
    return;
  }
  const rows = await tx
    .insert(liveEvents)
    .values(events.map((e) => ({ userId: e.userId, type: e.type, data: e.data })))
    .returning({ id: liveEvents.id });
  for (let i = 0; i < rows.length; i += IDS_PER_NOTIFY) {
    const payload = rows
      .slice(i, i + IDS_PER_NOTIFY)
      .map((r) => r.id)
      .join(',');
    await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${payload})`);
  }
}
