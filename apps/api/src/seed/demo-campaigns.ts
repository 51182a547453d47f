import { randomBytes } from 'node:crypto';
import type { CampaignDraftBody } from '@bextr/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { businessProfiles, campaigns, users } from '../db/schema.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { columnsOf, mergeValues } from '../modules/campaigns/values.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const eur = (euros: number) => ({ amount: euros * 100, currency: 'EUR' as const });

interface DemoBusiness {
  email?: string;
  name: string;
  locale: 'en' | 'sk';
  profile: Omit<typeof businessProfiles.$inferInsert, 'userId'>;
  campaigns: { status: 'draft' | 'published' | 'paused' | 'closed'; body: CampaignDraftBody }[];
}

/** Businesses beside the demo business: not meant for sign-in (random passwords). */
const businesses: DemoBusiness[] = [
  {
    name: 'Tatra Coffee Roasters',
    locale: 'en',
    profile: {
      companyName: 'Tatra Coffee Roasters',
      industry: 'food_drink',
      description: 'Specialty coffee roasted in small batches under the High Tatras.',
      country: 'SK',
      city: 'Poprad',
      website: 'https://tatracoffee.example.com',
    },
    campaigns: [
      {
        status: 'published',
        body: {
          name: 'Ranná káva z Tatier',
          category: 'food_drink',
          brief:
            'Hľadáme tvorcov, ktorí ukážu, ako naša čerstvo pražená káva mení ich ráno. Pošleme vám balíček troch odrôd.',
          tiers: ['nano', 'micro'],
          networks: ['instagram', 'tiktok'],
          compensation: { type: 'paid', amount: eur(180) },
          deliverables: [
            { type: 'story', network: 'instagram', quantity: 3 },
            { type: 'reel', network: 'tiktok', quantity: 1, notes: 'Do 45 sekúnd, so zvukom mlynčeka.' },
          ],
          estimatedHours: 6,
          startDate: day(14),
          endDate: day(45),
          applicationDeadline: day(10),
          countries: ['SK', 'CZ'],
          languages: ['sk', 'cs'],
          slots: 5,
        },
      },
      {
        status: 'published',
        body: {
          name: 'Cold brew summer',
          category: 'food_drink',
          brief: 'Show our new cold brew on a hot day: at the lake, on a hike or at your desk.',
          tiers: ['micro', 'macro'],
          networks: ['instagram', 'youtube'],
          compensation: {
            type: 'barter',
            description: 'Three months of cold brew delivered home',
            value: eur(120),
          },
          deliverables: [
            { type: 'post', network: 'instagram', quantity: 1 },
            { type: 'video', network: 'youtube', quantity: 1, notes: 'A short mention is enough.' },
          ],
          estimatedHours: 4,
          startDate: day(20),
          endDate: day(60),
          applicationDeadline: day(18),
          countries: [],
          remote: true,
          languages: ['en'],
          slots: 10,
        },
      },
      {
        status: 'draft',
        body: {
          name: 'Vianočná edícia',
          category: 'food_drink',
          brief: 'Koncept: darčekové balenie kávy na Vianoce.',
          tiers: ['nano'],
          networks: ['instagram'],
        },
      },
      {
        status: 'closed',
        body: {
          name: 'Espresso masterclass',
          category: 'education',
          brief: 'A live espresso workshop streamed from our roastery.',
          tiers: ['micro'],
          networks: ['youtube'],
          compensation: { type: 'paid', amount: eur(350) },
          deliverables: [{ type: 'video', network: 'youtube', quantity: 1 }],
          estimatedHours: 10,
          startDate: day(-40),
          endDate: day(-10),
          applicationDeadline: day(-45),
          countries: ['SK'],
          languages: ['sk', 'en'],
          slots: 2,
        },
      },
    ],
  },
  {
    email: 'demo-business-fit@demo.bextr.eu',
    name: 'Fitko Zdravie s.r.o.',
    locale: 'sk',
    profile: {
      companyName: 'Fitko Zdravie',
      industry: 'fitness_health',
      description: 'Sieť posilňovní a zdravých bister v Bratislave a Košiciach.',
      country: 'SK',
      city: 'Bratislava',
      website: 'https://fitko.example.com',
    },
    campaigns: [
      {
        status: 'published',
        body: {
          name: 'Jarná výzva: 30 dní pohybu',
          category: 'fitness_health',
          brief:
            'Zapojte sa do našej 30-dňovej výzvy, cvičte v našich posilňovniach a zdieľajte svoj pokrok.',
          tiers: ['nano', 'micro', 'macro'],
          networks: ['instagram', 'tiktok', 'youtube'],
          compensation: { type: 'paid', amount: eur(450) },
          deliverables: [
            { type: 'series', network: 'instagram', quantity: 4, notes: 'Jeden príspevok týždenne.' },
            { type: 'video', network: 'youtube', quantity: 1 },
          ],
          estimatedHours: 20,
          startDate: day(7),
          endDate: day(40),
          applicationDeadline: day(5),
          countries: ['SK'],
          languages: ['sk'],
          slots: 8,
        },
      },
      {
        status: 'paused',
        body: {
          name: 'Zdravé raňajky v bistre',
          category: 'food_drink',
          brief: 'Ochutnajte nové raňajkové menu a natočte krátku recenziu.',
          tiers: ['nano'],
          networks: ['tiktok'],
          compensation: { type: 'barter', description: 'Raňajky pre dvoch na mesiac', value: eur(200) },
          deliverables: [{ type: 'reel', network: 'tiktok', quantity: 2 }],
          estimatedHours: 3,
          startDate: day(10),
          endDate: day(30),
          applicationDeadline: day(8),
          countries: ['SK'],
          languages: ['sk'],
          slots: 4,
        },
      },
      {
        status: 'published',
        body: {
          name: 'Marathon training diary',
          category: 'sports',
          brief: 'Train for the Košice marathon with our coaches and keep a video diary of the journey.',
          tiers: ['micro', 'macro'],
          networks: ['youtube', 'instagram'],
          compensation: { type: 'paid', amount: eur(900) },
          deliverables: [
            { type: 'series', network: 'youtube', quantity: 6 },
            { type: 'story', network: 'instagram', quantity: 10 },
          ],
          estimatedHours: 40,
          startDate: day(30),
          endDate: day(120),
          applicationDeadline: day(25),
          countries: ['SK', 'HU', 'PL'],
          languages: ['sk', 'en'],
          slots: 3,
        },
      },
    ],
  },
  {
    email: 'demo-business-tech@demo.bextr.eu',
    name: 'Pixel Forge',
    locale: 'en',
    profile: {
      companyName: 'Pixel Forge Games',
      industry: 'gaming',
      description: 'An indie game studio from Brno making cosy strategy games.',
      country: 'CZ',
      city: 'Brno',
      website: 'https://pixelforge.example.com',
    },
    campaigns: [
      {
        status: 'published',
        body: {
          name: 'Launch stream: Valley Keepers',
          category: 'gaming',
          brief:
            'Stream the first two hours of our new game on launch week. Keys provided for you and your viewers.',
          tiers: ['micro', 'macro', 'mega'],
          networks: ['twitch', 'youtube'],
          compensation: { type: 'paid', amount: eur(1200) },
          deliverables: [
            { type: 'video', network: 'twitch', quantity: 1, notes: 'At least 2 hours live.' },
            { type: 'video', network: 'youtube', quantity: 1 },
          ],
          estimatedHours: 5,
          startDate: day(21),
          endDate: day(35),
          applicationDeadline: day(15),
          countries: [],
          remote: true,
          languages: ['en', 'cs', 'sk'],
          slots: 6,
        },
      },
      {
        status: 'published',
        body: {
          name: 'Recenzia herného notebooku',
          category: 'tech',
          brief: 'Otestujte náš herný notebook dva týždne a napíšte úprimnú recenziu na blog.',
          tiers: ['nano', 'micro'],
          networks: ['blog', 'youtube'],
          compensation: {
            type: 'barter',
            description: 'Herný notebook, ktorý si ponecháte',
            value: eur(1400),
          },
          deliverables: [
            { type: 'post', network: 'blog', quantity: 1 },
            { type: 'video', network: 'youtube', quantity: 1 },
          ],
          estimatedHours: 15,
          startDate: day(12),
          endDate: day(50),
          applicationDeadline: day(9),
          countries: ['CZ', 'SK'],
          languages: ['cs', 'sk'],
          slots: 2,
        },
      },
      {
        status: 'draft',
        body: { name: 'Community art contest', category: 'entertainment', networks: ['x', 'threads'] },
      },
    ],
  },
];

