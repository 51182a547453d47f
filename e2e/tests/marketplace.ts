import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect,
  type Page,
  type TestInfo,
} from '@playwright/test';
import { latestMailTo, linkIn, snap, uniqueEmail } from './helpers.ts';

/** Set-up shared by the offer and invitation specs: accounts, profiles and campaigns made through the
 * API (the earlier specs cover those screens), so that the browser steps are the offer loop itself. */

export const PASSWORD = 'slow-mornings-and-fair-offers';

/** The browser contexts the helpers opened (one per account), closed after each test. */
const contexts = new Set<BrowserContext>();

async function newPage(browser: Browser, opts: { width?: number; locale?: 'en' | 'sk' }) {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: 900 },
    locale: opts.locale === 'sk' ? 'sk-SK' : 'en-US',
  });
  contexts.add(context);
  return context.newPage();
}

/** For `test.afterEach`: closes every context the helpers opened, after a screenshot of each of their
 * pages when the test failed (Playwright's own screenshot covers only the `page` fixture). */
export async function closeContexts(testInfo: TestInfo) {
  const failed = testInfo.status !== testInfo.expectedStatus;
  let n = 0;
  for (const context of contexts) {
    for (const page of context.pages()) {
      n += 1;
      if (failed) {
        await page
          .screenshot({ path: testInfo.outputPath(`account-${n}.png`), fullPage: true })
          .catch(() => undefined);
      }
    }
    await context.close();
  }
  contexts.clear();
}

/** A date `offset` days from today, as YYYY-MM-DD. */
export const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A short token that makes names unique per run, so reruns on the same database never collide. */
export const runId = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** `snap` from the top of the page: a full-page shot of a scrolled page (the focus moves to the field
 * in error or to the decided offer) draws the fixed header in the middle of it. */
export async function snapTop(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, name);
}

export /** A 1 × 1 PNG: the server re-encodes it like any photo. */
const png = {
  name: 'shot.png',
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
};

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['post']>>, status: number): Promise<T> {
  if (response.status() !== status) {
    throw new Error(`${response.url()} answered ${response.status()}: ${await response.text()}`);
  }
  return (status === 204 ? null : await response.json()) as T;
}

/** Registers an account from this page's browser (which is then signed in as it). */
async function register(
  page: Page,
  role: 'business' | 'influencer',
  name: string,
  locale: 'en' | 'sk',
): Promise<string> {
  const email = uniqueEmail(`offers-${role}`);
  await ok(
    await page.request.post('/api/v1/auth/register', {
      data: { email, password: PASSWORD, role, name, locale },
    }),
    201,
  );
  return email;
}

/** Opens the e-mailed verification link in the page and waits until it says the address is verified
 * (leaving earlier can cancel the request the page sends). */
export async function verifyThroughLink(page: Page, email: string) {
  const link = new URL(linkIn((await latestMailTo(page.request, email)).text));
  await page.goto(`${link.pathname}${link.search}`);
  await expect(
    page.getByRole('status', { name: /^(Your e-mail is verified|Váš e-mail je overený)$/ }),
  ).toBeVisible();
}

/** Sends the token of the e-mailed verification link straight to the API. */
async function verifyByApi(request: APIRequestContext, email: string) {
  const link = new URL(linkIn((await latestMailTo(request, email)).text));
  const token = link.searchParams.get('token');
  if (!token) throw new Error(`no token in ${link.href}`);
  await ok(await request.post('/api/v1/auth/verify-email', { data: { token } }), 200);
}

async function upload(request: APIRequestContext): Promise<string> {
  const body = await ok<{ id: string }>(
    await request.post('/api/v1/uploads', { multipart: { file: png } }),
    201,
  );
  return body.id;
}

export interface Influencer {
  page: Page;
  email: string;
  displayName: string;
  handle: string;
}

/** A new influencer in a fresh browser context, verified through the e-mailed link's token and with
 * a ready profile (basics and audience, an Instagram account, a portfolio item with an image, an
 * insight with a screenshot) — the sequence of the API tests' buildReadyInfluencer. */
