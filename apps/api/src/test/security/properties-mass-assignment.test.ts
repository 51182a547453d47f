import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  businessProfiles,
  campaigns,
  collaborations,
  deliverableProofs,
  influencerProfiles,
  messages,
  notificationPreferences,
  offers,
  reports,
  reviews,
  users,
} from '../../db/schema.ts';
import type { TestApp } from '../app.ts';
import { uniqueEmail } from '../factories/users.ts';
import { buildWorld, createInputApp, expectErrorShape, type World } from './input-world.ts';

// Issue #10, property: the columns the server owns (who owns a row, its status, counters, role,
// verification, ratings, timestamps, an accepted agreement's price) cannot be set through any
// endpoint a user writes to. Each attempt is refused (4xx) or ignored, and the database row is the
// same afterwards for those columns.

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createInputApp();
  w = await buildWorld(t);
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const db = () => t.ctx.db;
const pick = <T extends Record<string, unknown>>(row: T | undefined, keys: (keyof T)[]) =>
  row ? Object.fromEntries(keys.map((k) => [k, row[k]])) : null;

const userCols = (id: string) =>
  db()
    .select()
    .from(users)
    .where(eq(users.id, id))
    .then(([r]) =>
      pick(r, [
        'role',
        'email',
        'emailVerifiedAt',
        'status',
        'ratingCount',
        'ratingTotal',
        'createdAt',
        'isDemo',
      ]),
    );
const campaignCols = (id: string) =>
  db()
    .select()
    .from(campaigns)
    .where(eq(campaigns.id, id))
    .then(([r]) =>
      pick(r, ['ownerId', 'status', 'slotsFilled', 'publishedAt', 'unpublishedAt', 'clientKey']),
    );
const collaborationCols = (id: string) =>
  db()
    .select()
    .from(collaborations)
    .where(eq(collaborations.id, id))
    .then(([r]) =>
      pick(r, [
        'businessId',
        'influencerId',
        'offerId',
        'status',
        'agreement',
        'agreementVersion',
        'completedAt',
      ]),
    );
const offerCols = (id: string) =>
  db()
    .select()
    .from(offers)
    .where(eq(offers.id, id))
    .then(([r]) =>
      pick(r, ['influencerId', 'campaignId', 'status', 'priceAmount', 'createdAt', 'decidedAt']),
    );
const influencerRow = (userId: string) =>
  db()
    .select()
    .from(influencerProfiles)
    .where(eq(influencerProfiles.userId, userId))
    .then(([r]) => pick(r, ['userId', 'tier', 'followers', 'totalFollowers', 'engagementRate', 'listed']));
const businessRow = (userId: string) =>
  db()
    .select()
    .from(businessProfiles)
    .where(eq(businessProfiles.userId, userId))
    .then(([r]) => pick(r, ['userId', 'companyName']));
const messageSenders = (conversationId: string) =>
  db()
    .select({ senderId: messages.senderId, createdAt: messages.createdAt })
    .from(messages)
    .where(eq(messages.conversationId, conversationId));
const all = async () => ({
  reviews: await db().select().from(reviews),
  reports: (await db().select().from(reports)).map((r) => pick(r, ['id', 'reporterId', 'status', 'outcome'])),
  proofs: (await db().select().from(deliverableProofs)).length,
  prefs: (await db().select().from(notificationPreferences)).map((p) => p.userId),
});

interface Attempt {
  name: string;
  actor: keyof World['clients'];
  method: 'POST' | 'PUT' | 'PATCH';
  url: (w: World) => string;
  body: (w: World) => Record<string, unknown>;
  /** The server-owned columns the attempt aims at, read from the database. */
  guarded: (w: World) => Promise<unknown>;
  /** The answer it must get: a 400 naming each refused field, another 4xx for the state, or a 2xx
   * where the server-owned part simply is not in the request's reach. */
  expected: { status: number; code?: string; names?: string[] };
}

/** A 400 VALIDATION_FAILED whose details name each field. */
const refused = (...names: string[]) => ({ status: 400, code: 'VALIDATION_FAILED', names });

