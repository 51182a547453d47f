import { expect, type Page } from '@playwright/test';

/** The thread's history, named after the other side. */
export const log = (page: Page, otherName: string) =>
  page.getByRole('log', { name: `Messages with ${otherName}` });

/** The header's inbox link: "Inbox", or "Inbox, 2 unread". */
export const inbox = (page: Page, unread = 0) =>
  page
    .getByRole('banner')
    .getByRole('link', { name: unread > 0 ? `Inbox, ${unread} unread` : 'Inbox', exact: true });

/** Resolves when the page's live stream (GET /events) has answered: register it before the
 * navigation that opens the stream, await it before anything the page must see live. */
export const liveStream = (page: Page) =>
  page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/events' && r.ok());

/** Types a message and sends it with Enter; the box empties once it is on its way. */
export async function send(page: Page, text: string) {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
  await expect(box).toHaveValue('');
}
