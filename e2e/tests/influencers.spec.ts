import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { seriousViolations, snap, uniqueEmail } from './helpers.ts';
import { makePng } from './images.ts';
import { verifyThroughLink } from './marketplace.ts';

const png = (name: string) => ({ name, mimeType: 'image/png', buffer: makePng(240, 180) });

async function pick(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string) {
  await scope
    .getByRole('textbox', { name: label })
    .or(scope.getByRole('combobox', { name: label }))
    .first()
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

test('a new influencer completes the profile until it is ready; a business finds and opens it', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const handle = `e2e_${Date.now().toString(36)}`;
  await page.setViewportSize({ width: 1280, height: 900 });
  const email = uniqueEmail('influencer');
  const res = await page.request.post('/api/v1/auth/register', {
    data: {
      email,
      password: 'reels-and-mountain-trails',
      role: 'influencer',
      name: 'E2E Creator',
      locale: 'en',
    },
  });
  expect(res.status()).toBe(201);
  // Waits for the page to confirm: leaving earlier can cancel the request it sends with the token.
  await verifyThroughLink(page, email);

  await page.goto('/dashboard');
  await page.getByRole('link', { name: 'My profile' }).first().click();
  await expect(page.getByRole('heading', { name: 'My profile', level: 1 })).toBeVisible();
  await expect(page.getByTestId('missing-list')).toContainText('Basics');
  expect(await seriousViolations(page)).toEqual([]);

  // 1. Basics, with a real avatar upload.
  const basics = page.getByRole('form', { name: 'Basics' });
  await basics.locator('input[type=file]').setInputFiles(png('avatar.png'));
  await expect(basics.getByRole('img', { name: 'Preview of the chosen image' })).toBeVisible();
  await expect(basics.getByRole('button', { name: 'Upload a profile photo' })).toBeEnabled();
  await basics.getByLabel('Display name').fill('Eva Tester');
  await basics.getByLabel('Handle').fill('Not a handle!');
  await basics.getByLabel('Bio').fill('Hory, káva a pomalé rána.');
  await pick(page, basics, 'Categories (1–5)', 'Travel');
  await pick(page, basics, 'Country', 'Slovakia');
  await pick(page, basics, 'Languages', 'Slovak');
  await basics.getByRole('button', { name: 'Save' }).click();
  await expect(basics.getByText(/lowercase letters, digits, dots or underscores, starting/)).toBeVisible();
  await basics.getByLabel('Handle').fill(handle);
  await basics.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('missing-list')).not.toContainText('Basics');

  // Opting in to a public page shows its address, to open or copy.
  await expect(basics.getByText('Your public page')).toHaveCount(0);
  await basics.getByLabel('Show my profile on a public page').check();
  await basics.getByRole('button', { name: 'Save' }).click();
  const publicLink = basics.getByRole('link', { name: new RegExp(`/i/${handle}$`) });
  await expect(publicLink).toHaveAttribute('href', `/i/${handle}`);
  await expect(basics.getByRole('button', { name: 'Copy link' })).toBeVisible();

  // 2. A social account.
  await page.getByRole('button', { name: /2\. Social accounts/ }).click();
  const accounts = page.getByRole('form', { name: 'Social accounts' });
  await pick(page, accounts, 'Network', 'Instagram');
  await accounts.getByLabel('Account handle').fill(handle);
  await accounts.getByLabel('Link to the account').fill(`https://instagram.com/${handle}`);
  await accounts.getByLabel('Followers').fill('23500');
  await accounts.getByLabel('Engagement rate (%)').fill('4.2');
  await accounts.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByText('Micro (10k–100k)').first()).toBeVisible();

  // 3. Audience: the totals are checked while typing.
  await page.getByRole('button', { name: /3\. Audience/ }).click();
  const audience = page.getByRole('form', { name: 'Audience' });
  await audience.getByLabel('Women', { exact: true }).fill('70');
  await audience.getByLabel('Men', { exact: true }).fill('40');
  await expect(audience.getByText(/Total: 110 %.*must add up to 100/)).toBeVisible();
  await audience.getByLabel('Men', { exact: true }).fill('29');
  await audience.getByLabel('Other', { exact: true }).fill('1');
  await expect(audience.getByText('Total: 100 %').first()).toBeVisible();
  for (const [bucket, share] of [
    ['18-24', '40'],
    ['25-34', '40'],
    ['35-44', '20'],
  ] as const)
    await audience.getByLabel(bucket, { exact: true }).fill(share);
  await audience.getByLabel('Share (%) 1').fill('80');
  await audience.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('missing-list')).not.toContainText('Your audience');

  // 4. Portfolio with an image.
  await page.getByRole('button', { name: /4\. Portfolio/ }).click();
  const portfolio = page.getByRole('form', { name: 'Portfolio' });
  await portfolio.getByRole('textbox', { name: /^Title/ }).fill('Autumn in the Tatras');
  await portfolio.getByLabel('Brand').fill('Dunaj Outdoor');
  await portfolio.locator('input[type=file]').setInputFiles(png('reel.png'));
  await expect(portfolio.getByRole('img', { name: 'Preview of the chosen image' }).first()).toBeVisible();
  await expect(portfolio.getByRole('button', { name: 'Add an image' })).toBeEnabled();
  await portfolio.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('img', { name: 'Image of Autumn in the Tatras' })).toBeVisible();

  // 5. An insight with a screenshot.
  await page.getByRole('button', { name: /5\. Insights/ }).click();
  const insights = page.getByRole('form', { name: 'Insights' });
  await insights.getByLabel('Reach').fill('41000');
  await insights.locator('input[type=file]').setInputFiles(png('insights.png'));
  await expect(insights.getByRole('img', { name: 'Preview of the chosen image' }).first()).toBeVisible();
  await expect(insights.getByRole('button', { name: 'Add a screenshot' })).toBeEnabled();
  await insights.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByText('Your profile is ready')).toBeVisible();

  // Editing a social account (opens the same form, prefilled) and the optional rate card.
  await page.getByRole('button', { name: `Edit Instagram ${handle}` }).click();
  await expect(accounts.getByLabel('Followers')).toHaveValue(/^23\s?500$/);
  await accounts.getByLabel('Followers').fill('150000');
  await accounts.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Macro (100k–1M)').first()).toBeVisible();
  await expect(accounts.getByRole('button', { name: 'Add', exact: true })).toBeVisible();
  await page.getByRole('button', { name: /6\. Rate card/ }).click();
  const rates = page.getByRole('form', { name: 'Rate card' });
  await rates.getByRole('button', { name: 'Add a price' }).click();
  await pick(page, rates, 'Deliverable type 1', 'Reel');
  await rates.getByLabel('Price in EUR 1').fill('250');
  await rates.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('button', { name: /6\. Rate card.*Done/ })).toBeVisible();
  await snap(page, 'influencers-01-profile-ready-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, 'influencers-02-profile-ready-390');
  expect(await seriousViolations(page)).toEqual([]);

  // The same page in Slovak.
  await page.request.patch('/api/v1/auth/me', {
    data: { locale: 'sk' },
    headers: { origin: new URL(page.url()).origin },
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Môj profil', level: 1 })).toBeVisible();
  await snap(page, 'influencers-03-profile-sk-390');

  // A business finds the profile in the directory and opens it.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const biz = await context.newPage();
  await biz.goto('/sign-in');
  await biz.getByLabel('E-mail').fill('business@demo.bextr.eu');
  await biz.getByLabel('Password').fill('demo-business-2026');
  await biz.keyboard.press('Enter');
  await expect(biz).toHaveURL(/\/dashboard/);
  await biz.getByRole('link', { name: 'Influencers' }).first().click();
  await expect(biz.getByRole('heading', { name: 'Influencers', level: 1 })).toBeVisible();
  await expect(biz.getByRole('article').first()).toBeVisible();
  await snap(biz, 'influencers-04-directory-1280');
  expect(await seriousViolations(biz)).toEqual([]);
  await biz.getByLabel('Search').fill('eva tester');
  await biz.getByRole('button', { name: 'Show results' }).click();
  await expect(biz).toHaveURL(/q=eva/);
  // This run's Eva (a retry after a failed attempt finds the earlier one too).
  await biz
    .getByRole('link', { name: 'Eva Tester' })
    .and(biz.locator(`[href="/influencers/${handle}"]`))
    .click();
  await expect(biz.getByRole('heading', { name: 'Eva Tester', level: 1 })).toBeVisible();
  await expect(biz.getByRole('img', { name: 'Image of Autumn in the Tatras' })).toBeVisible();
  await expect(biz.getByText(email)).toHaveCount(0);
  await expect(biz.getByText(/150,000 followers/)).toBeVisible();
  const rateCard = biz.getByRole('region', { name: 'Rate card' });
  await expect(rateCard).toContainText('Reel');
  await expect(rateCard).toContainText('250');
  await snap(biz, 'influencers-05-profile-business-1280');
  expect(await seriousViolations(biz)).toEqual([]);
  await biz.setViewportSize({ width: 390, height: 844 });
  await snap(biz, 'influencers-06-profile-business-390');
  await biz.goto('/influencers?tier=mega&sort=engagement');
  await expect(biz.getByRole('article').first()).toBeVisible();
  await snap(biz, 'influencers-07-directory-filtered-390');
  await context.close();
});
