import type { Locale } from './common.ts';
import type { FaqGroup } from './faq.ts';

/** The texts of the public pages (landing, FAQ), written once: the server renders them into the
 * HTML that search engines and visitors without JavaScript read, and the React pages show them. */

export interface LandingSide {
  title: string;
  lead: string;
  steps: string[];
  cta: string;
}

export interface LandingContent {
  meta: { title: string; description: string };
  hero: { title: string; lead: string; faqLink: string };
  stats: { title: string; campaigns: string; influencers: string; soon: string };
  business: LandingSide;
  influencer: LandingSide;
  howItWorks: { title: string; steps: { title: string; text: string }[] };
  compensation: {
    title: string;
    paid: { title: string; text: string };
    barter: { title: string; text: string };
  };
  trust: { title: string; items: { title: string; text: string }[] };
  closing: { title: string; text: string };
}

export interface FaqPageContent {
  meta: { title: string; description: string };
  title: string;
  lead: string;
  askTitle: string;
  askLead: string;
  /** The question form's words: the React form and the server-rendered one (no JavaScript) share them. */
  form: {
    question: string;
    questionHint: string;
    name: string;
    email: string;
    emailHint: string;
    language: string;
    honeypot: string;
    submit: string;
    sentTitle: string;
    sentText: string;
    askAnother: string;
    /** What the server-rendered form says about a field it refused. */
    errors: {
      question: string;
      name: string;
      email: string;
      locale: string;
      tooMany: (minutes: number) => string;
      /** The post could not be read at all (too long, a control character). */
      unreadable: string;
    };
  };
  empty: string;
}

