import { errorMessages } from '@bextr/contracts';
import { useCallback } from 'react';
import { isApiError } from '../api/index.ts';
import { useI18n } from '../i18n/use-i18n.ts';

/** Turns any failure into a sentence in the current language: the server's own message when it
 * was given in this language, else the shared catalogue entry for its code. */
export function useErrorMessage() {
  const { locale, m } = useI18n();
  return useCallback(
    (error: unknown): string => {
      if (!isApiError(error)) return errorMessages[locale].INTERNAL;
      if (error.code === 'NETWORK_ERROR') return m.common.networkError;
      if (error.code === 'UNEXPECTED_RESPONSE') return m.common.unexpectedError;
      if (error.locale === locale && error.message) return error.message;
      return errorMessages[locale][error.code];
    },
    [locale, m],
  );
}
