import {
  adminCampaignListQuerySchema,
  adminCampaignPageSchema,
  adminCampaignResponseSchema,
  adminStatsSchema,
  adminUserListQuerySchema,
  adminUserPageSchema,
  adminUserResponseSchema,
  auditLogPageSchema,
  auditLogQuerySchema,
  idSchema,
  reinstateBodySchema,
  suspendBodySchema,
  unpublishBodySchema,
  warnBodySchema,
} from '@bextr/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses, objectErrors } from '../../http/error-responses.ts';
import { requireRole } from '../../http/session.ts';
import { listAuditLog } from './audit-log.ts';
import { listCampaigns, unpublishCampaign } from './campaigns.ts';
import { reinstateUser, suspendUser, warnUser } from './moderation.ts';
import { presentAdminUser, presentAdminUserDetail } from './presenter.ts';
import { adminStats } from './stats.ts';
import { getUserDetail, listUsers } from './users.ts';

const tags = ['admin'];
const params = z.object({ id: idSchema });
const listErrors = errorResponses(400, 401, 403);

/** The admin console's API: users (search, detail, warn, suspend, reinstate), campaigns (list,
 * unpublish), the audit log and the stats. Admins only: a visitor gets 401 and any other role 403
 * before the body is looked at. */
export function adminRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.addHook('preValidation', async (request) => {
      requireRole(request, 'admin');
    });
    const userDetail = async (id: string) => ({
      user: presentAdminUserDetail(await getUserDetail(ctx, { id })),
    });

    app.get(
      '/admin/users',
      {
        schema: {
          tags,
          querystring: adminUserListQuerySchema,
          response: { 200: adminUserPageSchema, ...listErrors },
        },
      },
      async (request) => {
        const { page, nextCursor } = await listUsers(ctx, request.query);
        return { items: page.map(presentAdminUser), nextCursor };
      },
    );

    app.get(
      '/admin/users/:id',
      { schema: { tags, params, response: { 200: adminUserResponseSchema, ...objectErrors } } },
      async (request) => userDetail(request.params.id),
    );

    app.post(
      '/admin/users/:id/warn',
      {
        schema: {
          tags,
          params,
          body: warnBodySchema,
          response: { 200: adminUserResponseSchema, ...objectErrors },
        },
      },
      async (request) => {
        const admin = requireRole(request, 'admin');
        await warnUser(ctx, { admin, userId: request.params.id, message: request.body.message });
        return userDetail(request.params.id);
      },
    );

    app.post(
      '/admin/users/:id/suspend',
      {
        schema: {
          tags,
          params,
          body: suspendBodySchema,
          response: { 200: adminUserResponseSchema, ...objectErrors },
        },
      },
      async (request) => {
        const admin = requireRole(request, 'admin');
        await suspendUser(ctx, { admin, userId: request.params.id, reason: request.body.reason });
        return userDetail(request.params.id);
      },
    );

    app.post(
      '/admin/users/:id/reinstate',
      {
        schema: {
          tags,
          params,
          body: reinstateBodySchema,
          response: { 200: adminUserResponseSchema, ...objectErrors },
        },
      },
      async (request) => {
        const admin = requireRole(request, 'admin');
        await reinstateUser(ctx, { admin, userId: request.params.id, reason: request.body?.reason });
        return userDetail(request.params.id);
      },
    );

    app.get(
      '/admin/campaigns',
      {
        schema: {
          tags,
          querystring: adminCampaignListQuerySchema,
          response: { 200: adminCampaignPageSchema, ...listErrors },
        },
      },
      async (request) => listCampaigns(ctx, request.query),
    );

    app.post(
      '/admin/campaigns/:id/unpublish',
      {
        schema: {
          tags,
          params,
          body: unpublishBodySchema,
          response: { 200: adminCampaignResponseSchema, ...objectErrors },
        },
      },
      async (request) => ({
        campaign: await unpublishCampaign(ctx, {
          admin: requireRole(request, 'admin'),
          id: request.params.id,
          reason: request.body.reason,
        }),
      }),
    );

    app.get(
      '/admin/audit-log',
      {
        schema: {
          tags,
          querystring: auditLogQuerySchema,
          response: { 200: auditLogPageSchema, ...listErrors },
        },
      },
      async (request) => listAuditLog(ctx, request.query),
    );

    app.get(
      '/admin/stats',
      { schema: { tags, response: { 200: adminStatsSchema, ...errorResponses(401, 403) } } },
      async () => adminStats(ctx),
    );
  };
}
