import type { Locale } from '@bextr/contracts';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/index.ts';
import { catalogues } from '../i18n/catalogues.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import { setSessionUser, useSession } from './use-session.ts';

/** Switches the UI language at once and, when someone is signed in, saves it to the account so
 * e-mails and server messages follow. */
export function useChangeLanguage() {
  const { setLocale } = useI18n();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (locale: Locale) => api.auth.updateMe({ locale }),
    onSuccess: (updated) => setSessionUser(queryClient, updated),
  });
  return {
    isSaving: save.isPending,
    changeLanguage(locale: Locale) {
      setLocale(locale);
      if (!user || user.locale === locale) return;
      save.mutate(locale, {
        onError: () => {
          const m = catalogues[locale];
          notifications.show({
            color: 'red',
            message: m.language.saveFailed,
            closeButtonProps: { 'aria-label': m.common.close },
          });
        },
      });
    },
  };
}
