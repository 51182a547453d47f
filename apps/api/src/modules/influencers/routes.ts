import {
  emptyBodySchema,
  errorBodySchema,
  idSchema,
  influencerPageSchema,
  influencerProfileBodySchema,
  influencerProfileResponseSchema,
  influencerSearchQuerySchema,
  insightBodySchema,
  insightPatchSchema,
  insightResponseSchema,
  portfolioItemBodySchema,
  portfolioItemPatchSchema,
  portfolioItemResponseSchema,
  socialAccountBodySchema,
  socialAccountPatchSchema,
  socialAccountResponseSchema,
} from '@bextr/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { idempotencyKey } from '../../http/idempotency.ts';
import { requireRole } from '../../http/session.ts';
import { searchInfluencers } from './directory.ts';
import * as items from './items.ts';
import {
  presentInsight,
  presentPortfolioItem,
  presentProfile,
  presentSocialAccount,
  presentSummary,
} from './presenter.ts';
import { getOwnProfile, getProfileByHandle, saveProfile } from './profile.ts';

const tags = ['influencers'];
const params = z.object({ id: idSchema });
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};
const BASE = '/influencer-profile';

export function influencerRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const profileResponse = { 200: influencerProfileResponseSchema, ...errors };

    app.get(BASE, { schema: { tags, response: profileResponse } }, async (request) => {
      const user = requireRole(request, 'influencer');
      return { profile: presentProfile(user, await getOwnProfile(ctx, { user })) };
    });

    app.put(
      BASE,
      { schema: { tags, body: influencerProfileBodySchema, response: profileResponse } },
      async (request) => {
        const user = requireRole(request, 'influencer');
        return { profile: presentProfile(user, await saveProfile(ctx, { user, body: request.body })) };
      },
    );

    // Social accounts
    app.post(
      `${BASE}/social-accounts`,
      {
        schema: {
          tags,
          body: socialAccountBodySchema,
          response: { 201: socialAccountResponseSchema, ...errors },
        },
      },
      async (request, reply) => {
        const user = requireRole(request, 'influencer');
        const row = await items.addSocialAccount(ctx, { user, body: request.body });
        return reply.status(201).send({ socialAccount: presentSocialAccount(row) });
      },
    );
    app.patch(
      `${BASE}/social-accounts/:id`,
      {
        schema: {
          tags,
          params,
          body: socialAccountPatchSchema,
          response: { 200: socialAccountResponseSchema, ...errors },
        },
      },
      async (request) => {
        const user = requireRole(request, 'influencer');
        const row = await items.updateSocialAccount(ctx, { user, id: request.params.id, body: request.body });
        return { socialAccount: presentSocialAccount(row) };
      },
    );

    // Portfolio
    app.post(
      `${BASE}/portfolio`,
      {
        schema: {
          tags,
          body: portfolioItemBodySchema,
          response: { 201: portfolioItemResponseSchema, ...errors },
        },
      },
      async (request, reply) => {
        const user = requireRole(request, 'influencer');
        const clientKey = idempotencyKey(request);
        const row = await items.addPortfolioItem(ctx, { user, body: request.body, clientKey });
        return reply.status(201).send({ item: presentPortfolioItem(row) });
      },
    );
    app.patch(
      `${BASE}/portfolio/:id`,
      {
        schema: {
          tags,
          params,
          body: portfolioItemPatchSchema,
          response: { 200: portfolioItemResponseSchema, ...errors },
        },
      },
      async (request) => {
        const user = requireRole(request, 'influencer');
        const row = await items.updatePortfolioItem(ctx, { user, id: request.params.id, body: request.body });
        return { item: presentPortfolioItem(row) };
      },
    );

    // Insights
    app.post(
      `${BASE}/insights`,
      { schema: { tags, body: insightBodySchema, response: { 201: insightResponseSchema, ...errors } } },
      async (request, reply) => {
        const user = requireRole(request, 'influencer');
        const clientKey = idempotencyKey(request);
        const { row, network } = await items.addInsight(ctx, { user, body: request.body, clientKey });
        return reply.status(201).send({ insight: presentInsight(row, network) });
      },
    );
    app.patch(
      `${BASE}/insights/:id`,
      {
        schema: {
          tags,
          params,
          body: insightPatchSchema,
          response: { 200: insightResponseSchema, ...errors },
        },
      },
      async (request) => {
        const user = requireRole(request, 'influencer');
        const { row, network } = await items.updateInsight(ctx, {
          user,
          id: request.params.id,
          body: request.body,
        });
        return { insight: presentInsight(row, network) };
      },
    );

    const removals = {
      'social-accounts': items.deleteSocialAccount,
      portfolio: items.deletePortfolioItem,
      insights: items.deleteInsight,
    } as const;
    for (const [path, remove] of Object.entries(removals)) {
      app.delete(
        `${BASE}/${path}/:id`,
        { schema: { tags, params, body: emptyBodySchema, response: { 204: z.null(), ...errors } } },
        async (request, reply) => {
          const user = requireRole(request, 'influencer');
          await remove(ctx, { user, id: request.params.id });
          return reply.status(204).send(null);
        },
      );
    }

    // Directory and profile pages
    app.get(
      '/influencers',
      {
        schema: {
          tags,
          querystring: influencerSearchQuerySchema,
          response: { 200: influencerPageSchema, ...errors },
        },
      },
      async (request) => {
        requireRole(request, 'business', 'admin');
        const { page, nextCursor } = await searchInfluencers(ctx, { query: request.query });
        return { items: page.map(presentSummary), nextCursor };
      },
    );
    app.get(
      '/influencers/:handle',
      {
        schema: { tags, params: z.object({ handle: z.string().min(1).max(64) }), response: profileResponse },
      },
      async (request) => {
        const full = await getProfileByHandle(ctx, { actor: request.user, handle: request.params.handle });
        return { profile: presentProfile(request.user, full) };
      },
    );
  };
}
