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
  const stop = ctx.hub.watchSessionChanges((change) => {
    if ('userId' in change && change.userId === fence) heard();
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

/** Migration 0014's triggers on users and sessions (all enabled ALWAYS). */
const NOTICE_TRIGGERS = [
  ['users', 'users_session_notice_changed'],
  ['users', 'users_session_notice_deleted'],
  ['sessions', 'sessions_session_notice'],
] as const;

/** Runs `work` with the notices of migration 0014 switched off (as if every one were lost), so what
 * the session cache forgets is only what this process forgets by itself. The test's database is its
 * own; the triggers are on again afterwards, whatever happens. */
export async function withoutSessionNotices<T>(ctx: AppContext, work: () => Promise<T>): Promise<T> {
  const alter = async (how: 'DISABLE' | 'ENABLE ALWAYS') => {
    for (const [table, trigger] of NOTICE_TRIGGERS)
      await ctx.db.execute(sql.raw(`ALTER TABLE "${table}" ${how} TRIGGER "${trigger}"`));
  };
  await alter('DISABLE');
  try {
    return await work();
  } finally {
    await alter('ENABLE ALWAYS');
  }
}
