import type { OfferStatus } from '@bextr/contracts';

/** What the demo marketplace holds: offers per campaign (by name) and invitations. */
export interface DemoOffer {
  handle: string;
  status: OfferStatus;
  pitch: string;
  /** The proposed price as a share of the campaign's amount (paid campaigns). */
  priceFactor?: number;
  reason?: string;
}

export const DEMO_INFLUENCER = 'lucia.novakova';

/** Offers in every state, per campaign (by name). The demo influencer has a pending offer on the demo
 * business's main campaign and an accepted one on its barter campaign; the main campaign has several
 * open offers with different audience fits. */
export const plan: Record<string, DemoOffer[]> = {
  'Ranná káva z Tatier': [
    {
      handle: 'tomas.trails',
      status: 'accepted',
      priceFactor: 1.2,
      pitch: 'Ranná káva pri stane pod Kriváňom: tri stories z východu slnka a krátke video z cesty.',
    },
    {
      handle: 'katka.pets',
      status: 'rejected',
      priceFactor: 0.9,
      pitch: 'Moje ranné prechádzky so psom a šálka kávy na lavičke.',
      reason: 'Ďakujeme! Tentoraz hľadáme tvorcov, ktorí sa venujú jedlu a pitiu.',
    },
    {
      handle: 'ivana.reads',
      status: 'withdrawn',
      priceFactor: 1,
      pitch: 'Káva a kniha na ráno — séria stories z mojej obľúbenej kaviarne.',
    },
    {
      handle: 'zuzka.bakes',
      status: 'shortlisted',
      priceFactor: 1,
      pitch: 'Upečiem ku káve domáce koláče a ukážem celé ráno s deťmi v kuchyni.',
    },
    {
      handle: 'simona.green',
      status: 'shortlisted',
      priceFactor: 0.85,
      pitch: 'Zero-waste ráno: káva zo zrnkovej, mletie doma a kompost z usadeniny.',
    },
    {
      handle: 'marek.coffee',
      status: 'pending',
      priceFactor: 1.3,
      pitch: 'Som barista: ukážem tri spôsoby prípravy vašich odrôd a porovnám ich chuť.',
    },
    {
      handle: 'michal.eats',
      status: 'pending',
      priceFactor: 1.1,
      pitch: 'Snídaně v Brně s vaší kávou — reel s recenzí a stories z ochutnávky.',
    },
    {
      handle: 'petra.home',
      status: 'pending',
      priceFactor: 0.95,
      pitch: 'Útulné ráno doma: kávový kútik, hrnček a pomalé nedeľné raňajky.',
    },
    {
      handle: DEMO_INFLUENCER,
      status: 'pending',
      priceFactor: 1,
      pitch:
        'Každé ráno začínam kávou a moje publikum to vie — rada ukážem vaše odrody v stories aj v reeli.',
    },
  ],
  'Cold brew summer': [
    {
      handle: DEMO_INFLUENCER,
      status: 'accepted',
      pitch:
        'Cold brew on a hot Bratislava afternoon, on the Danube embankment — a post and a YouTube mention.',
    },
    {
      handle: 'bara.travels',
      status: 'pending',
      pitch: 'A summer road trip with cold brew in the cooler box: one post and a vlog mention.',
    },
    {
      handle: 'rebeka.yoga',
      status: 'rejected',
      pitch: 'Morning yoga by the lake, then cold brew.',
      reason: 'Thank you — we are looking for a bigger YouTube audience this time.',
    },
  ],
  'Espresso masterclass': [
    {
      handle: 'marek.coffee',
      status: 'accepted',
      priceFactor: 1,
      pitch: 'I will co-host the workshop and film it for my channel.',
    },
    {
      handle: 'dominik.codes',
      status: 'expired',
      priceFactor: 0.8,
      pitch: 'A developer’s espresso setup, streamed live from the roastery.',
    },
    {
      handle: 'andrej.drives',
      status: 'rejected',
      priceFactor: 1.4,
      pitch: 'Espresso on the road: a coffee stop on every drive.',
      reason: 'Not a fit for a live workshop.',
    },
  ],
  'Jarná výzva: 30 dní pohybu': [
    {
      handle: 'ema.moves',
      status: 'accepted',
      priceFactor: 1,
      pitch: 'Odcvičím celú výzvu vo vašich posilňovniach a každý týždeň zdieľam pokrok.',
    },
    {
      handle: 'patrik.lifts',
      status: 'shortlisted',
      priceFactor: 1.2,
      pitch: 'Silový tréning 30 dní po sebe — séria a jedno dlhé video.',
    },
    {
      handle: 'samo.runs',
      status: 'pending',
      priceFactor: 0.9,
      pitch: 'Beh a posilňovňa: výzva ako príprava na jarný polmaratón.',
    },
  ],
  'Launch stream: Valley Keepers': [
    {
      handle: 'erik.esports',
      status: 'accepted',
      priceFactor: 1.1,
      pitch: 'Launch-week stream with my community, giveaways for keys included.',
    },
    {
      handle: 'kuba.gaming',
      status: 'pending',
      priceFactor: 1,
      pitch: 'A cosy two-hour first look on Twitch, then a highlights video.',
    },
    {
      handle: 'ondra.comedy',
      status: 'withdrawn',
      priceFactor: 1,
      pitch: 'A comedy let’s play of the first two hours.',
    },
  ],
};

/** Invitations: campaign name → handles. The demo influencer is invited to Fitko's challenge. */
export const invitationPlan: Record<string, { handle: string; message: string }[]> = {
  'Jarná výzva: 30 dní pohybu': [
    {
      handle: DEMO_INFLUENCER,
      message: 'Ahoj Lucia, páčia sa nám tvoje ranné rutiny — pridáš sa k našej jarnej výzve?',
    },
  ],
  'Ranná káva z Tatier': [
    {
      handle: 'nati.style',
      message: 'Would you style a coffee morning for us? We would love an offer from you.',
    },
  ],
};
