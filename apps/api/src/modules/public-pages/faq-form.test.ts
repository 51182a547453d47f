import type { FaqQuestion } from '@bextr/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMeta } from '../../db/schema.ts';
import type { TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildAdmin } from '../../test/factories/admins.ts';
import { createWebShellApp } from '../../test/web-shell.ts';
import { formKeyOf, formToken } from './faq-form.ts';

let t: TestApp;
let admin: Awaited<ReturnType<typeof buildAdmin>>['client'];
let key: Buffer;
beforeAll(async () => {
  t = await createWebShellApp();
  admin = (await buildAdmin(t.app)).client;
  key = await formKeyOf(t.ctx.db);
});
afterAll(() => t?.close());

let n = 0;
const uniqueQuestion = (text = 'Can I ask without JavaScript') => `${text}, take ${++n} ${Date.now()}?`;
/** A form shown five seconds ago, as a person would send it. */
const shownBefore = () => formToken(key, Date.now() - 5000);

/** Posts the form as a browser without JavaScript does. */
function postForm(fields: Record<string, string>, query = '', app = t.app) {
  return browser(app).post(`/faq/ask${query}`, undefined, {
    raw: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

async function queued(question: string) {
  const res = await admin.get<{ items: FaqQuestion[] }>('/api/v1/admin/faq/questions?status=new&limit=100');
  return res.body.items.find((q) => q.question === question);
}

describe('the FAQ question form without JavaScript', () => {
  it('the page holds a form that posts to /faq/ask, in the page language, with a signed time', async () => {
    const en = await browser(t.app).get('/faq');
    expect(en.text).toContain('<form method="post" action="/faq/ask" class="ssr-form" novalidate>');
    expect(en.text).toContain('<label for="ask-question">Your question</label>');
    expect(en.text).toMatch(/<input type="hidden" name="shownAt" value="\d+\.[\w-]+" \/>/);
    expect(en.text).toContain('<option value="en" lang="en" selected>English</option>');
    const sk = await browser(t.app).get('/faq?lang=sk');
    expect(sk.text).toContain('action="/faq/ask?lang=sk"');
    expect(sk.text).toContain('<label for="ask-question">Vaša otázka</label>');
    expect(sk.text).toContain('<option value="sk" lang="sk" selected>Slovenčina</option>');
  });

  it('a question is stored with name, e-mail and language, then the page says thank you', async () => {
    const question = uniqueQuestion();
    const res = await postForm(
      { question, name: 'Eva', email: 'eva@example.test', locale: 'sk', website: '', shownAt: shownBefore() },
      '?lang=sk',
    );
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/faq?lang=sk&asked=1#ask');
    expect(await queued(question)).toMatchObject({
      locale: 'sk',
      askers: [{ name: 'Eva', email: 'eva@example.test', locale: 'sk' }],
    });
    const thanks = await browser(t.app).get('/faq?lang=sk&asked=1');
    expect(thanks.text).toContain('Ďakujeme, vašu otázku máme');
    expect(thanks.text).not.toContain('<form method="post"');
  });

  it('spam is dropped without a word: a filled honeypot, or a form sent too soon after it was shown', async () => {
    const honeypot = uniqueQuestion('Buy cheap followers');
    const trap = await postForm({
      question: honeypot,
      locale: 'en',
      website: 'spam.example',
      shownAt: shownBefore(),
    });
    expect(trap.status).toBe(303);
    const fast = uniqueQuestion('Typed by a machine');
    const quick = await postForm({ question: fast, locale: 'en', website: '', shownAt: formToken(key) });
    expect(quick.status).toBe(303);
    expect(quick.headers.location).toBe('/faq?asked=1#ask');
    expect(await queued(honeypot)).toBeUndefined();
    expect(await queued(fast)).toBeUndefined();
  });

  it('a post without the signed time of a form we showed (missing, forged) is a bot’s: thanked, dropped', async () => {
    const missing = uniqueQuestion('No form shown');
    const forgedQ = uniqueQuestion('Forged clock');
    const forged = `${Date.now() - 60_000}.not-our-signature`;
    expect((await postForm({ question: missing, locale: 'en' })).headers.location).toBe('/faq?asked=1#ask');
    expect((await postForm({ question: forgedQ, locale: 'en', shownAt: forged })).status).toBe(303);
    expect(await queued(missing)).toBeUndefined();
    expect(await queued(forgedQ)).toBeUndefined();
  });

  it('the key is the database’s, not the process’s: another app on the same data checks alike', async () => {
    const [row] = await t.ctx.db.select().from(appMeta).where(eq(appMeta.key, 'faq_form_key'));
    expect(Buffer.from(String(row?.value), 'base64url').equals(key)).toBe(true);
  });

  it('a visitor who corrects a refused field at once is not taken for a bot', async () => {
    // The form was shown 5 s ago; the first post is refused; the page that says so carries the
    // same signed time, so the corrected post a second later counts from the first showing.
    const refused = await postForm({ question: 'short', locale: 'en', shownAt: shownBefore() });
    expect(refused.status).toBe(422);
    const carried = /name="shownAt" value="([^"]+)"/.exec(refused.text)?.[1] ?? '';
    const question = uniqueQuestion('Corrected at once');
    expect((await postForm({ question, locale: 'en', shownAt: carried })).status).toBe(303);
    expect(await queued(question)).toBeDefined();
  });

  it('refusals stand next to their fields in the page language, and what was typed stays (escaped)', async () => {
    const res = await postForm(
      { question: '<b>short', name: 'Ján', email: 'not-an-email', locale: 'sk', shownAt: shownBefore() },
      '?lang=sk',
    );
    expect(res.status).toBe(422);
    expect(res.text).toContain('<html lang="sk"');
    expect(res.text).toContain('Napíšte otázku, 10 až 1 000 znakov.');
    expect(res.text).toContain('Zadajte platný e-mail alebo pole nechajte prázdne.');
    expect(res.text).toContain('aria-invalid="true"');
    expect(res.text).toContain('&lt;b&gt;short</textarea>');
    expect(res.text).not.toContain('<b>short');
    expect(res.text).toContain('value="Ján"');
    expect(res.text).toContain('value="not-an-email"');
  });

  it('a post the server cannot read (too long, a NUL character) gets the page with a word, not JSON', async () => {
    const huge = await postForm({ question: 'x'.repeat(20_000), locale: 'en', shownAt: shownBefore() });
    expect(huge.status).toBe(413);
    expect(huge.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(huge.text).toContain('We could not read what was sent.');
    const nul = await postForm(
      { question: 'Is this\u0000 fine for you?', locale: 'sk', shownAt: shownBefore() },
      '?lang=sk',
    );
    expect(nul.status).toBe(400);
    expect(nul.text).toContain('To, čo prišlo, sa nedalo prečítať.');
    expect(nul.text).toMatch(/name="shownAt" value="\d+\.[\w-]+"/);
  });

  it('past the per-address limit the page says when to try again, with Retry-After, and keeps the text', async () => {
    const strict = await createWebShellApp({ config: { rateLimitScale: 1 } });
    const strictKey = await formKeyOf(strict.ctx.db);
    const shown = () => formToken(strictKey, Date.now() - 5000);
    try {
      for (let i = 0; i < 5; i++) {
        const ok = await postForm(
          { question: uniqueQuestion('Limit'), locale: 'en', shownAt: shown() },
          '',
          strict.app,
        );
        expect(ok.status).toBe(303);
      }
      const question = uniqueQuestion('One too many');
      const res = await postForm({ question, locale: 'en', shownAt: shown() }, '', strict.app);
      expect(res.status).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.text).toContain(
        'You have sent us many questions in a short time. Please try again in 60 minutes.',
      );
      expect(res.text).toContain(`${question}</textarea>`);
    } finally {
      await strict.close();
    }
  });
});
