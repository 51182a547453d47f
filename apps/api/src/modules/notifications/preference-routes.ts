import {
  notificationPreferencesBodySchema,
  notificationPreferencesSchema,
  unsubscribeBodySchema,
  unsubscribeResponseSchema,
} from '@bextr/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/error-responses.ts';
import { badRequest } from '../../http/errors.ts';
import { acceptFormPosts } from '../../http/form-body.ts';
import { requireUser } from '../../http/session.ts';
import { getPreferences, unsubscribe, updatePreferences } from './preferences.ts';
import { presentPreferences } from './presenter.ts';

const tags = ['notifications'];
const PATH = '/notification-preferences';

/** RFC 8058: a mail client's one-click unsubscribe posts this form to the List-Unsubscribe address,
 * which carries the token and kind in its query. */
const oneClickBodySchema = z.strictObject({ 'List-Unsubscribe': z.literal('One-Click') });
const unsubscribeQuerySchema = unsubscribeBodySchema.partial();

/** E-mail preferences (signed in) and the one-click unsubscribe (no sign-in: the token decides). */
export function notificationPreferenceRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      PATH,
      { schema: { tags, response: { 200: notificationPreferencesSchema, ...errorResponses(401) } } },
      async (request) => presentPreferences(await getPreferences(ctx, { user: requireUser(request) })),
    );

    app.put(
      PATH,
      {
        schema: {
          tags,
          body: notificationPreferencesBodySchema,
          response: { 200: notificationPreferencesSchema, ...errorResponses(400, 401) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return presentPreferences(await updatePreferences(ctx, { user, body: request.body }));
      },
    );

    // A mail client opening the List-Unsubscribe address lands on the web page, which asks first.
    app.get(
      `${PATH}/unsubscribe`,
      { schema: { tags, querystring: unsubscribeQuerySchema } },
      async (request, reply) => {
        const query = new URLSearchParams(request.query as Record<string, string>).toString();
        return reply.redirect(`${ctx.baseUrl}/unsubscribe${query ? `?${query}` : ''}`, 303);
      },
    );

    await app.register(async (scope) => {
      acceptFormPosts(scope, 1024);
      const oneClick = scope.withTypeProvider<ZodTypeProvider>();
      oneClick.post(
        `${PATH}/unsubscribe`,
        {
          schema: {
            tags,
            description:
              'Mutes one e-mail kind: JSON {token, kind}, or the RFC 8058 form `List-Unsubscribe=One-Click` with token and kind in the query.',
            querystring: unsubscribeQuerySchema,
            body: z.union([unsubscribeBodySchema, oneClickBodySchema]),
            response: { 200: unsubscribeResponseSchema, ...errorResponses(400, 404, 429) },
          },
        },
        async (request) => {
          const body = request.body;
          const target = 'token' in body ? body : unsubscribeBodySchema.safeParse(request.query).data;
          if (!target)
            throw badRequest('VALIDATION_FAILED', {
              in: 'querystring',
              fields: ['token', 'kind'].map((path) => ({ path, code: 'required' })),
            });
          return unsubscribe(ctx, { ...target, ip: request.ip });
        },
      );
    });
  };
}
