import { randomBytes } from 'node:crypto';
import type { categories, networks } from '@bextr/contracts';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Db } from '../db/client.ts';
import {
  type AudienceRow,
  influencerProfiles,
  insights,
  portfolioItems,
  socialAccounts,
  users,
} from '../db/schema.ts';
import { createLocalStorage, type Storage } from '../lib/storage.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { refreshProfileFacts } from '../modules/influencers/facts.ts';
import { linkUploads, storeImage } from '../modules/uploads/service.ts';

type Category = (typeof categories)[number];
type Network = (typeof networks)[number];

interface DemoCreator {
  name: string;
  handle: string;
  city: string;
  country: string;
  languages: string[];
  categories: Category[];
  bio: string;
  accounts: [Network, number, number][];
  female: number;
  isPublic?: boolean;
}

const creators: DemoCreator[] = [
  {
    name: 'Lucia Nováková',
    handle: 'lucia.novakova',
    city: 'Bratislava',
    country: 'SK',
    languages: ['sk', 'en'],
    categories: ['lifestyle', 'food_drink'],
    bio: 'Ranná káva, víkendy v horách a poctivé recenzie slovenských značiek.',
    accounts: [
      ['instagram', 18_400, 4.2],
      ['tiktok', 9_100, 6.8],
    ],
    female: 71,
    isPublic: true,
  },
  {
    name: 'Tomáš Horák',
    handle: 'tomas.trails',
    city: 'Poprad',
    country: 'SK',
    languages: ['sk'],
    categories: ['travel', 'sports'],
    bio: 'Tatry, bicykel a stan. Ukazujem miesta, kam sa oplatí ísť pešo.',
    accounts: [
      ['youtube', 142_000, 3.1],
      ['instagram', 61_000, 2.7],
    ],
    female: 38,
  },
  {
    name: 'Zuzana Kováčová',
    handle: 'zuzka.bakes',
    city: 'Žilina',
    country: 'SK',
    languages: ['sk', 'cs'],
    categories: ['food_drink', 'parenting_family'],
    bio: 'Pečiem s deťmi, bez stresu a s kopou múky na zemi.',
    accounts: [['instagram', 7_800, 7.4]],
    female: 88,
  },
  {
    name: 'Martin Bielik',
    handle: 'martin.tech',
    city: 'Košice',
    country: 'SK',
    languages: ['sk', 'en'],
    categories: ['tech', 'gaming'],
    bio: 'Recenzie telefónov a notebookov bez reklamných rečí.',
    accounts: [
      ['youtube', 1_240_000, 2.2],
      ['x', 88_000, 1.1],
    ],
    female: 19,
  },
  {
    name: 'Ema Šimková',
    handle: 'ema.moves',
    city: 'Nitra',
    country: 'SK',
    languages: ['sk'],
    categories: ['fitness_health'],
    bio: 'Krátke tréningy doma a jedlo, ktoré zasýti.',
    accounts: [
      ['tiktok', 312_000, 8.9],
      ['instagram', 96_000, 4.4],
    ],
    female: 76,
  },
  {
    name: 'Jakub Dvořák',
    handle: 'kuba.gaming',
    city: 'Brno',
    country: 'CZ',
    languages: ['cs', 'sk', 'en'],
    categories: ['gaming', 'entertainment'],
    bio: 'Streamuju strategie a indie hry každý večer.',
    accounts: [
      ['twitch', 54_000, 5.6],
      ['youtube', 23_000, 3.3],
    ],
    female: 22,
  },
  {
    name: 'Petra Malá',
    handle: 'petra.home',
    city: 'Praha',
    country: 'CZ',
    languages: ['cs'],
    categories: ['home_living'],
    bio: 'Malý byt, velké nápady. Zařizování bez velkého rozpočtu.',
    accounts: [
      ['pinterest', 41_000, 2.9],
      ['instagram', 33_000, 3.6],
    ],
    female: 83,
  },
  {
    name: 'Andrej Kollár',
    handle: 'andrej.drives',
    city: 'Trnava',
    country: 'SK',
    languages: ['sk'],
    categories: ['automotive'],
    bio: 'Testujem autá tak, ako ich používate vy: s nákupom a deťmi vzadu.',
    accounts: [['youtube', 210_000, 2.5]],
    female: 14,
  },
  {
    name: 'Natália Hrušková',
    handle: 'nati.style',
    city: 'Bratislava',
    country: 'SK',
    languages: ['sk', 'en'],
    categories: ['fashion', 'beauty'],
    bio: 'Udržateľná móda, second-handy a kapsulový šatník.',
    accounts: [
      ['instagram', 128_000, 3.9],
      ['tiktok', 74_000, 5.2],
    ],
    female: 91,
  },
  {
    name: 'Filip Baláž',
    handle: 'filip.finance',
    city: 'Banská Bystrica',
    country: 'SK',
    languages: ['sk'],
    categories: ['finance', 'education'],
    bio: 'Osobné financie po slovensky: rozpočet, investovanie, dôchodok.',
    accounts: [
      ['youtube', 67_000, 4.1],
      ['linkedin', 12_000, 2.0],
    ],
    female: 35,
  },
  {
    name: 'Katarína Vlková',
    handle: 'katka.pets',
    city: 'Prešov',
    country: 'SK',
    languages: ['sk'],
    categories: ['pets'],
    bio: 'Dva psy, jedna mačka a veľa chlpov. Tipy na výcvik a krmivo.',
    accounts: [['instagram', 5_400, 9.1]],
    female: 80,
  },
  {
    name: 'Michal Černý',
    handle: 'michal.eats',
    city: 'Ostrava',
    country: 'CZ',
    languages: ['cs'],
    categories: ['food_drink', 'travel'],
    bio: 'Street food z celé Evropy, poctivě ochutnané.',
    accounts: [
      ['tiktok', 890_000, 7.2],
      ['instagram', 240_000, 3.0],
    ],
    female: 47,
  },
  {
    name: 'Veronika Lukáčová',
    handle: 'vero.beauty',
    city: 'Martin',
    country: 'SK',
    languages: ['sk'],
    categories: ['beauty'],
    bio: 'Kozmetika pre citlivú pleť, testovaná týždne, nie minúty.',
    accounts: [
      ['youtube', 38_000, 5.0],
      ['instagram', 29_000, 4.6],
    ],
    female: 94,
  },
  {
    name: 'Samuel Oravec',
    handle: 'samo.runs',
    city: 'Liptovský Mikuláš',
    country: 'SK',
    languages: ['sk', 'en'],
    categories: ['sports', 'fitness_health'],
    bio: 'Ultrabeh, horské behy a regenerácia.',
    accounts: [
      ['instagram', 2_900, 11.2],
      ['blog', 1_800, 3.0],
    ],
    female: 41,
  },
  {
    name: 'Lenka Procházková',
    handle: 'lenka.mama',
    city: 'Olomouc',
    country: 'CZ',
    languages: ['cs'],
    categories: ['parenting_family'],
    bio: 'Máma tří dětí o tom, co opravdu funguje.',
    accounts: [
      ['facebook', 76_000, 2.4],
      ['instagram', 52_000, 3.8],
    ],
    female: 92,
  },
  {
    name: 'Dominik Urban',
    handle: 'dominik.codes',
    city: 'Bratislava',
    country: 'SK',
    languages: ['sk', 'en'],
    categories: ['tech', 'education'],
    bio: 'Programovanie pre začiatočníkov, krátko a zrozumiteľne.',
    accounts: [
      ['youtube', 16_000, 6.1],
      ['linkedin', 8_200, 3.4],
    ],
    female: 24,
  },
  {
    name: 'Barbora Tóthová',
    handle: 'bara.travels',
    city: 'Komárno',
    country: 'SK',
    languages: ['sk', 'hu', 'en'],
    categories: ['travel', 'lifestyle'],
    bio: 'Cestovanie vlakom po Európe a malé mestá, o ktorých sa nepíše.',
    accounts: [
      ['instagram', 310_000, 2.8],
      ['youtube', 45_000, 4.0],
    ],
    female: 68,
  },
  {
    name: 'Ondřej Svoboda',
    handle: 'ondra.comedy',
    city: 'Praha',
    country: 'CZ',
    languages: ['cs'],
    categories: ['entertainment'],
    bio: 'Skeče z kanceláře a ze života.',
    accounts: [
      ['tiktok', 2_100_000, 9.4],
      ['instagram', 460_000, 4.1],
    ],
    female: 55,
  },
  {
    name: 'Simona Kráľová',
    handle: 'simona.green',
    city: 'Trenčín',
    country: 'SK',
    languages: ['sk'],
    categories: ['home_living', 'lifestyle'],
    bio: 'Izbové rastliny, balkónová záhrada a menej odpadu.',
    accounts: [['instagram', 9_600, 6.3]],
    female: 86,
  },
  {
    name: 'Patrik Novotný',
    handle: 'patrik.lifts',
    city: 'Brno',
    country: 'CZ',
    languages: ['cs', 'en'],
    categories: ['fitness_health', 'sports'],
    bio: 'Silový trénink bez ega a s technikou.',
    accounts: [
      ['youtube', 88_000, 3.7],
      ['instagram', 71_000, 4.9],
    ],
    female: 21,
  },
  {
    name: 'Ivana Poláková',
    handle: 'ivana.reads',
    city: 'Nitra',
    country: 'SK',
    languages: ['sk'],
    categories: ['education', 'entertainment'],
    bio: 'Knihy, ktoré stoja za večer. Jedna recenzia týždenne.',
    accounts: [
      ['instagram', 3_700, 8.0],
      ['threads', 1_200, 5.5],
    ],
    female: 79,
  },
  {
    name: 'Marek Hudák',
    handle: 'marek.coffee',
    city: 'Košice',
    country: 'SK',
    languages: ['sk', 'en'],
    categories: ['food_drink'],
    bio: 'Barista, ktorý ukazuje, ako si urobiť dobrú kávu doma.',
    accounts: [
      ['instagram', 24_000, 5.3],
      ['tiktok', 19_000, 7.7],
    ],
    female: 52,
  },
  {
    name: 'Tereza Králová',
    handle: 'tereza.makeup',
    city: 'Plzeň',
    country: 'CZ',
    languages: ['cs'],
    categories: ['beauty', 'fashion'],
    bio: 'Líčení na každý den za pět minut.',
    accounts: [
      ['tiktok', 560_000, 6.6],
      ['youtube', 120_000, 3.2],
    ],
    female: 95,
  },
  {
    name: 'Juraj Štefanik',
    handle: 'juraj.fishing',
    city: 'Piešťany',
    country: 'SK',
    languages: ['sk'],
    categories: ['sports', 'other'],
    bio: 'Rybárčenie na Váhu a tichých jazerách.',
    accounts: [
      ['youtube', 11_500, 4.8],
      ['facebook', 6_300, 3.1],
    ],
    female: 12,
  },
  {
    name: 'Monika Benková',
    handle: 'monika.kids',
    city: 'Žilina',
    country: 'SK',
    languages: ['sk'],
    categories: ['parenting_family', 'education'],
    bio: 'Hry a aktivity pre deti do desiatich rokov.',
    accounts: [
      ['instagram', 47_000, 4.5],
      ['pinterest', 13_000, 2.2],
    ],
    female: 90,
  },
  {
    name: 'Adam Kučera',
    handle: 'adam.snaps',
    city: 'Praha',
    country: 'CZ',
    languages: ['cs', 'en'],
    categories: ['lifestyle', 'travel'],
    bio: 'Fotky z ulic a tipy na focení mobilem.',
    accounts: [
      ['snapchat', 31_000, 5.9],
      ['instagram', 27_000, 4.2],
    ],
    female: 48,
  },
  {
    name: 'Rebeka Szabóová',
    handle: 'rebeka.yoga',
    city: 'Dunajská Streda',
    country: 'SK',
    languages: ['sk', 'hu'],
    categories: ['fitness_health', 'lifestyle'],
    bio: 'Jóga pre začiatočníkov a pokojné rána.',
    accounts: [
      ['youtube', 6_200, 8.3],
      ['instagram', 4_900, 7.1],
    ],
    female: 87,
  },
  {
    name: 'Richard Mráz',
    handle: 'richard.builds',
    city: 'Zvolen',
    country: 'SK',
    languages: ['sk'],
    categories: ['home_living', 'other'],
    bio: 'Rekonštrukcia starého domu krok za krokom.',
    accounts: [['youtube', 172_000, 3.4]],
    female: 29,
  },
  {
    name: 'Klára Pokorná',
    handle: 'klara.vegan',
    city: 'Brno',
    country: 'CZ',
    languages: ['cs'],
    categories: ['food_drink', 'fitness_health'],
    bio: 'Rostlinné vaření pro celou rodinu.',
    accounts: [
      ['instagram', 82_000, 4.0],
      ['tiktok', 64_000, 6.0],
    ],
    female: 84,
  },
  {
    name: 'Erik Vrabec',
    handle: 'erik.esports',
    city: 'Bratislava',
    country: 'SK',
    languages: ['sk', 'en'],
    categories: ['gaming', 'tech'],
    bio: 'Esport komentáre a hardware pre hráčov.',
    accounts: [
      ['twitch', 145_000, 4.6],
      ['youtube', 98_000, 3.1],
    ],
    female: 17,
  },
];

