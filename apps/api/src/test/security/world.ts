import type { Role } from '@bextr/contracts';
import type { App } from '../../app.ts';
import { browser, type TestClient } from '../client.ts';
import { buildAdmin } from '../factories/admins.ts';
import { buildBusiness } from '../factories/users.ts';
import { buildSide, need, ok } from './world-side.ts';

/** The cast of the security suites: a visitor, two businesses and two influencers (side A works with
 * side A, B with B), an admin with a second factor, and a user the admin suspended (old cookie kept). */
export const ACTORS = ['visitor', 'bizA', 'bizB', 'infA', 'infB', 'admin', 'suspended'] as const;
/** …and, for the function level only, an admin who has not set up the second factor yet. */
export type ActorName = (typeof ACTORS)[number] | 'pendingAdmin';
export type Side = 'A' | 'B';

/** Every kind of object a path (or body) names. */
export type Kind =
  | 'campaign' // published, with a pending offer
  | 'draft'
  | 'offer' // pending
  | 'conversation'
  | 'message'
  | 'clientId' // the message's client id (never in a path)
  | 'collaboration' // active: one proof sent, an amendment pending
  | 'deliverable' // its proof sent
  | 'openDeliverable' // nothing sent yet
  | 'amendment'
  | 'completed' // a completed collaboration, reviewed by both, then reported
  | 'report'
  | 'upload' // an image nobody links to yet: its uploader's only
  | 'attachment' // a message's image
  | 'proof' // a deliverable's proof screenshot
  | 'avatar'
  | 'notification'
  | 'socialAccount'
  | 'portfolio'
  | 'insight'
  | 'insightShot' // the insight's screenshot upload
  | 'business' // the business's user id
  | 'influencer' // the influencer's user id
  | 'handle'
  | 'faqQuestion'
  | 'faqEntry';

export type Objects = Record<Kind, string>;

/** Who holds (may act on) an object of each kind of a side: the side's business, its influencer or both. */
export const HOLDERS: Record<Kind, ('biz' | 'inf' | 'admin')[]> = {
  campaign: ['biz'],
  draft: ['biz'],
  offer: ['biz', 'inf'],
  conversation: ['biz', 'inf'],
  message: ['biz', 'inf'],
  clientId: ['biz', 'inf'],
  collaboration: ['biz', 'inf'],
  deliverable: ['biz', 'inf'],
  openDeliverable: ['biz', 'inf'],
  amendment: ['biz', 'inf'],
  completed: ['biz', 'inf'],
  report: ['biz', 'inf'],
  upload: ['inf'],
  attachment: ['biz', 'inf'],
  proof: ['biz', 'inf'],
  avatar: ['inf'],
  notification: ['biz'],
  socialAccount: ['inf'],
  portfolio: ['inf'],
  insight: ['inf'],
  insightShot: ['inf'],
  business: ['biz'],
  influencer: ['inf'],
  handle: ['inf'],
  faqQuestion: ['admin'],
  faqEntry: ['admin'],
};

export interface Actor {
  name: ActorName;
  role: Role | null;
  client: TestClient;
  userId: string | null;
  email: string | null;
  side: Side | null;
}

/** A response any actor received, kept for the leak scan. */
export interface Seen {
  actor: ActorName;
  method: string;
  url: string;
  status: number;
  contentType: string;
  text: string;
}

export interface World {
  actors: Record<ActorName, Actor>;
  sides: Record<Side, Objects>;
  /** Admin's TOTP secret, every session token, every password hash, the suspended user's id. */
  secrets: { totp: string; sessionTokens: Map<ActorName, string> };
  /** Text only the reporter may read on each side's report (its evidence id, its message to admins). */
  reporterPrivate: Record<Side, string[]>;
  /** E-mail addresses of the FAQ askers (admins only). */
  askerEmails: string[];
  seen: Seen[];
}

