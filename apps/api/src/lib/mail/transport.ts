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
    const smtp = nodemailer.createTransport(opts.smtpUrl);
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
