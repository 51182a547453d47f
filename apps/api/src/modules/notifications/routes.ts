import { listQuerySchema, notificationPageSchema, notificationsReadBodySchema } from '@bextr/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/error-responses.ts';
import { requireUser } from '../../http/session.ts';
import { presentNotification } from './presenter.ts';
import { listNotifications, markNotificationsRead } from './service.ts';

const tags = ['notifications'];
const errors = errorResponses(400, 401);

export function notificationRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/notifications',
      {
        schema: { tags, querystring: listQuerySchema, response: { 200: notificationPageSchema, ...errors } },
      },
      async (request) => {
        const user = requireUser(request);
        const { page, nextCursor, unreadCount } = await listNotifications(ctx, { user, ...request.query });
        return { items: page.map(presentNotification), nextCursor, unreadCount };
      },
    );

    app.post(
      '/notifications/read',
      { schema: { tags, body: notificationsReadBodySchema, response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        const user = requireUser(request);
        await markNotificationsRead(ctx, { user, body: request.body });
        return reply.status(204).send(null);
      },
    );
  };
}