const palette = ['#2f9e44', '#1971c2', '#e8590c', '#9c36b5', '#c2255c', '#0c8599', '#f08c00', '#5f3dc4'];
const pick = (i: number, offset = 0) => palette[(i + offset) % palette.length] ?? '#1971c2';

/** Images drawn at seed time by sharp from SVG shapes (no text, no download). */
function avatarSvg(i: number) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="320"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${pick(i)}"/><stop offset="1" stop-color="${pick(i, 3)}"/></linearGradient></defs><rect width="320" height="320" fill="url(#g)"/><circle cx="160" cy="128" r="62" fill="#fff" fill-opacity="0.85"/><ellipse cx="160" cy="300" rx="110" ry="90" fill="#fff" fill-opacity="0.85"/></svg>`;
}
function sceneSvg(i: number) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><rect width="640" height="480" fill="${pick(i, 1)}"/><circle cx="${120 + ((i * 37) % 400)}" cy="130" r="70" fill="#ffe066"/><path d="M0 380 L180 200 L330 340 L460 230 L640 390 L640 480 L0 480 Z" fill="${pick(i, 5)}"/><path d="M0 430 Q160 370 320 430 T640 430 L640 480 L0 480 Z" fill="#fff" fill-opacity="0.5"/></svg>`;
}
function screenshotSvg(i: number) {
  const bars = Array.from({ length: 12 }, (_, k) => {
    const h = 40 + ((i * 13 + k * 29) % 160);
    return `<rect x="${40 + k * 46}" y="${380 - h}" width="30" height="${h}" rx="4" fill="${pick(i, 2)}"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="420"><rect width="640" height="420" fill="#f8f9fa"/><rect x="24" y="24" width="592" height="60" rx="8" fill="#e9ecef"/><rect x="40" y="44" width="220" height="20" rx="4" fill="#adb5bd"/>${bars}<line x1="30" y1="380" x2="610" y2="380" stroke="#868e96"/></svg>`;
}
const render = (svg: string, format: 'png' | 'jpeg' | 'webp') =>
  sharp(Buffer.from(svg)).toFormat(format, { quality: 80 }).toBuffer();

function audienceFor(c: DemoCreator, i: number): AudienceRow {
  const other = 1;
  const male = 100 - c.female - other;
  const young = c.categories.includes('gaming') || c.categories.includes('entertainment');
  const ages = young
    ? { '13-17': 12, '18-24': 41, '25-34': 30, '35-44': 10, '45-54': 5, '55+': 2 }
    : { '13-17': 3, '18-24': 24, '25-34': 39, '35-44': 20, '45-54': 10, '55+': 4 };
  const home = c.country;
  const neighbour = home === 'SK' ? 'CZ' : 'SK';
  // Shares vary from creator to creator (so the audience fit of their offers does), and add up to 100.
  const main = 50 + (i % 15);
  const abroad = 5 + ((i * 7) % 26);
  return {
    gender: { female: c.female, male: Math.max(0, male), other },
    ages,
    countries: [
      { country: home, share: main },
      { country: neighbour, share: 100 - main - abroad },
      { country: i % 2 ? 'AT' : 'HU', share: abroad },
    ],
    interests: c.categories.map((cat) => cat.replace('_', ' & ')),
  };
}

/** ~30 ready influencers across tiers, networks and categories, with avatars, portfolios, audiences
 * and insights whose screenshots are drawn here; the demo influencer's profile is one of them. */
export async function seedDemoInfluencers(
  db: Db,
  opts: { uploadsDir: string; demoInfluencerEmail: string },
): Promise<void> {
  const storage: Storage = createLocalStorage(opts.uploadsDir);
  const sharedHash = await hashPassword(randomBytes(18).toString('base64url'));
  const verified = new Date();
  for (const [i, c] of creators.entries()) {
    let userId: string;
    if (i === 0) {
      const [demo] = await db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, opts.demoInfluencerEmail));
      if (!demo) continue;
      userId = demo.id;
    } else {
      const [row] = await db
        .insert(users)
        .values({
          email: `${c.handle.replace('.', '-')}@creators.demo.bextr.eu`,
          passwordHash: sharedHash,
          role: 'influencer',
          name: c.name,
          locale: c.country === 'SK' ? 'sk' : 'en',
          emailVerifiedAt: verified,
          isDemo: true,
        })
        .returning({ id: users.id });
      if (!row) continue;
      userId = row.id;
    }
    // The three images are drawn and stored side by side: sharp works off the main thread.
    const store = async (svg: string, format: 'png' | 'jpeg' | 'webp') =>
      storeImage({ db, storage }, { ownerId: userId, data: await render(svg, format) });
    const [avatar, scene, shot] = await Promise.all([
      store(avatarSvg(i), 'jpeg'),
      store(sceneSvg(i), 'webp'),
      store(screenshotSvg(i), 'png'),
    ]);
    const created = new Date(Date.now() - (creators.length - i) * 86_400_000);
    await db.transaction(async (tx) => {
      await tx.insert(influencerProfiles).values({
        userId,
        displayName: c.name,
        handle: c.handle,
        bio: c.bio,
        categories: c.categories,
        country: c.country,
        city: c.city,
        languages: c.languages,
        avatarUploadId: avatar.id,
        audience: audienceFor(c, i),
        rateCard: [
          {
            type: 'story',
            price: { amount: Math.round(c.accounts[0]?.[1] ?? 1000) / 2 + 2000, currency: 'EUR' },
          },
          { type: 'post', price: { amount: Math.round(c.accounts[0]?.[1] ?? 1000) + 5000, currency: 'EUR' } },
        ],
        isPublic: c.isPublic ?? i % 3 === 0,
        createdAt: created,
      });
      await linkUploads(tx, {
        ownerId: userId,
        via: 'avatar',
        viaId: userId,
        uploadIds: [avatar.id],
        path: 'avatarUploadId',
      });
      const accounts = await tx
        .insert(socialAccounts)
        .values(
          c.accounts.map(([network, followers, engagementRate]) => ({
            userId,
            network,
            handle: c.handle,
            url:
              network === 'blog'
                ? `https://${c.handle.replace('.', '-')}.example.com`
                : `https://${network}.example.com/${c.handle}`,
            followers,
            engagementRate,
            avgViews: Math.round(followers * (engagementRate / 100) * 6),
          })),
        )
        .returning();
      const [item] = await tx
        .insert(portfolioItems)
        .values({
          userId,
          title: i % 2 ? 'Spolupráca s lokálnou značkou' : 'Seasonal campaign',
          description:
            i % 2
              ? 'Tri príspevky a séria stories o novej kolekcii, natočené doma aj v teréne.'
              : 'A reel and two stories introducing the product, shot on location.',
          url: `https://${c.accounts[0]?.[0] ?? 'instagram'}.example.com/${c.handle}/post/${i + 1}`,
          uploadIds: [scene.id],
          brand: ['Tatra Coffee Roasters', 'Dunaj Outdoor', 'Kvetináč', 'Pixel Labs'][i % 4] ?? null,
          network: c.accounts[0]?.[0] ?? null,
          date: new Date(Date.now() - (20 + i) * 86_400_000).toISOString().slice(0, 10),
        })
        .returning();
      if (item)
        await linkUploads(tx, {
          ownerId: userId,
          via: 'portfolio',
          viaId: item.id,
          uploadIds: [scene.id],
          path: 'uploadIds',
        });
      const main = accounts[0];
      if (main) {
        const [insight] = await tx
          .insert(insights)
          .values({
            userId,
            socialAccountId: main.id,
            asOf: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
            periodDays: 30,
            reach: Math.round(main.followers * 1.8),
            impressions: Math.round(main.followers * 3.1),
            engagement: Math.round(main.followers * (main.engagementRate / 100) * 4),
            uploadIds: [shot.id],
          })
          .returning();
        if (insight)
          await linkUploads(tx, {
            ownerId: userId,
            via: 'insight',
            viaId: insight.id,
            uploadIds: [shot.id],
            path: 'uploadIds',
          });
      }
      await refreshProfileFacts(tx, userId);
    });
  }
}
