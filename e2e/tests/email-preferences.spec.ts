import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { seriousViolations } from './helpers.ts';
import {
  closeContexts,
  PASSWORD,
  publishCampaign,
  readyBusiness,
  readyInfluencer,
  runId,
  sendOfferByApi,
  snapTop,
} from './marketplace.ts';

test.afterEach(async ({ browser: _browser }, testInfo) => closeContexts(testInfo));

/** The unsubscribe link of the newest e-mail to `to` that carries one, waiting for the outbox. */
async function unsubscribeLinkTo(request: APIRequestContext, to: string): Promise<URL> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const response = await request.get('/api/v1/dev/mail');
    const { items } = (await response.json()) as { items: { to: string; text: string }[] };
    for (const mail of items) {
      if (mail.to.toLowerCase() !== to.toLowerCase()) continue;
      const match = mail.text.match(/https?:\/\/\S+\/unsubscribe\?\S+/);
      if (match) return new URL(match[0]);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no e-mail with an unsubscribe link to ${to}`);
}

test('an influencer mutes one kind of e-mail in settings, and it stays off after a reload', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const id = runId();
  const influencer = await readyInfluencer(browser, { displayName: `Nina Pole ${id}`, handle: `nina_${id}` });
  const page = influencer.page;
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'E-mail notifications', level: 2 })).toBeVisible();

  // Only the e-mails that concern an influencer, grouped; all on for a new account.
  const offers = page.getByRole('group', { name: 'Offers' });
  for (const name of ['Shortlisted offers', 'Accepted offers', 'Rejected offers', 'Expired offers']) {
    await expect(offers.getByRole('switch', { name })).toBeChecked();
  }
  const invitations = page.getByRole('group', { name: 'Invitations' }).getByRole('switch', {
    name: 'Invitations to campaigns',
  });
  await expect(invitations).toBeChecked();
  await expect(page.getByRole('switch', { name: 'New messages' })).toBeChecked();
  await expect(page.getByRole('switch', { name: 'New offers' })).toHaveCount(0);

  await invitations.click();
  await expect(invitations).not.toBeChecked();
  await expect(
    page.getByRole('status').filter({ hasText: 'Your e-mail preferences are saved.' }),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await snapTop(page, 'email-preferences-01-settings-1280');

  await page.reload();
  await expect(page.getByRole('switch', { name: 'Invitations to campaigns' })).not.toBeChecked();
  await expect(page.getByRole('switch', { name: 'Accepted offers' })).toBeChecked();
  await expect(page.getByRole('switch', { name: 'New messages' })).toBeChecked();
});

test('the unsubscribe link of a new-offer e-mail mutes those e-mails without signing in; the settings show it off', async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const id = runId();
  const business = await readyBusiness(browser, { companyName: `Kysucké Syry ${id}` });
  const campaign = await publishCampaign(business, { name: `Cheese board ${id}`, slots: 2 });
  const influencer = await readyInfluencer(browser, {
    displayName: `Tomas Breza ${id}`,
    handle: `tomas_${id}`,
  });
  await sendOfferByApi(influencer, campaign, 'I build cheese boards on camera every Friday.');

  // The e-mail about the offer carries a link for this kind only; a visitor opens it.
  const link = await unsubscribeLinkTo(business.page.request, business.email);
  expect(link.searchParams.get('kind')).toBe('offer_received');
  await page.goto(`${link.pathname}${link.search}`);
  await expect(page.getByRole('heading', { name: 'Unsubscribe', level: 1 })).toBeVisible();
  const done = page.getByRole('status').filter({ hasText: 'You are unsubscribed' });
  await expect(done).toContainText('You will no longer get e-mails about new offers on your campaigns.');
  expect(await seriousViolations(page)).toEqual([]);
  await snapTop(page, 'email-preferences-02-unsubscribed-1280');

  // Changing it back goes through signing in, then the settings show that kind off.
  await page.getByRole('link', { name: 'Sign in to your settings' }).click();
  await page.getByLabel('E-mail').fill(business.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('switch', { name: 'New offers' })).not.toBeChecked();
  await expect(page.getByRole('switch', { name: 'Withdrawn offers' })).toBeChecked();
  await expect(page.getByRole('switch', { name: 'New messages' })).toBeChecked();
  await expect(page.getByRole('switch', { name: 'Accepted offers' })).toHaveCount(0);

  // The business's own signed-in page shows the same.
  await business.page.goto('/settings');
  await expect(business.page.getByRole('switch', { name: 'New offers' })).not.toBeChecked();
});

test('an unknown or incomplete unsubscribe link says so, in the language of the page', async ({ page }) => {
  await page.goto(`/unsubscribe?token=${'x'.repeat(32)}&kind=offer_received`);
  const failed = page.getByRole('alert').filter({ hasText: 'We could not unsubscribe you' });
  await expect(failed).toContainText('This unsubscribe link is invalid or has expired.');
  await expect(page.getByRole('status').filter({ hasText: 'You are unsubscribed' })).toHaveCount(0);
  await snapTop(page, 'email-preferences-03-invalid-1280');

  await page.goto('/unsubscribe?kind=offer_received');
  await expect(page.getByRole('alert')).toContainText('This link is incomplete.');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByLabel('Language').selectOption('sk');
  await page.goto(`/unsubscribe?token=${'y'.repeat(32)}&kind=new_messages`);
  await expect(page.getByRole('alert').filter({ hasText: 'Odber sa nepodarilo zrušiť' })).toContainText(
    'Tento odkaz na zrušenie odberu je neplatný alebo mu vypršala platnosť.',
  );
  await snapTop(page, 'email-preferences-04-invalid-sk-390');
});
