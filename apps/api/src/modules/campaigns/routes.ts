import {
  campaignDraftBodySchema,
  campaignPageSchema,
  campaignResponseSchema,
  campaignSearchQuerySchema,
  campaignTeaserPageSchema,
  campaignTeaserResponseSchema,
  emptyBodySchema,
  idSchema,
  myCampaignsPageSchema,
  myCampaignsQuerySchema,
} from '@bextr/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses, objectErrors } from '../../http/error-responses.ts';
import { notFound } from '../../http/errors.ts';
import { idempotencyKey } from '../../http/idempotency.ts';
import { requireRole, requireUser } from '../../http/session.ts';
import { findPublishedCampaign, searchCampaigns } from './discovery.ts';
import type { Transition } from './policy.ts';
import { presentCampaign, presentMyCampaign, presentTeaser } from './presenter.ts';
import { zeroCounts } from './queries.ts';
import * as campaigns from './service.ts';

const tags = ['campaigns'];
const params = z.object({ id: idSchema });
const one = { 200: campaignResponseSchema, ...objectErrors };
const actions: Transition[] = ['publish', 'pause', 'resume', 'close'];

export function campaignRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/campaigns',
      {
        schema: {
          tags,
          body: campaignDraftBodySchema,
          response: { 201: campaignResponseSchema, ...objectErrors },
        },
      },
      async (request, reply) => {
        const user = requireRole(request, 'business');
        const clientKey = idempotencyKey(request);
        const row = await campaigns.createCampaign(ctx, { user, body: request.body, clientKey });
        return reply.status(201).send({ campaign: presentCampaign(user, row) });
      },
    );

    app.get(
      '/campaigns/mine',
      {
        schema: {
          tags,
          querystring: myCampaignsQuerySchema,
          response: { 200: myCampaignsPageSchema, ...objectErrors },
        },
      },
      async (request) => {
        const user = requireRole(request, 'business');
        const { page, counts, nextCursor } = await campaigns.listMyCampaigns(ctx, { user, ...request.query });
        const items = page.map((row) =>
          presentMyCampaign(user, row, counts.get(row.campaign.id) ?? zeroCounts()),
        );
        return { items, nextCursor };
      },
    );

    app.get(
      '/campaigns',
      {
        schema: {
          tags,
          querystring: campaignSearchQuerySchema,
          response: { 200: campaignPageSchema, ...objectErrors },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const { page, nextCursor } = await searchCampaigns(ctx, { query: request.query });
        return { items: page.map((row) => presentCampaign(user, row)), nextCursor };
      },
    );

    app.get(
      '/public/campaigns',
      {
        schema: {
          tags,
          querystring: campaignSearchQuerySchema,
          response: { 200: campaignTeaserPageSchema, ...errorResponses(400) },
        },
      },
      async (request) => {
        const { page, nextCursor } = await searchCampaigns(ctx, { query: request.query });
        return { items: page.map(presentTeaser), nextCursor };
      },
    );

    app.get(
      '/public/campaigns/:id',
      {
        schema: {
          tags,
          params,
          response: { 200: campaignTeaserResponseSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => {
        const row = await findPublishedCampaign(ctx, request.params.id);
        if (!row) throw notFound();
        return { campaign: presentTeaser(row) };
      },
    );

    app.get('/campaigns/:id', { schema: { tags, params, response: one } }, async (request) => {
      const user = requireUser(request);
      const row = await campaigns.getCampaign(ctx, { user, id: request.params.id });
      return { campaign: presentCampaign(user, row) };
    });

    app.patch(
      '/campaigns/:id',
      { schema: { tags, params, body: campaignDraftBodySchema, response: one } },
      async (request) => {
        const user = requireRole(request, 'business');
        const input = { user, id: request.params.id, body: request.body, locale: request.locale };
        return { campaign: presentCampaign(user, await campaigns.updateCampaign(ctx, input)) };
      },
    );

    app.delete(
      '/campaigns/:id',
      { schema: { tags, params, body: emptyBodySchema, response: { 204: z.null(), ...objectErrors } } },
      async (request, reply) => {
        const user = requireRole(request, 'business');
        await campaigns.deleteCampaign(ctx, { user, id: request.params.id });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/campaigns/:id/duplicate',
      {
        schema: {
          tags,
          params,
          body: emptyBodySchema,
          response: { 201: campaignResponseSchema, ...objectErrors },
        },
      },
      async (request, reply) => {
        const user = requireRole(request, 'business');
        const clientKey = idempotencyKey(request);
        const row = await campaigns.duplicateCampaign(ctx, { user, id: request.params.id, clientKey });
        return reply.status(201).send({ campaign: presentCampaign(user, row) });
      },
    );

    for (const action of actions) {
      app.post(
        `/campaigns/:id/${action}`,
        { schema: { tags, params, body: emptyBodySchema, response: one } },
        async (request) => {
          const user = requireRole(request, 'business');
          const input = { user, id: request.params.id, action, locale: request.locale };
          return { campaign: presentCampaign(user, await campaigns.transitionCampaign(ctx, input)) };
        },
      );
    }
  };
}
