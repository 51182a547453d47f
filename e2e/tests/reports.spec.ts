import { expect, test } from './fixtures.ts';
import { expectJson, seriousViolations, signInAsAdmin, snap } from './helpers.ts';
import { makePng } from './images.ts';
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

test('an influencer reports the business; an admin reads the evidence pack, messages both and suspends the business, whose session ends and who cannot sign in again', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const id = runId();
  const business = await readyBusiness(browser, { companyName: `Shady Roasters ${id}` });
  const campaign = await publishCampaign(business, { name: `Unpaid mornings ${id}`, slots: 1 });
  const eva = await readyInfluencer(browser, { displayName: `Eva Report ${id}`, handle: `eva_r_${id}` });

  // ── The offer is accepted (a collaboration), then things go wrong.
  const offerId = await sendOfferByApi(eva, campaign, 'Slow mornings are my whole feed.');
  await expectJson(await business.page.request.post(`/api/v1/offers/${offerId}/accept`), 200);
  const { offer } = await expectJson<{ offer: { conversationId: string } }>(
    await eva.page.request.get(`/api/v1/offers/${offerId}`),
    200,
  );

  // ── The influencer reports the business from the thread.
  const page = eva.page;
  await page.goto(`/inbox/${offer.conversationId}`);
  await expect(page.getByRole('heading', { name: business.companyName, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: `Report a problem with ${business.companyName}` }).click();
  const dialog = page.getByRole('dialog', { name: `Report ${business.companyName} to the BeXtr team` });
  await expect(dialog).toBeVisible();
  // Sending it empty names what is missing.
  await dialog.getByRole('button', { name: 'Send the report' }).click();
  await expect(dialog.getByText('Use at least 10 characters.')).toBeVisible();
  await expect(dialog.getByText('Choose one of the offered options.')).toBeVisible();
  await dialog.getByRole('combobox', { name: 'What went wrong' }).click();
  await page.getByRole('option', { name: 'Payment or goods not provided' }).click();
  await dialog
    .getByRole('textbox', { name: 'Description' })
    .fill('The stories went live on the agreed day, but the 140 € was never paid.');
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: 'stories.png', mimeType: 'image/png', buffer: makePng(240, 180) });
  await expect(dialog.getByRole('img', { name: 'Evidence image' })).toBeVisible();
  await snap(page, 'reports-form');
  await dialog.getByRole('button', { name: 'Send the report' }).click();
  await expect(
    page.getByRole('heading', { name: 'Report: Payment or goods not provided', level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your evidence' })).toBeVisible();
  const reportUrl = page.url();
  const reportId = reportUrl.split('/').pop() ?? '';
  await snapTop(page, 'reports-report-reporter');

  // ── The business sees the report about it, without the evidence, and answers the team.
  const b = business.page;
  await b.goto('/reports');
  await expect(b.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await b.getByRole('link', { name: `${eva.displayName} reported you` }).click();
  await expect(
    b.getByRole('heading', { name: 'Report: Payment or goods not provided', level: 1 }),
  ).toBeVisible();
  await expect(b.getByText('the 140 € was never paid')).toBeVisible();
  await expect(b.getByRole('heading', { name: 'Your evidence' })).toHaveCount(0);
  await b.getByRole('textbox', { name: 'Message to the BeXtr team' }).fill('We pay at the end of the month.');
  await b.getByRole('button', { name: 'Send' }).click();
  await expect(b.getByText('We pay at the end of the month.')).toBeVisible();
  expect(await seriousViolations(b)).toEqual([]);

  // ── The admin opens the queue and the evidence pack.
  const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const admin = await adminContext.newPage();
    await signInAsAdmin(admin);
    await admin.goto('/admin/reports');
    await expect(admin.getByRole('heading', { name: 'Reports queue', level: 1 })).toBeVisible();
    await admin.getByRole('link', { name: `${eva.displayName} reported ${business.companyName}` }).click();
    await expect(admin.getByRole('heading', { name: `Report on ${campaign.name}`, level: 1 })).toBeVisible();
    await expect(admin.getByRole('img', { name: 'Evidence image 1' })).toBeVisible();
    await expect(admin.getByRole('heading', { name: `Reporter: ${eva.displayName}` })).toBeVisible();
    await expect(
      admin.getByRole('heading', { name: `Reported party: ${business.companyName}` }),
    ).toBeVisible();
    await expect(admin.getByText(business.email)).toBeVisible();
    await expect(admin.getByText('We pay at the end of the month.')).toBeVisible();
    await expect(admin.getByRole('heading', { name: 'The agreement' })).toBeVisible();

    // Messages to both, then to the business only.
    const messages = admin.getByRole('region', { name: 'Messages on the report' });
    await messages.getByRole('textbox', { name: 'Message' }).fill('We are looking into the payment.');
    await messages.getByRole('button', { name: 'Send' }).click();
    await expect(messages.getByText('We are looking into the payment.')).toBeVisible();
    await messages.getByRole('combobox', { name: 'Send to' }).click();
    await admin.getByRole('option', { name: 'The reported party only' }).click();
    await messages.getByRole('textbox', { name: 'Message' }).fill('Please send proof of the payment today.');
    await messages.getByRole('button', { name: 'Send' }).click();
    await expect(messages.getByText('Please send proof of the payment today.')).toBeVisible();
    await snap(admin, 'reports-evidence-pack');
    expect(await seriousViolations(admin)).toEqual([]);

    // The influencer sees the message to both, not the one to the business.
    await page.reload();
    await expect(page.getByText('We are looking into the payment.')).toBeVisible();
    await expect(page.getByText('Please send proof of the payment today.')).toHaveCount(0);
    await expect(page.getByText('We pay at the end of the month.')).toHaveCount(0);

    // ── Resolve with a suspension (confirmed), while the business's page is open.
    await b.goto(`/reports/${reportId}`);
    await expect(b.getByText('Please send proof of the payment today.')).toBeVisible();
    const resolve = admin.getByRole('region', { name: 'Resolve the report' });
    await resolve.getByRole('radio', { name: 'Suspension' }).check();
    await resolve.getByRole('textbox', { name: 'Note' }).fill('No payment after the work was delivered.');
    await resolve.getByRole('button', { name: 'Resolve' }).click();
    const confirm = admin.getByRole('dialog', { name: 'Suspend this account?' });
    await confirm.getByRole('button', { name: 'Suspend and resolve' }).click();
    await expect(admin.getByText('The report is resolved.').first()).toBeVisible();
    await expect(
      admin.getByRole('heading', { name: `Reported party: ${business.companyName}` }),
    ).toBeVisible();
    await expect(
      admin
        .getByRole('region', { name: `Reported party: ${business.companyName}` })
        .getByText('Suspended')
        .first(),
    ).toBeVisible();

    // The business's session ended at once: its open page goes to the sign-in by itself (its live
    // stream was told the session ended), without a reload …
    await expect(b).toHaveURL(/\/sign-in/);
    // … and it cannot sign in again.
    await expect(b.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
    await b.getByLabel('E-mail').fill(business.email);
    await b.getByLabel('Password').fill(PASSWORD);
    await b.getByRole('button', { name: 'Sign in' }).click();
    await expect(b.getByRole('alert').filter({ hasText: 'This account is suspended' })).toBeVisible();

    // The influencer sees the outcome and the note.
    await page.reload();
    await expect(page.getByText('The team suspended the reported party’s account.')).toBeVisible();
    await expect(page.getByText('No payment after the work was delivered.')).toBeVisible();
    await snapTop(page, 'reports-resolved-reporter');
  } finally {
    await adminContext.close();
  }
});
