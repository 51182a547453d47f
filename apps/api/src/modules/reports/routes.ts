import {
  adminReportPageSchema,
  adminReportsQuerySchema,
  evidencePackResponseSchema,
  idSchema,
  listQuerySchema,
  reportBodySchema,
  reportMessageBodySchema,
  reportMessageResponseSchema,
  reportPageSchema,
  reportResolveBodySchema,
  reportResponseSchema,
} from '@bextr/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses, objectErrors } from '../../http/error-responses.ts';
import { idempotencyKey } from '../../http/idempotency.ts';
import { requireRole, requireUser } from '../../http/session.ts';
import { getEvidencePack, listAdminReports, resolveReport } from './admin.ts';
import { reportingRoles, sideOf } from './policy.ts';
import {
  presentAdminReportListItem,
  presentEvidencePack,
  presentReport,
  presentReportMessage,
  presentReportSummary,
} from './presenter.ts';
import { createReport, getReport, listMyReports, postReportMessage } from './service.ts';

const tags = ['reports'];
const adminTags = ['admin'];
const params = z.object({ id: idSchema });
/** Admin routes refuse everyone else before the body or query is read: 401, then 403. */
const adminOnly = async (request: FastifyRequest) => {
  requireRole(request, 'admin');
};

export function reportRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/reports',
      {
        schema: {
          tags,
          body: reportBodySchema,
          description:
            'A business or influencer reports the other side of one of its collaborations or threads. ' +
            'Yourself: 400; an admin: 403; someone you never dealt with (or a collaboration/thread not yours): 404; ' +
            'a second open report about the same thread: 409 REPORT_ALREADY_OPEN.',
          response: { 201: reportResponseSchema, ...errorResponses(400, 401, 403, 404, 409, 429) },
        },
      },
      async (request, reply) => {
        const user = requireRole(request, ...reportingRoles);
        const id = await createReport(ctx, { user, body: request.body });
        const found = await getReport(ctx, { user, id });
        return reply.status(201).send({ report: presentReport(found, user.id) });
      },
    );

    app.get(
      '/reports/mine',
      {
        schema: { tags, querystring: listQuerySchema, response: { 200: reportPageSchema, ...objectErrors } },
      },
      async (request) => {
        const user = requireUser(request);
        const { page, nextCursor } = await listMyReports(ctx, { user, ...request.query });
        return {
          items: page.map((row) => presentReportSummary(row, sideOf(user, row.report) ?? 'reporter')),
          nextCursor,
        };
      },
    );

    app.get(
      '/reports/:id',
      { schema: { tags, params, response: { 200: reportResponseSchema, ...objectErrors } } },
      async (request) => {
        const user = requireUser(request);
        return { report: presentReport(await getReport(ctx, { user, id: request.params.id }), user.id) };
      },
    );

    app.post(
      '/reports/:id/messages',
      {
        schema: {
          tags,
          params,
          body: reportMessageBodySchema,
          description:
            "A party's message goes to the admins (and stays visible to its author); an admin's goes to " +
            '`visibleTo`: all (default), reporter or reported.',
          response: { 201: reportMessageResponseSchema, ...errorResponses(400, 401, 404, 409, 429) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const clientKey = idempotencyKey(request);
        const input = { user, id: request.params.id, body: request.body, clientKey };
        const message = await postReportMessage(ctx, input);
        return reply
          .status(201)
          .send({ message: presentReportMessage(message, { id: user.id, isAdmin: user.role === 'admin' }) });
      },
    );

    app.get(
      '/admin/reports',
      {
        onRequest: adminOnly,
        schema: {
          tags: adminTags,
          querystring: adminReportsQuerySchema,
          description: 'The reports queue: open first, newest first; filters by status and category.',
          response: { 200: adminReportPageSchema, ...objectErrors },
        },
      },
      async (request) => {
        requireRole(request, 'admin');
        const { page, nextCursor, openCount } = await listAdminReports(ctx, { query: request.query });
        return { items: page.map(presentAdminReportListItem), nextCursor, openCount };
      },
    );

    app.get(
      '/admin/reports/:id',
      {
        onRequest: adminOnly,
        schema: {
          tags: adminTags,
          params,
          description: 'The evidence pack of a report.',
          response: { 200: evidencePackResponseSchema, ...objectErrors },
        },
      },
      async (request) => {
        const admin = requireRole(request, 'admin');
        return { pack: presentEvidencePack(await getEvidencePack(ctx, { id: request.params.id }), admin.id) };
      },
    );

    app.post(
      '/admin/reports/:id/resolve',
      {
        onRequest: adminOnly,
        schema: {
          tags: adminTags,
          params,
          body: reportResolveBodySchema,
          description:
            'Resolves an open report (already resolved: 409). A suspension suspends the reported party at once.',
          response: { 200: evidencePackResponseSchema, ...objectErrors },
        },
      },
      async (request) => {
        const admin = requireRole(request, 'admin');
        const pack = await resolveReport(ctx, { admin, id: request.params.id, body: request.body });
        return { pack: presentEvidencePack(pack, admin.id) };
      },
    );
  };
}
