import { expect, test } from './fixtures.ts';
import { latestMailTo, linkIn, snap, uniqueEmail } from './helpers.ts';

test('a visitor resets a forgotten password from the e-mailed link and signs in with the new one', async ({
  page,
  request,
}) => {
  const email = uniqueEmail('inf');
  const created = await request.post('/api/v1/auth/register', {
    data: { email, password: 'first-long-password', role: 'influencer', name: 'Jana Creator' },
  });
  expect(created.status()).toBe(201);
  await request.post('/api/v1/auth/logout');

  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  // The sign-in form has an E-mail field too: wait until the new page has replaced it (the router
  // renders navigations in a transition, which a slow machine shows late).
  await expect(page.getByRole('heading', { name: 'Forgot password' })).toBeVisible();
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Send link' }).click();
  await expect(page.getByText('Check your inbox')).toBeVisible();

  const mail = await latestMailTo(request, email);
  expect(mail.subject).toMatch(/reset/i);
  const link = new URL(linkIn(mail.text));
  await page.goto(`${link.pathname}${link.search}`);
  await page.getByLabel('New password').fill('second-long-password');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByText('Your password was changed')).toBeVisible();
  await snap(page, '06-password-reset');

  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('second-long-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard/);
});

test('sign-up errors stand next to their field in Slovak, on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await page.getByLabel('Language').selectOption('sk');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sk');

  await page.getByRole('button', { name: 'Otvoriť menu' }).click();
  await page.getByRole('link', { name: 'Registrácia' }).click();
  await page.getByLabel('Influencer', { exact: true }).check();
  await page.getByLabel('Meno').fill('Peter');
  await page.getByLabel('E-mail').fill('not-an-email');
  await page.getByLabel('Heslo').fill('short');
  await page.getByRole('button', { name: 'Vytvoriť účet' }).click();
  await expect(page.getByText('Zadajte platný e-mail.')).toBeVisible();
  await expect(page.getByText('Zadajte aspoň 8 znakov.')).toBeVisible();

  // The server's own rule (a common password) comes back in Slovak beside the password field.
  await page.getByLabel('E-mail').fill(uniqueEmail('sk'));
  await page.getByLabel('Heslo').fill('password123');
  await page.getByRole('button', { name: 'Vytvoriť účet' }).click();
  await expect(page.getByText('Toto heslo je príliš bežné. Zvoľte ťažšie uhádnuteľné.')).toBeVisible();
  await snap(page, '07-sign-up-errors-sk-phone');
});

test('pages that need an account send a visitor to sign in and back', async ({ page }) => {
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings/);
  await page.getByLabel('E-mail').fill('influencer@demo.bextr.eu');
  await page.getByLabel('Password').fill('demo-influencer-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/settings$/);
  // The demo influencer saved Slovak as its language: the app follows the account.
  await expect(page.getByRole('heading', { name: 'Nastavenia' })).toBeVisible();
  await snap(page, '08-settings-after-sign-in');
});

test('a sign-in link whose next page leaves the site lands on the dashboard instead', async ({ page }) => {
  for (const next of ['//evil.example/x', '/\t/evil.example', '/\\evil.example', 'https://evil.example']) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel('E-mail').fill('business@demo.bextr.eu');
    await page.getByLabel('Password').fill('demo-business-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page, next).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/dashboard$/);
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  }
});
