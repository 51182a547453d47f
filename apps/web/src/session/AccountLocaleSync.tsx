import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/use-i18n.ts';
import { useSession } from './use-session.ts';

/** When a user signs in (or a page opens with a session), the UI adopts the language saved to
 * that account. Later switches are saved to the account by useChangeLanguage. */
export function AccountLocaleSync() {
  const { user } = useSession();
  const { locale, setLocale } = useI18n();
  const adoptedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!user) {
      if (user === null) adoptedFor.current = null;
      return;
    }
    if (adoptedFor.current === user.id) return;
    adoptedFor.current = user.id;
    if (user.locale !== locale) setLocale(user.locale);
  }, [user, locale, setLocale]);
  return null;
}
