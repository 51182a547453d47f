import { randomBytes } from 'node:crypto';
import type { FaqQuestion, FaqResponse } from '@bextr/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../config.ts';
import { faqQuestions } from '../../db/schema.ts';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../../test/app.ts';
import { browser, type TestClient } from '../../test/client.ts';
import { buildAdmin } from '../../test/factories/admins.ts';
import { buildBusiness, buildInfluencer } from '../../test/factories/users.ts';
import { SmtpSink } from '../../test/smtp.ts';

const ASK = '/api/v1/faq/questions';
const QUEUE = '/api/v1/admin/faq/questions';

let sink: SmtpSink;
let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  sink = await SmtpSink.start();
  t = await createTestApp({ mail: { ...testConfig().mail, smtpUrl: sink.url } });
  admin = (await buildAdmin(t.app)).client;
});
afterAll(async () => {
  await t?.close();
  await sink?.stop();
});

let ipCounter = 0;
/** A visitor from an address of its own (the form is rate limited per IP). */
const visitor = (lang?: string) => {
  ipCounter += 1;
  return browser(t.app, { ip: `10.8.0.${ipCounter}`, ...(lang ? { lang } : {}) });
};
const uniqueQuestion = (text = 'Can I run a campaign only on TikTok') =>
  `${text} ${randomBytes(3).toString('hex')}?`;
const human = { elapsedMs: 12_000 };

async function queue(status = 'new'): Promise<FaqQuestion[]> {
  const res = await admin.get<{ items: FaqQuestion[] }>(`${QUEUE}?status=${status}&limit=100`);
  expect(res.status).toBe(200);
  return res.body.items;
}
async function findQueued(question: string, status = 'new') {
  return (await queue(status)).find((q) => q.question === question);
}

