import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  latestMailTo,
  seriousViolations,
  signInAdminRequest,
  signInAsAdmin,
  snap,
  uniqueEmail,
} from './helpers.ts';

/** No serious or critical axe violations, in light and in dark mode. */
async function expectAccessible(page: Page, label: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(400); // let colour transitions finish before contrast is measured
    expect(await seriousViolations(page), `${label} (${scheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForTimeout(400);
}

async function snapPhone(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, name);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a visitor reads the landing page and the FAQ in both languages, asks a question, and sees it answered and published', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000); // a long flow with axe scans of every page in two colour schemes
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Why BeXtr?', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'For businesses', level: 2 })).toBeVisible();
  const figures = page.getByRole('region', { name: 'BeXtr today' });
  await expect(figures.getByText('influencers', { exact: true })).toBeVisible();
  await expect(figures.getByText('published campaigns')).toBeVisible();
  await expectAccessible(page, '/');
  await snap(page, '20-landing-en');
  await page.emulateMedia({ colorScheme: 'dark' });
  await snapPhone(page, '21-landing-en-phone-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Slovak through its own address, as search engines link it.
  await page.goto('/?lang=sk');
  await expect(page.getByRole('heading', { name: 'Prečo BeXtr?', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sk');
  await expectAccessible(page, '/?lang=sk');
  await snap(page, '22-landing-sk');

  await page.getByRole('link', { name: 'Prečítajte si časté otázky' }).click();
  await expect(page.getByRole('heading', { name: 'Časté otázky', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Pre firmy', level: 2 })).toBeVisible();
  await page
    .getByRole('button', { name: 'Musím spolupracovať s každým influencerom, ktorý sa prihlási?' })
    .click();
  await expect(page.getByText('Ponuka je návrh, nie zmluva.')).toBeVisible();
  await expectAccessible(page, '/faq?lang=sk');
  await snap(page, '23-faq-sk');
  await page.emulateMedia({ colorScheme: 'dark' });
  await snapPhone(page, '24-faq-sk-phone-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Back to English with the language switch; the address follows.
  await page.getByLabel('Jazyk', { exact: true }).selectOption('English');
  await expect(page.getByRole('heading', { name: 'Frequently asked questions', level: 1 })).toBeVisible();
  await expect(page).not.toHaveURL(/lang=sk/);

  // Search, by keyboard.
  const search = page.getByRole('searchbox', { name: 'Search the FAQ' });
  await search.focus();
  await page.keyboard.type('barter');
  await expect(page.getByRole('status').filter({ hasText: /answers? found/ })).toBeVisible();
  await expect(page.getByText('In a barter campaign the business gives a product')).toBeVisible();
  await expect(page.getByRole('button', { name: 'How is my data used?' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(page.getByRole('button', { name: 'How is my data used?' })).toBeVisible();

  // Ask.
  const email = uniqueEmail('asker');
  const question = `Can a business pay part in money and part in products? ${Date.now()}`;
  await page.getByRole('textbox', { name: 'Your question' }).fill(question);
  await page.getByLabel('Your name (optional)').fill('Marta');
  await page.getByLabel('E-mail for the answer (optional)').fill(email);
  await snap(page, '25-faq-ask-en');
  await page.waitForTimeout(3200); // a person takes a moment; instant submissions are dropped as spam
  await page.getByRole('button', { name: 'Send question' }).click();
  await expect(page.getByText('Thank you, we have your question')).toBeVisible();
  await expectAccessible(page, '/faq (sent)');
  // Nothing is public yet.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Frequently asked questions', level: 1 })).toBeVisible();
  await expect(page.getByText(question)).toHaveCount(0);

  // The admin answers and publishes it in both languages.
  const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const admin = await adminContext.newPage();
  await signInAsAdmin(admin);
  // Admins land on the console; its menu holds the FAQ queue.
  await expect(admin.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await admin.getByRole('navigation', { name: 'Admin console' }).getByRole('link', { name: 'FAQ' }).click();
  await expect(admin.getByRole('heading', { name: 'FAQ', level: 1 })).toBeVisible();
  const card = admin.getByRole('article', { name: question });
  await expect(card).toBeVisible();
  await expect(card.getByText(email)).toBeVisible();
  await expectAccessible(admin, '/admin/faq');
  await card
    .getByRole('textbox', { name: 'Answer', exact: true })
    .fill('Yes. Agree on the mix in the thread; the campaign shows the paid part.');
  await card.getByLabel('Publish to the FAQ').check();
  await card.getByLabel('Publish in').selectOption('both');
  await card.getByLabel('FAQ group').selectOption('money');
  await card.getByLabel('Question in Slovenčina').fill('Môže firma zaplatiť časť peniazmi a časť produktmi?');
  await card
    .getByRole('textbox', { name: 'Answer in Slovenčina' })
    .fill('Áno. Pomer dohodnite v konverzácii.');
  await snap(admin, '26-admin-faq-answer');
  await card.getByRole('button', { name: 'Send answer' }).click();
  await expect(admin.getByText('The answer was saved and is on its way to the asker.')).toBeVisible();
  await expect(admin.getByRole('article', { name: question })).toHaveCount(0);
  await admin
    .locator('label')
    .filter({ hasText: /^Answered$/ })
    .click();
  await expect(
    admin.getByRole('article', { name: question }).getByText('Published in: English, Slovenčina'),
  ).toBeVisible();

  // The entry editor lists it; the admin sees the queue in dark mode on a phone too.
  await admin.getByRole('tab', { name: 'FAQ entries' }).click();
  await expect(admin.getByRole('article', { name: question })).toBeVisible();
  await expectAccessible(admin, '/admin/faq (entries)');
  await snap(admin, '27-admin-faq-entries');
  await admin.emulateMedia({ colorScheme: 'dark' });
  await admin.setViewportSize({ width: 390, height: 844 });
  await snap(admin, '28-admin-faq-entries-phone-dark');
  await adminContext.close();

  // The asker gets the answer by e-mail.
  const mail = await latestMailTo(request, email);
  expect(mail.subject).toBe('The answer to your question on BeXtr');
  expect(mail.text).toContain('Hello Marta,');
  expect(mail.text).toContain('Agree on the mix in the thread');

  // And every visitor sees it on the FAQ, in both languages.
  await page.reload();
  await page.getByRole('button', { name: question }).click();
  await expect(page.getByText('Agree on the mix in the thread')).toBeVisible();
  await page.goto('/faq?lang=sk');
  await expect(
    page.getByRole('button', { name: 'Môže firma zaplatiť časť peniazmi a časť produktmi?' }),
  ).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the FAQ and the landing page are readable, in both languages', async ({ page }) => {
    await page.goto('/faq');
    await expect(page.getByRole('heading', { name: 'Frequently asked questions', level: 1 })).toBeVisible();
    await expect(page.getByText('An offer is a proposal, not a contract.')).toBeVisible();
    await expect(page).toHaveTitle('FAQ — how BeXtr works for businesses and influencers');
    await snap(page, '29-faq-no-js');

    await page.getByRole('link', { name: 'Slovensky' }).click();
    await expect(page).toHaveURL(/\/faq\?lang=sk$/);
    await expect(page.getByRole('heading', { name: 'Časté otázky', level: 1 })).toBeVisible();
    await expect(page.getByText('Ponuka je návrh, nie zmluva.')).toBeVisible();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, '30-faq-sk-no-js-phone-dark');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: 'light' });

    await page.getByRole('link', { name: 'Domov' }).click();
    await expect(page.getByRole('heading', { name: 'Prečo BeXtr?', level: 1 })).toBeVisible();
    await snap(page, '31-landing-sk-no-js');
  });

  test('a visitor asks a question through the plain form, in Slovak; an admin finds it in the queue', async ({
    page,
    request,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/faq?lang=sk');
    const ask = page.getByRole('region', { name: 'Pošlite nám svoju otázku' });
    await ask.getByLabel('Vaša otázka').fill('Krátka');
    await ask.getByLabel('E-mail pre odpoveď (nepovinné)').fill('nie-je-email');
    await ask.getByRole('button', { name: 'Poslať otázku' }).click();
    await expect(page.getByText('Napíšte otázku, 10 až 1 000 znakov.')).toBeVisible();
    await expect(page.getByText('Zadajte platný e-mail alebo pole nechajte prázdne.')).toBeVisible();
    await expect(ask.getByLabel('E-mail pre odpoveď (nepovinné)')).toHaveValue('nie-je-email');
    await snap(page, '31b-faq-sk-no-js-form-errors');

    const question = `Dá sa spolupráca zrušiť po prijatí ponuky? (${Date.now()})`;
    await ask.getByLabel('Vaša otázka').fill(question);
    await ask.getByLabel('E-mail pre odpoveď (nepovinné)').fill('');
    // A person takes a few seconds; a form sent sooner is dropped as a bot's.
    await page.waitForTimeout(3200);
    await ask.getByRole('button', { name: 'Poslať otázku' }).click();
    await expect(page).toHaveURL(/\/faq\?lang=sk&asked=1#ask$/);
    await expect(page.getByText('Ďakujeme, vašu otázku máme')).toBeVisible();

    await signInAdminRequest(request);
    const queue = await request.get('/api/v1/admin/faq/questions?status=new&limit=100');
    const items = (await queue.json()).items as { question: string; locale: string }[];
    expect(items.find((q) => q.question === question)).toMatchObject({ locale: 'sk' });
  });
});

test('the server-rendered pages alone (scripts blocked) have no serious accessibility violations', async ({
  page,
}) => {
  // axe needs scripts to run, so the app's own scripts are blocked instead of JavaScript as a whole:
  // the page stays exactly as the server sent it.
  await page.route('**/assets/*.js', (route) => route.abort());
  for (const path of ['/faq', '/faq?lang=sk', '/', '/?lang=sk']) {
    await page.goto(path);
    await expect(page.locator('main h1')).toBeVisible();
    await expectAccessible(page, `${path} (server-rendered)`);
  }
});
