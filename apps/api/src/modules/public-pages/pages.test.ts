import type { PublicStats } from '@bextr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BASE_URL, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildAdmin } from '../../test/factories/admins.ts';
import { buildInfluencer } from '../../test/factories/users.ts';
import { createWebShellApp } from '../../test/web-shell.ts';
import { seedInitialFaq } from '../faq/seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createWebShellApp();
  await seedInitialFaq(t.ctx.db);
});
afterAll(() => t?.close());

const page = async (url: string) => {
  const res = await browser(t.app).get(url);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  return res;
};

describe('/faq without scripts', () => {
  it('the English HTML holds the answers, title, description, canonical and hreflang', async () => {
    const { text: html, headers } = await page('/faq');
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('<title>FAQ — how BeXtr works for businesses and influencers</title>');
    expect(html).not.toContain('<title>BeXtr</title>');
    expect(html).not.toContain('Generic description');
    expect(html).toMatch(/<meta name="description" content="Answers about BeXtr[^"]+" \/>/);
    expect(html).toContain(`<link rel="canonical" href="${TEST_BASE_URL}/faq" />`);
    expect(html).toContain(`<link rel="alternate" hreflang="en" href="${TEST_BASE_URL}/faq" />`);
    expect(html).toContain(`<link rel="alternate" hreflang="sk" href="${TEST_BASE_URL}/faq?lang=sk" />`);
    expect(html).toContain(`<link rel="alternate" hreflang="x-default" href="${TEST_BASE_URL}/faq" />`);
    expect(html).toContain(
      '<meta property="og:title" content="FAQ — how BeXtr works for businesses and influencers" />',
    );
    expect(html).toContain(`<meta property="og:url" content="${TEST_BASE_URL}/faq" />`);
    expect(html).toContain('<h3>Do I have to work with every influencer who applies?</h3>');
    expect(html).toContain('An offer is a proposal, not a contract.');
    expect(html).toContain('<h2>Trust and safety</h2>');
    // The app still starts from the same page, and the CSP stays strict: no inline script.
    expect(html).toContain('<script type="module" crossorigin src="/assets/index-test.js"></script>');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(String(headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('the Slovak page is at ?lang=sk, in Slovak, canonical to itself', async () => {
    const { text: html } = await page('/faq?lang=sk');
    expect(html).toContain('<html lang="sk"');
    expect(html).toContain('<title>Časté otázky — ako BeXtr funguje pre firmy a influencerov</title>');
    expect(html).toContain(`<link rel="canonical" href="${TEST_BASE_URL}/faq?lang=sk" />`);
    expect(html).toContain(`<link rel="alternate" hreflang="en" href="${TEST_BASE_URL}/faq" />`);
    expect(html).toContain('<h3>Musím spolupracovať s každým influencerom, ktorý sa prihlási?</h3>');
    expect(html).toContain('href="/faq" lang="en" hreflang="en">English</a>');
  });

  it('shows an answer an admin just published, escaped', async () => {
    const { client } = await buildAdmin(t.app);
    const res = await client.post('/api/v1/admin/faq/entries', {
      locale: 'en',
      group: 'basics',
      question: 'Can I use <b>HTML</b> in my brief?',
      answer: 'No, briefs are plain text & stay that way.',
    });
    expect(res.status).toBe(201);
    const { text: html } = await page('/faq');
    expect(html).toContain('<h3>Can I use &lt;b&gt;HTML&lt;/b&gt; in my brief?</h3>');
    expect(html).toContain('briefs are plain text &amp; stay that way.');
  });
});

describe('the landing page without scripts', () => {
  it('holds its text, live figures and meta tags in both languages', async () => {
    await buildInfluencer(t.app);
    const stats = (await browser(t.app).get<PublicStats>('/api/v1/public/stats')).body;
    expect(stats.influencers).toBeGreaterThanOrEqual(1);
    expect(stats.publishedCampaigns).toBe(0);

    const { text: en } = await page('/');
    expect(en).toContain('<title>Why BeXtr? Influencer campaigns for businesses and creators</title>');
    expect(en).toContain('<h1>Why BeXtr?</h1>');
    expect(en).toContain(`<link rel="canonical" href="${TEST_BASE_URL}/" />`);
    expect(en).toContain(`<link rel="alternate" hreflang="sk" href="${TEST_BASE_URL}/?lang=sk" />`);
    expect(en).toContain(`<strong>${stats.influencers}</strong> influencers`);
    expect(en).toContain('<a href="/sign-up?role=business">Sign up as a business</a>');
    const { text: sk } = await page('/?lang=sk');
    expect(sk).toContain('<h1>Prečo BeXtr?</h1>');
    expect(sk).toContain('Registrovať sa ako influencer');
  });

  it('other paths still get the app shell, API paths their JSON 404', async () => {
    const shell = await page('/sign-in');
    expect(shell.text).toContain('<div id="root"></div>');
    const api = await browser(t.app).get('/api/v1/nothing-here');
    expect(api.status).toBe(404);
  });
});

describe('robots.txt and sitemap.xml', () => {
  it('robots.txt allows the public pages and points to the sitemap', async () => {
    const res = await browser(t.app).get('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Disallow: /api/');
    expect(res.text).toContain(`Sitemap: ${TEST_BASE_URL}/sitemap.xml`);
  });

  it('sitemap.xml lists both pages in both languages with alternates', async () => {
    const res = await browser(t.app).get('/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    for (const url of ['/', '/?lang=sk', '/faq', '/faq?lang=sk'])
      expect(res.text).toContain(`<loc>${TEST_BASE_URL}${url}</loc>`);
    expect(res.text).toContain(
      `<xhtml:link rel="alternate" hreflang="sk" href="${TEST_BASE_URL}/faq?lang=sk"/>`,
    );
  });
});
