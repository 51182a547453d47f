import type { Locale } from '@bextr/contracts';

export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** The public pages and their address in each language: English at the plain path, Slovak with
 * `?lang=sk`. Canonical and hreflang links, the sitemap and the in-page language links all use this. */
export const publicPaths = ['/', '/faq', '/campaigns'] as const;
export type PublicPath = (typeof publicPaths)[number];

/** `path` is a public path, one campaign's teaser page (`/campaigns/:id`) or a public influencer
 * page (`/i/:handle`). */
export function pageUrl(baseUrl: string, path: string, locale: Locale): string {
  return `${baseUrl}${localized(path, locale)}`;
}

/** A public page's path in a language (links within the rendered pages). */
export const localized = (path: string, locale: Locale) => (locale === 'sk' ? `${path}?lang=sk` : path);

export interface PageHead {
  locale: Locale;
  path: PublicPath | `/campaigns/${string}` | `/i/${string}`;
  title: string;
  description: string;
}

/** Title, description, canonical, hreflang alternates and Open Graph tags of one page. */
export function renderHead(baseUrl: string, head: PageHead): string {
  const url = pageUrl(baseUrl, head.path, head.locale);
  const e = escapeHtml;
  return [
    `<title>${e(head.title)}</title>`,
    `<meta name="description" content="${e(head.description)}" />`,
    `<link rel="canonical" href="${e(url)}" />`,
    `<link rel="alternate" hreflang="en" href="${e(pageUrl(baseUrl, head.path, 'en'))}" />`,
    `<link rel="alternate" hreflang="sk" href="${e(pageUrl(baseUrl, head.path, 'sk'))}" />`,
    `<link rel="alternate" hreflang="x-default" href="${e(pageUrl(baseUrl, head.path, 'en'))}" />`,
    '<meta property="og:site_name" content="BeXtr" />',
    '<meta property="og:type" content="website" />',
    `<meta property="og:title" content="${e(head.title)}" />`,
    `<meta property="og:description" content="${e(head.description)}" />`,
    `<meta property="og:url" content="${e(url)}" />`,
    `<meta property="og:locale" content="${head.locale === 'sk' ? 'sk_SK' : 'en_GB'}" />`,
    `<meta property="og:locale:alternate" content="${head.locale === 'sk' ? 'en_GB' : 'sk_SK'}" />`,
  ].join('\n    ');
}

/** Puts a page into the built index.html: its language, its head tags (replacing the generic title
 * and description) and its markup inside #root, which the React app replaces when it starts. */
export function fillTemplate(template: string, opts: { locale: Locale; head: string; body: string }): string {
  // Replacer functions throughout: in a replacement *string*, `$&`, `$\`` and `$'` would copy
  // parts of the template into the page wherever user text (a name, a title) contains them.
  return template
    .replace(/<html lang="[^"]*"/, () => `<html lang="${opts.locale}"`)
    .replace(/\s*<title>[\s\S]*?<\/title>/, '')
    .replace(/\s*<meta name="description"[^>]*>/, '')
    .replace('</head>', () => `    ${opts.head}\n  </head>`)
    .replace(/<div id="root"><\/div>/, () => `<div id="root">${opts.body}</div>`);
}
