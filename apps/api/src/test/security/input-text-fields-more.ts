import { browser, type TestClient } from '../client.ts';
import { newClientId } from '../factories/conversations.ts';
import { env, type TextField } from './input-text-fields.ts';

// More text fields for input-hostile-strings (a sample of 30 strings each): the portfolio's
// description and brand, a social account's handle (free text, 1–100 characters), a FAQ asker's
// name, an admin's FAQ entry question, and an admin's answer to a question (with its translation).

const C = '/api/v1';
const get = async (client: TestClient, url: string) => (await client.get(url)).body as unknown;
const I = () => env.w.clients.influencer;
const A = () => env.w.clients.admin;

/** Asks a fresh FAQ question (as a visitor) and returns its id from the admins' queue. */
async function askFresh(): Promise<string> {
  const question = `How do I answer question ${newClientId()}?`;
  const asked = await browser(env.t.app).post(`${C}/faq/questions`, {
    question,
    locale: 'en',
    elapsedMs: 60_000,
  });
  if (asked.status !== 202) throw new Error(`asking answered ${asked.status}: ${asked.text}`);
  const page = (await A().get(`${C}/admin/faq/questions?limit=100`)).body as unknown as {
    items: { id: string; question: string }[];
  };
  const found = page.items.find((q) => q.question === question);
  if (!found) throw new Error('the fresh question is not in the admins’ queue');
  return found.id;
}

export const moreSampled: (() => TextField)[] = [
  ...(['description', 'brand'] as const).map((key) => () => ({
    name: `portfolio ${key}`,
    route: 'PATCH /api/v1/influencer-profile/portfolio/:id',
    path: [key],
    write: (v: string) => I().patch(`${C}/influencer-profile/portfolio/${env.w.portfolioId}`, { [key]: v }),
    read: () => get(I(), `${C}/influencer-profile`),
  })),
  () => ({
    name: 'social account handle',
    route: 'PATCH /api/v1/influencer-profile/social-accounts/:id',
    path: ['handle'],
    write: (handle) =>
      I().patch(`${C}/influencer-profile/social-accounts/${env.w.socialAccountId}`, { handle }),
    read: () => get(I(), `${C}/influencer-profile`),
  }),
  () => ({
    name: 'FAQ asker name',
    route: 'POST /api/v1/faq/questions',
    path: ['name'],
    write: (name) =>
      browser(env.t.app).post(`${C}/faq/questions`, {
        question: `Who reads question ${newClientId()}?`,
        name,
        locale: 'en',
        elapsedMs: 60_000,
      }),
    read: () => get(A(), `${C}/admin/faq/questions?limit=100`),
  }),
  () => ({
    name: 'FAQ entry question',
    route: 'PATCH /api/v1/admin/faq/entries/:id',
    path: ['question'],
    write: (question) => A().patch(`${C}/admin/faq/entries/${env.w.faqEntryId}`, { question }),
    read: () => get(A(), `${C}/admin/faq/entries?locale=en`),
  }),
  () => ({
    name: 'admin FAQ answer',
    route: 'POST /api/v1/admin/faq/questions/:id/answer',
    path: ['answer'],
    write: async (answer) =>
      A().post(`${C}/admin/faq/questions/${await askFresh()}/answer`, { answer, publish: false }),
    read: () => get(A(), `${C}/admin/faq/questions?status=answered&limit=100`),
  }),
  () => ({
    name: 'admin FAQ answer translation',
    route: 'POST /api/v1/admin/faq/questions/:id/answer',
    path: ['translation', 'answer'],
    write: async (answer) =>
      A().post(`${C}/admin/faq/questions/${await askFresh()}/answer`, {
        answer: 'An answer in English.',
        publish: true,
        locale: 'both',
        translation: { question: 'Ako odpovedám na otázku?', answer },
      }),
    read: () => get(A(), `${C}/admin/faq/entries?locale=sk`),
  }),
];
