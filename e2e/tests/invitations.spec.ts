import { expect, test } from './fixtures.ts';
import { seriousViolations } from './helpers.ts';
import {
  closeContexts,
  publishCampaign,
  readyBusiness,
  readyInfluencer,
  runId,
  snapTop,
} from './marketplace.ts';

test.afterEach(async ({ browser: _browser }, testInfo) => closeContexts(testInfo));

test('a business invites an influencer from the directory; the influencer answers with an offer from the dashboard', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const id = runId();
  const business = await readyBusiness(browser, { companyName: `Horské Pekárne ${id}` });
  const other = await publishCampaign(business, { name: `Bread stories ${id}`, slots: 3 });
  const campaign = await publishCampaign(business, { name: `Sourdough weekend ${id}`, slots: 2 });
  const lucia = await readyInfluencer(browser, { displayName: `Lucia Vrba ${id}`, handle: `lucia_${id}` });

  // ── The business finds her in the directory and invites her to one of its campaigns.
  const biz = business.page;
  await biz.goto('/dashboard');
  await biz
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Influencers' })
    .click();
  await expect(biz.getByRole('heading', { name: 'Influencers', level: 1 })).toBeVisible();
  await biz.getByLabel('Search').fill(`lucia vrba ${id}`);
  await biz.getByRole('button', { name: 'Show results' }).click();
  const card = biz.getByRole('article').filter({ hasText: lucia.displayName });
  await expect(card).toHaveCount(1);
  await card.getByRole('button', { name: `Invite to a campaign: ${lucia.displayName}` }).click();
  const dialog = biz.getByRole('dialog', { name: `Invite ${lucia.displayName} to a campaign` });
  const select = dialog.getByRole('combobox', { name: 'Campaign' });
  await expect(select).toBeVisible();
  // Both open campaigns are offered; the message follows the chosen one until it is edited.
  await expect(select.getByRole('option', { name: other.name })).toHaveCount(1);
  await select.selectOption({ label: campaign.name });
  const message = dialog.getByRole('textbox', { name: 'Message' });
  await expect(message).toHaveValue(new RegExp(`Hi ${lucia.displayName}, .*“${campaign.name}”`));
  const invitation = `Hi Lucia, your bakery reels are lovely — would you bake with us for ${campaign.name}?`;
  await message.fill(invitation);
  expect(await seriousViolations(biz)).toEqual([]);
  await snapTop(biz, 'invitations-01-dialog-1280');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog).toBeHidden();
  await expect(biz.getByText(`Invitation sent to ${lucia.displayName}.`)).toBeVisible();

  // Inviting her again to the same campaign is refused with a clear message.
  await card.getByRole('button', { name: `Invite to a campaign: ${lucia.displayName}` }).click();
  await select.selectOption({ label: campaign.name });
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    `${lucia.displayName} is already invited to this campaign.`,
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // ── The influencer: the bell, then the invitation on the dashboard.
  const inf = lucia.page;
  await inf.goto('/dashboard');
  await inf.getByRole('link', { name: 'Notifications, 1 unread' }).click();
  const note = inf.getByRole('link', {
    name: new RegExp(`${business.companyName} invited you to send an offer on ${campaign.name}`),
  });
  await expect(note).toBeVisible();
  await note.click();
  await expect(inf).toHaveURL(/\/dashboard$/);
  await expect(inf.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
  const invitations = inf.getByRole('region', { name: 'Invitations' });
  const invited = invitations
    .getByRole('listitem')
    .filter({ has: inf.getByRole('link', { name: campaign.name, exact: true }) });
  await expect(invited).toContainText(`Message from ${business.companyName}`);
  await expect(invited).toContainText(invitation);
  expect(await seriousViolations(inf)).toEqual([]);
  await snapTop(inf, 'invitations-02-dashboard-1280');
  await inf.setViewportSize({ width: 390, height: 844 });
  await snapTop(inf, 'invitations-03-dashboard-390');
  await inf.setViewportSize({ width: 1280, height: 900 });

  // "Send an offer" opens the campaign's offer form, which shows the invitation being answered.
  await invited.getByRole('link', { name: `Send an offer for ${campaign.name}` }).click();
  await expect(inf).toHaveURL(new RegExp(`/campaigns/${campaign.id}\\?invitation=`));
  await expect(inf.getByRole('heading', { name: campaign.name, level: 1 })).toBeVisible();
  const form = inf.getByRole('region', { name: 'Send an offer' });
  await expect(form.getByText(`${business.companyName} invited you to send an offer`)).toBeVisible();
  await expect(form.getByText(invitation)).toBeVisible();
  await expect(form.getByText('Your offer answers this invitation.')).toBeVisible();
  await snapTop(inf, 'invitations-04-offer-form-1280');
  await form
    .getByLabel('Your pitch')
    .fill('Sourdough at sunrise is my favourite thing to film. Count me in.');
  await form.getByRole('button', { name: 'Send offer' }).click();
  await expect(inf.getByRole('heading', { name: 'Your offer was sent' })).toBeVisible();

  // The dashboard now shows the offer's state on the invitation instead of the button.
  await inf
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Dashboard' })
    .click();
  await expect(invited).toContainText('Your offer:');
  await expect(invited).toContainText('Pending');
  await expect(invited.getByRole('link', { name: `Send an offer for ${campaign.name}` })).toHaveCount(0);

  // ── The business gets the offer on the invited campaign.
  await biz.goto('/dashboard');
  await biz.getByRole('link', { name: `Review offers (1 pending): ${campaign.name}` }).click();
  await expect(biz.getByRole('heading', { name: `Offers on ${campaign.name}`, level: 1 })).toBeVisible();
  await expect(biz.getByRole('article', { name: lucia.displayName })).toContainText('Sourdough at sunrise');
});
