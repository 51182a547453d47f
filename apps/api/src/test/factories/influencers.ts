import type { InfluencerProfile, InfluencerProfileBody, SocialAccountBody } from '@bextr/contracts';
import type { App } from '../../app.ts';
import type { TestClient } from '../client.ts';
import { uploadImage } from './uploads.ts';
import { type BuildUserOptions, buildInfluencer, type TestUser } from './users.ts';

let counter = 0;
/** A handle no other test uses. */
export function uniqueHandle(label = 'creator'): string {
  counter += 1;
  return `${label}_${counter}_${Math.random().toString(36).slice(2, 8)}`;
}

export const audience = {
  gender: { female: 62, male: 36, other: 2 },
  ages: { '13-17': 4, '18-24': 38, '25-34': 36, '35-44': 14, '45-54': 6, '55+': 2 },
  countries: [
    { country: 'SK', share: 70 },
    { country: 'CZ', share: 20 },
  ],
  interests: ['coffee', 'travel'],
} satisfies InfluencerProfileBody['audience'];

export function basics(over: Partial<InfluencerProfileBody> = {}): InfluencerProfileBody {
  return {
    displayName: 'Test Creator',
    handle: uniqueHandle(),
    bio: 'I film slow mornings, mountain trails and the coffee in between.',
    categories: ['lifestyle', 'travel'],
    country: 'SK',
    city: 'Žilina',
    languages: ['sk', 'en'],
    ...over,
  };
}

export const socialAccount = (over: Partial<SocialAccountBody> = {}): SocialAccountBody => ({
  network: 'instagram',
  handle: 'test.creator',
  url: 'https://instagram.com/test.creator',
  followers: 12_400,
  engagementRate: 3.4,
  avgViews: 5200,
  ...over,
});

type ProfileBody = { profile: InfluencerProfile };
const P = '/api/v1/influencer-profile';

async function ok<T>(promise: Promise<{ status: number; text: string; body: T }>, expected: number) {
  const res = await promise;
  if (res.status !== expected) throw new Error(`expected ${expected}, got ${res.status}: ${res.text}`);
  return res.body;
}

/** Fills every part of a profile through the API (basics, an account, audience, a portfolio item
 * with an image, an insight with a screenshot). */
export async function completeProfile(
  client: TestClient,
  opts: { profile?: Partial<InfluencerProfileBody>; account?: Partial<SocialAccountBody> } = {},
) {
  await ok(client.put(P, { audience, ...basics(opts.profile) }), 200);
  const { socialAccount: account } = await ok<{ socialAccount: { id: string } }>(
    client.post(`${P}/social-accounts`, socialAccount(opts.account)),
    201,
  );
  const image = await uploadImage(client);
  await ok(client.post(`${P}/portfolio`, { title: 'Autumn in the Tatras', uploadIds: [image.id] }), 201);
  const shot = await uploadImage(client);
  await ok(
    client.post(`${P}/insights`, {
      socialAccountId: account.id,
      asOf: '2026-01-31',
      periodDays: 30,
      reach: 40_000,
      uploadIds: [shot.id],
    }),
    201,
  );
  const { profile } = await ok<ProfileBody>(client.get<ProfileBody>(P), 200);
  return profile;
}

/** A verified influencer whose profile is ready (listed in the directory). */
export async function buildReadyInfluencer(
  app: App,
  opts: Omit<BuildUserOptions, 'role'> & {
    profile?: Partial<InfluencerProfileBody>;
    account?: Partial<SocialAccountBody>;
  } = {},
): Promise<TestUser & { profile: InfluencerProfile }> {
  const { profile: over, account, ...userOpts } = opts;
  const influencer = await buildInfluencer(app, { verified: true, ...userOpts });
  const profile = await completeProfile(influencer.client, {
    ...(over ? { profile: over } : {}),
    ...(account ? { account } : {}),
  });
  return { ...influencer, profile };
}
