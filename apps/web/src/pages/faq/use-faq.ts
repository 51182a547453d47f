import type { FaqQuestionBody, Locale } from '@bextr/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/index.ts';

export const faqKey = (locale: Locale) => ['faq', locale] as const;

/** The published FAQ in the UI's language. */
export function useFaq(locale: Locale) {
  return useQuery({ queryKey: faqKey(locale), queryFn: ({ signal }) => api.faq.published(locale, signal) });
}

export function useAskQuestion() {
  return useMutation({ mutationFn: (body: FaqQuestionBody) => api.faq.ask(body) });
}

/** Lower case, no accents: "poplatky" finds "Poplatky", "uctuje" finds "Účtuje". */
export function searchable(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
