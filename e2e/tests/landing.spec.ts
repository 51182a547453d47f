import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { seriousViolations, snap } from './helpers.ts';

/** The scripts a page asked for, by path (`/assets/…`). */
function scriptsOf(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

// Decision 020: visitors get the landing page with its own small script, not the React app.
test('a visitor’s landing page runs on its own small script: language, phone menu and color scheme work', async ({
  page,
}) => {
  const scripts = scriptsOf(page);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Why BeXtr?', level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  // One script, the landing page's own: no React, no Mantine, no route chunk.
  expect(scripts).toHaveLength(1);
  expect(scripts[0]).toMatch(/^\/assets\/landing-[\w-]+\.js$/);

  // The phone menu: links behind the burger, which says what it does.
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav).toBeHidden();
  await page.getByRole('button', { name: 'Open menu' }).click();
  await expect(nav.getByRole('link', { name: 'Sign up' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Close menu' })).toHaveAttribute('aria-expanded', 'true');
  expect(await seriousViolations(page), '/ with the menu open').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(page.getByRole('button', { name: 'Open menu' })).toBeFocused();

  // Color scheme: dark is kept where the app keeps it, and the page follows at once.
  await page.getByRole('button', { name: 'Color scheme: Same as system' }).click();
  await page.getByRole('menuitem', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-scheme', 'dark');
  await expect(page.getByRole('button', { name: 'Color scheme: Dark' })).toBeFocused();
  expect(await page.evaluate(() => localStorage.getItem('bextr.color-scheme'))).toBe('dark');
  expect(await seriousViolations(page), '/ in dark').toEqual([]);
  await snap(page, '32-landing-en-phone-dark-own-script');

  // The language switch: Slovak at its own address, remembered for the app.
  await page.getByLabel('Language').selectOption('sk');
  await expect(page).toHaveURL(/\/\?lang=sk$/);
  await expect(page.getByRole('heading', { name: 'Prečo BeXtr?', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sk');
  await expect(page.locator('html')).toHaveAttribute('data-scheme', 'dark');
  expect(await page.evaluate(() => localStorage.getItem('bextr.locale'))).toBe('sk');

  // The saved language wins on the plain address, as in the app.
  await page.goto('/');
  await expect(page).toHaveURL(/\/\?lang=sk$/);
  await expect(page.getByRole('heading', { name: 'Prečo BeXtr?', level: 1 })).toBeVisible();

  // A link into the app is an ordinary navigation: the app starts there, in Slovak and dark.
  await page.getByRole('button', { name: 'Otvoriť menu' }).click();
  await page
    .getByRole('navigation', { name: 'Hlavná navigácia' })
    .getByRole('link', { name: 'Prihlásiť sa' })
    .click();
  await expect(page.getByRole('button', { name: 'Prihlásiť sa' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  expect(scripts.some((s) => /\/assets\/index-[\w-]+\.js$/.test(s))).toBe(true);
  expect(errors).toEqual([]);
});

test('a signed-in user opening / gets the app, with the way to the dashboard', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill('business@demo.bextr.eu');
  await page.getByLabel('Password').fill('demo-business-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Go to your dashboard' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' }).first()).toBeVisible();
  await expect(page.locator('script[src^="/assets/index-"]')).toHaveCount(1);
  await expect(page.locator('script[src^="/assets/landing-"]')).toHaveCount(0);
});

// A Slovak browser that keeps nothing (Safari's "block all cookies", some private modes): the choice
// of English lives in the address alone (?lang=en), which the page never redirects away from.
test.describe('a Slovak browser with storage blocked', () => {
  test.use({ locale: 'sk-SK' });
  test('can choose English, and stays in it', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await page.goto('/');
    await expect(page).toHaveURL(/\/\?lang=sk$/);
    await expect(page.getByRole('heading', { name: 'Prečo BeXtr?', level: 1 })).toBeVisible();
    await page.getByLabel('Jazyk').selectOption('en');
    await expect(page).toHaveURL(/\/\?lang=en$/);
    await expect(page.getByRole('heading', { name: 'Why BeXtr?', level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect(page).toHaveURL(/\/\?lang=en$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