describe('POST /faq/questions', () => {
  it('202, and the question waits in the queue without being public', async () => {
    const question = uniqueQuestion();
    const res = await visitor().post(ASK, {
      question,
      name: 'Jana',
      email: 'jana@example.test',
      locale: 'sk',
      ...human,
    });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ ok: true });
    expect(await findQueued(question)).toMatchObject({
      question,
      locale: 'sk',
      status: 'new',
      duplicates: 0,
      askers: [{ name: 'Jana', email: 'jana@example.test', locale: 'sk', askedAt: expect.any(String) }],
      emailRecipients: 1,
      answer: null,
      publishedEntries: [],
    });
    const faq = await visitor().get<FaqResponse>('/api/v1/faq?locale=sk');
    expect(JSON.stringify(faq.body)).not.toContain(question);
    expect(JSON.stringify(faq.body)).not.toContain('jana@example.test');
  });

  it('name and e-mail are optional', async () => {
    const question = uniqueQuestion('Is there a mobile app');
    expect((await visitor().post(ASK, { question, locale: 'en', ...human })).status).toBe(202);
    expect(await findQueued(question)).toMatchObject({
      locale: 'en',
      askers: [{ name: null, email: null, locale: 'en' }],
      emailRecipients: 0,
    });
  });

  it('400 with per-field messages: too short, too long, bad e-mail, missing language, unknown fields', async () => {
    const client = visitor('sk');
    const short = await client.post(ASK, { question: 'Why?', locale: 'en' });
    expect(short.status).toBe(400);
    expect(short.body.error?.details?.fields).toEqual([
      expect.objectContaining({ path: 'question', message: 'Zadajte aspoň 10 znakov.' }),
    ]);
    const long = await client.post(ASK, { question: 'x'.repeat(1001), name: 'n'.repeat(121), locale: 'en' });
    expect(long.status).toBe(400);
    expect(long.body.error?.details?.fields?.map((f) => f.path).sort()).toEqual(['name', 'question']);
    const email = await client.post(ASK, {
      question: uniqueQuestion(),
      email: 'not-an-address',
      locale: 'en',
    });
    expect(email.body.error?.details?.fields).toEqual([expect.objectContaining({ path: 'email' })]);
    const noLocale = await client.post(ASK, { question: uniqueQuestion() });
    expect(noLocale.body.error?.details?.fields).toEqual([expect.objectContaining({ path: 'locale' })]);
    const extra = await client.post(ASK, { question: uniqueQuestion(), locale: 'en', status: 'answered' });
    expect(extra.status).toBe(400);
  });

  it('a filled honeypot is answered 202 and nothing is stored', async () => {
    const question = uniqueQuestion('Buy cheap followers now');
    const res = await visitor().post(ASK, {
      question,
      locale: 'en',
      website: 'https://spam.example',
      ...human,
    });
    expect(res.status).toBe(202);
    expect(await t.ctx.db.select().from(faqQuestions).where(eq(faqQuestions.question, question))).toEqual([]);
  });

  it('a form sent too fast is answered 202 and nothing is stored', async () => {
    const question = uniqueQuestion('Robots type quickly');
    const res = await visitor().post(ASK, { question, locale: 'en', elapsedMs: 400 });
    expect(res.status).toBe(202);
    expect(await t.ctx.db.select().from(faqQuestions).where(eq(faqQuestions.question, question))).toEqual([]);
  });

  it('the same open question sent again is stored once and counted', async () => {
    const question = uniqueQuestion('How long does the review of an offer take');
    expect((await visitor().post(ASK, { question, locale: 'en', ...human })).status).toBe(202);
    const again = `  ${question.toUpperCase().replace('?', ' ??')} `;
    expect(
      (await visitor().post(ASK, { question: again, email: 'late@example.test', locale: 'en', ...human }))
        .status,
    ).toBe(202);
    const rows = (await queue()).filter((q) =>
      q.question.toLowerCase().startsWith('how long does the review'),
    );
    const mine = rows.filter((q) => q.question === question);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      duplicates: 1,
      askers: [
        { name: null, email: null, locale: 'en' },
        { name: null, email: 'late@example.test', locale: 'en' },
      ],
      emailRecipients: 1,
    });
  });

  it('429 with Retry-After after too many questions from one address', async () => {
    const strict = await createTestApp({ rateLimitScale: 1 });
    try {
      const client = browser(strict.app, { ip: '10.9.9.9' });
      for (let i = 0; i < 5; i++) {
        expect((await client.post(ASK, { question: uniqueQuestion(), locale: 'en', ...human })).status).toBe(
          202,
        );
      }
      const limited = await client.post(ASK, { question: uniqueQuestion(), locale: 'en', ...human });
      expect(limited.status).toBe(429);
      expect(limited.body.error?.code).toBe('RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // Another address is not affected.
      const other = browser(strict.app, { ip: '10.9.9.10' });
      expect((await other.post(ASK, { question: uniqueQuestion(), locale: 'en', ...human })).status).toBe(
        202,
      );
    } finally {
      await strict.close();
    }
  });
});

describe('admin routes need an admin', () => {
  const routes: [string, string, unknown?][] = [
    ['GET', `${QUEUE}?status=new`],
    ['POST', `${QUEUE}/some-id/answer`, { answer: 'Yes.', publish: false }],
    ['POST', `${QUEUE}/some-id/dismiss`],
    ['GET', '/api/v1/admin/faq/entries'],
    ['POST', '/api/v1/admin/faq/entries', { locale: 'en', group: 'basics', question: 'Q?????', answer: 'A' }],
    ['PATCH', '/api/v1/admin/faq/entries/some-id', { published: false }],
    ['DELETE', '/api/v1/admin/faq/entries/some-id'],
  ];

  it('401 for a visitor, 403 for a business and an influencer', async () => {
    const business = (await buildBusiness(t.app)).client;
    const influencer = (await buildInfluencer(t.app)).client;
    for (const [method, url, body] of routes) {
      const anon = await visitor().request(method as 'GET', url, body);
      expect(anon.status, `${method} ${url}`).toBe(401);
      expect(anon.body.error?.code).toBe('UNAUTHENTICATED');
      for (const client of [business, influencer]) {
        const res = await client.request(method as 'GET', url, body);
        expect(res.status, `${method} ${url}`).toBe(403);
        expect(res.body.error?.code).toBe('FORBIDDEN');
      }
    }
  });
});

