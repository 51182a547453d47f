import {
  amendmentBodySchema,
  cancelBodySchema,
  collaborationListQuerySchema,
  collaborationPageSchema,
  collaborationResponseSchema,
  emptyBodySchema,
  idSchema,
  proofBodySchema,
  requestChangesBodySchema,
} from '@bextr/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses, objectErrors } from '../../http/error-responses.ts';
import { requireRole, requireUser } from '../../http/session.ts';
import { answerAmendment, proposeAmendment, withdrawAmendment } from './amendments.ts';
import { cancelCollaboration, withdrawCancel } from './cancel.ts';
import { decideDeliverable, submitProof } from './delivery.ts';
import { deliverableTransitions } from './policy.ts';
import { presentCollaborationListItem } from './presenter.ts';
import { getCollaboration, listCollaborations } from './service.ts';

const tags = ['collaborations'];
const params = z.object({ id: idSchema });
const lineParams = z.object({ id: idSchema, deliverableId: idSchema });
const amendmentParams = z.object({ id: idSchema, aid: idSchema });
const one = { 200: collaborationResponseSchema, ...objectErrors };
/** Both sides of a collaboration act on it; an admin's verb is a 403 before anything is looked up. */
const sides = ['business', 'influencer'] as const;

export function collaborationRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const answer = async (user: Parameters<typeof getCollaboration>[1]['user'], id: string) => ({
      collaboration: await getCollaboration(ctx, { user, id }),
    });

    app.get(
      '/collaborations',
      {
        schema: {
          tags,
          querystring: collaborationListQuerySchema,
          response: { 200: collaborationPageSchema, ...errorResponses(400, 401) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const { page, nextCursor } = await listCollaborations(ctx, { user, query: request.query });
        return { items: page.map((row) => presentCollaborationListItem(user, row)), nextCursor };
      },
    );

    app.get('/collaborations/:id', { schema: { tags, params, response: one } }, async (request) =>
      answer(requireUser(request), request.params.id),
    );

    app.post(
      '/collaborations/:id/deliverables/:deliverableId/proof',
      { schema: { tags, params: lineParams, body: proofBodySchema, response: one } },
      async (request) => {
        const user = requireRole(request, deliverableTransitions.submit.by);
        await submitProof(ctx, { user, ...request.params, body: request.body });
        return answer(user, request.params.id);
      },
    );

    app.post(
      '/collaborations/:id/deliverables/:deliverableId/approve',
      { schema: { tags, params: lineParams, body: emptyBodySchema, response: one } },
      async (request) => {
        const user = requireRole(request, deliverableTransitions.approve.by);
        await decideDeliverable(ctx, { user, ...request.params, action: 'approve' });
        return answer(user, request.params.id);
      },
    );

    app.post(
      '/collaborations/:id/deliverables/:deliverableId/request-changes',
      { schema: { tags, params: lineParams, body: requestChangesBodySchema, response: one } },
      async (request) => {
        const user = requireRole(request, deliverableTransitions.requestChanges.by);
        const input = { user, ...request.params, action: 'requestChanges' as const, note: request.body.note };
        await decideDeliverable(ctx, input);
        return answer(user, request.params.id);
      },
    );

    app.post(
      '/collaborations/:id/amendments',
      {
        schema: {
          tags,
          params,
          body: amendmentBodySchema,
          response: { 201: collaborationResponseSchema, ...objectErrors },
        },
      },
      async (request, reply) => {
        const user = requireRole(request, ...sides);
        await proposeAmendment(ctx, {
          user,
          id: request.params.id,
          body: request.body,
          locale: request.locale,
        });
        return reply.status(201).send(await answer(user, request.params.id));
      },
    );

    for (const action of ['accept', 'decline'] as const) {
      app.post(
        `/collaborations/:id/amendments/:aid/${action}`,
        { schema: { tags, params: amendmentParams, body: emptyBodySchema, response: one } },
        async (request) => {
          const user = requireRole(request, ...sides);
          const { id, aid } = request.params;
          await answerAmendment(ctx, { user, id, amendmentId: aid, action, locale: request.locale });
          return answer(user, id);
        },
      );
    }

    app.post(
      '/collaborations/:id/amendments/:aid/withdraw',
      { schema: { tags, params: amendmentParams, body: emptyBodySchema, response: one } },
      async (request) => {
        const user = requireRole(request, ...sides);
        await withdrawAmendment(ctx, { user, id: request.params.id, amendmentId: request.params.aid });
        return answer(user, request.params.id);
      },
    );

    app.post(
      '/collaborations/:id/cancel',
      { schema: { tags, params, body: cancelBodySchema.nullish(), response: one } },
      async (request) => {
        const user = requireRole(request, ...sides);
        await cancelCollaboration(ctx, { user, id: request.params.id, reason: request.body?.reason });
        return answer(user, request.params.id);
      },
    );

    app.delete('/collaborations/:id/cancel', { schema: { tags, params, response: one } }, async (request) => {
      const user = requireRole(request, ...sides);
      await withdrawCancel(ctx, { user, id: request.params.id });
      return answer(user, request.params.id);
    });
  };
}
