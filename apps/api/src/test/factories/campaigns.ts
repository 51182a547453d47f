import type { Campaign, CampaignDraftBody } from '@bextr/contracts';
import type { App } from '../../app.ts';
import type { TestClient } from '../client.ts';
import { type BuildUserOptions, buildBusiness, type TestUser } from './users.ts';

/** A date `days` from today (UTC), as YYYY-MM-DD. */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export const completeProfile = {
  companyName: 'Tatra Test Roasters',
  industry: 'food_drink',
  description: 'Specialty coffee roasted in the High Tatras.',
  country: 'SK',
  city: 'Poprad',
  website: 'https://tatra.example.com',
} as const;

/** A verified business with a complete profile: ready to publish. */
export async function buildBusinessWithProfile(
  app: App,
  opts: Omit<BuildUserOptions, 'role'> & { profile?: Record<string, unknown> } = {},
): Promise<TestUser> {
  const { profile, ...userOpts } = opts;
  const business = await buildBusiness(app, { verified: true, ...userOpts });
  const res = await business.client.put('/api/v1/business-profile', { ...completeProfile, ...profile });
  if (res.status !== 200) throw new Error(`saving the profile answered ${res.status}: ${res.text}`);
  return business;
}

/** Every field a campaign needs to be published. */
export function completeCampaign(over: Partial<CampaignDraftBody> = {}): CampaignDraftBody {
  return {
    name: 'Morning coffee stories',
    category: 'food_drink',
    brief: 'Show how our single-origin coffee starts your morning.',
    tiers: ['nano', 'micro'],
    networks: ['instagram', 'tiktok'],
    compensation: { type: 'paid', amount: { amount: 15000, currency: 'EUR' } },
    deliverables: [
      { type: 'story', network: 'instagram', quantity: 3 },
      { type: 'video', network: 'tiktok', quantity: 1, notes: 'Up to 60 seconds' },
    ],
    estimatedHours: 6,
    startDate: daysFromNow(10),
    endDate: daysFromNow(40),
    applicationDeadline: daysFromNow(7),
    countries: ['SK', 'CZ'],
    remote: false,
    languages: ['sk', 'cs'],
    slots: 3,
    ...over,
  };
}

type CampaignBody = { campaign: Campaign };

export async function buildDraftCampaign(client: TestClient, over: Partial<CampaignDraftBody> = {}) {
  const res = await client.post<CampaignBody>('/api/v1/campaigns', completeCampaign(over));
  if (res.status !== 201) throw new Error(`creating a campaign answered ${res.status}: ${res.text}`);
  return res.body.campaign;
}

/** A published campaign of the given business (a new ready business when none is given). */
export async function buildPublishedCampaign(
  app: App,
  opts: { owner?: TestUser; campaign?: Partial<CampaignDraftBody> } = {},
) {
  const owner = opts.owner ?? (await buildBusinessWithProfile(app));
  const draft = await buildDraftCampaign(owner.client, opts.campaign);
  const res = await owner.client.post<CampaignBody>(`/api/v1/campaigns/${draft.id}/publish`);
  if (res.status !== 200) throw new Error(`publishing answered ${res.status}: ${res.text}`);
  return { owner, campaign: res.body.campaign };
}