/** Campaigns in every state, in both languages, paid and barter; the demo business owns the first
 * set, two more businesses own the others. */
export async function seedDemoCampaigns(db: Db, demoBusinessEmail: string): Promise<void> {
  await db.transaction(async (tx) => {
    for (const business of businesses) {
      let userId: string;
      if (business.email) {
        const [user] = await tx
          .insert(users)
          .values({
            email: business.email,
            passwordHash: await hashPassword(randomBytes(24).toString('base64url')),
            role: 'business',
            name: business.name,
            locale: business.locale,
            emailVerifiedAt: new Date(),
            isDemo: true,
          })
          .returning({ id: users.id });
        userId = user?.id ?? '';
      } else {
        const [user] = await tx
          .select({ id: users.id })
          .from(users)
          .where(eq(users.email, demoBusinessEmail));
        if (!user) continue;
        userId = user.id;
      }
      await tx.insert(businessProfiles).values({ userId, ...business.profile });
      let minutesAgo = business.campaigns.length * 90;
      for (const campaign of business.campaigns) {
        const at = new Date(Date.now() - minutesAgo * 60_000);
        minutesAgo -= 90;
        await tx.insert(campaigns).values({
          ...columnsOf(mergeValues({}, campaign.body)),
          ownerId: userId,
          status: campaign.status,
          publishedAt: campaign.status === 'draft' ? null : at,
          createdAt: at,
          updatedAt: at,
        });
      }
    }
  });
}
