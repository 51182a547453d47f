import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BASE_URL, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildBusiness, buildInfluencer } from '../../test/factories/users.ts';
import { createWebShellApp, SHELL_HTML } from '../../test/web-shell.ts';

/** A stand-in for the web build's landing.html: its own small script and stylesheet, no app. */
const LANDING_HTML = SHELL_HTML.replace(
  '    <script type="module" crossorigin src="/assets/index-test.js"></script>\n',
  '    <script type="module" crossorigin src="/assets/landing-test.js"></script>\n' +
    '    <link rel="stylesheet" crossorigin href="/assets/landing-test.css">\n',
);

let t: TestApp;
beforeAll(async () => {
  t = await createWebShellApp({ files: { 'landing.html': LANDING_HTML } });
  // Before the first visit: the figures are then kept for a minute (stats.ts).
  await buildInfluencer(t.app);
});
afterAll(() => t?.close());

const visit = async (url: string) => {
  const res = await browser(t.app).get(url);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  return res;
};

describe('the landing page for visitors (decision 020)', () => {
  it('loads the small landing script instead of the app, with no inline script', async () => {
    const { text: html, headers } = await visit('/');
    expect(html).toContain('<script type="module" crossorigin src="/assets/landing-test.js"></script>');
    expect(html).not.toContain('index-test.js');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(String(headers['content-security-policy'])).toContain("script-src 'self'");
    // A signed-in user gets the app at the same address: shared caches must not mix the two.
    expect(headers.vary).toMatch(/cookie/i);
    expect(headers['cache-control']).toBe('no-cache');
    expect(headers['content-language']).toBe('en');
  });

  it('holds the whole page — header, figures, both sides, calls to sign up — with its meta tags', async () => {
    const { text: html } = await visit('/');
    expect(html).toContain('<title>Why BeXtr? Influencer campaigns for businesses and creators</title>');
    expect(html).not.toContain('Generic description');
    expect(html).toContain(`<link rel="canonical" href="${TEST_BASE_URL}/" />`);
    expect(html).toContain(`<link rel="alternate" hreflang="sk" href="${TEST_BASE_URL}/?lang=sk" />`);
    expect(html).toContain('<h1 class="lp-title">Why BeXtr?</h1>');
    expect(html).toMatch(/<dt>influencers<\/dt><dd>[1-9]\d*<\/dd>/);
    expect(html).toContain('<dt>published campaigns</dt><dd>0</dd>');
    expect(html).toContain('href="/sign-up?role=business">Sign up as a business</a>');
    expect(html).toContain('href="/sign-up?role=influencer">Sign up as an influencer</a>');
    expect(html).toContain('<h2 id="for-influencers">For influencers</h2>');
    expect(html).toContain('Spring coffee launch');
    // The header the app shows a visitor: its links, the language switch, the phone menu's button.
    expect(html).toContain('<nav id="lp-nav" class="lp-nav" aria-label="Main navigation">');
    expect(html).toContain('<a href="/" aria-current="page">Home</a>');
    expect(html).toContain('<a href="/faq">FAQ</a>');
    expect(html).toContain('<a href="/sign-in">Sign in</a>');
    expect(html).toContain('<select name="lang" aria-label="Language">');
    expect(html).toContain('<option value="en" lang="en" selected>English</option>');
    expect(html).toContain(
      'aria-label="Open menu" data-open-label="Open menu" data-close-label="Close menu"',
    );
    expect(html).toContain('BeXtr · Businesses and influencers, working together.');
    // Without scripts the links show and the buttons that need the script do not.
    expect(html).toMatch(/<noscript><style>[^<]*\.lp-burger[^<]*<\/style><\/noscript>\s*<\/head>/);
  });

  it('is in Slovak at ?lang=sk, with links that keep the language', async () => {
    const { text: html, headers } = await visit('/?lang=sk');
    expect(headers['content-language']).toBe('sk');
    expect(headers.vary).toMatch(/cookie/i);
    expect(headers['cache-control']).toBe('no-cache');
    expect(html).toContain('<html lang="sk"');
    expect(html).toContain('<h1 class="lp-title">Prečo BeXtr?</h1>');
    expect(html).toContain(`<link rel="canonical" href="${TEST_BASE_URL}/?lang=sk" />`);
    expect(html).toContain('<a href="/faq?lang=sk">Časté otázky</a>');
    expect(html).toContain('<a href="/campaigns?lang=sk">Kampane</a>');
    expect(html).toContain('<select name="lang" aria-label="Jazyk">');
    expect(html).toContain('<option value="sk" lang="sk" selected>Slovenčina</option>');
    expect(html).toContain('aria-label="Otvoriť menu"');
    expect(html).toContain('Registrovať sa ako influencer');
    expect(html).toContain('Ponuka od Lucie N.');
  });

  it('gives a signed-in user the app, which shows them the way to their dashboard', async () => {
    const { client } = await buildBusiness(t.app);
    const res = await client.get('/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<script type="module" crossorigin src="/assets/index-test.js"></script>');
    expect(res.text).not.toContain('landing-test.js');
    expect(res.text).toContain('<h1>Why BeXtr?</h1>');
    expect(String(res.headers.vary)).toMatch(/cookie/i);
    expect(res.headers['cache-control']).toBe('private, no-cache');
  });

  it('answers an explicit ?lang=en in English: where choosing English leads a Slovak browser', async () => {
    const { text: html, headers } = await visit('/?lang=en');
    expect(headers['content-language']).toBe('en');
    expect(html).toContain('<h1 class="lp-title">Why BeXtr?</h1>');
    expect(html).toContain(`<link rel="canonical" href="${TEST_BASE_URL}/" />`);
    expect(headers.vary).toMatch(/cookie/i);
  });

  it('other public pages and app paths are untouched: the app', async () => {
    for (const url of ['/faq', '/campaigns', '/sign-in']) {
      const { text } = await visit(url);
      expect(text, url).toContain('index-test.js');
      expect(text, url).not.toContain('landing-test.js');
    }
  });
});
