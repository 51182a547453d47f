import { expect, test } from './fixtures.ts';
import { seriousViolations } from './helpers.ts';
import {
  closeContexts,
  publishCampaign,
  readyBusiness,
  readyInfluencer,
  runId,
  sendOfferByApi,
  snapTop,
} from './marketplace.ts';

test.afterEach(async ({ browser: _browser }, testInfo) => closeContexts(testInfo));

test('an influencer opens a business’s page from the campaign and from My offers; unknown ids are not found', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const id = runId();
  const business = await readyBusiness(browser, { companyName: `Tatra Roasters ${id}` });
  const campaign = await publishCampaign(business, { name: `Slow mornings ${id}`, slots: 2 });
  const other = await publishCampaign(business, { name: `Iced latte weeks ${id}`, slots: 1 });
  const eva = await readyInfluencer(browser, { displayName: `Eva Hrušková ${id}`, handle: `eva_${id}` });

  // ── From the campaign page: the "by <business>" line links to the company page.
  const page = eva.page;
  await page.goto(`/campaigns/${campaign.id}`);
  await page.getByRole('link', { name: business.companyName }).click();
  await expect(page).toHaveURL(/\/businesses\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: business.companyName })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Food & drink' })).toBeVisible();
  await expect(page.getByText('Poprad, Slovakia')).toBeVisible();
  const website = page.getByRole('link', { name: 'tatra.example.com' });
  await expect(website).toHaveAttribute('href', 'https://tatra.example.com');
  await expect(website).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  await expect(page.getByText(/^No reviews yet\./)).toBeVisible();
  const open = page.getByRole('region', { name: 'Open campaigns' });
  await expect(open.getByRole('listitem')).toHaveCount(2);
  await expect(open.getByRole('link', { name: other.name })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await snapTop(page, 'business-page-en');
  const businessUrl = page.url();

  // ── The campaign's link leads back to it.
  await open.getByRole('link', { name: campaign.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: campaign.name })).toBeVisible();

  // ── From My offers: the business's name on the offer card.
  await sendOfferByApi(eva, campaign, 'Slow mornings are my whole feed.');
  await page.goto('/offers');
  await page
    .getByRole('listitem')
    .filter({ hasText: campaign.name })
    .getByRole('link', { name: business.companyName })
    .click();
  await expect(page).toHaveURL(businessUrl);
  await expect(page.getByRole('heading', { level: 1, name: business.companyName })).toBeVisible();

  // ── An unknown business is the app's 404.
  await page.goto('/businesses/no-such-business');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});

test('in Slovak on a phone: the company page speaks Slovak and fits 390 px', async ({ browser }) => {
  test.setTimeout(120_000);
  const id = runId();
  const business = await readyBusiness(browser, { companyName: `Horská Káva ${id}` });
  await publishCampaign(business, { name: `Ranná káva ${id}`, slots: 2 });
  const jana = await readyInfluencer(browser, {
    displayName: `Jana Kováčová ${id}`,
    handle: `jana_${id}`,
    locale: 'sk',
    width: 390,
  });
  const page = jana.page;
  await page.goto('/campaigns');
  await page.getByRole('link', { name: `Ranná káva ${id}` }).click();
  await page.getByRole('link', { name: business.companyName }).click();
  await expect(page.getByRole('heading', { level: 1, name: business.companyName })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Jedlo a nápoje' })).toBeVisible();
  await expect(page.getByText(/^Zatiaľ bez recenzií\./)).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Otvorené kampane' }).getByRole('link', { name: `Ranná káva ${id}` }),
  ).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await seriousViolations(page)).toEqual([]);
  await snapTop(page, 'business-page-sk-390');
});
