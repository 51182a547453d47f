import {
  collaborationReviewsResponseSchema,
  idSchema,
  reviewBodySchema,
  reviewListQuerySchema,
  reviewPageSchema,
  reviewResponseSchema,
} from '@bextr/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses, objectErrors } from '../../http/error-responses.ts';
import { requireUser } from '../../http/session.ts';
import { presentReview } from './presenter.ts';
import {
  getCollaborationReviews,
  listBusinessReviews,
  listInfluencerReviews,
  writeReview,
} from './service.ts';

const tags = ['reviews'];
const params = z.object({ id: idSchema });
const listErrors = errorResponses(400, 401, 404);

export function reviewRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    // Either side, once, after completion; another party's collaboration (an admin's view too) is 404.
    app.post(
      '/collaborations/:id/reviews',
      {
        schema: {
          tags,
          params,
          body: reviewBodySchema,
          response: { 201: reviewResponseSchema, ...objectErrors },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const row = await writeReview(ctx, { user, id: request.params.id, body: request.body });
        return reply.status(201).send({ review: presentReview(row) });
      },
    );

    app.get(
      '/collaborations/:id/reviews',
      { schema: { tags, params, response: { 200: collaborationReviewsResponseSchema, ...objectErrors } } },
      async (request) => {
        const user = requireUser(request);
        const found = await getCollaborationReviews(ctx, { user, id: request.params.id });
        return {
          reviews: {
            ...found,
            mine: found.mine && presentReview(found.mine),
            theirs: found.theirs && presentReview(found.theirs),
          },
        };
      },
    );

    // Reviews an influencer received: whoever may see the profile (businesses, admins; anyone if public).
    app.get(
      '/influencers/:handle/reviews',
      {
        schema: {
          tags,
          params: z.object({ handle: z.string().min(1).max(64) }),
          querystring: reviewListQuerySchema,
          response: { 200: reviewPageSchema, ...listErrors },
        },
      },
      async (request) => {
        const input = { actor: request.user, handle: request.params.handle, query: request.query };
        const { page, nextCursor } = await listInfluencerReviews(ctx, input);
        return { items: page.map(presentReview), nextCursor };
      },
    );

    // Reviews a business received: any signed-in user, as its page.
    app.get(
      '/businesses/:id/reviews',
      {
        schema: {
          tags,
          params,
          querystring: reviewListQuerySchema,
          response: { 200: reviewPageSchema, ...listErrors },
        },
      },
      async (request) => {
        requireUser(request);
        const input = { id: request.params.id, query: request.query };
        const { page, nextCursor } = await listBusinessReviews(ctx, input);
        return { items: page.map(presentReview), nextCursor };
      },
    );
  };
}
