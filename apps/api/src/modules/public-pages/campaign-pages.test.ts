import type { CampaignTeaser } from '@bextr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BASE_URL, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import {
  buildBusinessWithProfile,
  buildDraftCampaign,
  buildPublishedCampaign,
} from '../../test/factories/campaigns.ts';
import { createWebShellApp, SHELL_HTML } from '../../test/web-shell.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createWebShellApp();
});
afterAll(() => t?.close());

const TRICKY = 'Coffee <script>alert(1)</script> & "friends"';
const TRICKY_ESCAPED = 'Coffee &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;';

async function campaignsInEveryState() {
  const owner = await buildBusinessWithProfile(t.app, { profile: { companyName: 'Kávička & Co' } });
  const { campaign: published } = await buildPublishedCampaign(t.app, {
    owner,
    campaign: { name: TRICKY, category: 'food_drink' },
  });
  const draft = await buildDraftCampaign(owner.client, { name: 'Secret draft' });
  const { campaign: paused } = await buildPublishedCampaign(t.app, {
    owner,
    campaign: { name: 'Paused one' },
  });
  expect((await owner.client.post(`/api/v1/campaigns/${paused.id}/pause`)).status).toBe(200);
  const { campaign: closed } = await buildPublishedCampaign(t.app, {
    owner,
    campaign: { name: 'Closed one' },
  });
  expect((await owner.client.post(`/api/v1/campaigns/${closed.id}/close`)).status).toBe(200);
  return { owner, published, draft, paused, closed };
}

let fixture: Awaited<ReturnType<typeof campaignsInEveryState>>;
beforeAll(async () => {
  fixture = await campaignsInEveryState();
});

