import { expect, test } from './fixtures.ts';
import { seriousViolations, snap } from './helpers.ts';
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

test('a thread: both sides open it from the offer, messages arrive live, unread counts and "Seen" follow, markup stays text, history survives a reload', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const id = runId();
  const company = `Sourdough Works ${id}`;
  const campaignName = `Crust at dawn ${id}`;
  const pitch = 'I bake at dawn on camera; my audience asks where to buy good bread.';
  const business = await readyBusiness(browser, { companyName: company });
  const campaign = await publishCampaign(business, { name: campaignName, slots: 2 });
  const nina = await readyInfluencer(browser, { displayName: `Nina Vrba ${id}`, handle: `nina_${id}` });
  await sendOfferByApi(nina, campaign, pitch);

  // ── The influencer opens the thread from My offers: the pitch opens it.
  const inf = nina.page;
  const infLive = liveStream(inf);
  await inf.goto('/offers');
  await inf.getByRole('link', { name: `Messages about ${campaignName}` }).click();
  await expect(inf.getByRole('heading', { name: company, level: 1 })).toBeVisible();
  const infLog = log(inf, company);
  await expect(infLog).toContainText(pitch);
  await expect(inf.getByRole('complementary', { name: 'The offer' })).toContainText('Pending');
  await expect(inf.getByRole('textbox', { name: 'Message' })).toBeFocused();

  // ── The business waits elsewhere; the influencer writes (Shift+Enter keeps a line break).
  const biz = business.page;
  const bizLive = liveStream(biz);
  await biz.goto('/dashboard');
  await expect(inbox(biz)).toBeVisible();
  // Both streams are open before anything is sent, so the live updates below cannot be missed.
  await Promise.all([bizLive, infLive]);
  const box = inf.getByRole('textbox', { name: 'Message' });
  await box.fill('Hello! My portfolio: https://example.com/portfolio.');
  await box.press('Shift+Enter');
  await box.pressSequentially('Fresh loaves every Friday.');
  await box.press('Enter');
  await expect(box).toHaveValue('');
  const first = infLog.getByRole('listitem').filter({ hasText: 'Hello! My portfolio' });
  await expect(first).toContainText('Sent');

  // The business's header counts it without a reload, and the inbox lists it.
  await expect(inbox(biz, 1)).toBeVisible();
  await inbox(biz, 1).click();
  await expect(biz.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
  const row = biz.getByRole('list', { name: 'Your conversations' }).getByRole('link');
  await expect(row).toContainText(nina.displayName);
  await expect(row).toContainText(campaignName);
  await expect(row).toContainText('1 unread');
  await snap(biz, 'threads-01-inbox-1280');
  await row.click();

  // ── The business reads it: the link is a link, the line break stays, the count goes back to 0.
  const bizLog = log(biz, nina.displayName);
  const link = bizLog.getByRole('link', { name: 'https://example.com/portfolio' });
  await expect(link).toHaveAttribute('href', 'https://example.com/portfolio');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  await expect(bizLog).toContainText('https://example.com/portfolio.\nFresh loaves every Friday.', {
    useInnerText: true,
  });
  await expect(inbox(biz)).toBeVisible();
  await expect(biz.getByRole('link', { name: nina.displayName, exact: true })).toHaveAttribute(
    'href',
    `/influencers/${nina.handle}`,
  );
  // The influencer sees that it was read.
  await expect(first).toContainText('Seen');

  // ── The business answers with markup: it arrives live as text, and is read at once.
  await send(biz, '<b>x</b> Friday works for us.');
  await expect(infLog.getByText('<b>x</b> Friday works for us.')).toBeVisible();
  await expect(infLog.locator('b')).toHaveCount(0);
  // Screen readers hear the new message once, through a status of its own (the history is not live).
  await expect(infLog).toHaveAttribute('aria-live', 'off');
  await expect(inf.getByRole('status').filter({ hasText: `New message from ${company}: ` })).toContainText(
    '<b>x</b> Friday works for us.',
  );
  const reply = bizLog.getByRole('listitem').filter({ hasText: 'Friday works for us.' });
  await expect(reply).toContainText('Seen');
  await expect(inbox(inf)).toBeVisible();
  await snap(inf, 'threads-02-thread-1280');

  // The influencer answers once more; it appears on the business's open page.
  await send(inf, 'Great, see you Friday.');
  await expect(bizLog.getByText('Great, see you Friday.')).toBeVisible();
  expect(await seriousViolations(biz)).toEqual([]);

  // ── A reload keeps the history, oldest first.
  await inf.reload();
  await expect(infLog).toContainText(pitch);
  const texts = await infLog.getByRole('listitem').allInnerTexts();
  const order = ['Hello! My portfolio', '<b>x</b> Friday works for us.', 'Great, see you Friday.'].map((t) =>
    texts.findIndex((text) => text.includes(t)),
  );
  expect(order.every((i) => i >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
});
