import type { UnsubscribeBody } from '@bextr/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../../api/index.ts';
import { preferencesRootKey } from '../../notifications/email-preferences.ts';

/** Sends the unsubscribe link's token and kind once (a re-render or React's development double
 * effect must not send it twice), then drops any cached preferences so the settings show it. */
export function useUnsubscribe(body: UnsubscribeBody | null) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (value: UnsubscribeBody) => api.threads.unsubscribe(value),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: preferencesRootKey }),
  });
  const sentFor = useRef<string | null>(null);
  const { mutate } = mutation;
  const token = body?.token ?? null;
  const kind = body?.kind ?? null;
  useEffect(() => {
    if (!token || !kind) return;
    const id = `${kind}:${token}`;
    if (sentFor.current === id) return;
    sentFor.current = id;
    mutate({ token, kind });
  }, [token, kind, mutate]);
  return mutation;
}
