import type { Locale } from '@bextr/contracts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export interface MailLink {
  label: string;
  url: string;
}

/** One layout for every e-mail: a greeting, paragraphs, optional linked items (e.g. one per thread),
 * an optional button, a footer — with a one-click unsubscribe link when `unsubscribe` is given. */
/** The opening line of every e-mail to a named person. */
export const greeting = (locale: Locale, name: string) =>
  locale === 'sk' ? `Dobrý deň, ${name},` : `Hello ${name},`;

export function layout(opts: {
  locale: Locale;
  subject: string;
  greeting: string;
  paragraphs: string[];
  items?: { text: string; link: MailLink }[];
  action?: MailLink;
  unsubscribe?: { url: string; settingsUrl: string };
}): RenderedMail {
  const sk = opts.locale === 'sk';
  const footer = sk
    ? 'Tento e-mail vám poslal BeXtr, trhovisko pre značky a influencerov.'
    : 'This e-mail was sent by BeXtr, the marketplace for brands and influencers.';
  const unsubscribe = opts.unsubscribe && {
    label: sk ? 'Odhlásiť sa z týchto e-mailov' : 'Unsubscribe from these e-mails',
    settings: sk
      ? 'Všetky e-maily nastavíte v nastaveniach'
      : 'Choose which e-mails you get in your settings',
    ...opts.unsubscribe,
  };
  const textParts = [opts.greeting, '', ...opts.paragraphs.flatMap((p) => [p, ''])];
  for (const item of opts.items ?? []) textParts.push(item.text, `${item.link.label}: ${item.link.url}`, '');
  if (opts.action) textParts.push(`${opts.action.label}: ${opts.action.url}`, '');
  textParts.push('—', footer);
  if (unsubscribe)
    textParts.push(
      `${unsubscribe.label}: ${unsubscribe.url}`,
      `${unsubscribe.settings}: ${unsubscribe.settingsUrl}`,
    );
  const link = (l: MailLink) => `<a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a>`;
  const items = opts.items?.length
    ? `<ul>${opts.items.map((i) => `<li><p>${escapeHtml(i.text)}<br>${link(i.link)}</p></li>`).join('')}</ul>`
    : '';
  const button = opts.action
    ? `<p><a href="${escapeHtml(opts.action.url)}" style="display:inline-block;padding:10px 18px;background:#6d28d9;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(opts.action.label)}</a></p><p style="font-size:12px;color:#666">${escapeHtml(opts.action.url)}</p>`
    : '';
  const unsubscribeHtml = unsubscribe
    ? `<p style="font-size:12px;color:#666">${link({ label: unsubscribe.label, url: unsubscribe.url })} · ${link({ label: unsubscribe.settings, url: unsubscribe.settingsUrl })}</p>`
    : '';
  const html = `<!doctype html><html lang="${opts.locale}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#222"><p>${escapeHtml(opts.greeting)}</p>${opts.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}${items}${button}<hr><p style="font-size:12px;color:#666">${escapeHtml(footer)}</p>${unsubscribeHtml}</body></html>`;
  return { subject: opts.subject, text: textParts.join('\n'), html };
}

export function verifyEmailMail(locale: Locale, name: string, url: string): RenderedMail {
  return locale === 'sk'
    ? layout({
        locale,
        subject: 'Overte svoj e-mail v BeXtr',
        greeting: `Dobrý deň, ${name},`,
        paragraphs: [
          'vitajte v BeXtr! Potvrďte, prosím, že táto e-mailová adresa patrí vám. Odkaz platí 48 hodín.',
        ],
        action: { label: 'Overiť e-mail', url },
      })
    : layout({
        locale,
        subject: 'Verify your e-mail for BeXtr',
        greeting: `Hello ${name},`,
        paragraphs: [
          'welcome to BeXtr! Please confirm that this e-mail address is yours. The link is valid for 48 hours.',
        ],
        action: { label: 'Verify e-mail', url },
      });
}

export function passwordResetMail(locale: Locale, name: string, url: string): RenderedMail {
  return locale === 'sk'
    ? layout({
        locale,
        subject: 'Obnovenie hesla v BeXtr',
        greeting: `Dobrý deň, ${name},`,
        paragraphs: [
          'niekto (dúfame, že vy) požiadal o nové heslo k vášmu účtu. Odkaz platí 1 hodinu.',
          'Ak ste to neboli vy, tento e-mail ignorujte; vaše heslo sa nezmení.',
        ],
        action: { label: 'Nastaviť nové heslo', url },
      })
    : layout({
        locale,
        subject: 'Reset your BeXtr password',
        greeting: `Hello ${name},`,
        paragraphs: [
          'someone (we hope you) asked for a new password for your account. The link is valid for 1 hour.',
          'If it was not you, ignore this e-mail; your password stays as it is.',
        ],
        action: { label: 'Choose a new password', url },
      });
}

export function passwordChangedMail(locale: Locale, name: string): RenderedMail {
  return locale === 'sk'
    ? layout({
        locale,
        subject: 'Vaše heslo v BeXtr bolo zmenené',
        greeting: `Dobrý deň, ${name},`,
        paragraphs: [
          'heslo k vášmu účtu bolo práve zmenené a ostatné prihlásenia boli ukončené.',
          'Ak ste to neboli vy, okamžite si heslo obnovte cez „Zabudnuté heslo“.',
        ],
      })
    : layout({
        locale,
        subject: 'Your BeXtr password was changed',
        greeting: `Hello ${name},`,
        paragraphs: [
          'the password of your account was just changed and your other sessions were signed out.',
          'If this was not you, reset your password right away with "Forgot password".',
        ],
      });
}

/** The answer to a question a visitor sent through the FAQ form. */
export function faqAnswerMail(
  locale: Locale,
  opts: { name: string | null; question: string; answer: string; faqUrl: string },
): RenderedMail {
  return locale === 'sk'
    ? layout({
        locale,
        subject: 'Odpoveď na vašu otázku v BeXtr',
        greeting: opts.name ? `Dobrý deň, ${opts.name},` : 'Dobrý deň,',
        paragraphs: [
          'ďakujeme za otázku. Pýtali ste sa:',
          `„${opts.question}“`,
          'Naša odpoveď:',
          opts.answer,
        ],
        action: { label: 'Ďalšie časté otázky', url: opts.faqUrl },
      })
    : layout({
        locale,
        subject: 'The answer to your question on BeXtr',
        greeting: opts.name ? `Hello ${opts.name},` : 'Hello,',
        paragraphs: [
          'thank you for your question. You asked:',
          `“${opts.question}”`,
          'Our answer:',
          opts.answer,
        ],
        action: { label: 'More answers in the FAQ', url: opts.faqUrl },
      });
}
