import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { seriousViolations, snap, uniqueEmail } from './helpers.ts';
import { verifyThroughLink } from './marketplace.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** 2026-12-07 → "7 Dec 2026", as an English page shows a date. */
const enDate = (iso: string) => {
  const [year, month, date] = iso.split('-').map(Number);
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${date} ${names[(month ?? 1) - 1]} ${year}`;
};
/** 2026-12-07 → "7. 12. 2026", as a Slovak page shows a date. */
const skDate = (iso: string) => {
  const [year, month, date] = iso.split('-').map(Number);
  return `${date}. ${month}. ${year}`;
};

/** Registers a verified business through the API and the e-mailed link; the page is signed in. */
async function verifiedBusiness(page: Page, locale: 'en' | 'sk') {
  const email = uniqueEmail(`campaigns-${locale}`);
  const res = await page.request.post('/api/v1/auth/register', {
    data: { email, password: 'coffee-beans-and-reels', role: 'business', name: 'E2E Roasters', locale },
  });
  expect(res.status()).toBe(201);
  await verifyThroughLink(page, email);
  return email;
}

/** A 1 × 1 PNG: enough for the server to re-encode as a cover image. */
const coverPng = {
  name: 'cover.png',
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
};

/** Waits until the image has loaded (the API let this viewer have it). */
async function expectLoaded(page: Page, name: string) {
  const image = page.getByRole('img', { name });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
}

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a business fills the whole campaign, sees field errors, publishes; an influencer and a visitor find it', async ({
  page,
  browser,
}) => {
  test.slow(); // a long journey through three browser contexts; a busy 2-core machine needs the time
  const unique = `Zrnko${Date.now().toString(36)}`;
  await page.setViewportSize({ width: 1280, height: 900 });
  await verifiedBusiness(page, 'en');

  // The business profile first.
  await page.goto('/business-profile');
  await expect(page.getByText(/Still missing/)).toBeVisible();
  await page.getByLabel('Company name').fill('Káva a Čaj s.r.o.');
  await choose(page, 'Industry', 'Food & drink');
  await page.getByLabel('About the company').fill('Pražíme kávu v Bratislave.');
  await choose(page, 'Country', 'Slovakia');
  await page.getByLabel('Website').fill('not a url');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Enter a valid URL.')).toBeVisible();
  await page.getByLabel('Website').fill('https://kava.example.com');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Your profile is complete.')).toBeVisible();
  await snap(page, 'campaigns-01-business-profile');

  // A name alone: publishing lists what is missing and marks the fields.
  await page.goto('/campaigns/new');
  await page.getByLabel('Campaign name').fill(`Ranná káva ${unique}`);
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('The campaign cannot be published yet')).toBeVisible();
  await expect(page.getByText('Some campaign fields are missing or not valid.')).toBeVisible();
  await expect(page).toHaveURL(/\/campaigns\/[^/]+\/edit$/);
  await expect(page.getByLabel('Brief')).toHaveAttribute('aria-invalid', 'true');
  await snap(page, 'campaigns-02-editor-missing');

  // The whole form, with dates out of order first.
  await choose(page, 'Category', 'Food & drink');
  await page.getByLabel('Brief').fill('Ukážte, ako vám naša čerstvo pražená káva mení ráno.');
  await page.getByRole('checkbox', { name: 'Nano (1k–10k)' }).check();
  await page.getByRole('checkbox', { name: 'Micro (10k–100k)' }).check();
  await page.getByRole('checkbox', { name: 'Instagram' }).check();
  await page.getByRole('checkbox', { name: 'TikTok' }).check();
  await page.getByRole('button', { name: 'Add deliverable' }).click();
  await page.getByRole('button', { name: 'Add deliverable' }).click();
  const second = page.getByRole('group', { name: 'Deliverable 2' });
  await second.getByRole('combobox', { name: 'Network' }).click();
  await page.getByRole('option', { name: 'TikTok', exact: true }).click();
  await second.getByLabel('Quantity').fill('2');
  await page.getByRole('button', { name: 'Add deliverable' }).click();
  await page.getByRole('button', { name: 'Remove deliverable 3' }).click();
  await expect(page.getByRole('group', { name: 'Deliverable 3' })).toHaveCount(0);
  await page.getByLabel('Amount per influencer (EUR)').fill('150');
  await page.getByLabel('Campaign starts').fill(day(20));
  await page.getByLabel('Campaign ends').fill(day(10));
  await page.getByLabel('Application deadline').fill(enDate(day(7)));
  await page.getByLabel('Campaign starts').focus();
  // Typed with the month's name or as ISO, each shows the English way.
  await expect(page.getByLabel('Application deadline')).toHaveValue(enDate(day(7)));
  await expect(page.getByLabel('Campaign ends')).toHaveValue(enDate(day(10)));
  await page.getByLabel('Estimated hours of work').fill('6');
  await choose(page, 'Countries', 'Slovakia');
  await page.keyboard.press('Escape');
  await choose(page, 'Languages', 'Slovak');
  await page.keyboard.press('Escape');
  await page.getByLabel('Number of influencers wanted').fill('3');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload a cover image' }).click();
  await (await chooser).setFiles(coverPng);
  await expect(page.getByRole('button', { name: 'Remove the cover image' })).toBeVisible();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('The end date must not be before the start date.')).toBeVisible();
  await page.getByLabel('Campaign ends').fill(day(40));
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('The campaign was saved.')).toBeVisible();
  await snap(page, 'campaigns-03-editor-filled');

  await page.getByRole('tab', { name: 'Preview' }).click();
  await expect(page.getByRole('heading', { name: `Ranná káva ${unique}` })).toBeVisible();
  await expect(page.getByText('€150')).toBeVisible();
  await snap(page, 'campaigns-04-preview');
  await page.getByRole('tab', { name: 'Edit' }).click();

  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page).toHaveURL(/\/campaigns\/[^/]+$/);
  await expect(page.getByText('Open for offers')).toBeVisible();
  await expectLoaded(page, `Cover image of Ranná káva ${unique}`);
  await snap(page, 'campaigns-05-published');

  await page.goto('/dashboard');
  await expect(page.getByRole('link', { name: `Ranná káva ${unique}`, exact: true })).toBeVisible();
  await expect(page.getByText('0 pending · 0 accepted')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, 'campaigns-06-dashboard');

  // The demo influencer finds it by search without diacritics and a filter.
  const influencerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const influencer = await influencerContext.newPage();
  await influencer.goto('/sign-in');
  await influencer.getByLabel('E-mail').fill('influencer@demo.bextr.eu');
  await influencer.getByLabel('Password').fill('demo-influencer-2026');
  await influencer.keyboard.press('Enter');
  await expect(influencer).toHaveURL(/\/dashboard/);
  await influencer.goto('/campaigns');
  await influencer.getByLabel('Hľadať kampane').fill(`ranna kava ${unique.toLowerCase()}`);
  await choose(influencer, 'Sieť', 'TikTok');
  await influencer.getByRole('button', { name: 'Hľadať', exact: true }).click();
  await expect(influencer).toHaveURL(/network=tiktok/);
  await expect(influencer.getByRole('link', { name: `Ranná káva ${unique}`, exact: true })).toBeVisible();
  expect(await seriousViolations(influencer)).toEqual([]);
  await snap(influencer, 'campaigns-07-discovery-sk');
  // The URL alone brings the same search back (shareable).
  await influencer.reload();
  await expect(influencer.getByRole('link', { name: `Ranná káva ${unique}`, exact: true })).toBeVisible();
  await choose(influencer, 'Sieť', 'YouTube');
  await influencer.getByRole('button', { name: 'Hľadať', exact: true }).click();
  await expect(influencer.getByText('Žiadna otvorená kampaň nezodpovedá.', { exact: false })).toBeVisible();
  await influencer.goBack();
  await influencer.getByRole('link', { name: `Ranná káva ${unique}`, exact: true }).click();
  await expect(influencer.getByRole('heading', { name: `Ranná káva ${unique}`, level: 1 })).toBeVisible();
  await snap(influencer, 'campaigns-08-campaign-page-sk');
  await influencer.setViewportSize({ width: 390, height: 844 });
  await snap(influencer, 'campaigns-09-campaign-page-phone-sk');
  await influencerContext.close();

  // A visitor sees the teaser and the call to sign up.
  const visitorContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/campaigns?q=${unique}`);
  await expect(visitor.getByRole('heading', { name: `Ranná káva ${unique}` })).toBeVisible();
  await expect(visitor.getByRole('link', { name: 'Sign up to see more' })).toBeVisible();
  await expectLoaded(visitor, `Cover image of Ranná káva ${unique}`);
  await expect(visitor.getByText('Ukážte, ako vám')).toHaveCount(0);
  expect(await seriousViolations(visitor)).toEqual([]);
  await snap(visitor, 'campaigns-10-teaser-phone');
  await visitorContext.close();
});

