import { type FaqEntry, type FaqResponse, initialFaqEntries } from '@bextr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser, type TestClient } from '../../test/client.ts';
import { buildAdmin } from '../../test/factories/admins.ts';
import { seedInitialFaq } from './seed.ts';

const ENTRIES = '/api/v1/admin/faq/entries';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await buildAdmin(t.app)).client;
});
afterAll(() => t?.close());

const publicFaq = async (locale: 'en' | 'sk') =>
  (await browser(t.app).get<FaqResponse>(`/api/v1/faq?locale=${locale}`)).body;
const questionsOf = (faq: FaqResponse, group: string) =>
  faq.groups.find((g) => g.group === group)?.entries.map((e) => e.question) ?? [];

describe('the initial FAQ', () => {
  it('is inserted once into an empty FAQ, in both languages, and grouped', async () => {
    expect((await publicFaq('en')).groups).toEqual([]);
    expect(await seedInitialFaq(t.ctx.db)).toBe(initialFaqEntries.length * 2);
    expect(await seedInitialFaq(t.ctx.db)).toBe(0);

    const en = await publicFaq('en');
    expect(en.locale).toBe('en');
    expect(en.groups.map((g) => g.group)).toEqual([
      'basics',
      'businesses',
      'influencers',
      'collaborations',
      'money',
      'trust',
      'privacy',
    ]);
    expect(en.groups[1]).toMatchObject({ title: 'For businesses' });
    const all = en.groups.flatMap((g) => g.entries.map((e) => e.question));
    for (const q of [
      'How does BeXtr work for a business?',
      'How does BeXtr work for an influencer?',
      'Do I have to work with every influencer who applies?',
      'What can a business expect from an influencer?',
      'What happens if an influencer does not keep an agreement?',
      'What is the difference between paid and barter campaigns?',
      'What does a “ready profile” mean?',
      'What happens after an offer is accepted?',
      'Does BeXtr charge fees?',
      'How is my data used?',
    ])
      expect(all).toContain(q);

    const sk = await publicFaq('sk');
    expect(sk.groups[0]).toMatchObject({ title: 'Začíname' });
    expect(sk.groups.flatMap((g) => g.entries)).toContainEqual(
      expect.objectContaining({ question: 'Musím spolupracovať s každým influencerom, ktorý sa prihlási?' }),
    );
  });

  it('without ?locale= the FAQ follows Accept-Language', async () => {
    const res = await browser(t.app, { lang: 'sk-SK,sk;q=0.9' }).get<FaqResponse>('/api/v1/faq');
    expect(res.body.locale).toBe('sk');
    expect((await browser(t.app).get('/api/v1/faq?locale=de')).status).toBe(400);
  });
});

describe('the entry editor', () => {
  it('creates, edits, reorders, moves, unpublishes and deletes entries', async () => {
    const create = (question: string) =>
      admin.post<{ entry: FaqEntry }>(ENTRIES, {
        locale: 'en',
        group: 'privacy',
        question,
        answer: `The answer to ${question}`,
      });
    const a = await create('Entry A question?');
    expect(a.status).toBe(201);
    expect(a.body.entry).toMatchObject({ locale: 'en', group: 'privacy', published: true });
    const b = (await create('Entry B question?')).body.entry;
    const c = (await create('Entry C question?')).body.entry;
    const privacy = () => publicFaq('en').then((f) => questionsOf(f, 'privacy'));
    expect((await privacy()).slice(-3)).toEqual([
      'Entry A question?',
      'Entry B question?',
      'Entry C question?',
    ]);

    // C to the top of its group.
    const moved = await admin.patch<{ entry: FaqEntry }>(`${ENTRIES}/${c.id}`, { position: 0 });
    expect(moved.status).toBe(200);
    expect(moved.body.entry.position).toBe(0);
    expect((await privacy())[0]).toBe('Entry C question?');

    // Edit the text, move B to another group.
    await admin.patch(`${ENTRIES}/${a.body.entry.id}`, { answer: 'A better answer.' });
    await admin.patch(`${ENTRIES}/${b.id}`, { group: 'trust', position: 0 });
    const faq = await publicFaq('en');
    expect(questionsOf(faq, 'trust')[0]).toBe('Entry B question?');
    expect(faq.groups.flatMap((g) => g.entries)).toContainEqual(
      expect.objectContaining({ question: 'Entry A question?', answer: 'A better answer.' }),
    );

    // Unpublish hides it from the public FAQ, the editor still lists it.
    await admin.patch(`${ENTRIES}/${c.id}`, { published: false });
    expect(await privacy()).not.toContain('Entry C question?');
    const listed = await admin.get<{ items: FaqEntry[] }>(`${ENTRIES}?locale=en`);
    expect(listed.body.items).toContainEqual(expect.objectContaining({ id: c.id, published: false }));
    expect(listed.body.items.every((e) => e.locale === 'en')).toBe(true);

    // Delete.
    expect((await admin.delete(`${ENTRIES}/${c.id}`)).status).toBe(204);
    expect((await admin.delete(`${ENTRIES}/${c.id}`)).status).toBe(404);
    expect((await admin.patch(`${ENTRIES}/${c.id}`, { published: true })).status).toBe(404);
  });

  it('400 for a bad entry', async () => {
    expect(
      (await admin.post(ENTRIES, { locale: 'en', group: 'nope', question: 'Question?', answer: 'A' })).status,
    ).toBe(400);
    expect(
      (await admin.post(ENTRIES, { locale: 'en', group: 'basics', question: 'Q', answer: 'A' })).status,
    ).toBe(400);
    expect(
      (
        await admin.post(ENTRIES, {
          locale: 'en',
          group: 'basics',
          question: 'Question?',
          answer: 'x'.repeat(5001),
        })
      ).status,
    ).toBe(400);
    expect((await admin.patch(`${ENTRIES}/any`, { position: -1 })).status).toBe(400);
    expect((await admin.patch(`${ENTRIES}/any`, { locale: 'sk' })).status).toBe(400);
  });
});
