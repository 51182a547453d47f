import { expect, test } from './fixtures.ts';
import { latestMailTo, linkIn, snap, uniqueEmail } from './helpers.ts';

test('a business signs up, verifies its e-mail, signs out and in, and switches to Slovak', async ({
  page,
  request,
}) => {
  const email = uniqueEmail('biz');
  const password = 'coffee-beans-and-reels';

  await page.goto('/');
  await snap(page, '01-home');
  await page.getByRole('link', { name: 'Sign up' }).first().click();

  await page.getByLabel('Business', { exact: true }).check();
  await page.getByLabel('Name').fill('Tatra Test Roasters');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await snap(page, '02-sign-up');
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page).toHaveURL(/\/dashboard/);
  const resend = page.getByRole('button', { name: 'Resend verification e-mail' });
  await expect(resend).toBeVisible();
  await snap(page, '03-dashboard-unverified');

  const mail = await latestMailTo(request, email);
  expect(mail.subject).toMatch(/verify/i);
  const link = new URL(linkIn(mail.text));
  expect(link.searchParams.get('token')).toBeTruthy();
  await page.goto(`${link.pathname}${link.search}`);
  await expect(page.getByText('Your e-mail is verified')).toBeVisible();
  await snap(page, '04-verified');

  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(resend).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();

  await page.getByRole('link', { name: 'Sign in' }).first().click();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('The e-mail or password is not correct.')).toBeVisible();
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  await page.getByLabel('Language').selectOption('Slovenčina');
  await expect(page.getByRole('button', { name: 'Odhlásiť sa' }).first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sk');
  await snap(page, '05-dashboard-sk');

  // The choice is saved to the account: a reload keeps Slovak.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Odhlásiť sa' }).first()).toBeVisible();
  const me = await page.request.get('/api/v1/auth/me');
  expect((await me.json()).user.locale).toBe('sk');
});

test('deep links survive a reload and unknown pages show a 404 page', async ({ page }) => {
  await page.goto('/forgot-password');
  await expect(page.getByLabel('E-mail')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('E-mail')).toBeVisible();
  await page.goto('/no-such-page');
  await expect(page.getByText(/not found/i).first()).toBeVisible();
});

test('a visitor’s pages ask nothing that needs an account (no 401s in the console); a sign-in still sticks', async ({
  page,
}) => {
  const errors: string[] = [];
  const asked: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/auth/me')) asked.push(request.url());
  });
  for (const path of ['/', '/faq', '/campaigns', '/sign-in']) {
    await page.goto(path);
    await expect(page.getByRole('link', { name: 'Sign up' }).first()).toBeVisible();
  }
  expect(asked).toEqual([]);
  expect(errors).toEqual([]);

  await page.getByLabel('E-mail').fill('business@demo.bextr.eu');
  await page.getByLabel('Password').fill('demo-business-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' }).first()).toBeVisible();
  expect(errors).toEqual([]);
});