describe('GET /api/v1/public/campaigns/:id', () => {
  it('answers 404 for drafts, paused, closed and unknown campaigns, to anyone', async () => {
    const ids = [fixture.draft.id, fixture.paused.id, fixture.closed.id, 'no-such-campaign'];
    for (const id of ids) {
      const res = await browser(t.app).get(`/api/v1/public/campaigns/${id}`);
      expect(res.status, id).toBe(404);
      const owned = await fixture.owner.client.get(`/api/v1/public/campaigns/${id}`);
      expect(owned.status, id).toBe(404);
    }
  });

  it('gives a visitor only the teaser of a published campaign', async () => {
    const res = await browser(t.app).get<{ campaign: CampaignTeaser }>(
      `/api/v1/public/campaigns/${fixture.published.id}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.campaign).toEqual({
      id: fixture.published.id,
      name: TRICKY,
      category: 'food_drink',
      networks: ['instagram', 'tiktok'],
      tiers: ['nano', 'micro'],
      compensationType: 'paid',
      applicationDeadline: fixture.published.applicationDeadline,
      business: { name: 'Kávička & Co' },
    });
    expect(res.text).not.toContain('single-origin');
    expect(res.text).not.toContain('15000');
    expect(res.text).not.toContain(fixture.owner.email);
    expect(res.text).not.toContain('"brief"');
  });
});

describe('server-rendered campaign pages', () => {
  it('/campaigns/:id holds the escaped name, description, canonical, hreflang and the sign-up call', async () => {
    const id = fixture.published.id;
    const res = await browser(t.app).get(`/campaigns/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.text;
    expect(html).toContain(`<title>${TRICKY_ESCAPED} · BeXtr</title>`);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('Generic description');
    expect(html).toMatch(
      /<meta name="description" content="Food &amp; drink campaign by Kávička &amp; Co on BeXtr\. Paid collaboration — apply by [^"]+\." \/>/,
    );
    expect(html).toContain(`<link rel="canonical" href="${TEST_BASE_URL}/campaigns/${id}" />`);
    expect(html).toContain(`<link rel="alternate" hreflang="en" href="${TEST_BASE_URL}/campaigns/${id}" />`);
    expect(html).toContain(
      `<link rel="alternate" hreflang="sk" href="${TEST_BASE_URL}/campaigns/${id}?lang=sk" />`,
    );
    expect(html).toContain(`<meta property="og:title" content="${TRICKY_ESCAPED} · BeXtr" />`);
    expect(html).toContain(`<meta property="og:url" content="${TEST_BASE_URL}/campaigns/${id}" />`);
    expect(html).toContain(`<h1>${TRICKY_ESCAPED}</h1>`);
    expect(html).toContain('Sign up as an influencer to see the full brief and send an offer');
    expect(html).toContain(`href="/sign-in?next=%2Fcampaigns%2F${id}"`);
    expect(html).not.toContain('single-origin');
    // The app still starts, and there is no inline script.
    expect(html).toContain('<script type="module" crossorigin src="/assets/index-test.js"></script>');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('the Slovak teaser page is at ?lang=sk and canonical to itself', async () => {
    const id = fixture.published.id;
    const { text: html } = await browser(t.app).get(`/campaigns/${id}?lang=sk`);
    expect(html).toContain('<html lang="sk"');
    expect(html).toContain(`<link rel="canonical" href="${TEST_BASE_URL}/campaigns/${id}?lang=sk" />`);
    expect(html).toContain('Kampaň v kategórii Jedlo a nápoje od Kávička &amp; Co');
    expect(html).toContain('<dt>Odmena</dt><dd>Platená</dd>');
  });

  it('serves the plain app shell with 200 for drafts, paused, closed, unknown ids and /campaigns/new', async () => {
    for (const id of [fixture.draft.id, fixture.paused.id, fixture.closed.id, 'nope', 'new']) {
      const res = await browser(t.app).get(`/campaigns/${id}`);
      expect(res.status, id).toBe(200);
      expect(res.text, id).toBe(SHELL_HTML);
    }
    const owned = await fixture.owner.client.get(`/campaigns/${fixture.draft.id}`);
    expect(owned.status).toBe(200);
    expect(owned.text).not.toContain('Secret draft');
  });

  it('/campaigns lists the open teasers with links, and has its own head tags', async () => {
    const res = await browser(t.app).get('/campaigns');
    expect(res.status).toBe(200);
    const html = res.text;
    expect(html).toContain('<title>Open influencer campaigns · BeXtr</title>');
    expect(html).toMatch(/<meta name="description" content="Open campaigns from businesses[^"]+" \/>/);
    expect(html).toContain(`<link rel="canonical" href="${TEST_BASE_URL}/campaigns" />`);
    expect(html).toContain(
      `<link rel="alternate" hreflang="sk" href="${TEST_BASE_URL}/campaigns?lang=sk" />`,
    );
    expect(html).toContain('<meta property="og:title" content="Open influencer campaigns · BeXtr" />');
    expect(html).toContain(`<a href="/campaigns/${fixture.published.id}">${TRICKY_ESCAPED}</a>`);
    for (const hidden of ['Secret draft', 'Paused one', 'Closed one']) expect(html).not.toContain(hidden);
    const sk = (await browser(t.app).get('/campaigns?lang=sk')).text;
    expect(sk).toContain('<h1>Kampane na BeXtr</h1>');
    expect(sk).toContain(`<a href="/campaigns/${fixture.published.id}?lang=sk">`);
  });

  it('sitemap.xml lists published campaigns in both languages, and nothing else', async () => {
    const res = await browser(t.app).get('/sitemap.xml');
    const id = fixture.published.id;
    expect(res.text).toContain(`<loc>${TEST_BASE_URL}/campaigns</loc>`);
    expect(res.text).toContain(`<loc>${TEST_BASE_URL}/campaigns/${id}</loc>`);
    expect(res.text).toContain(`<loc>${TEST_BASE_URL}/campaigns/${id}?lang=sk</loc>`);
    for (const other of [fixture.draft.id, fixture.paused.id, fixture.closed.id])
      expect(res.text).not.toContain(other);
  });
});
