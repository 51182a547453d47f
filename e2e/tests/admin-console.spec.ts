import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { seriousViolations, signInAsAdmin, snap } from './helpers.ts';
import {
  closeContexts,
  PASSWORD,
  publishCampaign,
  readyBusiness,
  readyInfluencer,
  runId,
  snapTop,
} from './marketplace.ts';

test.afterEach(async ({ browser: _browser }, testInfo) => closeContexts(testInfo));

/** Follows a link of the console's own navigation (beside the page on a wide screen). */
async function openSection(admin: Page, name: string, heading: string) {
  await admin
    .getByRole('navigation', { name: 'Admin console' })
    .getByRole('link', { name, exact: true })
    .click();
  await expect(admin.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
}

/** Fills the dialog an admin action opens and confirms it. */
async function confirmDialog(admin: Page, field: string, text: string, submit: string) {
  const dialog = admin.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(field).fill(text);
  await dialog.getByRole('button', { name: submit }).click();
  await expect(dialog).toBeHidden();
}

test('an admin finds a user, warns and suspends them, sees it in the audit log, reinstates them; unpublishes a campaign the business then sees the reason of', async ({
  browser,
}) => {
  // A long flow with four accounts: more room than the default on a slow machine.
  test.setTimeout(240_000);
  const id = runId();
  const influencer = await readyInfluencer(browser, {
    displayName: `Mira Console ${id}`,
    handle: `mira_${id}`,
  });
  const business = await readyBusiness(browser, { companyName: `Console Roasters ${id}` });
  const campaign = await publishCampaign(business, { name: `Console espresso ${id}`, slots: 2 });

  const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const admin = await adminContext.newPage();
  await signInAsAdmin(admin);
  // Admins land on the console's overview: the figures and the weekly charts.
  await expect(admin).toHaveURL(/\/admin$/);
  await expect(admin.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await expect(admin.getByRole('img', { name: /New accounts/ })).toBeVisible();
  await admin.getByText('Show the figures as a table').first().click();
  await expect(admin.getByRole('table', { name: 'New accounts' })).toBeVisible();
  expect(await seriousViolations(admin)).toEqual([]);
  await snap(admin, '70-admin-overview');

  // Find the influencer by handle and open the account.
  await openSection(admin, 'Users', 'Users');
  await admin.getByLabel('Search accounts').fill(`@mira_${id}`);
  await admin.getByRole('button', { name: 'Search', exact: true }).click();
  const list = admin.getByRole('list', { name: 'Accounts' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await list.getByRole('link', { name: influencer.displayName }).click();
  await expect(admin.getByRole('heading', { name: influencer.displayName, level: 1 })).toBeVisible();
  expect(await seriousViolations(admin)).toEqual([]);

  // Warn: the influencer reads it among their notifications.
  await admin.getByRole('button', { name: 'Warn', exact: true }).click();
  await confirmDialog(
    admin,
    'Message to the user',
    'Please deliver what you agreed on time.',
    'Send the warning',
  );
  await expect(admin.getByText('The warning is sent.')).toBeVisible();
  await expect(admin.getByText('Warned an account')).toBeVisible();
  await influencer.page.goto('/notifications');
  await expect(
    influencer.page.getByText('The BeXtr team warned you: “Please deliver what you agreed on time.”'),
  ).toBeVisible();

  // Suspend: the influencer's session ends and signing in is refused with the reason where to look.
  await admin.getByRole('button', { name: 'Suspend', exact: true }).click();
  await confirmDialog(
    admin,
    'Reason (sent to the user)',
    'Repeatedly missed deliveries.',
    'Suspend the account',
  );
  await expect(admin.getByText('The account is suspended.')).toBeVisible();
  await expect(admin.getByText('Suspended since')).toBeVisible();
  await snapTop(admin, '71-admin-user-suspended');
  await influencer.page.goto('/dashboard');
  await expect(influencer.page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await influencer.page.getByLabel('E-mail').fill(influencer.email);
  await influencer.page.getByLabel('Password').fill(PASSWORD);
  await influencer.page.getByRole('button', { name: 'Sign in' }).click();
  await expect(influencer.page.getByText(/This account is suspended, so it cannot sign in/)).toBeVisible();

  // Both actions are in the audit log, with who, on whom and why.
  await openSection(admin, 'Audit log', 'Audit log');
  const entries = admin.getByRole('list', { name: 'Audit entries' });
  const suspension = entries.getByRole('listitem').filter({ hasText: 'Suspended an account' }).first();
  await expect(suspension).toContainText(influencer.displayName);
  await expect(suspension).toContainText('“Repeatedly missed deliveries.”');
  await expect(entries.getByRole('listitem').filter({ hasText: 'Warned an account' }).first()).toContainText(
    influencer.displayName,
  );
  expect(await seriousViolations(admin)).toEqual([]);
  await snap(admin, '72-admin-audit-log');

  // Reinstate from the entry's link: the influencer can sign in again.
  await suspension.getByRole('link', { name: influencer.displayName }).click();
  await admin.getByRole('button', { name: 'Reinstate', exact: true }).click();
  await confirmDialog(
    admin,
    'Note (optional; in the e-mail and the audit log)',
    'Talked it through.',
    'Reinstate the account',
  );
  await expect(admin.getByText('The account is active again.')).toBeVisible();
  await influencer.page.getByRole('button', { name: 'Sign in' }).click();
  await expect(influencer.page).toHaveURL(/\/dashboard/);

  // Unpublish the campaign with a reason.
  await openSection(admin, 'Campaigns', 'Campaigns');
  await admin.getByLabel('Search campaigns').fill(campaign.name);
  await admin.getByRole('button', { name: 'Search', exact: true }).click();
  await admin.getByRole('button', { name: `Unpublish “${campaign.name}”` }).click();
  await confirmDialog(
    admin,
    'Reason (sent to the business)',
    'The brief promises a prize draw, which BeXtr does not allow.',
    'Unpublish the campaign',
  );
  await expect(admin.getByText('The campaign is unpublished.')).toBeVisible();
  await expect(admin.getByRole('list', { name: 'Campaigns' }).getByText('Paused')).toBeVisible();
  await snap(admin, '73-admin-campaigns');

  // The business sees why on its dashboard and in the editor.
  await business.page.goto('/dashboard');
  const notice = business.page.getByText('The BeXtr team unpublished this campaign');
  await expect(notice).toBeVisible();
  await expect(
    business.page.getByText('Their reason: “The brief promises a prize draw, which BeXtr does not allow.”'),
  ).toBeVisible();
  await business.page.goto(`/campaigns/${campaign.id}/edit`);
  await expect(business.page.getByText('Edit the campaign to fix this and save it')).toBeVisible();

  // On a phone the console's sections sit behind one button.
  await admin.setViewportSize({ width: 390, height: 844 });
  await admin.getByRole('button', { name: /Admin console · Campaigns/ }).click();
  await admin.getByRole('dialog').getByRole('link', { name: 'Overview' }).click();
  await expect(admin.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await snap(admin, '74-admin-overview-phone');
  await adminContext.close();
});
