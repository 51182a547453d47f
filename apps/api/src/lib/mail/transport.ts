import nodemailer from 'nodemailer';
import type { Db } from '../../db/client.ts';
import { devMail } from '../../db/schema.ts';
import type { EmailJob } from './outbox.ts';

export interface MailTransport {
  send(mail: EmailJob): Promise<void>;
}

/** SMTP when SMTP_URL is set; otherwise the dev mailbox table that GET /dev/mail reads. */
export function createTransport(opts: { smtpUrl: string | null; from: string; db: Db }): MailTransport {
  if (opts.smtpUrl) {
    // Bounded waits (nodemailer's defaults allow minutes): a send must end well inside the outbox's
    // lease, or another process could take the job over and send it a second time.
    const smtp = nodemailer.createTransport({
      url: opts.smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      dnsTimeout: 10_000,
    });
    return {
      async send(mail) {
        await smtp.sendMail({
          from: opts.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          ...(mail.headers ? { headers: mail.headers } : {}),
        });
      },
    };
  }
  return {
    async send(mail) {
      await opts.db.insert(devMail).values({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers ?? {},
      });
    },
  };
}
