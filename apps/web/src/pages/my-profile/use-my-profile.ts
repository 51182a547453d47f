import { type InfluencerProfile, issuesToFieldErrors } from '@bextr/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { api, isApiError } from '../../api/index.ts';
import { useNotify } from '../../components/use-notify.ts';
import { useI18n } from '../../i18n/use-i18n.ts';

export const myProfileKey = ['influencer-profile'] as const;

export function useMyProfile(enabled = true) {
  return useQuery({ queryKey: myProfileKey, queryFn: ({ signal }) => api.influencers.mine(signal), enabled });
}

/** A mutation of one onboarding step: refreshes the profile (completeness, tier) when it succeeds. */
export function useProfileMutation<B, R>(fn: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const { m } = useI18n();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (result) => {
      if (result && typeof result === 'object' && 'completeness' in result)
        queryClient.setQueryData(myProfileKey, result as unknown as InfluencerProfile);
      else await queryClient.invalidateQueries({ queryKey: myProfileKey });
      notify(m.influencers.onboarding.saved);
    },
  });
}

/** Field errors of a small form: from the contract schema before sending, from the server after. */
export function useFieldErrors() {
  const { locale } = useI18n();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<unknown>(null);
  return {
    errors,
    formError,
    /** Parses the body with the schema; on failure shows the messages and returns null. */
    check<S extends z.ZodType>(schema: S, body: unknown): z.output<S> | null {
      const result = schema.safeParse(body, { reportInput: true });
      if (result.success) {
        setErrors({});
        setFormError(null);
        return result.data;
      }
      const next: Record<string, string> = {};
      for (const f of issuesToFieldErrors(result.error.issues, locale)) next[f.path || '_form'] ??= f.message;
      setErrors(next);
      return null;
    },
    fail(error: unknown) {
      if (isApiError(error) && error.fields.length > 0) {
        const next: Record<string, string> = {};
        for (const f of error.fields) next[f.path || '_form'] ??= f.message;
        setErrors(next);
        setFormError(null);
      } else setFormError(error);
    },
    clear() {
      setErrors({});
      setFormError(null);
    },
  };
}

export const numberOrNull = (v: string | number) => (v === '' || v === undefined ? null : Number(v));
