import type { App } from '../app.ts';
import type { ApiBody } from './client.ts';

export type DevMail = NonNullable<ApiBody['items']>[number];

/** Sends whatever the outbox holds, then reads the dev mailbox: the e-mails to `to`, newest first. */
export async function readMail(app: App, to: string): Promise<DevMail[]> {
  await app.ctx.outbox.drain();
  const res = await app.inject({ method: 'GET', url: '/api/v1/dev/mail' });
  if (res.statusCode !== 200) throw new Error(`dev mailbox answered ${res.statusCode}: ${res.body}`);
  const { items } = res.json<{ items: DevMail[] }>();
  return items.filter((mail) => mail.to.toLowerCase() === to.toLowerCase());
}

/** The token of the action link in an e-mail (`…?token=…`). */
export function extractToken(mailText: string): string {
  const match = /[?&]token=([A-Za-z0-9_-]+)/.exec(mailText);
  if (!match?.[1]) throw new Error(`no token link in the e-mail:\n${mailText}`);
  return match[1];
}

/** The token of the newest e-mail to `to` whose subject matches. */
export async function tokenFromMail(app: App, to: string, subject: RegExp): Promise<string> {
  const mail = (await readMail(app, to)).find((m) => subject.test(m.subject));
  if (!mail) throw new Error(`no e-mail to ${to} with a subject like ${subject}`);
  return extractToken(mail.text);
}