/** Records every answer a client gets (for the leak scan). */
function recording(client: TestClient, actor: ActorName, seen: Seen[]): TestClient {
  const request = client.request.bind(client);
  client.request = async (method, url, body, opts) => {
    const res = await request(method, url, body, opts);
    seen.push({
      actor,
      method,
      url,
      status: res.status,
      contentType: String(res.headers['content-type'] ?? ''),
      text: res.text,
    });
    return res as never;
  };
  return client;
}

/** Builds the whole cast and their objects through the API (the admin suspends the last user). */
export async function buildWorld(app: App): Promise<World> {
  const admin = await buildAdmin(app);
  const a = await buildSide(app, 'A', admin.client);
  const b = await buildSide(app, 'B', admin.client);
  const questions = ok(
    await admin.client.get<{ items: { id: string; question: string }[] }>(
      '/api/v1/admin/faq/questions?status=new',
    ),
    200,
    'faq questions',
  );
  const questionOf = (side: Side) =>
    need(questions.items.find((q) => q.question.includes(`side ${side}`))?.id, `faq question ${side}`);
  const suspended = await buildBusiness(app, { verified: true, name: 'Suspended Business' });
  ok(
    await admin.client.post(`/api/v1/admin/users/${suspended.user.id}/suspend`, { reason: 'Fraud reports' }),
    200,
    'suspending',
  );
  const token = need(suspended.client.sessionCookie, 'suspended cookie');
  const pendingAdmin = await buildAdmin(app, { secondFactor: false });

  const seen: Seen[] = [];
  const actor = (
    name: ActorName,
    role: Role | null,
    client: TestClient,
    u: { id: string; email: string } | null,
    side: Side | null,
  ): Actor => ({
    name,
    role,
    client: recording(client, name, seen),
    userId: u?.id ?? null,
    email: u?.email ?? null,
    side,
  });
  // The suspended user's browser still sends its old cookie.
  const oldCookie = browser(app);
  oldCookie.setCookie(oldCookie.sessionCookieName, token);
  const actors: Record<ActorName, Actor> = {
    visitor: actor('visitor', null, browser(app), null, null),
    bizA: actor('bizA', 'business', a.biz.client, { id: a.biz.user.id, email: a.biz.email }, 'A'),
    bizB: actor('bizB', 'business', b.biz.client, { id: b.biz.user.id, email: b.biz.email }, 'B'),
    infA: actor('infA', 'influencer', a.inf.client, { id: a.inf.user.id, email: a.inf.email }, 'A'),
    infB: actor('infB', 'influencer', b.inf.client, { id: b.inf.user.id, email: b.inf.email }, 'B'),
    admin: actor('admin', 'admin', admin.client, { id: admin.user.id, email: admin.email }, null),
    suspended: actor(
      'suspended',
      'business',
      oldCookie,
      { id: suspended.user.id, email: suspended.email },
      null,
    ),
    pendingAdmin: actor('pendingAdmin', 'admin', pendingAdmin.client, pendingAdmin.user, null),
  };
  const sessionTokens = new Map<ActorName, string>();
  for (const [name, x] of Object.entries(actors))
    if (x.client.sessionCookie) sessionTokens.set(name as ActorName, x.client.sessionCookie);
  return {
    actors,
    sides: {
      A: { ...a.objects, faqQuestion: questionOf('A') },
      B: { ...b.objects, faqQuestion: questionOf('B') },
    },
    secrets: { totp: need(admin.totpSecret, 'totp secret'), sessionTokens },
    reporterPrivate: { A: a.reporterPrivate, B: b.reporterPrivate },
    askerEmails: [a.askerEmail, b.askerEmail],
    seen,
  };
}

/** Whether the actor holds the object of that kind on that side. */
export function holds(actor: Actor, kind: Kind, side: Side): boolean {
  const roles = HOLDERS[kind];
  if (actor.role === 'admin') return roles.includes('admin');
  if (actor.side !== side) return false;
  return (
    (actor.role === 'business' && roles.includes('biz')) ||
    (actor.role === 'influencer' && roles.includes('inf'))
  );
}
