import type { App } from '../../app.ts';
import { newTotpSecret, totpCode, totpStep } from '../../lib/totp.ts';
import { enrolAdminAtBoot } from '../../modules/auth/second-factor/service.ts';
import { ensureAdmin } from '../../seed/admin.ts';
import { browser, type ClientOptions } from '../client.ts';
import { PASSWORD, signIn, type TestUser, uniqueEmail } from './users.ts';

export interface TestAdmin extends TestUser {
  /** The admin's authenticator secret (base32); null for an admin built without a second factor. */
  totpSecret: string | null;
}

/** A fresh admin (made the way boot makes them, never by registration), signed in with the
 * password and — unless `secondFactor: false` — enrolled in the second factor (as ADMIN_TOTP_SECRET
 * enrols the boot admin) and signed in with a code, so it may use every admin route. */
export async function buildAdmin(
  app: App,
  opts: { client?: ClientOptions; secondFactor?: boolean } = {},
): Promise<TestAdmin> {
  const email = uniqueEmail('admin');
  await ensureAdmin(app.ctx.db, { email, password: PASSWORD });
  if (opts.secondFactor === false) {
    const client = await signIn(app, { email, password: PASSWORD }, opts.client);
    const me = await client.get('/api/v1/auth/me');
    if (!me.body.user) throw new Error(`admin ${email} is not signed in`);
    return { client, user: me.body.user, email, password: PASSWORD, totpSecret: null };
  }
  const totpSecret = newTotpSecret();
  await enrolAdminAtBoot(app.ctx, { email, secret: totpSecret });
  const client = await signInAdmin(app, { email, password: PASSWORD, totpSecret }, opts.client);
  const me = await client.get('/api/v1/auth/me');
  if (!me.body.user) throw new Error(`admin ${email} is not signed in`);
  return { client, user: me.body.user, email, password: PASSWORD, totpSecret };
}

/** The code of the admin's secret `stepsAhead` steps from now (1 = the next one, still inside the
 * ±1 step the server accepts): what a test uses when the current step's code was already used. */
export function adminCode(secret: string, stepsAhead = 0): string {
  return totpCode(secret, totpStep() + stepsAhead);
}

/** Signs an enrolled admin in from a new browser: password, then a code of their secret. */
export async function signInAdmin(
  app: App,
  admin: { email: string; password: string; totpSecret: string },
  options?: ClientOptions,
  stepsAhead = 0,
) {
  const client = browser(app, options);
  const login = await client.post('/api/v1/auth/login', { email: admin.email, password: admin.password });
  if (login.status !== 200)
    throw new Error(`signing in ${admin.email} answered ${login.status}: ${login.text}`);
  const code = adminCode(admin.totpSecret, stepsAhead);
  const second = await client.post('/api/v1/auth/second-factor', { code });
  if (second.status !== 200)
    throw new Error(`the second factor of ${admin.email} answered ${second.status}: ${second.text}`);
  return client;
}
