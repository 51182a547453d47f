import { expect, test } from './fixtures.ts';
import { expectJson, seriousViolations } from './helpers.ts';
import {
  closeContexts,
  publishCampaign,
  readyBusiness,
  readyInfluencer,
  runId,
  sendOfferByApi,
  snapTop,
} from './marketplace.ts';

test.afterEach(async ({ browser: _browser }, testInfo) => closeContexts(testInfo));

type Line = { id: string; current: boolean };

test('both sides review a completed collaboration; the ratings show on the profile, the business page, the offer row and the directory', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const id = runId();
  const business = await readyBusiness(browser, { companyName: `Tatra Roasters ${id}` });
  const campaign = await publishCampaign(business, { name: `Slow mornings ${id}`, slots: 2 });
  // The influencer reads BeXtr in Slovak.
  const eva = await readyInfluencer(browser, {
    displayName: `Eva Hrušková ${id}`,
    handle: `eva_${id}`,
    locale: 'sk',
  });

  // ── Through the API: the offer is accepted, every deliverable proved and approved → completed.
  const offerId = await sendOfferByApi(eva, campaign, 'Slow mornings are my whole feed.');
  const b = business.page.request;
  await expectJson(await b.post(`/api/v1/offers/${offerId}/accept`), 200);
  const { items } = await expectJson<{ items: { id: string; offerId: string }[] }>(
    await b.get('/api/v1/collaborations'),
    200,
  );
  const collaborationId = items.find((c) => c.offerId === offerId)?.id ?? '';
  expect(collaborationId).not.toBe('');
  const base = `/api/v1/collaborations/${collaborationId}`;
  const { collaboration } = await expectJson<{ collaboration: { deliverables: Line[] } }>(
    await b.get(base),
    200,
  );
  for (const line of collaboration.deliverables.filter((d) => d.current)) {
    await expectJson(
      await eva.page.request.post(`${base}/deliverables/${line.id}/proof`, {
        data: { url: 'https://www.instagram.com/p/slow-mornings/' },
      }),
      200,
    );
    await expectJson(await b.post(`${base}/deliverables/${line.id}/approve`), 200);
  }
  const done = await expectJson<{ collaboration: { status: string } }>(await b.get(base), 200);
  expect(done.collaboration.status).toBe('completed');

  // ── The influencer reviews the business on the collaboration page, in Slovak.
  const page = eva.page;
  await page.goto(`/collaborations/${collaborationId}`);
  const section = page.getByRole('region', { name: 'Recenzie' });
  await expect(section.getByRole('heading', { name: `Ohodnoťte: ${business.companyName}` })).toBeVisible();
  // Publishing without stars or words is refused next to the fields.
  await section.getByRole('button', { name: 'Zverejniť recenziu' }).click();
  await expect(section.getByText('Vyberte 1 až 5 hviezdičiek.')).toBeVisible();
  // The stars are radio buttons: focused and chosen from the keyboard.
  await section.getByRole('radio', { name: '5 hviezdičiek' }).focus();
  await page.keyboard.press('Space');
  await expect(section.getByRole('radio', { name: '5 hviezdičiek' })).toBeChecked();
  await section.getByLabel('Vaša recenzia').fill('Jasné zadanie, rýchle odpovede a platba načas. Odporúčam!');
  await section.getByRole('button', { name: 'Zverejniť recenziu' }).click();
  await expect(section.getByRole('heading', { name: 'Vaša recenzia' })).toBeVisible();
  await expect(section.getByText('Jasné zadanie, rýchle odpovede a platba načas. Odporúčam!')).toBeVisible();
  await expect(section.getByRole('button', { name: 'Zverejniť recenziu' })).toHaveCount(0);
  await expect(section.getByText('Druhá strana vás zatiaľ neohodnotila.')).toBeVisible();
  expect(await seriousViolations(page, '[aria-labelledby="collaboration-reviews-title"]')).toEqual([]);
  await snapTop(page, 'reviews-collaboration-sk');

  // ── The business sees it and reviews the influencer, in English.
  const owner = business.page;
  await owner.goto(`/collaborations/${collaborationId}`);
  const ownerSection = owner.getByRole('region', { name: 'Reviews' });
  await expect(ownerSection.getByRole('heading', { name: `Review ${eva.displayName}` })).toBeVisible();
  await expect(
    ownerSection.getByText('Jasné zadanie, rýchle odpovede a platba načas. Odporúčam!'),
  ).toBeVisible();
  await ownerSection.getByRole('radio', { name: '4 stars' }).focus();
  await owner.keyboard.press('Space');
  await ownerSection
    .getByLabel('Your review')
    .fill('Beautiful stories, delivered a day early. The video needed one round of changes.');
  await ownerSection.getByRole('button', { name: 'Publish review' }).click();
  await expect(ownerSection.getByRole('heading', { name: 'Your review' })).toBeVisible();
  await expect(ownerSection.getByRole('img', { name: '4 out of 5 stars' })).toBeVisible();
  await snapTop(owner, 'reviews-collaboration-en');

  // ── The influencer's profile: the rating and the review, named by the company and campaign.
  await owner.goto(`/influencers/${eva.handle}`);
  await expect(owner.getByRole('heading', { level: 1, name: eva.displayName })).toBeVisible();
  await expect(owner.getByRole('img', { name: '4 out of 5, 1 review' })).toBeVisible();
  const reviews = owner.getByRole('region', { name: 'Reviews' });
  await expect(
    reviews.getByText('Beautiful stories, delivered a day early.', { exact: false }),
  ).toBeVisible();
  await expect(reviews.getByRole('link', { name: business.companyName })).toBeVisible();
  await expect(reviews.getByText(campaign.name, { exact: false })).toBeVisible();
  expect(await seriousViolations(owner)).toEqual([]);
  await snapTop(owner, 'reviews-influencer-profile-en');
  await owner.setViewportSize({ width: 390, height: 844 });
  await snapTop(owner, 'reviews-influencer-profile-en-390');
  await owner.setViewportSize({ width: 1280, height: 900 });

  // ── The offer row and the directory card carry it too.
  await owner.goto(`/campaigns/${campaign.id}/offers`);
  await expect(owner.getByRole('img', { name: '4 out of 5, 1 review' })).toBeVisible();
  await owner.goto(`/influencers?q=${eva.handle}&sort=rating`);
  await expect(owner.getByRole('link', { name: eva.displayName })).toBeVisible();
  await expect(owner.getByRole('img', { name: '4 out of 5, 1 review' })).toBeVisible();

  // ── The business page, as the influencer sees it in Slovak.
  const me = await expectJson<{ user: { id: string } }>(await b.get('/api/v1/auth/me'), 200);
  await page.goto(`/businesses/${me.user.id}`);
  await expect(page.getByRole('heading', { level: 1, name: business.companyName })).toBeVisible();
  await expect(page.getByRole('img', { name: '5 z 5, 1 recenzia' })).toBeVisible();
  const businessReviews = page.getByRole('region', { name: 'Recenzie' });
  await expect(
    businessReviews.getByText('Jasné zadanie, rýchle odpovede a platba načas.', { exact: false }),
  ).toBeVisible();
  await expect(businessReviews.getByText(eva.displayName, { exact: false })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await snapTop(page, 'reviews-business-page-sk');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/collaborations/${collaborationId}`);
  await expect(page.getByRole('heading', { name: 'Vaša recenzia' })).toBeVisible();
  await snapTop(page, 'reviews-collaboration-sk-390');
});
