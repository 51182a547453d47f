import {
  campaignOffersQuerySchema,
  emptyBodySchema,
  idSchema,
  myOffersQuerySchema,
  offerBodySchema,
  offerPageSchema,
  offerRejectBodySchema,
  offerResponseSchema,
} from '@bextr/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { objectErrors } from '../../http/error-responses.ts';
import { requireRole, requireUser } from '../../http/session.ts';
import { listCampaignOffers, listMyOffers } from './lists.ts';
import { offerTransitions } from './policy.ts';
import { presentOffer } from './presenter.ts';
import { sendOffer } from './send.ts';
import { decideOffer, getOffer } from './service.ts';

const tags = ['offers'];
const params = z.object({ id: idSchema });
const one = { 200: offerResponseSchema, ...objectErrors };

export function offerRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/campaigns/:id/offers',
      {
        schema: {
          tags,
          params,
          body: offerBodySchema,
          response: { 201: offerResponseSchema, ...objectErrors },
        },
      },
      async (request, reply) => {
        const user = requireRole(request, 'influencer');
        const input = { user, campaignId: request.params.id, body: request.body, locale: request.locale };
        return reply.status(201).send({ offer: presentOffer(user, await sendOffer(ctx, input)) });
      },
    );

    app.get(
      '/campaigns/:id/offers',
      {
        schema: {
          tags,
          params,
          querystring: campaignOffersQuerySchema,
          response: { 200: offerPageSchema, ...objectErrors },
        },
      },
      async (request) => {
        const user = requireRole(request, 'business');
        const input = { user, campaignId: request.params.id, query: request.query };
        const { items, nextCursor } = await listCampaignOffers(ctx, input);
        return { items: items.map((row) => presentOffer(user, row)), nextCursor };
      },
    );

    app.get(
      '/offers/mine',
      {
        schema: {
          tags,
          querystring: myOffersQuerySchema,
          response: { 200: offerPageSchema, ...objectErrors },
        },
      },
      async (request) => {
        const user = requireRole(request, 'influencer');
        const { items, nextCursor } = await listMyOffers(ctx, { user, query: request.query });
        return { items: items.map((row) => presentOffer(user, row)), nextCursor };
      },
    );

    app.get('/offers/:id', { schema: { tags, params, response: one } }, async (request) => {
      const user = requireUser(request);
      return { offer: presentOffer(user, await getOffer(ctx, { user, id: request.params.id })) };
    });

    // A verb of the other role is a 403 (checked before the offer is looked up, so it says nothing
    // about it); another party's offer is a 404: whose offer it is stays unsaid.
    for (const action of ['shortlist', 'accept', 'withdraw'] as const) {
      app.post(
        `/offers/:id/${action}`,
        { schema: { tags, params, body: emptyBodySchema, response: one } },
        async (request) => {
          const user = requireRole(request, offerTransitions[action].by);
          const row = await decideOffer(ctx, { user, id: request.params.id, action });
          return { offer: presentOffer(user, row) };
        },
      );
    }

    app.post(
      '/offers/:id/reject',
      { schema: { tags, params, body: offerRejectBodySchema.nullish(), response: one } },
      async (request) => {
        const user = requireRole(request, offerTransitions.reject.by);
        const input = {
          user,
          id: request.params.id,
          action: 'reject' as const,
          reason: request.body?.reason,
        };
        return { offer: presentOffer(user, await decideOffer(ctx, input)) };
      },
    );
  };
}
