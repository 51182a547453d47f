import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { seriousViolations } from './helpers.ts';
import {
  closeContexts,
  day,
  newInfluencer,
  publishCampaign,
  readyBusiness,
  readyInfluencer,
  runId,
  sendOfferByApi,
  snapTop,
} from './marketplace.ts';

test.afterEach(async ({ browser: _browser }, testInfo) => closeContexts(testInfo));

/** The card of one offer on My offers (a list item headed by the campaign's link). */
const myOffer = (page: Page, campaign: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('link', { name: campaign, exact: true }) });

test('the whole loop: an influencer finds a campaign and sends an offer; the business reviews it with the profile and accepts; a second offer is rejected with a reason', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const id = runId();
  const campaignName = `Morning roast ${id}`;
  const business = await readyBusiness(browser, { companyName: `Tatra Roasters ${id}` });
  const campaign = await publishCampaign(business, { name: campaignName, slots: 2 });
  const eva = await readyInfluencer(browser, { displayName: `Eva Hora ${id}`, handle: `eva_${id}` });
  const marek = await readyInfluencer(browser, {
    displayName: `Marek Les ${id}`,
    handle: `marek_${id}`,
    followers: 15_800,
  });

  // ── Influencer A finds the campaign in discovery and opens it.
  const inf = eva.page;
  await inf.goto('/dashboard');
  await inf
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Campaigns', exact: true })
    .click();
  await inf.getByLabel('Search campaigns').fill(`morning roast ${id}`);
  await inf.getByRole('button', { name: 'Search', exact: true }).click();
  await inf.getByRole('link', { name: campaignName, exact: true }).click();
  await expect(inf.getByRole('heading', { name: campaignName, level: 1 })).toBeVisible();

  // The form starts from the campaign's deliverables and amount.
  const form = inf.getByRole('region', { name: 'Send an offer' });
  await expect(form).toBeVisible();
  const deliverables = form.getByRole('group', { name: 'Proposed deliverables' });
  await expect(deliverables.getByRole('group', { name: /^Deliverable \d$/ })).toHaveCount(2);
  await expect(
    deliverables.getByRole('group', { name: 'Deliverable 2' }).getByLabel('Notes (optional)'),
  ).toHaveValue('Up to 60 seconds');
  const price = form.getByLabel('Proposed price (EUR)');
  await expect(price).toHaveValue('150');

  // Sending it without a pitch, without a price and with a date after the campaign: field errors.
  await price.fill('');
  await form.getByLabel('Proposed publish date (optional)').fill(day(60));
  await form.getByRole('button', { name: 'Send offer' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'Some fields need your attention.' })).toBeVisible();
  const pitch = form.getByLabel('Your pitch');
  await expect(pitch).toHaveAttribute('aria-invalid', 'true');
  await expect(pitch).toBeFocused();
  await expect(form.getByText('This field is required.')).toBeVisible();
  await expect(form.getByText('Propose a price for this paid campaign.')).toBeVisible();
  await expect(form.getByText('Choose a publish date inside the campaign window.')).toBeVisible();
  await snapTop(inf, 'offers-01-form-errors-1280');

  // Filled in properly, with one deliverable changed and one added.
  await pitch.fill('I film slow mornings in the Tatras; my audience drinks a lot of coffee.');
  await deliverables.getByRole('group', { name: 'Deliverable 1' }).getByLabel('Quantity').fill('2');
  await deliverables.getByRole('button', { name: 'Add deliverable' }).click();
  const third = deliverables.getByRole('group', { name: 'Deliverable 3' });
  await third.getByRole('combobox', { name: 'Type' }).click();
  await inf.getByRole('option', { name: 'Reel', exact: true }).click();
  await third.getByLabel('Notes (optional)').fill('A bonus reel from the roastery');
  await price.fill('140');
  await form.getByLabel('Proposed publish date (optional)').fill(day(15));
  await form.getByRole('button', { name: 'Send offer' }).click();
  const sent = inf.getByRole('heading', { name: 'Your offer was sent' });
  await expect(sent).toBeVisible();
  await expect(sent).toBeFocused();
  await expect(inf.getByText('Pending', { exact: true })).toBeVisible();
  await snapTop(inf, 'offers-02-sent-1280');

  // My offers lists it as pending, with what it proposes.
  await inf.getByRole('link', { name: 'Go to My offers' }).click();
  await expect(inf).toHaveURL(/\/offers$/);
  await expect(inf.getByRole('heading', { name: 'My offers', level: 1 })).toBeVisible();
  const evaOffer = myOffer(inf, campaignName);
  await expect(evaOffer).toContainText('Pending');
  await expect(evaOffer).toContainText('€140');
  await expect(evaOffer).toContainText('2 × Story · Instagram');
  await expect(evaOffer).toContainText('1 × Reel · Instagram');
  await expect(
    evaOffer.getByRole('button', { name: `Withdraw the offer for ${campaignName}` }),
  ).toBeVisible();

  // ── The business: the bell counts the offer, the notification names who sent it and where.
  const biz = business.page;
  await biz.goto('/dashboard');
  const bell = biz.getByRole('link', { name: 'Notifications, 1 unread' });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(biz.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  await expect(biz.getByText(`${eva.displayName} sent an offer on ${campaignName}`)).toBeVisible();
  await biz.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(biz.getByText('All notifications are marked as read.')).toBeVisible();
  await expect(biz.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();

  // The dashboard leads to the review.
  await biz
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Dashboard' })
    .click();
  await biz.getByRole('link', { name: `Review offers (1 pending): ${campaignName}` }).click();
  await expect(biz).toHaveURL(new RegExp(`/campaigns/${campaign.id}/offers$`));
  await expect(biz.getByRole('heading', { name: `Offers on ${campaignName}`, level: 1 })).toBeVisible();
  await expect(biz.getByText('0 of 2 slots filled')).toBeVisible();
  const evaCard = biz.getByRole('article', { name: eva.displayName });
  await expect(evaCard.getByRole('link', { name: `@${eva.handle}` })).toBeVisible();
  await expect(evaCard).toContainText('Micro');
  await expect(evaCard).toContainText('24,300');
  await expect(evaCard).toContainText('4.1 %');
  await expect(evaCard).toContainText('90 %'); // 70 % in Slovakia + 20 % in Czechia
  await expect(evaCard).toContainText('€140');
  await expect(evaCard).toContainText('my audience drinks a lot of coffee');
  await expect(evaCard).toContainText('Pending');
  expect(await seriousViolations(biz)).toEqual([]);
  await snapTop(biz, 'offers-03-review-1280');

  // The full profile, and back.
  await evaCard.getByRole('link', { name: `@${eva.handle}` }).click();
  await expect(biz.getByRole('heading', { name: eva.displayName, level: 1 })).toBeVisible();
  await expect(biz.getByText('Autumn in the Tatras').first()).toBeVisible();
  await biz.goBack();
  await expect(biz.getByRole('heading', { name: `Offers on ${campaignName}`, level: 1 })).toBeVisible();

  // Accepting says what it does to the slots, then fills one.
  await evaCard.getByRole('button', { name: 'Accept', exact: true }).click();
  const acceptDialog = biz.getByRole('dialog', { name: `Accept the offer from ${eva.displayName}?` });
  await expect(acceptDialog).toContainText('0 of 2 are filled now, 1 of 2 after this.');
  await acceptDialog.getByRole('button', { name: 'Accept offer' }).click();
  await expect(acceptDialog).toBeHidden();
  await expect(biz.getByText(`You accepted the offer from ${eva.displayName}.`)).toBeVisible();
  await expect(biz.getByText('1 of 2 slots filled')).toBeVisible();
  await expect(evaCard).toContainText('Accepted');
  await expect(evaCard.getByRole('button', { name: 'Accept', exact: true })).toHaveCount(0);

  // ── Influencer B sends an offer too.
  const inf2 = marek.page;
  await inf2.goto(`/campaigns/${campaign.id}`);
  const form2 = inf2.getByRole('region', { name: 'Send an offer' });
  await form2.getByLabel('Your pitch').fill('Forest runs at dawn, then a flat white. Let me film yours.');
  await form2.getByRole('button', { name: 'Send offer' }).click();
  await expect(inf2.getByRole('heading', { name: 'Your offer was sent' })).toBeVisible();

  // The business rejects it with a reason.
  await biz.reload();
  const marekCard = biz.getByRole('article', { name: marek.displayName });
  await expect(marekCard).toContainText('Pending');
  await marekCard.getByRole('button', { name: 'Reject', exact: true }).click();
  const rejectDialog = biz.getByRole('dialog', { name: `Reject the offer from ${marek.displayName}?` });
  const reason = 'We are looking for creators with more morning content this time.';
  await rejectDialog.getByRole('textbox', { name: 'Reason (optional)' }).fill(reason);
  await rejectDialog.getByRole('button', { name: 'Reject offer' }).click();
  await expect(rejectDialog).toBeHidden();
  await expect(biz.getByText(`You rejected the offer from ${marek.displayName}.`)).toBeVisible();
  await expect(marekCard).toContainText('Rejected');
  await expect(marekCard).toContainText(reason);
  await expect(biz.getByText('1 of 2 slots filled')).toBeVisible();

  // Filtering by status.
  await biz.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Rejected' });
  await expect(biz).toHaveURL(/status=rejected/);
  await expect(evaCard).toHaveCount(0);
  await expect(marekCard).toBeVisible();
  // Screen readers hear how many offers the filter left.
  await expect(biz.getByText('1 offer shown', { exact: true })).toBeAttached();
  await biz.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'All' });
  await expect(evaCard).toBeVisible();
  await expect(biz.getByText('2 offers shown', { exact: true })).toBeAttached();
  expect(await seriousViolations(biz)).toEqual([]);
  await snapTop(biz, 'offers-04-review-decided-1280');
  await biz.setViewportSize({ width: 390, height: 844 });
  await expect(biz.getByText('1 of 2 slots filled')).toBeVisible();
  await snapTop(biz, 'offers-05-review-decided-390');
  await biz.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(biz)).toEqual([]);
  await snapTop(biz, 'offers-05b-review-decided-390-dark');

  // ── Influencer B sees the rejection and the reason on My offers.
  await inf2
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'My offers' })
    .click();
  await expect(inf2.getByRole('heading', { name: 'My offers', level: 1 })).toBeVisible();
  const marekOffer = myOffer(inf2, campaignName);
  await expect(marekOffer).toContainText('Rejected');
  await expect(marekOffer).toContainText('Reason given by the business');
  await expect(marekOffer).toContainText(reason);
  await expect(marekOffer.getByRole('button', { name: /^Withdraw/ })).toHaveCount(0);
  expect(await seriousViolations(inf2)).toEqual([]);
  await snapTop(inf2, 'offers-06-my-offers-rejected-1280');
  await inf2.setViewportSize({ width: 390, height: 844 });
  await expect(marekOffer).toContainText(reason);
  await snapTop(inf2, 'offers-07-my-offers-rejected-390');
  await inf2.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(inf2)).toEqual([]);
  // Filtering by a status with no offers says so and offers the way back.
  await inf2
    .getByRole('textbox', { name: 'Status' })
    .or(inf2.getByRole('combobox', { name: 'Status' }))
    .first()
    .click();
  await inf2.getByRole('option', { name: 'Pending', exact: true }).click();
  await expect(inf2).toHaveURL(/status=pending/);
  await expect(inf2.getByText('No offers with this status.')).toBeVisible();
  await inf2.getByRole('link', { name: 'Show all offers' }).click();
  await expect(marekOffer).toContainText('Rejected');

  // ── Influencer A sees the acceptance: in the bell, the notification, and My offers.
  await inf.goto('/offers');
  await expect(evaOffer).toContainText('Accepted');
  await expect(evaOffer.getByRole('button', { name: /^Withdraw/ })).toHaveCount(0);
  await inf.getByRole('link', { name: 'Notifications, 1 unread' }).click();
  await expect(inf.getByText(`${business.companyName} accepted your offer on ${campaignName}`)).toBeVisible();
  await inf.getByRole('link', { name: 'My offers' }).first().click();
  await expect(inf.getByRole('heading', { name: 'My offers', level: 1 })).toBeVisible();
  expect(await seriousViolations(inf)).toEqual([]);
  await snapTop(inf, 'offers-08-my-offers-accepted-1280');

  // The campaign page tells A the offer is live instead of offering the form again.
  await inf.goto(`/campaigns/${campaign.id}`);
  await expect(inf.getByRole('heading', { name: 'Your offer on this campaign' })).toBeVisible();
  await expect(inf.getByRole('region', { name: 'Your offer on this campaign' })).toContainText('Accepted');
});

