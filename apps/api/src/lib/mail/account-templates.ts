import type { Locale } from '@bextr/contracts';
import { greeting, layout, type RenderedMail } from './templates.ts';

/** E-mails about the account itself from the BeXtr team: sent directly (not as notifications, which
 * skip suspended accounts and can be muted). */

/** The account is suspended: why, and what that means. No button: the user cannot sign in. */
export function suspensionMail(locale: Locale, opts: { name: string; reason: string }): RenderedMail {
  return locale === 'sk'
    ? layout({
        locale,
        subject: 'Váš účet v BeXtr je pozastavený',
        greeting: greeting(locale, opts.name),
        paragraphs: [
          'tím BeXtr pozastavil váš účet. Dôvod:',
          `„${opts.reason}“`,
          'Kým je účet pozastavený, nemôžete sa prihlásiť a vaše zverejnené kampane, otvorené ponuky a verejný profil nikto nevidí.',
          'Ak si myslíte, že ide o omyl, odpovedzte na tento e-mail.',
        ],
      })
    : layout({
        locale,
        subject: 'Your BeXtr account is suspended',
        greeting: greeting(locale, opts.name),
        paragraphs: [
          'the BeXtr team suspended your account. The reason:',
          `“${opts.reason}”`,
          'While it is suspended you cannot sign in, and nobody sees your published campaigns, open offers or public profile.',
          'If you think this is a mistake, reply to this e-mail.',
        ],
      });
}

/** The suspension is lifted: the user may sign in again. */
export function reinstatementMail(
  locale: Locale,
  opts: { name: string; reason: string | null; signInUrl: string },
): RenderedMail {
  return locale === 'sk'
    ? layout({
        locale,
        subject: 'Váš účet v BeXtr je opäť aktívny',
        greeting: greeting(locale, opts.name),
        paragraphs: [
          'tím BeXtr zrušil pozastavenie vášho účtu. Môžete sa znova prihlásiť a všetko, čo ste zverejnili, je opäť viditeľné.',
          ...(opts.reason ? [`Poznámka tímu: „${opts.reason}“`] : []),
        ],
        action: { label: 'Prihlásiť sa', url: opts.signInUrl },
      })
    : layout({
        locale,
        subject: 'Your BeXtr account is active again',
        greeting: greeting(locale, opts.name),
        paragraphs: [
          'the BeXtr team lifted the suspension of your account. You can sign in again, and everything you published is visible again.',
          ...(opts.reason ? [`A note from the team: “${opts.reason}”`] : []),
        ],
        action: { label: 'Sign in', url: opts.signInUrl },
      });
}
