import { randomBytes } from 'node:crypto';
import type { Locale, Role, User } from '@bextr/contracts';
import { eq } from 'drizzle-orm';
import type { App } from '../../app.ts';
import { users } from '../../db/schema.ts';
import { browser, type ClientOptions, type TestClient } from '../client.ts';

let counter = 0;

/** An e-mail address no other test uses. */
export function uniqueEmail(label = 'user'): string {
  counter += 1;
  return `${label}-${counter}-${randomBytes(4).toString('hex')}@test.bextr.eu`;
}

/** A password the rules accept. */
export const PASSWORD = 'violet-harbour-lantern-42';

export interface TestUser {
  /** A browser signed in as this user. */
  client: TestClient;
  user: User;
  email: string;
  password: string;
}

export interface BuildUserOptions {
  role?: Exclude<Role, 'admin'>;
  /** Marks the e-mail verified (default false: as after a fresh registration). */
  verified?: boolean;
  locale?: Locale;
  name?: string;
  email?: string;
  password?: string;
  client?: ClientOptions;
}

/** Registers a fresh account through the API and returns a browser signed in as it. */
export async function buildUser(app: App, opts: BuildUserOptions = {}): Promise<TestUser> {
  const role = opts.role ?? 'business';
  const email = opts.email ?? uniqueEmail(role);
  const password = opts.password ?? PASSWORD;
  const client = browser(app, opts.client);
  const res = await client.post('/api/v1/auth/register', {
    email,
    password,
    role,
    name: opts.name ?? (role === 'business' ? 'Tatra Test Roasters' : 'Test Creator'),
    ...(opts.locale ? { locale: opts.locale } : {}),
  });
  if (res.status !== 201 || !res.body.user) {
    throw new Error(`registering ${email} answered ${res.status}: ${res.text}`);
  }
  let user = res.body.user;
  if (opts.verified) {
    await app.ctx.db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, user.id));
    user = { ...user, emailVerified: true };
  }
  return { client, user, email, password };
}

export const buildBusiness = (app: App, opts: Omit<BuildUserOptions, 'role'> = {}) =>
  buildUser(app, { ...opts, role: 'business' });

export const buildInfluencer = (app: App, opts: Omit<BuildUserOptions, 'role'> = {}) =>
  buildUser(app, { ...opts, role: 'influencer' });

/** Signs in from a new browser; throws unless the API lets the user in. */
export async function signIn(
  app: App,
  credentials: { email: string; password: string },
  options?: ClientOptions,
): Promise<TestClient> {
  const client = browser(app, options);
  const res = await client.post('/api/v1/auth/login', credentials);
  if (res.status !== 200)
    throw new Error(`signing in ${credentials.email} answered ${res.status}: ${res.text}`);
  return client;
}
