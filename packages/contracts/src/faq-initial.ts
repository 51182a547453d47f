import type { Locale } from './common.ts';
import type { FaqGroup } from './faq.ts';

export interface InitialFaqEntry {
  /** Stable key: the same entry in both languages, and never inserted twice. */
  key: string;
  group: FaqGroup;
  text: Record<Locale, { question: string; answer: string }>;
}

/** The FAQ every BeXtr database starts with (inserted at boot while the FAQ is empty). */
export const initialFaqEntries: InitialFaqEntry[] = [
  {
    key: 'what-is-bextr',
    group: 'basics',
    text: {
      en: {
        question: 'What is BeXtr?',
        answer:
          'BeXtr is a marketplace for influencer campaigns. Businesses publish what they want promoted, influencers answer with offers, and the two sides agree on the work, deliver it and review each other — all in one place, in English or Slovak.',
      },
      sk: {
        question: 'Čo je BeXtr?',
        answer:
          'BeXtr je trhovisko pre kampane s influencermi. Firmy zverejnia, čo chcú propagovať, influenceri reagujú ponukami a obe strany sa dohodnú na práci, odovzdajú ju a navzájom sa ohodnotia — všetko na jednom mieste, po slovensky alebo po anglicky.',
      },
    },
  },
  {
    key: 'how-it-works-business',
    group: 'businesses',
    text: {
      en: {
        question: 'How does BeXtr work for a business?',
        answer:
          'You create a business account, complete your profile and publish a campaign: what you promote, the networks, the audience size you want (nano to mega), the deliverables, the dates and what you pay or give in return. Influencers with a finished profile send you offers. You look at each offer together with the creator’s audience and past work, accept the ones that fit, and settle the details with them in a conversation.',
      },
      sk: {
        question: 'Ako BeXtr funguje pre firmu?',
        answer:
          'Vytvoríte si firemný účet, doplníte profil a zverejníte kampaň: čo propagujete, na ktorých sieťach, akú veľkosť publika hľadáte (od nano po mega), aké výstupy čakáte, termíny a čo za prácu zaplatíte alebo dáte. Influenceri s hotovým profilom vám pošlú ponuky. Každú si pozriete spolu s publikom a doterajšou prácou tvorcu, prijmete tie, ktoré sa hodia, a podrobnosti doladíte v konverzácii.',
      },
    },
  },
  {
    key: 'must-accept-everyone',
    group: 'businesses',
    text: {
      en: {
        question: 'Do I have to work with every influencer who applies?',
        answer:
          'No. An offer is a proposal, not a contract. You choose whom to accept and may decline any offer, with or without a reason. A campaign has a number of slots, and you can never accept more influencers than the slots you set.',
      },
      sk: {
        question: 'Musím spolupracovať s každým influencerom, ktorý sa prihlási?',
        answer:
          'Nie. Ponuka je návrh, nie zmluva. Sami si vyberiete, koho prijmete, a každú ponuku môžete odmietnuť, s dôvodom aj bez neho. Kampaň má určený počet miest a nikdy neprijmete viac influencerov, než koľko miest ste nastavili.',
      },
    },
  },
  {
    key: 'how-it-works-influencer',
    group: 'influencers',
    text: {
      en: {
        question: 'How does BeXtr work for an influencer?',
        answer:
          'You create an influencer account and build your profile: your networks with followers and engagement, your audience, a portfolio of past work and insights from your networks. Then you browse published campaigns, filter them by what suits you and send an offer with your idea, your deliverables and, for paid campaigns, your price. When a business accepts, you agree on the details and deliver.',
      },
      sk: {
        question: 'Ako BeXtr funguje pre influencera?',
        answer:
          'Vytvoríte si účet influencera a zostavíte profil: siete s počtom sledovateľov a mierou zapojenia, svoje publikum, portfólio doterajšej práce a štatistiky zo sietí. Potom prezeráte zverejnené kampane, filtrujete tie, ktoré vám sedia, a pošlete ponuku so svojím nápadom, výstupmi a pri platených kampaniach aj s cenou. Keď ju firma prijme, dohodnete podrobnosti a prácu odovzdáte.',
      },
    },
  },
  {
    key: 'ready-profile',
    group: 'influencers',
    text: {
      en: {
        question: 'What does a “ready profile” mean?',
        answer:
          'A ready profile has everything a business needs to judge an offer: your basic details, at least one social account, your audience (gender, ages and countries), at least one portfolio item and at least one insight with a screenshot from the network — plus a verified e-mail. Your profile shows what is still missing. Only a ready profile can send offers.',
      },
      sk: {
        question: 'Čo znamená „hotový profil“?',
        answer:
          'Hotový profil obsahuje všetko, čo firma potrebuje na posúdenie ponuky: základné údaje, aspoň jeden účet na sociálnej sieti, vaše publikum (pohlavie, vek a krajiny), aspoň jednu položku portfólia a aspoň jednu štatistiku so snímkou obrazovky zo siete — a k tomu overený e-mail. Profil vám ukáže, čo ešte chýba. Ponuky môže posielať len hotový profil.',
      },
    },
  },
  {
    key: 'what-to-expect',
    group: 'collaborations',
    text: {
      en: {
        question: 'What can a business expect from an influencer?',
        answer:
          'Exactly what was agreed, nothing vaguer. Every collaboration lists its deliverables: stories, posts, reels, videos, a series of posts or something else, each with its network, quantity and notes. The influencer publishes them in the agreed time and adds proof — a link to the live content or a screenshot — and the business approves each piece or asks for changes.',
      },
      sk: {
        question: 'Čo môže firma od influencera očakávať?',
        answer:
          'Presne to, na čom sa dohodli, nič neurčitejšie. Každá spolupráca má zoznam výstupov: príbehy (stories), príspevky, reels, videá, sériu príspevkov alebo niečo iné, každý so sieťou, počtom a poznámkami. Influencer ich zverejní v dohodnutom čase a pridá dôkaz — odkaz na zverejnený obsah alebo snímku obrazovky — a firma každý výstup schváli alebo požiada o úpravu.',
      },
    },
  },
  {
    key: 'after-acceptance',
    group: 'collaborations',
    text: {
      en: {
        question: 'What happens after an offer is accepted?',
        answer:
          'Accepting an offer takes one of the campaign’s slots and creates a collaboration: a saved copy of the agreed deliverables, compensation and dates that both sides see. You keep talking in the same conversation; changes are proposed as amendments the other side accepts. When every deliverable is approved, the collaboration is completed and both sides can leave a review.',
      },
      sk: {
        question: 'Čo sa stane po prijatí ponuky?',
        answer:
          'Prijatím ponuky sa obsadí jedno miesto v kampani a vznikne spolupráca: uložená kópia dohodnutých výstupov, odmeny a termínov, ktorú vidia obe strany. Komunikujete ďalej v tej istej konverzácii; zmeny sa navrhujú ako dodatky, ktoré druhá strana prijme. Keď sú schválené všetky výstupy, spolupráca je dokončená a obe strany môžu napísať hodnotenie.',
      },
    },
  },
  {
    key: 'paid-vs-barter',
    group: 'money',
    text: {
      en: {
        question: 'What is the difference between paid and barter campaigns?',
        answer:
          'In a paid campaign the business offers an amount of money per influencer, in euros unless stated otherwise, and the influencer may propose a different price in the offer. In a barter campaign the business gives a product or a service instead of money and states what it is worth. Either way, the terms are fixed in the collaboration once an offer is accepted.',
      },
      sk: {
        question: 'Aký je rozdiel medzi platenou a barterovou kampaňou?',
        answer:
          'V platenej kampani firma ponúka sumu peňazí na influencera, ak nie je uvedené inak, v eurách, a influencer môže v ponuke navrhnúť inú cenu. V barterovej kampani firma namiesto peňazí dá produkt alebo službu a uvedie jej hodnotu. V oboch prípadoch sa podmienky po prijatí ponuky zapíšu do spolupráce.',
      },
    },
  },
  {
    key: 'fees',
    group: 'money',
    text: {
      en: {
        question: 'Does BeXtr charge fees?',
        answer:
          'Creating an account, publishing campaigns and sending offers cost nothing. BeXtr does not process payments: the money or the goods go directly from the business to the influencer as agreed in the collaboration. If we ever introduce fees, we will say so here and by e-mail in advance, and they will not apply to collaborations already agreed.',
      },
      sk: {
        question: 'Účtuje si BeXtr poplatky?',
        answer:
          'Vytvorenie účtu, zverejňovanie kampaní aj posielanie ponúk je bezplatné. BeXtr nespracúva platby: peniaze alebo tovar idú priamo od firmy k influencerovi tak, ako sa dohodli v spolupráci. Ak by sme niekedy zaviedli poplatky, vopred to oznámime tu aj e-mailom a nebudú sa týkať už dohodnutých spoluprác.',
      },
    },
  },
  {
    key: 'broken-agreement',
    group: 'trust',
    text: {
      en: {
        question: 'What happens if an influencer does not keep an agreement?',
        answer:
          'The business reports it from the collaboration: what went wrong (not delivered, late, not as agreed, something else), a description and evidence. The collaboration is marked as disputed and BeXtr admins review the agreement, the conversation and the proofs, can ask both sides questions, and decide: the report may be dismissed, or the influencer gets a warning or a suspension. The same works the other way round when a business does not pay or send the goods.',
      },
      sk: {
        question: 'Čo ak influencer nedodrží dohodu?',
        answer:
          'Firma to nahlási priamo zo spolupráce: čo sa pokazilo (nedodané, oneskorené, nie podľa dohody, niečo iné), opis a dôkazy. Spolupráca sa označí ako sporná a administrátori BeXtr posúdia dohodu, konverzáciu aj dôkazy, môžu sa oboch strán pýtať a rozhodnú: nahlásenie zamietnu, alebo influencer dostane upozornenie či pozastavenie účtu. Rovnako to funguje aj opačne, keď firma nezaplatí alebo nepošle tovar.',
      },
    },
  },
  {
    key: 'data-use',
    group: 'privacy',
    text: {
      en: {
        question: 'How is my data used?',
        answer:
          'We use your data to run BeXtr: to show your profile or campaign to the other side, to deliver messages and to send you e-mails you can switch off in settings. Your e-mail address is never shown to other users. Influencer profiles are visible to signed-in businesses and admins, and publicly only if you choose so. We do not sell your data. If you send us a question, we use your e-mail only to answer it.',
      },
      sk: {
        question: 'Ako sa používajú moje údaje?',
        answer:
          'Vaše údaje používame na prevádzku BeXtr: aby sme druhej strane ukázali váš profil alebo kampaň, doručili správy a posielali vám e-maily, ktoré si v nastaveniach môžete vypnúť. Vaša e-mailová adresa sa iným používateľom nikdy nezobrazí. Profily influencerov vidia prihlásené firmy a administrátori, verejne len vtedy, ak si to zvolíte. Vaše údaje nepredávame. Ak nám pošlete otázku, e-mail použijeme len na odpoveď.',
      },
    },
  },
];
