import { healthSchema } from '@bextr/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';

/** Liveness and readiness probes, outside /api/v1. Readiness fails while the database does not
 * answer and from the moment the process starts stopping (a load balancer takes it out of rotation
 * while it finishes what it holds). */
export function healthRoutes(ctx: AppContext, opts: { isClosing: () => boolean }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/health/live', { schema: { tags: ['ops'], response: { 200: healthSchema } } }, async () => ({
      status: 'ok' as const,
    }));
    app.get(
      '/health/ready',
      { schema: { tags: ['ops'], response: { 200: healthSchema, 503: healthSchema } } },
      async (request, reply) => {
        if (opts.isClosing()) return reply.status(503).send({ status: 'unavailable' as const });
        try {
          await Promise.race([
            ctx.database.ping(),
            new Promise((_, reject) =>
              setTimeout(() => reject(new Error('database ping timed out')), 2000).unref(),
            ),
          ]);
          return { status: 'ok' as const };
        } catch (err) {
          request.log.warn({ err }, 'readiness: database does not answer');
          return reply.status(503).send({ status: 'unavailable' as const });
        }
      },
    );
  };
}
