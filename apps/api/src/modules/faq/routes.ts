import {
  emptyBodySchema,
  faqAdminEntriesQuerySchema,
  faqAnswerBodySchema,
  faqEntryCreateBodySchema,
  faqEntryListSchema,
  faqEntryResponseSchema,
  faqEntryUpdateBodySchema,
  faqQuerySchema,
  faqQuestionBodySchema,
  faqQuestionListQuerySchema,
  faqQuestionPageSchema,
  faqQuestionResponseSchema,
  faqResponseSchema,
  idSchema,
  okSchema,
} from '@bextr/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/error-responses.ts';
import { requireRole } from '../../http/session.ts';
import * as entries from './entries.ts';
import { presentEntry } from './presenter.ts';
import * as questions from './questions.ts';

const tags = ['faq'];
const idParams = z.object({ id: idSchema });

/** The public FAQ, the question form, and the admins' queue and editor. */
export function faqRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/faq',
      { schema: { tags, querystring: faqQuerySchema, response: { 200: faqResponseSchema } } },
      async (request) => entries.listPublishedFaq(ctx.db, { locale: request.query.locale ?? request.locale }),
    );

    app.post(
      '/faq/questions',
      { schema: { tags, body: faqQuestionBodySchema, response: { 202: okSchema, ...errorResponses(429) } } },
      async (request, reply) => {
        await questions.submitQuestion(ctx, { body: request.body, ip: request.ip });
        return reply.status(202).send({ ok: true as const });
      },
    );

    await app.register(async (admin) => {
      const a = admin.withTypeProvider<ZodTypeProvider>();
      // Role first: a visitor gets 401 and another role 403 before the body is even looked at.
      a.addHook('preValidation', async (request) => {
        requireRole(request, 'admin');
      });

      a.get(
        '/admin/faq/questions',
        {
          schema: { tags, querystring: faqQuestionListQuerySchema, response: { 200: faqQuestionPageSchema } },
        },
        async (request) => questions.listQuestions(ctx, request.query),
      );

      a.post(
        '/admin/faq/questions/:id/answer',
        {
          schema: {
            tags,
            params: idParams,
            body: faqAnswerBodySchema,
            response: { 200: faqQuestionResponseSchema },
          },
        },
        async (request) => ({
          question: await questions.answerQuestion(ctx, {
            id: request.params.id,
            admin: requireRole(request, 'admin'),
            body: request.body,
          }),
        }),
      );

      a.post(
        '/admin/faq/questions/:id/dismiss',
        {
          schema: {
            tags,
            params: idParams,
            body: emptyBodySchema,
            response: { 200: faqQuestionResponseSchema },
          },
        },
        async (request) => ({
          question: await questions.dismissQuestion(ctx, {
            id: request.params.id,
            admin: requireRole(request, 'admin'),
          }),
        }),
      );

      a.get(
        '/admin/faq/entries',
        { schema: { tags, querystring: faqAdminEntriesQuerySchema, response: { 200: faqEntryListSchema } } },
        async (request) => ({
          items: (await entries.listEntries(ctx, { locale: request.query.locale })).map(presentEntry),
        }),
      );

      a.post(
        '/admin/faq/entries',
        { schema: { tags, body: faqEntryCreateBodySchema, response: { 201: faqEntryResponseSchema } } },
        async (request, reply) => {
          const entry = await entries.createEntry(ctx, {
            body: request.body,
            admin: requireRole(request, 'admin'),
          });
          return reply.status(201).send({ entry: presentEntry(entry) });
        },
      );

      a.patch(
        '/admin/faq/entries/:id',
        {
          schema: {
            tags,
            params: idParams,
            body: faqEntryUpdateBodySchema,
            response: { 200: faqEntryResponseSchema },
          },
        },
        async (request) => ({
          entry: presentEntry(
            await entries.updateEntry(ctx, {
              id: request.params.id,
              body: request.body,
              admin: requireRole(request, 'admin'),
            }),
          ),
        }),
      );

      a.delete(
        '/admin/faq/entries/:id',
        { schema: { tags, params: idParams, body: emptyBodySchema } },
        async (request, reply) => {
          await entries.deleteEntry(ctx, { id: request.params.id, admin: requireRole(request, 'admin') });
          return reply.status(204).send();
        },
      );
    });
  };
}
