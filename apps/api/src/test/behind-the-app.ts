import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';

/** Makes a change to users or sessions straight in the database, as another process or an operator
 * would, and returns once this app has heard every notice it sent — the moment from which its session
 * cache no longer answers with the old rows (decision 019). A request made before that moment may
 * still see them, by design: that window is what the test would otherwise race.
 *
 * Notices reach a listener in the order their transactions committed, so a notice of its own sent
 * after the change (a fence) is heard after all of the change's. */
export async function changeBehindTheApp(ctx: AppContext, change: () => Promise<unknown>): Promise<void> {
  await change();
  const fence = `fence-${randomUUID()}`;
  let heard: () => void = () => {};
  const notice = new Promise<void>((resolve) => {
    heard = resolve;
  });
  const stop = ctx.hub.watchSessionChanges((id) => {
    if (id === fence) heard();
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await ctx.db.execute(sql`select pg_notify('bextr_events', ${`auth:${fence}`})`);
    await Promise.race([
      notice,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('the fence notice did not arrive')), 5000);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    stop();
  }
}
