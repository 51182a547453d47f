import { expect, test } from './fixtures.ts';
import { seriousViolations } from './helpers.ts';

const visitorPages = [
  '/',
  '/faq',
  '/sign-in',
  '/sign-up',
  '/forgot-password',
  '/reset-password?token=x',
  '/no-such-page',
  '/campaigns',
];

for (const scheme of ['light', 'dark'] as const) {
  test(`visitor pages have no serious accessibility violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of visitorPages) {
      await page.goto(path);
      await expect(page.locator('main').first()).toBeVisible();
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });
}

test('signed-in pages have no serious accessibility violations, and the keyboard reaches sign-out', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill('business@demo.bextr.eu');
  await page.getByLabel('Password').fill('demo-business-2026');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/dashboard/);
  for (const path of ['/dashboard', '/settings', '/business-profile', '/campaigns', '/campaigns/new']) {
    await page.goto(path);
    await expect(page.locator('main').first()).toBeVisible();
    expect(await seriousViolations(page), path).toEqual([]);
  }
  const signOut = page.getByRole('button', { name: 'Sign out' });
  for (let i = 0; i < 30 && !(await signOut.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(signOut).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
});