const future = '2030-01-01T00:00:00.000Z';
const attempts: Attempt[] = [
  {
    name: 'register as an admin, verified, with ratings',
    expected: refused('role'),
    actor: 'anon',
    method: 'POST',
    url: () => '/api/v1/auth/register',
    body: () => ({
      email: 'mass-1@test.bextr.eu',
      password: 'violet-harbour-lantern-42',
      role: 'admin',
      name: 'Eve',
    }),
    guarded: () => db().select().from(users).where(eq(users.email, 'mass-1@test.bextr.eu')),
  },
  {
    name: 'register with emailVerified, status, ratingCount, createdAt',
    expected: refused('emailVerified', 'emailVerifiedAt', 'status', 'ratingCount', 'createdAt'),
    actor: 'anon',
    method: 'POST',
    url: () => '/api/v1/auth/register',
    body: () => ({
      email: 'mass-2@test.bextr.eu',
      password: 'violet-harbour-lantern-42',
      role: 'influencer',
      name: 'Eve',
      emailVerified: true,
      emailVerifiedAt: future,
      status: 'active',
      ratingCount: 99,
      createdAt: future,
    }),
    guarded: () => db().select().from(users).where(eq(users.email, 'mass-2@test.bextr.eu')),
  },
  ...(
    [
      ['role', { role: 'admin' }],
      ['email verification', { emailVerified: true, emailVerifiedAt: future }],
      ['e-mail', { email: uniqueEmail('takeover') }],
      ['status', { status: 'active', suspendedAt: null }],
      ['rating counters', { ratingCount: 500, ratingTotal: 2500 }],
      ['createdAt and id', { createdAt: future, id: 'someone-else' }],
    ] as const
  ).map(
    ([what, extra]): Attempt => ({
      name: `PATCH /auth/me sets ${what}`,
      expected: refused(...Object.keys(extra)),
      actor: 'influencer',
      method: 'PATCH',
      url: () => '/api/v1/auth/me',
      body: () => ({ name: 'Renamed', ...extra }),
      guarded: (w) => userCols(w.influencer.user.id),
    }),
  ),
  {
    name: 'influencer profile PUT sets owner, tier, followers, rating and listing',
    expected: refused('userId', 'tier', 'followers', 'totalFollowers', 'listed', 'ratingCount', 'role'),
    actor: 'influencer',
    method: 'PUT',
    url: () => '/api/v1/influencer-profile',
    body: (w) => ({
      bio: 'New bio',
      userId: w.business.user.id,
      tier: 'mega',
      followers: 9_999_999,
      totalFollowers: 9_999_999,
      listed: true,
      ratingCount: 9,
      role: 'admin',
    }),
    guarded: async (w) => [await influencerRow(w.influencer.user.id), await userCols(w.influencer.user.id)],
  },
  {
    name: 'business profile PUT moves the profile to another user',
    expected: refused('userId', 'businessId'),
    actor: 'business',
    method: 'PUT',
    url: () => '/api/v1/business-profile',
    body: (w) => ({ companyName: 'Hijack', userId: w.victimId, businessId: w.victimId }),
    guarded: async (w) => [await businessRow(w.business.user.id), await businessRow(w.victimId)],
  },
  {
    name: 'campaign PATCH sets owner, status, slot counter, publication',
    expected: refused('ownerId', 'businessId', 'status', 'slotsFilled', 'publishedAt', 'createdAt'),
    actor: 'business',
    method: 'PATCH',
    url: (w) => `/api/v1/campaigns/${w.draftId}`,
    body: (w) => ({
      name: 'Renamed',
      ownerId: w.victimId,
      businessId: w.victimId,
      status: 'published',
      slotsFilled: 3,
      publishedAt: future,
      createdAt: future,
    }),
    guarded: (w) => campaignCols(w.draftId),
  },
  {
    name: 'campaign PATCH on a campaign with an accepted offer resets its slot counter',
    expected: refused('slotsFilled'),
    actor: 'business',
    method: 'PATCH',
    url: (w) => `/api/v1/campaigns/${w.active.campaignId}`,
    body: () => ({ slotsFilled: 0, slots: 3 }),
    guarded: (w) => campaignCols(w.active.campaignId),
  },
  {
    name: 'campaign create for another owner, already published and full',
    expected: refused('ownerId', 'status', 'slotsFilled'),
    actor: 'business',
    method: 'POST',
    url: () => '/api/v1/campaigns',
    body: (w) => ({ name: 'Sneaky', ownerId: w.victimId, status: 'published', slotsFilled: 5 }),
    guarded: (w) => db().select().from(campaigns).where(eq(campaigns.ownerId, w.victimId)),
  },
  {
    name: 'offer send as another influencer, already accepted',
    expected: refused('influencerId', 'status', 'decidedAt'),
    actor: 'influencer',
    method: 'POST',
    url: (w) => `/api/v1/campaigns/${w.spareCampaignId}/offers`,
    body: (w) => ({
      pitch: 'Me!',
      deliverables: [{ type: 'story', network: 'instagram', quantity: 1 }],
      price: { amount: 100 },
      influencerId: w.victimId,
      status: 'accepted',
      decidedAt: future,
    }),
    guarded: (w) => db().select().from(offers).where(eq(offers.campaignId, w.spareCampaignId)),
  },
  {
    name: 'the accepted agreement price through a new offer on the same campaign',
    expected: { status: 409, code: 'ALREADY_OFFERED' },
    actor: 'influencer',
    method: 'POST',
    url: (w) => `/api/v1/campaigns/${w.active.campaignId}/offers`,
    body: () => ({
      pitch: 'Cheaper now',
      deliverables: [{ type: 'story', network: 'instagram', quantity: 1 }],
      price: { amount: 1 },
    }),
    guarded: (w) => collaborationCols(w.active.id),
  },
  {
    name: 'the accepted agreement price through the campaign PATCH',
    expected: { status: 200 },
    actor: 'business',
    method: 'PATCH',
    url: (w) => `/api/v1/campaigns/${w.active.campaignId}`,
    body: () => ({ compensation: { type: 'paid', amount: { amount: 1, currency: 'EUR' } } }),
    guarded: (w) => collaborationCols(w.active.id),
  },
  {
    name: 'an amendment that sets the status and agreement directly',
    expected: refused('status', 'agreementVersion'),
    actor: 'business',
    method: 'POST',
    url: (w) => `/api/v1/collaborations/${w.active.id}/amendments`,
    body: () => ({
      changes: { priceAmount: 1, status: 'completed', agreementVersion: 9 },
      status: 'accepted',
    }),
    guarded: (w) => collaborationCols(w.active.id),
  },
  {
    name: 'a proof that approves itself and completes the collaboration',
    expected: refused('status', 'collaborationStatus'),
    actor: 'influencer',
    method: 'POST',
    url: (w) => `/api/v1/collaborations/${w.active.id}/deliverables/${w.active.deliverables[0]?.id}/proof`,
    body: () => ({ url: 'https://example.com/p/1', status: 'approved', collaborationStatus: 'completed' }),
    guarded: async (w) => [await collaborationCols(w.active.id), (await all()).proofs],
  },
  {
    name: 'a message posted as the other side, back-dated',
    expected: refused('senderId', 'createdAt'),
    actor: 'influencer',
    method: 'POST',
    url: (w) => `/api/v1/conversations/${w.conversationId}/messages`,
    body: (w) => ({ body: 'hi', clientId: 'mass-assign-1', senderId: w.business.user.id, createdAt: future }),
    guarded: (w) => messageSenders(w.conversationId),
  },
  {
    name: 'a review that sets its author, subject and the rating counters',
    expected: refused('authorId', 'subjectId', 'ratingCount', 'ratingTotal'),
    actor: 'business',
    method: 'POST',
    url: (w) => `/api/v1/collaborations/${w.completed.id}/reviews`,
    body: (w) => ({
      rating: 5,
      text: 'Wonderful work, thank you.',
      authorId: w.influencer.user.id,
      subjectId: w.victimId,
      ratingCount: 100,
      ratingTotal: 500,
    }),
    guarded: async (w) => [
      (await all()).reviews,
      await userCols(w.influencer.user.id),
      await userCols(w.victimId),
    ],
  },
  {
    name: 'a report filed as someone else, already resolved',
    expected: refused('reporterId', 'status', 'outcome'),
    actor: 'influencer',
    method: 'POST',
    url: () => '/api/v1/reports',
    body: (w) => ({
      againstUserId: w.business.user.id,
      conversationId: w.conversationId,
      category: 'fraud',
      description: 'A description long enough.',
      reporterId: w.victimId,
      status: 'resolved',
      outcome: 'suspension',
    }),
    guarded: async () => (await all()).reports,
  },
  {
    name: 'notification preferences for another user',
    expected: refused('userId'),
    actor: 'influencer',
    method: 'PUT',
    url: () => '/api/v1/notification-preferences',
    body: (w) => ({ email: { offer_received: false }, userId: w.victimId }),
    guarded: async () => (await all()).prefs,
  },
  {
    name: 'withdrawing an offer while setting its status and price',
    expected: refused('status', 'priceAmount'),
    actor: 'influencer',
    method: 'POST',
    url: (w) => `/api/v1/offers/${w.offerId}/withdraw`,
    body: () => ({ status: 'accepted', priceAmount: 1 }),
    guarded: (w) => offerCols(w.offerId),
  },
];

describe('server-owned columns cannot be written by a client', () => {
  for (const attempt of attempts) {
    it(attempt.name, async () => {
      const before = await attempt.guarded(w);
      const res = await w.clients[attempt.actor].request(attempt.method, attempt.url(w), attempt.body(w));
      const label = `${attempt.name}: ${res.status} ${res.text.slice(0, 200)}`;
      // Refused (400 naming the unknown field, or another 4xx for the state) or accepted with the
      // server-owned parts out of reach: either way the columns below must not move.
      const { status, code, names = [] } = attempt.expected;
      expect(res.status, label).toBe(status);
      if (status >= 400) {
        expectErrorShape(res, label);
        expect(res.body.error?.code, label).toBe(code);
        const details = JSON.stringify(res.body.error?.details ?? {});
        for (const field of names)
          expect(details, `${label} (names ${field})`).toMatch(new RegExp(`\\b${field}\\b`));
      }
      expect(await attempt.guarded(w), label).toEqual(before);
    });
  }
});
