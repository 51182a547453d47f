import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import {
  campaigns,
  conversationMembers,
  conversations,
  influencerProfiles,
  messages,
  offers,
} from '../db/schema.ts';
import { DEMO_INFLUENCER } from './demo-offers-plan.ts';

interface DemoMessage {
  from: 'business' | 'influencer';
  /** Hours before the seed ran. */
  hoursAgo: number;
  body: string;
}

interface DemoThread {
  campaign: string;
  handle: string;
  messages: DemoMessage[];
  /** How many of the last messages the influencer has not read (the business has read everything). */
  unreadByInfluencer: number;
}

/** Conversations on the demo offers: Slovak and English, the demo influencer with some unread. */
const threads: DemoThread[] = [
  {
    campaign: 'Ranná káva z Tatier',
    handle: DEMO_INFLUENCER,
    unreadByInfluencer: 2,
    messages: [
      {
        from: 'influencer',
        hoursAgo: 26,
        body: 'Dobrý deň, posielam ponuku na Rannú kávu z Tatier. Rada by som natočila reel pri východe slnka na Štrbskom Plese — hodí sa vám termín koncom mája?',
      },
      {
        from: 'business',
        hoursAgo: 5,
        body: 'Dobrý deň, Lucia, ďakujeme za ponuku! Koniec mája je pre nás ideálny. Ktorú odrodu by ste chceli ukázať — Etiópiu alebo našu tatranskú zmes?',
      },
      {
        from: 'business',
        hoursAgo: 4.9,
        body: 'Vzorky vám radi pošleme vopred, stačí napísať adresu.',
      },
    ],
  },
  {
    campaign: 'Cold brew summer',
    handle: DEMO_INFLUENCER,
    unreadByInfluencer: 1,
    messages: [
      {
        from: 'influencer',
        hoursAgo: 50,
        body: 'Hi! Thank you for accepting my offer. I would shoot the post on the Danube embankment next Saturday afternoon, if the weather holds.',
      },
      {
        from: 'business',
        hoursAgo: 47,
        body: 'Perfect, Lucia. We will send two bottles of the new cold brew by Thursday. Could you tag us and mention the summer discount code?',
      },
      {
        from: 'influencer',
        hoursAgo: 46,
        body: 'Sure — the code is SUMMER15, right? I will send you the draft caption on Friday.',
      },
      { from: 'business', hoursAgo: 2, body: 'Yes, SUMMER15. Looking forward to the draft!' },
    ],
  },
  {
    campaign: 'Ranná káva z Tatier',
    handle: 'tomas.trails',
    unreadByInfluencer: 0,
    messages: [
      {
        from: 'business',
        hoursAgo: 30,
        body: 'Tomáš, vitajte na palube! Kedy plánujete výstup pod Kriváň?',
      },
      {
        from: 'influencer',
        hoursAgo: 29,
        body: 'Ak vydrží počasie, v sobotu ráno. Stories pridám hneď po východe slnka.',
      },
      { from: 'business', hoursAgo: 28, body: 'Výborne, držíme palce. Kávu máte na ceste.' },
    ],
  },
];

async function seedThread(tx: Tx, spec: DemoThread, now: number) {
  const [found] = await tx
    .select({ conversation: conversations, offerAt: offers.createdAt })
    .from(offers)
    .innerJoin(campaigns, eq(campaigns.id, offers.campaignId))
    .innerJoin(influencerProfiles, eq(influencerProfiles.userId, offers.influencerId))
    .innerJoin(conversations, eq(conversations.id, offers.conversationId))
    .where(and(eq(campaigns.name, spec.campaign), eq(influencerProfiles.handle, spec.handle)))
    .limit(1);
  if (!found) return;
  const { conversation } = found;
  // Never before the offer that opened the thread, and in order.
  let previous = found.offerAt.getTime();
  const seqs: number[] = [];
  let last: { id: string; seq: number; at: Date } | null = null;
  for (const [i, m] of spec.messages.entries()) {
    previous = Math.max(previous + 60_000, now - m.hoursAgo * 3_600_000);
    const at = new Date(Math.min(previous, now - (spec.messages.length - i) * 60_000));
    const [row] = await tx
      .insert(messages)
      .values({
        conversationId: conversation.id,
        senderId: m.from === 'business' ? conversation.businessId : conversation.influencerId,
        body: m.body,
        clientId: `demo-${newId()}`,
        createdAt: at,
      })
      .returning({ id: messages.id, seq: messages.seq });
    if (!row) throw new Error('message not inserted');
    seqs.push(row.seq);
    last = { ...row, at };
  }
  if (!last) return;
  const influencerRead = seqs[seqs.length - 1 - spec.unreadByInfluencer] ?? 0;
  // Every unread message counts as e-mailed already: demo addresses never get mail.
  const markers = [
    { userId: conversation.businessId, readSeq: last.seq },
    { userId: conversation.influencerId, readSeq: influencerRead },
  ];
  for (const marker of markers)
    await tx
      .update(conversationMembers)
      .set({ readSeq: marker.readSeq, emailedSeq: last.seq })
      .where(
        and(
          eq(conversationMembers.conversationId, conversation.id),
          eq(conversationMembers.userId, marker.userId),
        ),
      );
  await tx
    .update(conversations)
    .set({ lastMessageId: last.id, lastMessageSeq: last.seq, lastActivityAt: last.at })
    .where(eq(conversations.id, conversation.id));
}

/** Both sides become members of every demo thread (nothing read); then a few threads get messages. */
export async function seedDemoThreads(db: Db, now = Date.now()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into ${conversationMembers} (conversation_id, user_id)
      select id, business_id from ${conversations}
      union select id, influencer_id from ${conversations}
      on conflict do nothing`);
    for (const spec of threads) await seedThread(tx, spec, now);
  });
}
