import type { App } from '../../app.ts';
import { ensureAdmin } from '../../seed/admin.ts';
import type { ClientOptions } from '../client.ts';
import { PASSWORD, signIn, type TestUser, uniqueEmail } from './users.ts';

/** A fresh admin (made the way boot makes them, never by registration), signed in. */
export async function buildAdmin(app: App, opts: { client?: ClientOptions } = {}): Promise<TestUser> {
  const email = uniqueEmail('admin');
  await ensureAdmin(app.ctx.db, { email, password: PASSWORD });
  const client = await signIn(app, { email, password: PASSWORD }, opts.client);
  const me = await client.get('/api/v1/auth/me');
  if (!me.body.user) throw new Error(`admin ${email} is not signed in`);
  return { client, user: me.body.user, email, password: PASSWORD };
}
