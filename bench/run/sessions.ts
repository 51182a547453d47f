import type { Db } from '@bextr/api/src/db/client.ts';
import * as schema from '@bextr/api/src/db/schema.ts';
import { createSession } from '@bextr/api/src/modules/auth/sessions.ts';
import { SIGNED_IN_HINT_COOKIE } from '@bextr/contracts';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { BENCH_PASSWORD } from '../lib/scales.ts';

/** The production session cookie (config.ts: `__Host-` prefix). */
export const SESSION_COOKIE = '__Host-bextr_session';

/** The web app's readable "signed in" hint, which a browser sends beside the session cookie (without
 * it, every answer would set it again: a cost no browser causes). */
const HINT = `${SIGNED_IN_HINT_COOKIE}=1`;

/** Signs in through the API with the bench password; answers the Cookie header value a browser would
 * send from then on: the session cookie and the hint. */
export async function signIn(baseUrl: string, email: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`sign-in of ${email}: no session cookie`);
  return `${cookie}; ${HINT}`;
}

/** The session token inside a Cookie header value made by signIn or createSessions. */
export function sessionToken(cookie: string): string {
  const token = cookie
    .split('; ')
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))
    ?.slice(SESSION_COOKIE.length + 1);
  if (!token) throw new Error('no session cookie');
  return token;
}

/** Sessions for many users at once, made by the app's own createSession (what a sign-in stores;
 * a thousand argon2 checks through the login route would take minutes and trip its rate limits). */
export async function createSessions(url: string, userIds: readonly string[]): Promise<Map<string, string>> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const db = drizzle(pool, { schema }) as unknown as Db;
  const cookies = new Map<string, string>();
  try {
    const ids = [...new Set(userIds)];
    for (let i = 0; i < ids.length; i += 50)
      await Promise.all(
        ids.slice(i, i + 50).map(async (userId) => {
          const { token } = await createSession(db, { userId, ttlDays: 1, userAgent: 'bextr-bench' });
          cookies.set(userId, `${SESSION_COOKIE}=${token}; ${HINT}`);
        }),
      );
  } finally {
    await pool.end();
  }
  return cookies;
}
