import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  FAQ_LIMITS,
  type FaqPageContent,
  type FaqQuestionBody,
  faqPageContent,
  faqQuestionBodySchema,
  type Locale,
  languageNames,
  localeSchema,
  locales,
} from '@bextr/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { appMeta } from '../../db/schema.ts';
import { escapeHtml as e, localized } from './html.ts';

/** The FAQ's question form as plain HTML, for visitors without JavaScript (`novalidate`: the
 * server's refusals speak the page's language, the browser's bubbles its own): it posts to
 * `POST /faq/ask` (a page route), which answers with a redirect to the FAQ and a thank-you, or with
 * the page again, the refusals next to their fields and what was typed kept. */

type AskField = 'question' | 'name' | 'email' | 'locale';

export interface AskFormState {
  /** The thank-you instead of the form, after a redirect from a successful post. */
  sent?: boolean;
  values?: Partial<Record<AskField, string>>;
  errors?: Partial<Record<AskField, string>>;
  /** A refusal of the whole form (too many questions). */
  formError?: string;
  /** The signed moment the form was first shown: kept across a re-render with refusals, so a
   * visitor who corrects a field at once is not taken for a bot. */
  token: string;
}

// The moment a form was shown, signed, so that a post can tell how long the visitor took without
// trusting the client. The key is made once per database (app_meta `faq_form_key`), so every
// process and every restart signs and checks alike.
const keys = new WeakMap<Db, Promise<Buffer>>();

/** The form-signing key of this database, made on first use. */
export function formKeyOf(db: Db): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = (async () => {
      await db
        .insert(appMeta)
        .values({ key: 'faq_form_key', value: randomBytes(32).toString('base64url') })
        .onConflictDoNothing();
      const [row] = await db.select().from(appMeta).where(eq(appMeta.key, 'faq_form_key'));
      return Buffer.from(String(row?.value), 'base64url');
    })();
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

const sign = (key: Buffer, shownAt: string) =>
  createHmac('sha256', key).update(`faq-form:${shownAt}`).digest('base64url');

export function formToken(key: Buffer, now = Date.now()): string {
  const shownAt = String(now);
  return `${shownAt}.${sign(key, shownAt)}`;
}

/** How long ago the form carrying `token` was shown; undefined for a missing or forged token. */
function elapsedSince(key: Buffer, token: unknown, now = Date.now()): number | undefined {
  if (typeof token !== 'string') return undefined;
  const [shownAt, signature] = token.split('.');
  if (!shownAt || !signature || !/^\d{1,15}$/.test(shownAt)) return undefined;
  const expected = Buffer.from(sign(key, shownAt));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  return Math.min(Math.max(0, now - Number(shownAt)), 86_400_000);
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

type AskValues = Partial<Record<AskField, string>>;

/** What a post of the form comes to: spam (no form of ours was shown: no valid signed time), a
 * question to take, or refusals in the page's language. The signed time is carried on. */
type AskOutcome =
  | { kind: 'spam' }
  | { kind: 'ok'; body: FaqQuestionBody; values: AskValues; token: string }
  | { kind: 'invalid'; errors: NonNullable<AskFormState['errors']>; values: AskValues; token: string };

export function parseAskForm(fields: Record<string, unknown>, pageLocale: Locale, key: Buffer): AskOutcome {
  const token = str(fields.shownAt);
  const elapsedMs = elapsedSince(key, token);
  if (elapsedMs === undefined) return { kind: 'spam' };
  const values = {
    question: str(fields.question),
    name: str(fields.name),
    email: str(fields.email),
    locale: str(fields.locale) || pageLocale,
  };
  const parsed = faqQuestionBodySchema.safeParse({
    question: values.question,
    locale: values.locale,
    ...(values.name.trim() ? { name: values.name } : {}),
    ...(values.email.trim() ? { email: values.email.trim() } : {}),
    ...(str(fields.website) ? { website: str(fields.website).slice(0, 500) } : {}),
    elapsedMs,
  });
  if (parsed.success) return { kind: 'ok', body: parsed.data, values, token };
  const words = faqPageContent[pageLocale].form.errors;
  const errors: NonNullable<AskFormState['errors']> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'question' || field === 'name' || field === 'email' || field === 'locale')
      errors[field] = words[field];
  }
  return { kind: 'invalid', errors, values, token };
}

function field(id: AskField, label: string, control: string, error: string | undefined, hint?: string) {
  const hintId = hint ? `ask-${id}-hint` : '';
  const errorId = error ? `ask-${id}-error` : '';
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  const aria = `${describedBy ? ` aria-describedby="${describedBy}"` : ''}${error ? ' aria-invalid="true"' : ''}`;
  return `<div class="ssr-field">
<label for="ask-${id}">${e(label)}</label>
${hint ? `<small id="${hintId}">${e(hint)}</small>` : ''}
${control.replace('{aria}', aria)}
${error ? `<strong class="ssr-error" id="${errorId}">${e(error)}</strong>` : ''}
</div>`;
}

/** The "Send us your question" section: the thank-you after a post, else the form. */
export function renderAskSection(locale: Locale, c: FaqPageContent, state: AskFormState): string {
  const f = c.form;
  const head = `<h2 id="ask-title">${e(c.askTitle)}</h2><p>${e(c.askLead)}</p>`;
  const again = `<p><a href="${localized('/faq', locale)}#ask">${e(f.askAnother)}</a></p>`;
  if (state.sent) {
    return `<section id="ask" class="ssr-card" aria-labelledby="ask-title">${head}
<div role="status"><p><strong>${e(f.sentTitle)}</strong></p><p>${e(f.sentText)}</p></div>${again}</section>`;
  }
  const v = state.values ?? {};
  const errors = state.errors ?? {};
  const chosen = localeSchema.safeParse(v.locale).data ?? locale;
  const options = locales
    .map(
      (code) =>
        `<option value="${code}" lang="${code}"${code === chosen ? ' selected' : ''}>${languageNames[code]}</option>`,
    )
    .join('');
  const alert = state.formError ? `<p class="ssr-error" role="alert">${e(state.formError)}</p>` : '';
  return `<section id="ask" class="ssr-card" aria-labelledby="ask-title">${head}${alert}
<form method="post" action="${localized('/faq/ask', locale)}" class="ssr-form" novalidate>
<input type="hidden" name="shownAt" value="${e(state.token)}" />
${field('question', f.question, `<textarea id="ask-question" name="question" rows="4" required minlength="${FAQ_LIMITS.questionMin}" maxlength="${FAQ_LIMITS.questionMax}"{aria}>${e(v.question ?? '')}</textarea>`, errors.question, f.questionHint)}
${field('name', f.name, `<input id="ask-name" name="name" autocomplete="name" maxlength="${FAQ_LIMITS.nameMax}" value="${e(v.name ?? '')}"{aria} />`, errors.name)}
${field('email', f.email, `<input id="ask-email" name="email" type="email" autocomplete="email" value="${e(v.email ?? '')}"{aria} />`, errors.email, f.emailHint)}
${field('locale', f.language, `<select id="ask-locale" name="locale"{aria}>${options}</select>`, errors.locale)}
<div class="hp-field" aria-hidden="true"><label>${e(f.honeypot)} <input type="text" name="website" tabindex="-1" autocomplete="off" /></label></div>
<p><button type="submit">${e(f.submit)}</button></p>
</form></section>`;
}