export const landingContent: Record<Locale, LandingContent> = {
  en: {
    meta: {
      title: 'Why BeXtr? Influencer campaigns for businesses and creators',
      description:
        'BeXtr brings businesses and influencers together: publish a campaign, receive offers from creators who fit it, agree on the details and see the work delivered. Paid or barter, in English and Slovak.',
    },
    hero: {
      title: 'Why BeXtr?',
      lead: 'One place where a business finds the right creators for a campaign and a creator finds work that suits their audience — from the first offer to the delivered post, with clear terms on both sides.',
      faqLink: 'Read the FAQ',
    },
    stats: {
      title: 'BeXtr today',
      campaigns: 'published campaigns',
      influencers: 'influencers',
      soon: 'soon',
    },
    business: {
      title: 'For businesses',
      lead: 'Describe what you need once and let creators come to you.',
      steps: [
        'Publish a campaign: what you promote, which networks, the audience size you want and what you give in return.',
        'Offers arrive from influencers with a finished profile — audience, past work and figures included.',
        'Accept the creators who fit, decline the rest; you never have to take everyone.',
        'Agree on the details in a thread, approve each delivered piece and leave a review.',
      ],
      cta: 'Sign up as a business',
    },
    influencer: {
      title: 'For influencers',
      lead: 'Show what you do well and pick the campaigns you believe in.',
      steps: [
        'Build your profile: networks, audience, portfolio and insights that prove your reach.',
        'Browse published campaigns and filter by category, network and compensation.',
        'Send an offer with your idea, your deliverables and your price.',
        'Once accepted, deliver the agreed work, add proof and collect your review.',
      ],
      cta: 'Sign up as an influencer',
    },
    howItWorks: {
      title: 'How a collaboration runs',
      steps: [
        {
          title: 'Campaign',
          text: 'A business publishes what it needs, with dates, slots and compensation.',
        },
        {
          title: 'Offer',
          text: 'An influencer proposes deliverables, a publish date and, for paid campaigns, a price.',
        },
        {
          title: 'Agreement',
          text: 'The business accepts; the agreed terms are saved so both sides see the same thing.',
        },
        {
          title: 'Delivery',
          text: 'The influencer marks each piece done with proof; the business approves it.',
        },
      ],
    },
    compensation: {
      title: 'Paid or barter',
      paid: {
        title: 'Paid collaborations',
        text: 'The business sets an amount in euros per influencer; the influencer may propose their own price in the offer.',
      },
      barter: {
        title: 'Barter collaborations',
        text: 'The business offers a product or service instead of money and says what it is worth, so everyone knows the deal.',
      },
    },
    trust: {
      title: 'Trust and safety',
      items: [
        {
          title: 'Reviews',
          text: 'After every completed collaboration both sides can rate each other, and the ratings stay on the profiles.',
        },
        {
          title: 'Reports',
          text: 'When one side does not keep its word, the other can report it with evidence.',
        },
        {
          title: 'People who step in',
          text: 'BeXtr admins review each report with the agreement and the conversation, and act: a warning or a suspension.',
        },
      ],
    },
    closing: {
      title: 'Ready when you are',
      text: 'Creating an account takes a minute. Choose your side and start.',
    },
  },
  sk: {
    meta: {
      title: 'Prečo BeXtr? Kampane s influencermi pre firmy aj tvorcov',
      description:
        'BeXtr spája firmy a influencerov: zverejnite kampaň, dostávajte ponuky od tvorcov, ktorí k nej sedia, dohodnite podrobnosti a sledujte odovzdanú prácu. Za peniaze alebo barter, po slovensky aj po anglicky.',
    },
    hero: {
      title: 'Prečo BeXtr?',
      lead: 'Jedno miesto, kde firma nájde pre kampaň správnych tvorcov a tvorca nájde prácu, ktorá sedí jeho publiku — od prvej ponuky po zverejnený príspevok, s jasnými podmienkami na oboch stranách.',
      faqLink: 'Prečítajte si časté otázky',
    },
    stats: {
      title: 'BeXtr dnes',
      campaigns: 'zverejnených kampaní',
      influencers: 'influencerov',
      soon: 'čoskoro',
    },
    business: {
      title: 'Pre firmy',
      lead: 'Raz opíšte, čo potrebujete, a tvorcovia prídu za vami.',
      steps: [
        'Zverejnite kampaň: čo propagujete, na ktorých sieťach, akú veľkosť publika hľadáte a čo ponúkate.',
        'Ponuky prichádzajú od influencerov s hotovým profilom — aj s publikom, doterajšou prácou a číslami.',
        'Prijmite tvorcov, ktorí sa hodia, ostatných odmietnite; nikdy nemusíte brať každého.',
        'Podrobnosti dohodnite v konverzácii, schváľte každý odovzdaný výstup a napíšte hodnotenie.',
      ],
      cta: 'Registrovať sa ako firma',
    },
    influencer: {
      title: 'Pre influencerov',
      lead: 'Ukážte, čo robíte dobre, a vyberajte si kampane, ktorým veríte.',
      steps: [
        'Vytvorte si profil: siete, publikum, portfólio a štatistiky, ktoré dokladajú váš dosah.',
        'Prezerajte zverejnené kampane a filtrujte podľa kategórie, siete a odmeny.',
        'Pošlite ponuku so svojím nápadom, výstupmi a cenou.',
        'Po prijatí odovzdajte dohodnutú prácu, pridajte dôkaz a získajte hodnotenie.',
      ],
      cta: 'Registrovať sa ako influencer',
    },
    howItWorks: {
      title: 'Ako prebieha spolupráca',
      steps: [
        { title: 'Kampaň', text: 'Firma zverejní, čo potrebuje, s termínmi, počtom miest a odmenou.' },
        {
          title: 'Ponuka',
          text: 'Influencer navrhne výstupy, dátum zverejnenia a pri platených kampaniach aj cenu.',
        },
        {
          title: 'Dohoda',
          text: 'Firma ponuku prijme; dohodnuté podmienky sa uložia, aby obe strany videli to isté.',
        },
        {
          title: 'Odovzdanie',
          text: 'Influencer označí každý výstup ako hotový aj s dôkazom; firma ho schváli.',
        },
      ],
    },
    compensation: {
      title: 'Za peniaze alebo barter',
      paid: {
        title: 'Platené spolupráce',
        text: 'Firma určí sumu v eurách na influencera; influencer môže v ponuke navrhnúť vlastnú cenu.',
      },
      barter: {
        title: 'Barterové spolupráce',
        text: 'Firma namiesto peňazí ponúkne produkt alebo službu a uvedie jej hodnotu, aby každý vedel, na čom je.',
      },
    },
    trust: {
      title: 'Dôvera a bezpečnosť',
      items: [
        {
          title: 'Hodnotenia',
          text: 'Po každej dokončenej spolupráci sa môžu obe strany navzájom ohodnotiť a hodnotenia ostávajú na profiloch.',
        },
        {
          title: 'Nahlásenia',
          text: 'Keď jedna strana nedodrží slovo, druhá ju môže nahlásiť aj s dôkazmi.',
        },
        {
          title: 'Ľudia, ktorí zasiahnu',
          text: 'Administrátori BeXtr posúdia každé nahlásenie spolu s dohodou a konverzáciou a konajú: upozornením alebo pozastavením účtu.',
        },
      ],
    },
    closing: {
      title: 'Môžete začať hneď',
      text: 'Vytvorenie účtu trvá minútu. Vyberte si svoju stranu a začnite.',
    },
  },
};

