import type {
  FaqAnswerBody,
  FaqEntryCreateBody,
  FaqEntryUpdateBody,
  FaqQuestionStatus,
  Locale,
} from '@bextr/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/index.ts';

export function useQuestionQueue(status: FaqQuestionStatus) {
  return useInfiniteQuery({
    queryKey: ['admin', 'faq', 'questions', status],
    queryFn: ({ pageParam, signal }) => api.faq.questions(status, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** After a change, the queue, the editor and the public FAQ are all refetched. */
function useInvalidateFaq() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['admin', 'faq'] }),
      queryClient.invalidateQueries({ queryKey: ['faq'] }),
    ]);
}

export function useAnswerQuestion() {
  const invalidate = useInvalidateFaq();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: FaqAnswerBody }) => api.faq.answer(id, body),
    onSuccess: invalidate,
  });
}

export function useDismissQuestion() {
  const invalidate = useInvalidateFaq();
  return useMutation({ mutationFn: (id: string) => api.faq.dismiss(id), onSuccess: invalidate });
}

export function useFaqEntries(locale: Locale) {
  return useQuery({
    queryKey: ['admin', 'faq', 'entries', locale],
    queryFn: ({ signal }) => api.faq.entries(locale, signal),
  });
}

export function useSaveEntry() {
  const invalidate = useInvalidateFaq();
  return useMutation({
    mutationFn: (
      input: { id: string; body: FaqEntryUpdateBody } | { id?: undefined; body: FaqEntryCreateBody },
    ) =>
      input.id
        ? api.faq.updateEntry(input.id, input.body)
        : api.faq.createEntry(input.body as FaqEntryCreateBody),
    onSuccess: invalidate,
  });
}

export function useDeleteEntry() {
  const invalidate = useInvalidateFaq();
  return useMutation({ mutationFn: (id: string) => api.faq.deleteEntry(id), onSuccess: invalidate });
}
