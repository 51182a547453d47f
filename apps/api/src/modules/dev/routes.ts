import { devMailSchema } from '@bextr/contracts';
import { desc } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { devMail } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';

/** The dev mailbox: every e-mail "sent" without SMTP, newest first. Never in production. */
export function devRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/dev/mail', { schema: { tags: ['dev'], response: { 200: devMailSchema } } }, async () => {
      if (!ctx.config.mail.devMailbox) throw notFound();
      await ctx.outbox.drain();
      const rows = await ctx.db
        .select()
        .from(devMail)
        .orderBy(desc(devMail.sentAt), desc(devMail.id))
        .limit(200);
      return {
        items: rows.map((m) => ({
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          headers: m.headers,
          sentAt: m.sentAt.toISOString(),
        })),
      };
    });
  };
}
