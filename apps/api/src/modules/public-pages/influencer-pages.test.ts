import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema.ts';
import { TEST_BASE_URL, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildReadyInfluencer, uniqueHandle } from '../../test/factories/influencers.ts';
import { createWebShellApp, SHELL_HTML } from '../../test/web-shell.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createWebShellApp();
});
afterAll(() => t?.close());

const TRICKY = 'Mia <script>alert(1)</script> & "Co"';
const TRICKY_ESCAPED = 'Mia &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;';
const BIO =
  'I film slow mornings, mountain trails and the coffee in between. Every week a new hike in the Tatras, ' +
  'a café I love, and honest reviews of the gear I carry. SECRET-TAIL-OF-THE-BIO';

async function profiles() {
  const open = await buildReadyInfluencer(t.app, {
    profile: {
      displayName: TRICKY,
      handle: uniqueHandle('open'),
      bio: BIO,
      categories: ['travel', 'food_drink'],
    },
    account: { network: 'instagram', followers: 12_400 },
  });
  expect((await open.client.put('/api/v1/influencer-profile', { isPublic: true })).status).toBe(200);
  const closed = await buildReadyInfluencer(t.app, {
    profile: { displayName: 'Hidden Creator', handle: uniqueHandle('closed') },
  });
  const suspended = await buildReadyInfluencer(t.app, {
    profile: { displayName: 'Suspended Creator', handle: uniqueHandle('susp') },
  });
  expect((await suspended.client.put('/api/v1/influencer-profile', { isPublic: true })).status).toBe(200);
  await t.ctx.db.update(users).set({ status: 'suspended' }).where(eq(users.id, suspended.user.id));
  return { open, closed, suspended };
}

let f: Awaited<ReturnType<typeof profiles>>;
beforeAll(async () => {
  f = await profiles();
});

describe('server-rendered influencer pages', () => {
  it('/i/:handle holds the escaped name, description, canonical, hreflang, OG and the public facts', async () => {
    const handle = f.open.profile.handle as string;
    const res = await browser(t.app).get(`/i/${handle}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.text;
    expect(html).toContain(`<title>${TRICKY_ESCAPED} (@${handle}) · BeXtr</title>`);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('Generic description');
    const description = html.match(/<meta name="description" content="([^"]*)" \/>/)?.[1] ?? '';
    expect(description).toContain(`${TRICKY_ESCAPED} is a Micro (10k–100k) influencer on BeXtr (Instagram).`);
    expect(description).toContain('Topics: Travel, Food &amp; drink.');
    expect(description).toContain('12,400 followers in total.');
    expect(description).toContain('I film slow mornings');
    expect(description).toContain('…');
    expect(description).not.toContain('SECRET-TAIL-OF-THE-BIO');
    expect(html).toContain(`<link rel="canonical" href="${TEST_BASE_URL}/i/${handle}" />`);
    expect(html).toContain(`<link rel="alternate" hreflang="en" href="${TEST_BASE_URL}/i/${handle}" />`);
    expect(html).toContain(
      `<link rel="alternate" hreflang="sk" href="${TEST_BASE_URL}/i/${handle}?lang=sk" />`,
    );
    expect(html).toContain(`<meta property="og:title" content="${TRICKY_ESCAPED} (@${handle}) · BeXtr" />`);
    expect(html).toContain(`<meta property="og:url" content="${TEST_BASE_URL}/i/${handle}" />`);
    expect(html).toContain(`<h1>${TRICKY_ESCAPED}</h1>`);
    expect(html).toContain(`<p class="ssr-lead">@${handle}</p>`);
    expect(html).toContain('<dt>Tier</dt><dd>Micro (10k–100k)</dd>');
    expect(html).toContain('<li>Instagram: 12,400 followers</li>');
    expect(html).toContain('<dt>Country</dt><dd>Slovakia</dd>');
    expect(html).toContain('SECRET-TAIL-OF-THE-BIO'); // the whole bio is in the body
    expect(html).toContain('<a href="/sign-up?role=business">Sign up as a business</a>');
    expect(html).toContain(`href="/sign-in?next=%2Fi%2F${handle}"`);
    // Nothing private: no e-mail, no audience, no insights.
    expect(html).not.toContain(f.open.email);
    expect(html).not.toMatch(/@test\.bextr\.eu/);
    expect(html).not.toContain('coffee, travel');
    expect(html).not.toContain('40000');
    // The app still starts, and there is no inline script.
    expect(html).toContain('<script type="module" crossorigin src="/assets/index-test.js"></script>');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('the Slovak page is at ?lang=sk and canonical to itself', async () => {
    const handle = f.open.profile.handle as string;
    const { text: html } = await browser(t.app).get(`/i/${handle.toUpperCase()}?lang=sk`);
    expect(html).toContain('<html lang="sk"');
    expect(html).toContain(`<link rel="canonical" href="${TEST_BASE_URL}/i/${handle}?lang=sk" />`);
    expect(html).toContain('Témy: Cestovanie, Jedlo a nápoje.');
    expect(html).toContain('<dt>Krajina</dt><dd>Slovensko</dd>');
    expect(html).toContain('Registrovať sa ako firma');
    expect(html).not.toContain(f.open.email);
  });

  it('serves the plain app shell with 200 for non-public, suspended and unknown handles', async () => {
    const handles = [f.closed.profile.handle, f.suspended.profile.handle, 'nobody_here', 'some.one'];
    for (const handle of handles) {
      const res = await browser(t.app).get(`/i/${handle}`);
      expect(res.status, String(handle)).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.text, String(handle)).toBe(SHELL_HTML);
    }
    // The owner gets the shell too (the React app shows them their own profile).
    const own = await f.closed.client.get(`/i/${f.closed.profile.handle}`);
    expect(own.text).toBe(SHELL_HTML);
  });

  it('sitemap.xml lists only public profiles of active users, in both languages', async () => {
    const { text } = await browser(t.app).get('/sitemap.xml');
    const handle = f.open.profile.handle as string;
    expect(text).toContain(`<loc>${TEST_BASE_URL}/i/${handle}</loc>`);
    expect(text).toContain(`<loc>${TEST_BASE_URL}/i/${handle}?lang=sk</loc>`);
    expect(text).toContain(
      `<xhtml:link rel="alternate" hreflang="sk" href="${TEST_BASE_URL}/i/${handle}?lang=sk"/>`,
    );
    for (const hidden of [f.closed.profile.handle, f.suspended.profile.handle])
      expect(text).not.toContain(String(hidden));
  });
});
