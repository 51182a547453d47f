import { localeSchema } from '@bextr/contracts';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from './use-i18n.ts';

/** Public pages have an address per language (`?lang=sk`, as the server-rendered pages and their
 * hreflang links use): opening one adopts its language, and switching the language afterwards
 * keeps the address in step so it can be shared. */
export function useUrlLocale() {
  const [params, setParams] = useSearchParams();
  const { locale, setLocale } = useI18n();
  const param = params.get('lang');
  const seen = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    const wanted = localeSchema.safeParse(param);
    if (param !== seen.current) {
      seen.current = param;
      if (wanted.success && wanted.data !== locale) {
        setLocale(wanted.data);
        return;
      }
    }
    if (wanted.success && wanted.data !== locale) {
      const next = locale === 'en' ? null : locale;
      seen.current = next;
      setParams(
        (current) => {
          if (next) current.set('lang', next);
          else current.delete('lang');
          return current;
        },
        { replace: true },
      );
    }
  }, [param, locale, setLocale, setParams]);
}
