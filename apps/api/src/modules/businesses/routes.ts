import {
  businessProfileBodySchema,
  businessProfileResponseSchema,
  errorBodySchema,
  idSchema,
  publicBusinessResponseSchema,
} from '@bextr/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireRole, requireUser } from '../../http/session.ts';
import { presentBusinessProfile, presentPublicBusiness } from './presenter.ts';
import * as businesses from './service.ts';

const tags = ['businesses'];
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

export function businessRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/business-profile',
      { schema: { tags, response: { 200: businessProfileResponseSchema, ...errors } } },
      async (request) => {
        const user = requireRole(request, 'business');
        const row = await businesses.getBusinessProfile(ctx, { user });
        return { profile: presentBusinessProfile(user.id, row) };
      },
    );

    app.put(
      '/business-profile',
      {
        schema: {
          tags,
          body: businessProfileBodySchema,
          response: { 200: businessProfileResponseSchema, ...errors },
        },
      },
      async (request) => {
        const user = requireRole(request, 'business');
        const row = await businesses.saveBusinessProfile(ctx, { user, body: request.body });
        return { profile: presentBusinessProfile(user.id, row) };
      },
    );

    app.get(
      '/businesses/:id',
      {
        schema: {
          tags,
          params: z.object({ id: idSchema }),
          response: { 200: publicBusinessResponseSchema, ...errors },
        },
      },
      async (request) => {
        requireUser(request);
        return { business: presentPublicBusiness(await businesses.getBusinessPage(ctx, request.params)) };
      },
    );
  };
}