test('in Slovak: the offer form, the review page and withdrawing from My offers', async ({ browser }) => {
  test.setTimeout(180_000);
  const id = runId();
  const campaignName = `Ranná káva ${id}`;
  const business = await readyBusiness(browser, { companyName: `Kávareň Tatry ${id}`, locale: 'sk' });
  const campaign = await publishCampaign(business, {
    name: campaignName,
    slots: 1,
    barter: 'Ročná zásoba zrnkovej kávy',
  });
  const jana = await readyInfluencer(browser, {
    displayName: `Jana Kováčová ${id}`,
    handle: `jana_${id}`,
    locale: 'sk',
  });

  // The offer form in Slovak, with its field errors.
  const inf = jana.page;
  await inf.goto(`/campaigns/${campaign.id}`);
  await expect(inf.getByRole('heading', { name: campaignName, level: 1 })).toBeVisible();
  const form = inf.getByRole('region', { name: 'Poslať ponuku' });
  await expect(form.getByRole('group', { name: 'Navrhované výstupy' })).toBeVisible();
  // A barter campaign: no price, the terms to accept instead.
  await expect(form.getByLabel('Navrhovaná cena (EUR)')).toHaveCount(0);
  const terms = form.getByRole('checkbox', {
    name: 'Súhlasím s podmienkami barteru: Ročná zásoba zrnkovej kávy',
  });
  await expect(terms).not.toBeChecked();
  await expect(form.getByLabel('Navrhovaný dátum zverejnenia (nepovinné)')).toBeVisible();
  await form.getByRole('button', { name: 'Poslať ponuku' }).click();
  await expect(form.getByText('Niektoré polia treba opraviť.', { exact: false })).toBeVisible();
  await expect(form.getByText('Toto pole je povinné.')).toBeVisible();
  await expect(
    form.getByText('Ak chcete poslať ponuku na túto kampaň, prijmite podmienky barteru.'),
  ).toBeVisible();
  await expect(form.getByLabel('Vaše predstavenie')).toHaveAttribute('aria-invalid', 'true');
  expect(await seriousViolations(inf)).toEqual([]);
  await snapTop(inf, 'offers-09-form-errors-sk-1280');
  await form.getByLabel('Vaše predstavenie').fill('Natáčam pomalé rána pod Tatrami; vaša káva k nim patrí.');
  await terms.check();
  await form.getByRole('button', { name: 'Poslať ponuku' }).click();
  await expect(inf.getByRole('heading', { name: 'Vaša ponuka bola odoslaná' })).toBeVisible();
  await inf.setViewportSize({ width: 390, height: 844 });
  await snapTop(inf, 'offers-10-sent-sk-390');

  // The review page in Slovak: the business shortlists the offer.
  const biz = business.page;
  await biz.goto(`/campaigns/${campaign.id}`);
  await biz.getByRole('link', { name: 'Posúdiť ponuky' }).click();
  await expect(
    biz.getByRole('heading', { name: `Ponuky na kampaň ${campaignName}`, level: 1 }),
  ).toBeVisible();
  await expect(biz.getByText('Obsadené miesta: 0 z 1')).toBeVisible();
  const card = biz.getByRole('article', { name: jana.displayName });
  await expect(card).toContainText('Čaká');
  await expect(card).toContainText('Barter prijatý');
  await expect(card.getByRole('button', { name: 'Prijať', exact: true })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Zamietnuť', exact: true })).toBeVisible();
  await card.getByRole('button', { name: 'Do užšieho výberu' }).click();
  await expect(biz.getByText(`V užšom výbere: ${jana.displayName}.`)).toBeVisible();
  await expect(card).toContainText('V užšom výbere');
  await expect(card.getByRole('button', { name: 'Do užšieho výberu' })).toHaveCount(0);
  // Opening the accept dialog names the last slot; cancelling leaves the offer as it is.
  await card.getByRole('button', { name: 'Prijať', exact: true }).click();
  const accept = biz.getByRole('dialog', { name: `Prijať ponuku: ${jana.displayName}?` });
  await expect(accept).toContainText('Je to posledné voľné miesto.');
  await accept.getByRole('button', { name: 'Zrušiť' }).click();
  await expect(accept).toBeHidden();
  expect(await seriousViolations(biz)).toEqual([]);
  await snapTop(biz, 'offers-11-review-sk-1280');

  // The influencer withdraws it from My offers (keeping it first).
  await inf.goto('/offers');
  await expect(inf.getByRole('heading', { name: 'Moje ponuky', level: 1 })).toBeVisible();
  const offer = myOffer(inf, campaignName);
  await expect(offer).toContainText('V užšom výbere');
  await expect(offer).toContainText('Podmienky barteru prijaté');
  await offer.getByRole('button', { name: `Stiahnuť ponuku na kampaň ${campaignName}` }).click();
  const confirm = inf.getByRole('dialog', { name: 'Stiahnuť túto ponuku?' });
  await confirm.getByRole('button', { name: 'Ponechať ponuku' }).click();
  await expect(confirm).toBeHidden();
  await expect(offer).toContainText('V užšom výbere');
  await offer.getByRole('button', { name: `Stiahnuť ponuku na kampaň ${campaignName}` }).click();
  await confirm.getByRole('button', { name: 'Stiahnuť ponuku' }).click();
  await expect(inf.getByText('Vaša ponuka bola stiahnutá.')).toBeVisible();
  await expect(offer).toContainText('Stiahnutá');
  expect(await seriousViolations(inf)).toEqual([]);
  await snapTop(inf, 'offers-12-my-offers-withdrawn-sk-390');

  // The business sees it withdrawn, with nothing left to decide.
  await biz.reload();
  await expect(card).toContainText('Stiahnutá');
  await expect(card.getByRole('button', { name: 'Prijať', exact: true })).toHaveCount(0);
  await expect(biz.getByText('Obsadené miesta: 0 z 1')).toBeVisible();
});

test('who cannot send an offer is told why: an unfinished profile, then a campaign whose last slot was filled', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const id = runId();
  const business = await readyBusiness(browser, { companyName: `Malá Pražiareň ${id}` });
  const campaign = await publishCampaign(business, { name: `Single slot ${id}`, slots: 1 });
  const first = await readyInfluencer(browser, { displayName: `Tomáš Kráľ ${id}`, handle: `tomas_${id}` });
  const second = await readyInfluencer(browser, {
    displayName: `Zuzana Biela ${id}`,
    handle: `zuzana_${id}`,
  });
  await sendOfferByApi(first, campaign, 'Espresso reels every morning at seven.');
  await sendOfferByApi(second, campaign, 'Latte art in slow motion for your stories.');

  // A new influencer without a profile or a verified address sees what is missing, and where to fix it.
  const newcomer = await newInfluencer(browser, `Newcomer ${id}`);
  await newcomer.goto(`/campaigns/${campaign.id}`);
  const notReady = newcomer.getByRole('region', { name: 'Before you can send an offer' });
  await expect(notReady).toBeVisible();
  await expect(notReady.getByRole('listitem')).toContainText(['Basics', 'A verified e-mail address']);
  await expect(notReady.getByRole('link', { name: 'Complete your profile' })).toHaveAttribute(
    'href',
    '/profile',
  );
  await expect(notReady.getByRole('button', { name: 'Resend verification e-mail' })).toBeVisible();
  await expect(newcomer.getByRole('button', { name: 'Send offer' })).toHaveCount(0);
  await snapTop(newcomer, 'offers-13-not-ready-1280');

  // The business accepts one offer, told it is the last free slot.
  const biz = business.page;
  await biz.goto(`/campaigns/${campaign.id}/offers`);
  await expect(biz.getByText('0 of 1 slots filled')).toBeVisible();
  const card = biz.getByRole('article', { name: first.displayName });
  await card.getByRole('button', { name: 'Accept', exact: true }).click();
  const dialog = biz.getByRole('dialog', { name: `Accept the offer from ${first.displayName}?` });
  await expect(dialog).toContainText('This is the last free slot.');
  await dialog.getByRole('button', { name: 'Accept offer' }).click();
  await expect(dialog).toBeHidden();
  await expect(biz.getByText('1 of 1 slots filled')).toBeVisible();
  await expect(
    biz.getByText('All slots are filled; the campaign no longer takes offers.', { exact: false }),
  ).toBeVisible();
  // The other offer stays listed; it can still be rejected but no longer accepted.
  const other = biz.getByRole('article', { name: second.displayName });
  await expect(other).toContainText('Pending');
  await expect(other.getByRole('button', { name: 'Reject', exact: true })).toBeVisible();
  await expect(other.getByRole('button', { name: 'Accept', exact: true })).toHaveCount(0);
  await snapTop(biz, 'offers-14-review-full-1280');

  // Whoever opens the campaign now is told it is full.
  await newcomer.reload();
  const closed = newcomer.getByRole('region', { name: 'This campaign is not taking offers' });
  await expect(closed).toContainText('Every slot of this campaign is already taken.');
  await expect(closed.getByRole('link', { name: 'Find other campaigns' })).toBeVisible();
  await second.page.goto('/offers');
  await expect(myOffer(second.page, campaign.name)).toContainText('Pending');
});
