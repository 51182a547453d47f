import {
  conversationPageSchema,
  conversationReadBodySchema,
  conversationReadResponseSchema,
  conversationResponseSchema,
  idSchema,
  listQuerySchema,
  messageBodySchema,
  messageListQuerySchema,
  messagePageSchema,
  messageResponseSchema,
} from '@bextr/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/error-responses.ts';
import { requireUser } from '../../http/session.ts';
import { presentConversation, presentMessage } from './presenter.ts';
import { sendMessage } from './send.ts';
import { getConversation, listConversations, listMessages, markConversationRead } from './service.ts';

const tags = ['conversations'];
const params = z.object({ id: idSchema });
const errors = errorResponses(400, 401, 404);

export function conversationRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/conversations',
      {
        schema: { tags, querystring: listQuerySchema, response: { 200: conversationPageSchema, ...errors } },
      },
      async (request) => {
        const user = requireUser(request);
        const { page, nextCursor, unreadTotal } = await listConversations(ctx, { user, ...request.query });
        return { items: page.map(presentConversation), nextCursor, unreadTotal };
      },
    );

    app.get(
      '/conversations/:id',
      { schema: { tags, params, response: { 200: conversationResponseSchema, ...errors } } },
      async (request) => {
        const user = requireUser(request);
        return {
          conversation: presentConversation(await getConversation(ctx, { user, id: request.params.id })),
        };
      },
    );

    app.get(
      '/conversations/:id/messages',
      {
        schema: {
          tags,
          params,
          querystring: messageListQuerySchema,
          response: { 200: messagePageSchema, ...errors },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const input = { user, id: request.params.id, ...request.query };
        const { page, nextCursor } = await listMessages(ctx, input);
        return { items: page.map(presentMessage), nextCursor };
      },
    );

    app.post(
      '/conversations/:id/messages',
      {
        schema: {
          tags,
          params,
          body: messageBodySchema,
          description: 'Idempotent per (sender, clientId): a retry answers the message already stored.',
          response: { 201: messageResponseSchema, ...errorResponses(400, 401, 404, 429) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const input = { user, conversationId: request.params.id, body: request.body };
        return reply.status(201).send({ message: presentMessage(await sendMessage(ctx, input)) });
      },
    );

    app.post(
      '/conversations/:id/read',
      {
        schema: {
          tags,
          params,
          body: conversationReadBodySchema,
          description: '`upTo` must be a message of this thread, else 404.',
          response: { 200: conversationReadResponseSchema, ...errors },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return markConversationRead(ctx, { user, id: request.params.id, body: request.body });
      },
    );
  };
}
