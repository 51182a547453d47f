import type { Db } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { ensureAdmin } from './admin.ts';
import { seedDemoCampaigns } from './demo-campaigns.ts';
import { seedDemoCollaborations } from './demo-collaborations.ts';
import { seedDemoInfluencers } from './demo-influencers.ts';
import { seedDemoOffers } from './demo-offers.ts';
import { seedDemoThreads } from './demo-threads.ts';

export const demoAccounts = {
  business: {
    email: 'business@demo.bextr.eu',
    password: 'demo-business-2026',
    name: 'Tatra Coffee Roasters',
  },
  influencer: { email: 'influencer@demo.bextr.eu', password: 'demo-influencer-2026', name: 'Lucia Nováková' },
  admin: { email: 'admin@demo.bextr.eu', password: 'demo-admin-2026', name: 'BeXtr Admin' },
} as const;

/** Fills a new database with a small living marketplace. Later capabilities add their objects here. */
export async function seedDemo(db: Db, opts: { withAdmin: boolean; uploadsDir: string }): Promise<void> {
  const verified = new Date();
  await db.transaction(async (tx) => {
    await tx.insert(users).values([
      {
        email: demoAccounts.business.email,
        passwordHash: await hashPassword(demoAccounts.business.password),
        role: 'business',
        name: demoAccounts.business.name,
        locale: 'en',
        emailVerifiedAt: verified,
        isDemo: true,
      },
      {
        email: demoAccounts.influencer.email,
        passwordHash: await hashPassword(demoAccounts.influencer.password),
        role: 'influencer',
        name: demoAccounts.influencer.name,
        locale: 'sk',
        emailVerifiedAt: verified,
        isDemo: true,
      },
    ]);
  });
  await seedDemoCampaigns(db, demoAccounts.business.email);
  await seedDemoInfluencers(db, {
    uploadsDir: opts.uploadsDir,
    demoInfluencerEmail: demoAccounts.influencer.email,
  });
  await seedDemoOffers(db);
  await seedDemoThreads(db);
  await seedDemoCollaborations(db);
  if (opts.withAdmin) await ensureAdmin(db, demoAccounts.admin);
}
