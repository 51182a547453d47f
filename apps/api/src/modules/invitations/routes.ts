import {
  invitationBodySchema,
  invitationPageSchema,
  invitationResponseSchema,
  listQuerySchema,
} from '@bextr/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { objectErrors } from '../../http/error-responses.ts';
import { requireRole } from '../../http/session.ts';
import { presentInvitation } from './presenter.ts';
import { findInvitation, inviteInfluencer, listMyInvitations } from './service.ts';

const tags = ['invitations'];

export function invitationRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/influencers/:handle/invitations',
      {
        schema: {
          tags,
          params: z.object({ handle: z.string().min(1).max(64) }),
          body: invitationBodySchema,
          response: { 201: invitationResponseSchema, ...objectErrors },
        },
      },
      async (request, reply) => {
        const user = requireRole(request, 'business');
        const input = { user, handle: request.params.handle, body: request.body, locale: request.locale };
        const id = await inviteInfluencer(ctx, input);
        return reply.status(201).send({ invitation: presentInvitation(await findInvitation(ctx.db, id)) });
      },
    );

    app.get(
      '/invitations/mine',
      {
        schema: {
          tags,
          querystring: listQuerySchema,
          response: { 200: invitationPageSchema, ...objectErrors },
        },
      },
      async (request) => {
        const user = requireRole(request, 'influencer');
        const { page, nextCursor } = await listMyInvitations(ctx, { user, ...request.query });
        return { items: page.map(presentInvitation), nextCursor };
      },
    );
  };
}
