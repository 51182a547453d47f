import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/error-responses.ts';
import { fieldError, unauthenticated } from '../../http/errors.ts';
import { requireUser } from '../../http/session.ts';
import { openEventStream } from './service.ts';

const tags = ['events'];
const EVENT_ID = /^\d{1,18}$/;

/** The Last-Event-ID header a reconnecting EventSource sends, or `?lastEventId=` (a manual
 * reconnect); null when neither is there. Anything but a plain id is a 400. */
function lastEventIdOf(header: string | string[] | undefined, query: string | undefined): number | null {
  const value = (Array.isArray(header) ? header[0] : header) ?? query;
  if (value === undefined || value === '') return null;
  if (!EVENT_ID.test(value.trim())) throw fieldError('lastEventId', 'invalid_cursor');
  const id = Number(value.trim());
  // Ids are bigint identities; past 2^53 a Number would round to a neighbouring id.
  if (!Number.isSafeInteger(id)) throw fieldError('lastEventId', 'invalid_cursor');
  return id;
}

export function eventRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/events',
      {
        schema: {
          tags,
          querystring: z.object({
            lastEventId: z.string().max(20).optional(),
            /** The user the page believes is signed in: another (the browser's cookie now signs
             * in someone else) is a 401, so that page asks again who is signed in. */
            as: z.string().max(64).optional(),
          }),
          description:
            'Server-Sent Events (text/event-stream) for the signed-in user: `message`, `read`, ' +
            '`notification`, `offer`, `collaboration`, each with `id:`; a reconnect with Last-Event-ID ' +
            'replays what it missed.',
          response: errorResponses(400, 401),
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        if (request.query.as !== undefined && request.query.as !== user.id) throw unauthenticated();
        const lastEventId = lastEventIdOf(request.headers['last-event-id'], request.query.lastEventId);
        reply.hijack();
        await openEventStream(ctx, { user, sessionId: user.sessionId, reply, lastEventId });
      },
    );
  };
}
