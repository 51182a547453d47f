import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { seriousViolations } from './helpers.ts';
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

const STORY = '3 × Story · Instagram';
const VIDEO = '1 × Video · TikTok';

/** One deliverable's card on the collaboration page. */
const line = (page: Page, name: string) => page.getByRole('listitem', { name, exact: true });

async function sendProof(page: Page, name: string, url: string) {
  const card = line(page, name);
  await card.getByLabel('Link to the live post').fill(url);
  await card.getByRole('button', { name: 'Send proof' }).click();
  await expect(card).toContainText('Waiting for approval');
}

test('a delivery to completion: the business accepts, both see the collaboration, the influencer proves each deliverable, one is sent back for changes, all are approved', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const id = runId();
  const campaignName = `Slow roast ${id}`;
  const business = await readyBusiness(browser, { companyName: `Tatra Roasters ${id}` });
  const campaign = await publishCampaign(business, { name: campaignName, slots: 2 });
  const eva = await readyInfluencer(browser, { displayName: `Eva Hora ${id}`, handle: `eva_${id}` });
  await sendOfferByApi(eva, campaign, 'Mornings in the Tatras, with your coffee.');

  // ── The business accepts the offer on its review.
  const biz = business.page;
  await biz.goto(`/campaigns/${campaign.id}/offers`);
  await expect(biz.getByRole('heading', { name: `Offers on ${campaignName}`, level: 1 })).toBeVisible();
  await biz
    .getByRole('article', { name: eva.displayName })
    .getByRole('button', { name: 'Accept', exact: true })
    .click();
  const dialog = biz.getByRole('dialog', { name: `Accept the offer from ${eva.displayName}?` });
  await dialog.getByRole('button', { name: 'Accept offer' }).click();
  await expect(dialog).toBeHidden();

  // ── Both see the collaboration: the business from its dashboard, the influencer from the header.
  await biz.goto('/dashboard');
  const bizSection = biz.getByRole('region', { name: 'Collaborations' });
  await expect(bizSection).toContainText(eva.displayName);
  await bizSection.getByRole('link', { name: campaignName }).click();
  await expect(biz.getByRole('heading', { name: campaignName, level: 1 })).toBeVisible();
  await expect(biz.getByText('0 of 2 approved').first()).toBeVisible();
  await expect(biz.getByText('€140')).toBeVisible();
  await expect(line(biz, STORY)).toContainText('To do');

  const inf = eva.page;
  await inf.goto('/dashboard');
  await inf
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Collaborations', exact: true })
    .click();
  await expect(inf.getByRole('heading', { name: 'Collaborations', level: 1 })).toBeVisible();
  const row = inf.getByRole('listitem').filter({ has: inf.getByRole('link', { name: campaignName }) });
  await expect(row).toContainText(business.companyName);
  await expect(row).toContainText('Active');
  await row.getByRole('link', { name: campaignName }).click();
  await expect(inf.getByRole('heading', { name: campaignName, level: 1 })).toBeVisible();
  expect(await seriousViolations(inf)).toEqual([]);
  await snapTop(inf, 'collaborations-01-influencer-1280');

  // ── The influencer proves each deliverable; the business's open page follows live.
  await sendProof(inf, STORY, 'https://www.instagram.com/stories/eva/1');
  await expect(line(biz, STORY)).toContainText('Waiting for approval');
  await sendProof(inf, VIDEO, 'https://www.tiktok.com/@eva/video/1');
  await expect(inf.getByText('Every deliverable is in.')).toBeVisible();
  await expect(biz.getByText('Delivered').first()).toBeVisible();

  // ── The business asks for changes on the video.
  const video = line(biz, VIDEO);
  await video.getByRole('button', { name: 'Ask for changes' }).click();
  await video.getByLabel('What should change?').fill('Please tag @tatraroasters in the video.');
  await video.getByRole('button', { name: 'Send the request' }).click();
  await expect(video).toContainText('Changes requested');
  await snapTop(biz, 'collaborations-02-business-changes-1280');

  // ── The influencer sees the note and sends the video again.
  const infVideo = line(inf, VIDEO);
  await expect(infVideo).toContainText('Please tag @tatraroasters in the video.');
  await expect(infVideo.getByRole('heading', { name: 'Send the proof again' })).toBeVisible();
  await sendProof(inf, VIDEO, 'https://www.tiktok.com/@eva/video/2');

  // ── The business approves both: completed, on both sides.
  await line(biz, STORY)
    .getByRole('button', { name: `Approve ${STORY}` })
    .click();
  await expect(line(biz, STORY)).toContainText('Approved');
  await expect(line(biz, VIDEO)).toContainText('Waiting for approval');
  await line(biz, VIDEO)
    .getByRole('button', { name: `Approve ${VIDEO}` })
    .click();
  await expect(
    biz.getByText('Every deliverable is approved: this collaboration is completed.'),
  ).toBeVisible();
  await expect(biz.getByText('2 of 2 approved').first()).toBeVisible();
  expect(await seriousViolations(biz)).toEqual([]);
  await snapTop(biz, 'collaborations-03-completed-1280');

  await expect(
    inf.getByText('Every deliverable is approved: this collaboration is completed.'),
  ).toBeVisible();
  await inf.goto('/collaborations');
  await expect(inf.getByRole('heading', { name: 'Collaborations', level: 1 })).toBeVisible();
  await expect(row).toContainText('Completed');
  expect(await seriousViolations(inf)).toEqual([]);
});
