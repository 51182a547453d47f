import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { unauthenticated } from '../../http/errors.ts';
import { createMetrics, UNMATCHED_ROUTE } from '../../lib/metrics.ts';

/** GET /metrics (Prometheus text format), registered only when METRICS=true — otherwise the path is
 * unknown like any other (404). Meant for the internal network: the load balancer does not forward
 * it (ops/nginx), and with METRICS_TOKEN set it asks for `Authorization: Bearer <token>` as well.
 * Kept out of the OpenAPI document: it is an operator's endpoint, not part of the API.
 *
 * Call before the routes are registered: the counting hook sits on the root instance, so every
 * route (and the 404 handler) is counted. */
export function registerMetrics(app: FastifyInstance, ctx: AppContext) {
  const metrics = createMetrics({ database: ctx.database, hub: ctx.hub });

  app.addHook('onResponse', async (request, reply) => {
    // The route pattern (`/api/v1/campaigns/:id`), never the path: the label's values stay few.
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    // A live event stream's "latency" is how long it stayed open: counted, not timed. Told by its
    // route, not by the request's Accept, which a client may send to any route.
    const streamed = route === EVENTS_ROUTE && reply.statusCode === 200;
    metrics.observeRequest(
      { method: request.method, route, status: reply.statusCode },
      streamed ? null : reply.elapsedTime / 1000,
    );
  });

  const expected = ctx.config.metricsToken ? digest(`Bearer ${ctx.config.metricsToken}`) : null;
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (expected) {
      const given = digest(request.headers.authorization ?? '');
      // Compared as digests: equal lengths, and no timing hint about the token.
      if (!timingSafeEqual(given, expected)) {
        reply.header('www-authenticate', 'Bearer realm="metrics"');
        throw unauthenticated();
      }
    }
    const body = await metrics.registry.metrics();
    return reply.header('cache-control', 'no-store').type(metrics.registry.contentType).send(body);
  });
}

/** The live event stream's route pattern (modules/events, under the /api/v1 prefix). */
const EVENTS_ROUTE = '/api/v1/events';

const digest = (value: string) => createHash('sha256').update(value).digest();
