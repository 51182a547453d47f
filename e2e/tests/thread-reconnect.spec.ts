import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { makePng } from './images.ts';
import {
  closeContexts,
  publishCampaign,
  readyBusiness,
  readyInfluencer,
  runId,
  sendOfferByApi,
} from './marketplace.ts';
import { inbox, liveStream, log, send } from './thread-page.ts';

test.afterEach(async ({ browser: _browser }, testInfo) => closeContexts(testInfo));

/** The thread page's quiet note while the live stream is down (it shows after a 3 s grace). */
const reconnecting = (page: Page) =>
  page.getByRole('status').filter({ hasText: 'Reconnecting… new messages may arrive late.' });

/** Cuts the page's live stream as a lost network would, until its context is back online.
 * `setOffline(true)` alone does not do it in Chromium: the offline emulation fails new requests
 * (net::ERR_INTERNET_DISCONNECTED) but leaves a response that is already streaming open, so the
 * EventSource would go on receiving events. `window.stop()` cancels the document's loads in flight,
 * the stream among them: the EventSource closes and fires `error`, the client schedules a fresh one
 * with its backoff, and that one and the browser's own retries meet the offline network. The UI's
 * "Reconnecting…" note proves the page knows it is cut. */
async function cutLiveStream(page: Page) {
  await page.context().setOffline(true);
  await page.evaluate(() => window.stop());
  await expect(reconnecting(page)).toBeVisible();
}

/** A business, a campaign, an influencer's offer on it, and both of them on the offer's thread with
 * their live streams answering. */
async function openThreadOnBothSides(
  browser: Browser,
  names: {
    company: string;
    campaign: string;
    influencer: string;
    handle: string;
    pitch: string;
  },
) {
  const business = await readyBusiness(browser, { companyName: names.company });
  const campaign = await publishCampaign(business, { name: names.campaign, slots: 1 });
  const influencer = await readyInfluencer(browser, { displayName: names.influencer, handle: names.handle });
  await sendOfferByApi(influencer, campaign, names.pitch);

  const inf = influencer.page;
  const infLive = liveStream(inf);
  await inf.goto('/offers');
  await inf.getByRole('link', { name: `Messages about ${names.campaign}` }).click();
  await expect(inf).toHaveURL(/\/inbox\/[^/]+$/);
  await expect(log(inf, names.company)).toContainText(names.pitch);

  const biz = business.page;
  const bizLive = liveStream(biz);
  await biz.goto(new URL(inf.url()).pathname);
  await expect(biz.getByRole('heading', { name: names.influencer, level: 1 })).toBeVisible();
  await expect(log(biz, names.influencer)).toContainText(names.pitch);
  await Promise.all([infLive, bizLive]);
  return { business, influencer, biz, inf };
}

