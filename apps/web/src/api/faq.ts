import {
  type FaqAnswerBody,
  type FaqEntryCreateBody,
  type FaqEntryUpdateBody,
  type FaqQuestionBody,
  type FaqQuestionStatus,
  faqEntryListSchema,
  faqEntryResponseSchema,
  faqQuestionPageSchema,
  faqQuestionResponseSchema,
  faqResponseSchema,
  type Locale,
  publicStatsSchema,
} from '@bextr/contracts';
import type { ApiClient } from './client.ts';

/** The FAQ endpoints of API.md (public and admin) and the landing page's live figures. */
export function faqApi(client: ApiClient) {
  return {
    published: (locale: Locale, signal?: AbortSignal) =>
      client.request({ method: 'GET', path: `/faq?locale=${locale}`, schema: faqResponseSchema, signal }),
    ask: (body: FaqQuestionBody) => client.requestEmpty({ method: 'POST', path: '/faq/questions', body }),
    stats: (signal?: AbortSignal) =>
      client.request({ method: 'GET', path: '/public/stats', schema: publicStatsSchema, signal }),
    questions: (status: FaqQuestionStatus, cursor?: string | null, signal?: AbortSignal) =>
      client.request({
        method: 'GET',
        path: `/admin/faq/questions?status=${status}&limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        schema: faqQuestionPageSchema,
        signal,
      }),
    answer: (id: string, body: FaqAnswerBody) =>
      client.request({
        method: 'POST',
        path: `/admin/faq/questions/${encodeURIComponent(id)}/answer`,
        body,
        schema: faqQuestionResponseSchema,
      }),
    dismiss: (id: string) =>
      client.request({
        method: 'POST',
        path: `/admin/faq/questions/${encodeURIComponent(id)}/dismiss`,
        schema: faqQuestionResponseSchema,
      }),
    entries: (locale: Locale, signal?: AbortSignal) =>
      client.request({
        method: 'GET',
        path: `/admin/faq/entries?locale=${locale}`,
        schema: faqEntryListSchema,
        signal,
      }),
    createEntry: (body: FaqEntryCreateBody) =>
      client.request({ method: 'POST', path: '/admin/faq/entries', body, schema: faqEntryResponseSchema }),
    updateEntry: (id: string, body: FaqEntryUpdateBody) =>
      client.request({
        method: 'PATCH',
        path: `/admin/faq/entries/${encodeURIComponent(id)}`,
        body,
        schema: faqEntryResponseSchema,
      }),
    deleteEntry: (id: string) =>
      client.requestEmpty({ method: 'DELETE', path: `/admin/faq/entries/${encodeURIComponent(id)}` }),
  };
}
