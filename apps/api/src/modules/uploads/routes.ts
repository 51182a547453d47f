import { idSchema, maxUploadBytes, uploadQuerySchema, uploadSchema } from '@bextr/contracts';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/error-responses.ts';
import { AppError, badRequest } from '../../http/errors.ts';
import { idempotencyKey } from '../../http/idempotency.ts';
import { requireUser } from '../../http/session.ts';
import { presentUpload } from './presenter.ts';
import { readUpload, storeImage } from './service.ts';

const tags = ['uploads'];

/** The one file of a multipart request, read into memory (at most 10 MB, else 413). */
async function readOneFile(request: FastifyRequest) {
  if (!request.isMultipart()) throw new AppError(415, 'UNSUPPORTED_IMAGE');
  let part: Awaited<ReturnType<typeof request.file>>;
  try {
    part = await request.file();
    if (!part) throw badRequest('VALIDATION_FAILED', { fields: [{ path: 'file', code: 'too_small' }] });
    const data = await part.toBuffer();
    return data;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT')
      throw new AppError(413, 'FILE_TOO_LARGE');
    throw badRequest('MALFORMED_JSON');
  }
}

export function uploadRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    // Multipart is parsed in this scope only: every other route keeps answering 415 to it.
    await fastify.register(multipart, {
      limits: { fileSize: maxUploadBytes, files: 1, headerPairs: 50 },
    });
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/uploads',
      {
        schema: {
          tags,
          consumes: ['multipart/form-data'],
          description: 'One image (JPEG, PNG or WebP, at most 10 MB) in a multipart field named `file`.',
          response: { 201: uploadSchema, ...errorResponses(400, 401, 404, 413, 415, 507) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const data = await readOneFile(request);
        const row = await storeImage(ctx, { ownerId: user.id, data, clientKey: idempotencyKey(request) });
        return reply.status(201).send(presentUpload(row));
      },
    );

    app.get(
      '/uploads/:id',
      { schema: { tags, params: z.object({ id: idSchema }), querystring: uploadQuerySchema } },
      async (request, reply) => {
        const found = await readUpload(ctx, {
          actor: request.user,
          id: request.params.id,
          size: request.query.size ?? 'full',
        });
        return reply
          .type(found.contentType)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, max-age=3600')
          .header('content-disposition', 'inline')
          .send(found.data);
      },
    );
  };
}
