import { type BrowserContext, expect, type Page } from '@playwright/test';

/** Stored-XSS payloads and the detectors that notice one running (issue #10, part 3).
 *
 * Every payload calls `__xssHit(…)`, a function the detectors expose in every page and frame; the
 * CSP stops inline scripts and handlers, so an injection shows up as a `securitypolicyviolation`
 * event (or a "Refused to …" console error) even when nothing runs. A dialog counts too. */

/** The pieces one field carries, each a different way out of text into markup or script. `K` is
 * replaced by the field's key, so a hit names the field it came from. */
export const PIECES = [
  `<script>__xssHit('K:script')</script>`,
  `<img src=x onerror=__xssHit('K:img')>`,
  `<svg onload=__xssHit('K:svg')>`,
  `"><iframe srcdoc="<script>parent.__xssHit('K:iframe')</script>">`,
  `" autofocus onfocus="__xssHit('K:attr')" x="`,
  `' onmouseover='__xssHit("K:attr2")' y='`,
  `{{constructor.constructor('__xssHit("K:tpl")')()}}`,
  `[click](javascript:__xssHit('K:md'))`,
  `javascript:alert('K')`,
] as const;

export interface Payload {
  key: string;
  /** The whole stored text. */
  text: string;
  /** The start every page that shows the field must show as text: the marker and the first piece. */
  head: string;
  /** The pieces it carries: a page's HTML must never hold one verbatim (each has a `<`, `"` or `'`). */
  parts: string[];
  pieces: number;
}

/** Field key → payload, for the figures in the report and the checks on each page. */
export const placed = new Map<string, Payload>();

/** The payload for field `key`, as many pieces as fit in `max` characters (at least one), starting
 * at a piece chosen by the key, so that short fields between them still carry every kind. */
export function payload(key: string, max = 2000): string {
  const marker = `xss-${key} `;
  let start = 0;
  for (const c of key) start = (start * 31 + c.charCodeAt(0)) % PIECES.length;
  const chosen: string[] = [];
  let text = marker.trimEnd();
  for (let i = 0; i < PIECES.length; i++) {
    const piece = (PIECES[(start + i) % PIECES.length] ?? '').replaceAll('K', key);
    const next = `${text}${chosen.length === 0 ? '' : ' '}${piece}`;
    if (next.length > max) continue;
    chosen.push(piece);
    text = next;
  }
  if (chosen.length === 0) throw new Error(`no payload fits ${max} characters for ${key}`);
  const head = `xss-${key}${chosen[0]}`;
  placed.set(key, { key, text, head, parts: chosen, pieces: chosen.length });
  return text;
}

/** A https URL (the only scheme the API takes) that still tries to break out of an attribute. */
export function payloadUrl(key: string): string {
  const parts = [`"><img src=x onerror=__xssHit('${key}')>`, `'><svg onload=__xssHit('${key}')>`];
  const text = `https://xss-${key.toLowerCase()}.example.com/${parts[0]}?q=${parts[1]}`;
  placed.set(key, { key, text, head: `xss-${key.toLowerCase()}.example.com`, parts, pieces: 2 });
  return text;
}

/** URLs every URL field must refuse. */
export const badUrls = [
  'javascript:__xssHit("url")',
  'JaVaScRiPt:__xssHit("url")',
  ' javascript:__xssHit("url")',
  'data:text/html,<script>__xssHit("url")</script>',
  'vbscript:msgbox(1)',
];

/** What the detectors saw, across every page of every watched context. */
export const hits: string[] = [];

/** Installs the detectors in a browser context: the `__xssHit` recorder, a CSP-violation listener
 * and dialog and console watchers on each of its pages. */
export async function watch(context: BrowserContext) {
  await context.exposeFunction('__xssHit', (what: string) => {
    hits.push(`executed: ${what}`);
  });
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        const w = window as unknown as { __xssHit: (s: string) => void };
        w.__xssHit(`csp ${e.violatedDirective} ${e.blockedURI} ${e.sample} at ${location.pathname}`);
      },
      true,
    );
  });
  const onPage = (page: Page) => {
    page.on('dialog', (dialog) => {
      hits.push(`dialog: ${dialog.message()} at ${page.url()}`);
      dialog.dismiss().catch(() => undefined);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && /Refused to|Content Security Policy/i.test(message.text()))
        hits.push(`console: ${message.text()} at ${page.url()}`);
    });
  };
  for (const page of context.pages()) onPage(page);
  context.on('page', onPage);
}

/** Fails when any detector fired. */
export function expectNoHits(where: string) {
  expect(hits, `script ran or was blocked by the CSP (${where})`).toEqual([]);
}

/** On the open page: each field's text is shown as text (so the check cannot pass by rendering
 * nothing) — `link:<key>` for a URL field shown as a link —, no link or frame leads to
 * `javascript:`, no injected element exists, and no detector fired. */
export async function expectShownInert(page: Page, where: string, keys: readonly string[]) {
  for (const key of keys) {
    if (key.startsWith('link:')) {
      // A URL field shown as a link: it leads where the field says, `https:`.
      const host = `https://xss-${key.slice(5).toLowerCase()}.example.com/`;
      await expect(page.locator(`a[href^="${host}"]`).first(), `${key} on ${where}`).toBeVisible();
      continue;
    }
    const p = placed.get(key);
    if (!p) throw new Error(`no payload placed for ${key}`);
    await expect(
      page.getByText(p.head, { exact: false }).filter({ visible: true }).first(),
      `${key} shown as text on ${where}`,
    ).toBeVisible();
  }
  const schemes = await page.evaluate(() =>
    [...document.querySelectorAll('[href], [src], [action], [formaction]')].flatMap((el) =>
      ['href', 'src', 'action', 'formaction']
        .map((a) => el.getAttribute(a))
        .filter((v): v is string => v !== null)
        .filter((v) => /^\s*(javascript|vbscript|data:text\/html)/i.test(v)),
    ),
  );
  expect(schemes, `script URLs or payloads in attributes on ${where}`).toEqual([]);
  // Injected markup would carry these attributes or elements; none may exist in the page.
  const injected = await page.evaluate(
    () =>
      document.querySelectorAll(
        '[onerror], [onload], [onfocus], [onmouseover], [srcdoc], iframe, body script:not([src]):not([type="application/ld+json"])',
      ).length,
  );
  expect(injected, `injected elements on ${where}`).toBe(0);
  expectNoHits(where);
}