export async function readyInfluencer(
  browser: Browser,
  opts: {
    displayName: string;
    handle: string;
    locale?: 'en' | 'sk';
    width?: number;
    followers?: number;
  },
): Promise<Influencer> {
  const locale = opts.locale ?? 'en';
  const page = await newPage(browser, { ...opts, locale });
  const request = page.request;
  const email = await register(page, 'influencer', opts.displayName, locale);
  await verifyByApi(request, email);
  const P = '/api/v1/influencer-profile';
  await ok(
    await request.put(P, {
      data: {
        displayName: opts.displayName,
        handle: opts.handle,
        bio: 'Slow mornings, mountain trails and the coffee in between.',
        categories: ['lifestyle', 'food_drink'],
        country: 'SK',
        city: 'Žilina',
        languages: ['sk', 'en'],
        audience: {
          gender: { female: 62, male: 36, other: 2 },
          ages: { '13-17': 4, '18-24': 38, '25-34': 36, '35-44': 14, '45-54': 6, '55+': 2 },
          countries: [
            { country: 'SK', share: 70 },
            { country: 'CZ', share: 20 },
          ],
          interests: ['coffee', 'travel'],
        },
      },
    }),
    200,
  );
  const { socialAccount } = await ok<{ socialAccount: { id: string } }>(
    await request.post(`${P}/social-accounts`, {
      data: {
        network: 'instagram',
        handle: opts.handle,
        url: `https://instagram.com/${opts.handle}`,
        followers: opts.followers ?? 24_300,
        engagementRate: 4.1,
        avgViews: 6100,
      },
    }),
    201,
  );
  await ok(
    await request.post(`${P}/portfolio`, {
      data: { title: 'Autumn in the Tatras', uploadIds: [await upload(request)] },
    }),
    201,
  );
  await ok(
    await request.post(`${P}/insights`, {
      data: {
        socialAccountId: socialAccount.id,
        asOf: day(-3),
        periodDays: 30,
        reach: 41_000,
        uploadIds: [await upload(request)],
      },
    }),
    201,
  );
  const { profile } = await ok<{ profile: { completeness: { missing: string[] } } }>(
    await request.get(P),
    200,
  );
  expect(profile.completeness.missing).toEqual([]);
  return { page, email, displayName: opts.displayName, handle: opts.handle };
}

export interface Business {
  page: Page;
  email: string;
  companyName: string;
}

/** A new business in a fresh browser context: registered, verified through the e-mailed link opened
 * in the page, its profile complete. */
export async function readyBusiness(
  browser: Browser,
  opts: { companyName: string; locale?: 'en' | 'sk'; width?: number },
): Promise<Business> {
  const locale = opts.locale ?? 'en';
  const page = await newPage(browser, { ...opts, locale });
  const email = await register(page, 'business', opts.companyName, locale);
  await verifyThroughLink(page, email);
  await ok(
    await page.request.put('/api/v1/business-profile', {
      data: {
        companyName: opts.companyName,
        industry: 'food_drink',
        description: 'Specialty coffee roasted in the High Tatras.',
        country: 'SK',
        city: 'Poprad',
        website: 'https://tatra.example.com',
      },
    }),
    200,
  );
  return { page, email, companyName: opts.companyName };
}

export interface PublishedCampaign {
  id: string;
  name: string;
}

/** Publishes a campaign of the business: paid (150 € per influencer) unless `barter` says what it
 * gives instead; a story on Instagram and a TikTok video, SK and CZ, starting in 10 days. */
export async function publishCampaign(
  business: Business,
  opts: { name: string; slots: number; barter?: string },
): Promise<PublishedCampaign> {
  const request = business.page.request;
  const { campaign } = await ok<{ campaign: { id: string } }>(
    await request.post('/api/v1/campaigns', {
      data: {
        name: opts.name,
        category: 'food_drink',
        brief: 'Show how our single-origin coffee starts your morning.',
        tiers: ['nano', 'micro'],
        networks: ['instagram', 'tiktok'],
        compensation: opts.barter
          ? { type: 'barter', description: opts.barter, value: { amount: 12_000, currency: 'EUR' } }
          : { type: 'paid', amount: { amount: 15_000, currency: 'EUR' } },
        deliverables: [
          { type: 'story', network: 'instagram', quantity: 3 },
          { type: 'video', network: 'tiktok', quantity: 1, notes: 'Up to 60 seconds' },
        ],
        estimatedHours: 6,
        startDate: day(10),
        endDate: day(40),
        applicationDeadline: day(7),
        countries: ['SK', 'CZ'],
        remote: false,
        languages: ['sk', 'cs'],
        slots: opts.slots,
      },
    }),
    201,
  );
  await ok(await request.post(`/api/v1/campaigns/${campaign.id}/publish`), 200);
  return { id: campaign.id, name: opts.name };
}

/** A freshly registered influencer (e-mail not verified, no profile) in a fresh browser context. */
export async function newInfluencer(browser: Browser, name: string): Promise<Page> {
  const page = await newPage(browser, {});
  await register(page, 'influencer', name, 'en');
  return page;
}

/** Sends an offer through the API: the campaign's deliverables at 140 €. Returns the offer's id. */
export async function sendOfferByApi(influencer: Influencer, campaign: PublishedCampaign, pitch: string) {
  const request = influencer.page.request;
  const { campaign: full } = await ok<{ campaign: { deliverables: unknown[] } }>(
    await request.get(`/api/v1/campaigns/${campaign.id}`),
    200,
  );
  const { offer } = await ok<{ offer: { id: string } }>(
    await request.post(`/api/v1/campaigns/${campaign.id}/offers`, {
      data: { pitch, deliverables: full.deliverables, price: { amount: 14_000, currency: 'EUR' } },
    }),
    201,
  );
  return offer.id;
}