describe('answering', () => {
  it('e-mails the answer over SMTP in the asker’s language (Slovak)', async () => {
    const question = uniqueQuestion('Môžem kampaň pozastaviť');
    await visitor().post(ASK, {
      question,
      name: 'Peter',
      email: 'peter@example.test',
      locale: 'sk',
      ...human,
    });
    const queued = await findQueued(question);
    const res = await admin.post<{ question: FaqQuestion }>(`${QUEUE}/${queued?.id}/answer`, {
      answer: 'Áno, zverejnenú kampaň môžete kedykoľvek pozastaviť a znova spustiť.',
      publish: false,
    });
    expect(res.status).toBe(200);
    expect(res.body.question).toMatchObject({ status: 'answered', publishedEntries: [] });
    await t.ctx.outbox.drain();
    const mail = sink.received.find((m) => m.to.includes('peter@example.test'));
    expect(mail?.subject).toBe('Odpoveď na vašu otázku v BeXtr');
    expect(mail?.text).toContain('Dobrý deň, Peter,');
    expect(mail?.text).toContain(question);
    expect(mail?.text).toContain('zverejnenú kampaň môžete kedykoľvek pozastaviť');
    expect(mail?.text).toContain(`${TEST_BASE_URL}/faq?lang=sk`);
    expect(await findQueued(question, 'answered')).toMatchObject({ answer: expect.stringContaining('Áno') });
  });

  it('in English for an English question; no e-mail when the asker left none', async () => {
    const question = uniqueQuestion('Can two people share one business account');
    await visitor().post(ASK, { question, email: 'ann@example.test', locale: 'en', ...human });
    const queued = await findQueued(question);
    await admin.post(`${QUEUE}/${queued?.id}/answer`, {
      answer: 'Not yet; one person per account.',
      publish: false,
    });
    await t.ctx.outbox.drain();
    const mail = sink.received.find((m) => m.to.includes('ann@example.test'));
    expect(mail?.subject).toBe('The answer to your question on BeXtr');
    expect(mail?.text).toContain('Hello,');

    const before = sink.received.length;
    const anonymous = uniqueQuestion('Do you have an API');
    await visitor().post(ASK, { question: anonymous, locale: 'en', ...human });
    const q2 = await findQueued(anonymous);
    expect((await admin.post(`${QUEUE}/${q2?.id}/answer`, { answer: 'Yes.', publish: false })).status).toBe(
      200,
    );
    await t.ctx.outbox.drain();
    expect(sink.received.length).toBe(before);
  });

  it('a collapsed question is answered to every distinct e-mail once, each in the asker’s language', async () => {
    const tag = randomBytes(3).toString('hex');
    const question = `Môžem platiť faktúrou na firmu ${tag}?`;
    const sameInOtherWords = `  MOZEM   platit fakturou na FIRMU ${tag} !! `;
    const eva = `eva-${tag}@example.test`;
    const tom = `tom-${tag}@example.test`;
    // Eva asks in Slovak; someone without an e-mail asks the same (other case, no accents, spacing)
    // in English; Tom asks it twice in English, the second time with his address in capitals.
    const sent = [
      { question, name: 'Eva', email: eva, locale: 'sk' },
      { question: sameInOtherWords, locale: 'en' },
      { question: sameInOtherWords, name: 'Tom', email: tom, locale: 'en' },
      { question: `${question}?`, name: 'Tom again', email: tom.toUpperCase(), locale: 'sk' },
    ];
    for (const body of sent) expect((await visitor().post(ASK, { ...body, ...human })).status).toBe(202);

    const queued = await findQueued(question);
    expect((await queue()).filter((q) => q.question.includes(tag))).toHaveLength(1);
    expect(queued).toMatchObject({
      locale: 'sk',
      duplicates: 3,
      askers: [
        { name: 'Eva', email: eva, locale: 'sk' },
        { name: null, email: null, locale: 'en' },
        { name: 'Tom', email: tom, locale: 'en' },
      ],
      emailRecipients: 2,
    });
    // Nobody's contact is public.
    for (const locale of ['en', 'sk']) {
      const faq = await visitor().get(`/api/v1/faq?locale=${locale}`);
      expect(JSON.stringify(faq.body)).not.toContain(tag);
    }

    const before = sink.received.length;
    const res = await admin.post<{ question: FaqQuestion }>(`${QUEUE}/${queued?.id}/answer`, {
      answer: 'Áno, faktúru vystavíme na vašu firmu.',
      publish: false,
    });
    expect(res.status).toBe(200);
    expect(res.body.question).toMatchObject({ status: 'answered', emailRecipients: 2 });
    expect(res.body.question.askers).toHaveLength(3);
    await t.ctx.outbox.drain();
    const mails = sink.received.slice(before).filter((m) => m.text.includes(tag));
    expect(mails).toHaveLength(2);
    const toEva = mails.filter((m) => m.to.includes(eva));
    const toTom = mails.filter((m) => m.to.some((to) => to.toLowerCase() === tom));
    expect(toEva).toHaveLength(1);
    expect(toTom).toHaveLength(1);
    expect(toEva[0]?.subject).toBe('Odpoveď na vašu otázku v BeXtr');
    expect(toEva[0]?.text).toContain('Dobrý deň, Eva,');
    expect(toEva[0]?.text).toContain(`${TEST_BASE_URL}/faq?lang=sk`);
    expect(toTom[0]?.subject).toBe('The answer to your question on BeXtr');
    expect(toTom[0]?.text).toContain('Hello Tom,');
    expect(toTom[0]?.text).not.toContain('?lang=sk');
    for (const mail of mails) expect(mail.text).toContain('faktúru vystavíme na vašu firmu');
    expect((await queue('answered')).find((q) => q.id === queued?.id)).toMatchObject({
      askers: expect.arrayContaining([expect.objectContaining({ email: eva })]),
      emailRecipients: 2,
    });
  });

  it('publishes in the asker’s language by default, in the group chosen', async () => {
    const question = uniqueQuestion('Can I invite an influencer directly');
    await visitor().post(ASK, { question, locale: 'en', ...human });
    const queued = await findQueued(question);
    const res = await admin.post<{ question: FaqQuestion }>(`${QUEUE}/${queued?.id}/answer`, {
      answer: 'Yes: open their profile and invite them to one of your campaigns.',
      publish: true,
      group: 'businesses',
    });
    expect(res.body.question.publishedEntries).toEqual([{ id: expect.any(String), locale: 'en' }]);
    const en = await visitor().get<FaqResponse>('/api/v1/faq?locale=en');
    const group = en.body.groups.find((g) => g.group === 'businesses');
    expect(group?.entries.at(-1)).toMatchObject({ question, answer: expect.stringContaining('invite them') });
    const sk = await visitor().get<FaqResponse>('/api/v1/faq?locale=sk');
    expect(JSON.stringify(sk.body)).not.toContain(question);
  });

  it('publishes in both languages, with a translation for the other one', async () => {
    const question = uniqueQuestion('Koľko trvá overenie profilu');
    await visitor().post(ASK, { question, locale: 'sk', ...human });
    const queued = await findQueued(question);
    const res = await admin.post<{ question: FaqQuestion }>(`${QUEUE}/${queued?.id}/answer`, {
      answer: 'Profil sa neoveruje ručne; stačí ho doplniť.',
      publish: true,
      locale: 'both',
      question: 'Ako dlho trvá overenie profilu?',
      translation: {
        question: 'How long does profile verification take?',
        answer: 'Nobody checks it by hand; complete it.',
      },
    });
    expect(res.body.question.publishedEntries.map((e) => e.locale).sort()).toEqual(['en', 'sk']);
    const sk = await visitor().get<FaqResponse>('/api/v1/faq?locale=sk');
    const skBasics = sk.body.groups.find((g) => g.group === 'basics');
    expect(skBasics?.entries).toContainEqual(
      expect.objectContaining({
        question: 'Ako dlho trvá overenie profilu?',
        answer: 'Profil sa neoveruje ručne; stačí ho doplniť.',
      }),
    );
    const en = await visitor().get<FaqResponse>('/api/v1/faq?locale=en');
    expect(en.body.groups.flatMap((g) => g.entries)).toContainEqual(
      expect.objectContaining({ question: 'How long does profile verification take?' }),
    );
    expect((await queue('answered')).find((q) => q.id === queued?.id)?.publishedEntries).toHaveLength(2);
  });

  it('409 for a question already answered or dismissed, 404 for an unknown one, 400 for a bad body', async () => {
    const question = uniqueQuestion('Is BeXtr free');
    await visitor().post(ASK, { question, locale: 'en', ...human });
    const queued = await findQueued(question);
    const url = `${QUEUE}/${queued?.id}/answer`;
    expect((await admin.post(url, { publish: false })).status).toBe(400);
    expect((await admin.post(url, { answer: 'x'.repeat(5001), publish: false })).status).toBe(400);
    expect((await admin.post(url, { answer: 'Yes.', publish: true, locale: 'de' })).status).toBe(400);
    expect((await admin.post(url, { answer: 'Yes.', publish: false })).status).toBe(200);
    const again = await admin.post(url, { answer: 'Still yes.', publish: false });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('CONFLICT');
    expect((await admin.post(`${QUEUE}/${queued?.id}/dismiss`)).status).toBe(409);
    expect(
      (await admin.post(`${QUEUE}/no-such-question/answer`, { answer: 'Yes.', publish: false })).status,
    ).toBe(404);
  });
});