test('nothing is lost across a reconnect: messages sent while the business is offline arrive in order without a reload, are counted, then seen', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const id = runId();
  const company = `Linden Letterpress ${id}`;
  const influencerName = `Ema Kollár ${id}`;
  const pitch = 'I print my own zines; my readers love paper that smells of ink.';
  const { biz, inf } = await openThreadOnBothSides(browser, {
    company,
    campaign: `Pressed in linen ${id}`,
    influencer: influencerName,
    handle: `ema_${id}`,
    pitch,
  });
  const bizLog = log(biz, influencerName);
  const infLog = log(inf, company);

  // A first message arrives live and is read, so the business's stream has an event id to resume
  // from: the reconnect below asks for a replay (and resyncs too, so both paths bring the messages).
  const hello = `Hello, proofs follow today ${id}.`;
  await send(inf, hello);
  await expect(bizLog.getByRole('listitem').filter({ hasText: hello })).toBeVisible();
  await expect(infLog.getByRole('listitem').filter({ hasText: hello })).toContainText('Seen');
  await expect(inbox(biz)).toBeVisible();

  // A mark that a reload would wipe: the business's page must catch up in place.
  await biz.evaluate(() => {
    (window as { stayedLoaded?: boolean }).stayedLoaded = true;
  });
  // The business's read marker is held until the header has been seen counting the new messages
  // (the open thread would otherwise mark them read within moments of their arrival).
  let releaseRead = () => {};
  const readHeld = new Promise<void>((resolve) => {
    releaseRead = resolve;
  });
  await biz.route('**/api/v1/conversations/*/read', async (route) => {
    await readHeld;
    await route.continue();
  });

  // ── The business drops off; the influencer writes twice meanwhile.
  await cutLiveStream(biz);
  const first = `First proof is on handmade paper ${id}.`;
  const second = `Second proof: the linen cover ${id}.`;
  await send(inf, first);
  await expect(infLog.getByRole('listitem').filter({ hasText: first })).toContainText('Sent');
  await send(inf, second);
  const secondRow = infLog.getByRole('listitem').filter({ hasText: second });
  await expect(secondRow).toContainText('Sent');
  // Nothing reached the business, which is still cut off.
  await expect(reconnecting(biz)).toBeVisible();
  await expect(bizLog.getByRole('listitem').filter({ hasText: first })).toHaveCount(0);

  // ── Back online: the stream reconnects (the browser retries every 3 s) and the page resyncs.
  const resumed = biz.waitForResponse(
    (r) => {
      const url = new URL(r.url());
      return url.pathname === '/api/v1/events' && url.searchParams.has('lastEventId') && r.ok();
    },
    { timeout: 20_000 },
  );
  await biz.context().setOffline(false);
  await resumed;
  const messages = bizLog.getByRole('listitem');
  await expect(messages).toContainText([pitch, hello, first, second], { timeout: 20_000 });
  await expect(reconnecting(biz)).toBeHidden();
  // Each once (the replay and the resync both bring them), oldest first.
  await expect(messages.filter({ hasText: first })).toHaveCount(1);
  await expect(messages.filter({ hasText: second })).toHaveCount(1);
  await expect(messages).toHaveCount(4);
  expect(await biz.evaluate(() => (window as { stayedLoaded?: boolean }).stayedLoaded)).toBe(true);
  // The header counts both.
  await expect(inbox(biz, 2)).toBeVisible();

  // ── The business reads them: its count goes back to 0, and the influencer sees it live.
  releaseRead();
  await expect(inbox(biz)).toBeVisible();
  await expect(secondRow).toContainText('Seen');
  await biz.unroute('**/api/v1/conversations/*/read');

  // The stream is live again: the business's answer reaches the influencer, and the influencer's reaches the business.
  await send(biz, `Both proofs look right ${id}.`);
  await expect(infLog.getByText(`Both proofs look right ${id}.`)).toBeVisible();
  await send(inf, `Printing them on Monday ${id}.`);
  await expect(bizLog.getByText(`Printing them on Monday ${id}.`)).toBeVisible();
});

test('an image attachment: the business sees the thumbnail live and opens the full image; another business gets 404 for it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const id = runId();
  const company = `Birch Ceramics ${id}`;
  const influencerName = `Tomáš Hudec ${id}`;
  const { business, biz, inf } = await openThreadOnBothSides(browser, {
    company,
    campaign: `Glazed by hand ${id}`,
    influencer: influencerName,
    handle: `tomas_${id}`,
    pitch: 'I film slow craft; my viewers ask where to buy the pieces.',
  });
  const bizLog = log(biz, influencerName);
  const infLog = log(inf, company);

  // ── The influencer attaches a 640 × 400 PNG and writes a line with it.
  const chooser = inf.waitForEvent('filechooser');
  await inf.getByRole('button', { name: 'Attach an image' }).click();
  await (await chooser).setFiles({ name: 'mug.png', mimeType: 'image/png', buffer: makePng(640, 400) });
  await expect(inf.getByRole('button', { name: 'Remove image 1' })).toBeVisible();
  const text = `The mug in morning light ${id}.`;
  await send(inf, text);
  await expect(infLog.getByRole('listitem').filter({ hasText: text })).toContainText('Sent');

  // ── The business sees it live: the text and a thumbnail that loads (at most 480 px a side).
  const row = bizLog.getByRole('listitem').filter({ hasText: text });
  const thumb = row.getByRole('img', { name: 'Image 1 of 1, opens the full size' });
  await expect(thumb).toBeVisible();
  await expect
    .poll(() => thumb.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
    .toBe(480);
  const link = row.getByRole('link', { name: 'Image 1 of 1, opens the full size' });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/api\/v1\/uploads\/[^/?#]+$/);
  const thumbSrc = await thumb.getAttribute('src');
  expect(thumbSrc).toBe(`${href}?size=thumb`);
  await expect(link).toHaveAttribute('target', '_blank');

  // Opening it shows the full image in a new tab.
  const opened = biz.context().waitForEvent('page');
  await link.click();
  const tab = await opened;
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toBe(href);
  const full = tab.locator('img');
  await expect
    .poll(() => full.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
    .toBe(640);
  expect(await full.evaluate((img: HTMLImageElement) => img.naturalHeight)).toBe(400);
  await tab.close();

  // ── A member of the thread may load it; another business may not even learn it exists.
  const own = await business.page.request.get(href as string);
  expect(own.status()).toBe(200);
  expect(own.headers()['content-type']).toMatch(/^image\//);
  const outsider = await readyBusiness(browser, { companyName: `Oak Stoneware ${id}` });
  expect((await outsider.page.request.get(href as string)).status()).toBe(404);
  expect((await outsider.page.request.get(thumbSrc as string)).status()).toBe(404);
});
