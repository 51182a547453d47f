import { type Locale, publishRefusalSchema, ruleMessages } from '@bextr/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { z } from 'zod';
import type { CampaignAction } from '../../api/campaigns.ts';
import { newIdempotencyKey } from '../../api/idempotency.ts';
import { api, isApiError } from '../../api/index.ts';

/** A quick action on a campaign (dashboard list, campaign page). */
export function useCampaignAction() {
  const queryClient = useQueryClient();
  // One key per campaign's duplicate until it succeeds: a double click makes one copy.
  const duplicateKeys = useRef(new Map<string, string>());
  return useMutation({
    mutationFn: async (input: { id: string; action: CampaignAction | 'duplicate' | 'delete' }) => {
      if (input.action === 'delete') return api.campaigns.remove(input.id);
      if (input.action === 'duplicate') {
        const keys = duplicateKeys.current;
        const key = keys.get(input.id) ?? newIdempotencyKey();
        keys.set(input.id, key);
        const copy = await api.campaigns.duplicate(input.id, key);
        keys.delete(input.id);
        return copy;
      }
      return api.campaigns.act(input.id, input.action);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['campaigns'] }),
  });
}

/** A refused publish or resume: the reasons and fields of the 422, and the language they are in. */
export type PublishRefusal = z.infer<typeof publishRefusalSchema> & { locale: Locale };

/** The refusal in a failed publish or resume (422 with reasons), else null. */
export function publishRefusalOf(error: unknown): PublishRefusal | null {
  if (!isApiError(error) || error.status !== 422) return null;
  const details = publishRefusalSchema.safeParse(error.details);
  return details.success ? { ...details.data, locale: error.locale } : null;
}

/** A reason or field message of a refusal in the current language: the server's own when it was
 * given in this language, else the shared catalogue entry for its code. */
export function refusalMessage(
  refusal: PublishRefusal,
  item: { code: string; message: string },
  locale: Locale,
) {
  if (refusal.locale === locale) return item.message;
  return ruleMessages[locale][item.code] ?? item.message;
}
