import type pg from 'pg';

/** Words the text is made of: English and Slovak, with the diacritics Slovak users type. */
const words = {
  adjectiveEn: ['Summer', 'Autumn', 'Fresh', 'Local', 'Organic', 'Urban', 'Cozy', 'Bold', 'Green', 'Golden'],
  adjectiveSk: [
    'Letná',
    'Jesenná',
    'Čerstvá',
    'Miestna',
    'Zelená',
    'Horská',
    'Žltá',
    'Šťastná',
    'Ľahká',
    'Dôležitá',
  ],
  nounEn: [
    'coffee',
    'tea',
    'sneakers',
    'skincare',
    'bikes',
    'recipes',
    'travel',
    'fitness',
    'gadgets',
    'books',
    'games',
    'wine',
  ],
  nounSk: [
    'káva',
    'čaj',
    'tenisky',
    'kozmetika',
    'bicykle',
    'recepty',
    'cestovanie',
    'fitnes',
    'hračky',
    'knihy',
    'víno',
    'syry',
  ],
  placeEn: ['Bratislava', 'Košice', 'Vienna', 'Prague', 'Žilina', 'Nitra', 'Brno', 'Budapest'],
  placeSk: ['Bratislave', 'Košiciach', 'Žiline', 'Nitre', 'Prešove', 'Banskej Bystrici', 'Trnave', 'Poprade'],
  sentenceEn: [
    'We are looking for creators who love honest reviews.',
    'Show our product in your everyday life.',
    'Stories and reels welcome; the tone is relaxed and friendly.',
    'Your audience should care about quality and the local scene.',
    'Tell us how you would present it in a short pitch.',
  ],
  sentenceSk: [
    'Hľadáme tvorcov, ktorí majú radi úprimné recenzie.',
    'Ukážte náš produkt vo svojom každodennom živote.',
    'Príbehy aj reels sú vítané, tón je uvoľnený a priateľský.',
    'Vaše publikum by malo mať rado kvalitu a miestnu scénu.',
    'Napíšte nám, ako by ste ho predstavili v krátkej ponuke.',
  ],
  firstName: [
    'Ján',
    'Mária',
    'Peter',
    'Zuzana',
    'Ľubomír',
    'Katarína',
    'Tomáš',
    'Jana',
    'Michal',
    'Eva',
    'Anna',
    'Lukáš',
  ],
  lastName: [
    'Novák',
    'Kováčová',
    'Horváth',
    'Tóthová',
    'Baláž',
    'Šimková',
    'Dvořák',
    'Čierna',
    'Múdry',
    'Ďurová',
  ],
  company: ['Kaviareň', 'Pekáreň', 'Štúdio', 'Obchod', 'Dielňa', 'Záhrada', 'Cukráreň', 'Vináreň'],
  messageEn: [
    'Hi! Thanks for the offer, when could you post?',
    'Sounds good, I can do two stories next week.',
    'Could you send the product to Bratislava?',
    'Great, the draft is ready for your review.',
    'Perfect, let us go with that.',
  ],
  messageSk: [
    'Ahoj! Ďakujem za ponuku, kedy by ste mohli uverejniť?',
    'Znie to dobre, budúci týždeň spravím dva príbehy.',
    'Mohli by ste poslať produkt do Žiliny?',
    'Výborne, návrh je pripravený na kontrolu.',
    'Super, ideme do toho. Teším sa!',
  ],
};

export const searchWords = [
  'kava',
  'coffee',
  'čaj',
  'bratislava',
  'letna',
  'summer',
  'fitness',
  'kosice',
  'recepty',
  'organic',
  'zlta',
  'vino',
  'travel',
  'knihy',
  'urban',
];

const arrayLiteral = (list: readonly string[]) =>
  `array[${list.map((w) => `'${w.replace(/'/g, "''")}'`).join(',')}]`;

/** Session-local helpers (pg_temp: nothing is left in the database): deterministic ids in the
 * app's format (16 url-safe characters from 96 bits), hashes to pick from lists, the word lists, and
 * the app's search normalisation (lowercase, diacritics removed — checked against the app's own
 * normalizeSearchText after the run). */
export async function installHelpers(client: pg.Client): Promise<void> {
  const statements = [
    // 12 bytes: two hashes and a bijective scramble of i (unique per kind), base64url like newId().
    `create function pg_temp.bid(k text, i bigint) returns text language sql immutable as
      $$ select translate(encode(int4send(hashint8(i # hashtext(k))) || int4send(hashint8(i + 7) # hashtext(k))
         || int4send(((i * 2654435761) % 4294967296 - 2147483648)::int # hashtext(k || '.')), 'base64'), '+/', '-_') $$`,
    `create function pg_temp.h(i bigint, salt int) returns bigint language sql immutable as
      $$ select abs(hashint8(i * 131 + salt)::bigint) $$`,
    `create function pg_temp.pick(list text[], i bigint, salt int) returns text language sql immutable as
      $$ select list[1 + (pg_temp.h(i, salt) % array_length(list, 1))] $$`,
    `create function pg_temp.norm(t text) returns text language sql immutable as
      $$ select lower(translate(t, 'ÁÄČĎÉĚÍĹĽŇÓÔŔŘŠŤÚŮÝŽáäčďéěíĺľňóôŕřšťúůýž', 'AACDEEILLNOORRSTUUYZaacdeeillnoorrstuuyz')) $$`,
  ];
  for (const [name, list] of Object.entries(words))
    statements.push(
      `create function pg_temp.w_${name.toLowerCase()}() returns text[] language sql immutable as $$ select ${arrayLiteral(list)} $$`,
    );
  for (const s of statements) await client.query(s);
}

export const CATEGORIES = `array['fashion','beauty','food_drink','travel','fitness_health','tech','gaming','home_living','lifestyle','sports']`;
export const NETWORKS = `array['instagram','tiktok','youtube','facebook','pinterest','threads']`;
export const TIERS = `array['nano','micro','macro','mega']`;