test('a Slovak business publishes on a phone; the editor has no serious accessibility violations', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await verifiedBusiness(page, 'sk');
  await page.goto('/business-profile');
  await page.getByLabel('Názov firmy').fill('Fitko Test');
  await choose(page, 'Odvetvie', 'Fitness a zdravie');
  await page.getByLabel('O firme').fill('Posilňovne v Košiciach.');
  await choose(page, 'Krajina', 'Slovensko');
  await page.getByRole('button', { name: 'Uložiť profil' }).click();
  await expect(page.getByText('Váš profil je úplný.')).toBeVisible();

  await page.goto('/campaigns/new');
  await expect(page.getByRole('heading', { name: 'Nová kampaň', level: 1 })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('Názov kampane').fill('Jarná výzva v posilňovni');
  await choose(page, 'Kategória', 'Fitness a zdravie');
  await page.getByLabel('Zadanie').fill('Cvičte s nami mesiac a zdieľajte pokrok.');
  await page.getByRole('checkbox', { name: /Mikro/ }).check();
  await page.getByRole('checkbox', { name: 'Instagram' }).check();
  await page.getByRole('button', { name: 'Pridať výstup' }).click();
  await page.getByLabel('Barter').check();
  await page.getByLabel('Čo poskytnete').fill('Ročná permanentka');
  // Dates are typed and shown the Slovak way (whatever the browser's own language), ISO works too.
  await page.getByLabel('Začiatok kampane').fill(day(10));
  await page.getByLabel('Koniec kampane').fill(skDate(day(40)));
  await page.getByLabel('Termín na prihlásenie').fill(skDate(day(5)).replaceAll(' ', ''));
  await page.getByLabel('Odhadovaný počet hodín práce').fill('12');
  await expect(page.getByLabel('Začiatok kampane')).toHaveValue(skDate(day(10)));
  await expect(page.getByLabel('Koniec kampane')).toHaveValue(skDate(day(40)));
  await expect(page.getByLabel('Termín na prihlásenie')).toHaveValue(skDate(day(5)));
  await page.getByLabel('Na diaľku — influenceri odkiaľkoľvek').check();
  await choose(page, 'Jazyky', 'slovenčina');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Zverejniť' }).click();
  await expect(page.getByText('Kampaň sa zatiaľ nedá zverejniť')).toBeVisible();
  await expect(page.getByText('Toto pole je povinné.')).toBeVisible();
  await snap(page, 'campaigns-11-editor-phone-sk-error');
  await page.getByLabel('Počet hľadaných influencerov').fill('2');
  await page.getByRole('button', { name: 'Zverejniť' }).click();
  await expect(page.getByText('Prijíma ponuky')).toBeVisible();
  await snap(page, 'campaigns-12-published-phone-sk');
  await page.goto('/dashboard');
  await expect(page.getByRole('link', { name: 'Jarná výzva v posilňovni', exact: true })).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, 'campaigns-13-dashboard-phone-sk-dark');
});

test('what is typed while a new campaign is first saved stays in the editor', async ({ page }) => {
  await verifiedBusiness(page, 'en');
  await page.goto('/campaigns/new');
  await page.getByLabel('Campaign name').fill('Jesenná ochutnávka');
  // A slow network: the first save is held until the business has typed on.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/v1/campaigns', async (route) => {
    if (route.request().method() === 'POST') await held;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByLabel('Brief').fill('Napísané počas ukladania.');
  release();
  await expect(page.getByRole('heading', { name: 'Edit campaign', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/campaigns\/[^/]+\/edit$/);
  await expect(page.getByLabel('Brief')).toHaveValue('Napísané počas ukladania.');
  // The next save updates the campaign just created, with what was typed.
  const update = page.waitForResponse(
    (r) => r.request().method() === 'PATCH' && r.url().includes('/api/v1/campaigns/'),
  );
  await page.getByRole('button', { name: 'Save draft' }).click();
  const response = await update;
  expect(response.status()).toBe(200);
  expect(response.request().postDataJSON()).toMatchObject({
    name: 'Jesenná ochutnávka',
    brief: 'Napísané počas ukladania.',
  });
});