export const faqPageContent: Record<Locale, FaqPageContent> = {
  en: {
    meta: {
      title: 'FAQ — how BeXtr works for businesses and influencers',
      description:
        'Answers about BeXtr: how campaigns and offers work, paid and barter collaborations, what a ready profile is, what happens after an offer is accepted, fees and how your data is used.',
    },
    title: 'Frequently asked questions',
    lead: 'How BeXtr works for businesses and influencers, in short answers. Did not find yours? Send it to us below.',
    askTitle: 'Send us your question',
    askLead:
      'We read every question. Leave your e-mail if you want the answer sent to you; some questions end up in this FAQ.',
    form: {
      question: 'Your question',
      questionHint: 'At least 10 characters.',
      name: 'Your name (optional)',
      email: 'E-mail for the answer (optional)',
      emailHint: 'We use it only to send you the answer.',
      language: 'Language of the answer',
      honeypot: 'Leave this field empty',
      submit: 'Send question',
      sentTitle: 'Thank you, we have your question',
      sentText: 'An admin will read it. If you left an e-mail, the answer will come there.',
      askAnother: 'Ask another question',
      errors: {
        question: 'Write your question in 10 to 1,000 characters.',
        name: 'A name can have at most 120 characters.',
        email: 'Enter a valid e-mail, or leave the field empty.',
        locale: 'Choose English or Slovak.',
        unreadable:
          'We could not read what was sent. Please write your question again as plain text (at most 1,000 characters).',
        tooMany: (minutes) =>
          `You have sent us many questions in a short time. Please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
      },
    },
    empty: 'There are no questions in this language yet.',
  },
  sk: {
    meta: {
      title: 'Časté otázky — ako BeXtr funguje pre firmy a influencerov',
      description:
        'Odpovede o BeXtr: ako fungujú kampane a ponuky, platené a barterové spolupráce, čo je hotový profil, čo nasleduje po prijatí ponuky, poplatky a ako používame vaše údaje.',
    },
    title: 'Časté otázky',
    lead: 'Ako BeXtr funguje pre firmy a influencerov, v krátkych odpovediach. Nenašli ste tú svoju? Pošlite nám ju nižšie.',
    askTitle: 'Pošlite nám svoju otázku',
    askLead:
      'Čítame každú otázku. Ak chcete odpoveď e-mailom, nechajte nám adresu; niektoré otázky pridáme do týchto častých otázok.',
    form: {
      question: 'Vaša otázka',
      questionHint: 'Aspoň 10 znakov.',
      name: 'Vaše meno (nepovinné)',
      email: 'E-mail pre odpoveď (nepovinné)',
      emailHint: 'Použijeme ho len na poslanie odpovede.',
      language: 'Jazyk odpovede',
      honeypot: 'Toto pole nechajte prázdne',
      submit: 'Poslať otázku',
      sentTitle: 'Ďakujeme, vašu otázku máme',
      sentText: 'Prečíta si ju administrátor. Ak ste nechali e-mail, odpoveď príde tam.',
      askAnother: 'Opýtať sa ďalšiu otázku',
      errors: {
        question: 'Napíšte otázku, 10 až 1 000 znakov.',
        name: 'Meno môže mať najviac 120 znakov.',
        email: 'Zadajte platný e-mail alebo pole nechajte prázdne.',
        locale: 'Vyberte angličtinu alebo slovenčinu.',
        unreadable:
          'To, čo prišlo, sa nedalo prečítať. Napíšte otázku znova ako obyčajný text (najviac 1 000 znakov).',
        tooMany: (minutes) =>
          `Za krátky čas ste nám poslali veľa otázok. Skúste to znova o ${minutes} ${minutes === 1 ? 'minútu' : minutes >= 2 && minutes <= 4 ? 'minúty' : 'minút'}.`,
      },
    },
    empty: 'V tomto jazyku zatiaľ nie sú žiadne otázky.',
  },
};

export const faqGroupTitles: Record<Locale, Record<FaqGroup, string>> = {
  en: {
    basics: 'Getting started',
    businesses: 'For businesses',
    influencers: 'For influencers',
    collaborations: 'Working together',
    money: 'Payment and fees',
    trust: 'Trust and safety',
    privacy: 'Your data',
  },
  sk: {
    basics: 'Začíname',
    businesses: 'Pre firmy',
    influencers: 'Pre influencerov',
    collaborations: 'Spolupráca',
    money: 'Odmeny a poplatky',
    trust: 'Dôvera a bezpečnosť',
    privacy: 'Vaše údaje',
  },
};

/** Labels the server-rendered pages need around the content (the React app has its own catalogue). */
export const publicShellContent: Record<
  Locale,
  { home: string; faq: string; signIn: string; signUp: string; otherLanguage: string; navLabel: string }
> = {
  en: {
    home: 'Home',
    faq: 'FAQ',
    signIn: 'Sign in',
    signUp: 'Sign up',
    otherLanguage: 'Slovensky',
    navLabel: 'Main navigation',
  },
  sk: {
    home: 'Domov',
    faq: 'Časté otázky',
    signIn: 'Prihlásiť sa',
    signUp: 'Registrácia',
    otherLanguage: 'English',
    navLabel: 'Hlavná navigácia',
  },
};