describe('dismissing', () => {
  it('moves the question to the dismissed list and publishes nothing', async () => {
    const question = uniqueQuestion('asdf asdf asdf asdf');
    await visitor().post(ASK, { question, email: 'troll@example.test', locale: 'en', ...human });
    const queued = await findQueued(question);
    const res = await admin.post<{ question: FaqQuestion }>(`${QUEUE}/${queued?.id}/dismiss`);
    expect(res.status).toBe(200);
    expect(res.body.question.status).toBe('dismissed');
    expect(await findQueued(question)).toBeUndefined();
    expect(await findQueued(question, 'dismissed')).toBeDefined();
    await t.ctx.outbox.drain();
    expect(sink.received.some((m) => m.to.includes('troll@example.test'))).toBe(false);
    // Once dismissed, the same question can be asked again as a new one.
    expect((await visitor().post(ASK, { question, locale: 'en', ...human })).status).toBe(202);
    expect(await findQueued(question)).toMatchObject({ duplicates: 0, askers: [expect.anything()] });
  });

  it('the queue pages with a cursor', async () => {
    for (let i = 0; i < 3; i++)
      await visitor().post(ASK, { question: uniqueQuestion('Paging question'), locale: 'en', ...human });
    const first = await admin.get<{ items: FaqQuestion[]; nextCursor: string | null }>(
      `${QUEUE}?status=new&limit=2`,
    );
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await admin.get<{ items: FaqQuestion[]; nextCursor: string | null }>(
      `${QUEUE}?status=new&limit=2&cursor=${first.body.nextCursor}`,
    );
    const firstIds = first.body.items.map((q) => q.id);
    expect(second.body.items.length).toBeGreaterThan(0);
    for (const q of second.body.items) expect(firstIds).not.toContain(q.id);
    expect((await admin.get(`${QUEUE}?status=new&cursor=garbage`)).status).toBe(400);
  });
});
