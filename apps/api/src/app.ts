import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { type Config, fastifyTrustProxy } from './config.ts';
import type { AppContext } from './context.ts';
import type { Database } from './db/client.ts';
import { registerBodyGuards } from './http/body-guards.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { serviceUnavailable } from './http/errors.ts';
import { logRedactPaths, logSerializers } from './http/log-serializers.ts';
import { registerOriginCheck } from './http/origin-check.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { responseSerializer } from './http/serialization.ts';
import { registerSession } from './http/session.ts';
import { validatorCompiler } from './http/validation.ts';
import { registerWebApp } from './http/web-app.ts';
import { defaultHubOptions, EventHub, type EventHubOptions } from './lib/events/hub.ts';
import { liveEventsPruneTask } from './lib/events/prune.ts';
import { HOUSEKEEPING_EVERY_MS, startHousekeeping } from './lib/housekeeping.ts';
import { OutboxWorker } from './lib/mail/outbox.ts';
import { createTransport } from './lib/mail/transport.ts';
import { RateLimiter, rateLimitPruneTask } from './lib/rate-limit.ts';
import { createLocalStorage, type Storage } from './lib/storage.ts';
import { createS3Storage } from './lib/storage-s3.ts';
import { adminRoutes } from './modules/admin/routes.ts';
import { authCleanupTask } from './modules/auth/cleanup.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { businessRoutes } from './modules/businesses/routes.ts';
import { campaignRoutes } from './modules/campaigns/routes.ts';
import { collaborationRoutes } from './modules/collaborations/routes.ts';
import { conversationRoutes } from './modules/conversations/routes.ts';
import { devRoutes } from './modules/dev/routes.ts';
import { eventRoutes } from './modules/events/routes.ts';
import { faqRoutes } from './modules/faq/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { influencerRoutes } from './modules/influencers/routes.ts';
import { invitationRoutes } from './modules/invitations/routes.ts';
import { registerMetrics } from './modules/metrics/routes.ts';
import { MESSAGE_EMAILS_EVERY_MS, unreadMessageEmailTask } from './modules/notifications/message-emails.ts';
import { notificationPreferenceRoutes } from './modules/notifications/preference-routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { offerRoutes } from './modules/offers/routes.ts';
import { publicRoutes } from './modules/public-pages/routes.ts';
import { reportRoutes } from './modules/reports/routes.ts';
import { reviewRoutes } from './modules/reviews/routes.ts';
import { uploadRoutes } from './modules/uploads/routes.ts';
import { uploadSweepTask } from './modules/uploads/sweep.ts';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    /** Every route the app registered, in order: the security suites walk it (a new route without an
     * entry in their tables fails them). */
    registeredRoutes: RegisteredRoute[];
  }
}

/** A registered route: its method(s), full path and declared schema (zod, as the route gave it). */
export interface RegisteredRoute {
  method: string;
  url: string;
  schema?: { params?: unknown; querystring?: unknown; body?: unknown; hide?: boolean };
}

const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  if (config.logLevel === 'silent') return false;
  const base = { level: config.logLevel, serializers: logSerializers, redact: logRedactPaths };
  if (!(config.prettyLogs && process.stdout.isTTY)) return base;
  const transport = { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } };
  return { ...base, transport };
}

export interface BuildAppOptions {
  config: Config;
  database: Database;
  /** Outbox poll interval; 0 = never poll (tests drain it themselves). */
  outboxPollMs?: number;
  /** Housekeeping interval (orphaned uploads, expired sessions and e-mail tokens); 0 = never (tests
   * call `sweepOrphanUploads` and `sweepExpiredAuthRows` themselves). */
  housekeepingMs?: number;
  /** How often unread messages are looked at for the batched e-mail; 0 = never (tests call
   * `sendUnreadMessageEmails` themselves). */
  messageEmailsMs?: number;
  baseUrl?: string;
  /** Live event streams: heartbeat interval (tests shorten it) and streams per user. */
  liveEvents?: Partial<EventHubOptions>;
  /** Used instead of the storage the config names (tests: an S3 driver with short timeouts). */
  storage?: Storage;
}

/** Builds the whole HTTP app over an open, migrated database, without listening. */
export async function buildApp(opts: BuildAppOptions) {
  const { config, database } = opts;
  const app = Fastify({
    logger: loggerOptions(config),
    bodyLimit: 1_048_576,
    // Behind nginx (TRUST_PROXY) request.ip is the forwarded client address the rate limits count;
    // without it X-Forwarded-For is ignored, since anyone could send one.
    trustProxy: fastifyTrustProxy(config.trustProxy),
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    requestIdHeader: false,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    forceCloseConnections: 'idle',
    // While stopping, a request that reaches this process on an open (kept-alive) connection is still
    // answered — a load balancer may have sent it a moment before the stop — rather than refused
    // with a 503 the client would see; readiness says 503 and no new event stream opens (below).
    return503OnClosing: false,
    routerOptions: { maxParamLength: 200 },
  });
  // JSON only: every other body type answers 415.
  app.removeContentTypeParser(['text/plain']);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer({ checked: !config.production }));

  const outbox = new OutboxWorker(
    database.db,
    createTransport({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, db: database.db }),
    app.log,
    opts.outboxPollMs ?? 1000,
  );
  const hub = new EventHub(database.db, app.log, { ...defaultHubOptions, ...opts.liveEvents });
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    outbox,
    limiter: new RateLimiter(database.db, config.rateLimitScale),
    // Uploads go to the S3 bucket when S3_BUCKET is set, else to DATA_DIR/uploads (decision 008).
    storage:
      opts.storage ??
      (config.s3 ? createS3Storage(config.s3, { log: app.log }) : createLocalStorage(config.uploadsDir)),
    log: app.log,
    hub,
    baseUrl: opts.baseUrl ?? config.publicUrl ?? `http://${config.host}:${config.port}`,
  };
  app.decorate('ctx', ctx);
  const registeredRoutes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', registeredRoutes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // Fastify adds a HEAD twin for every GET: it answers like the GET, so it is not listed again.
      if (method === 'HEAD' && route.exposeHeadRoute !== false && methods.length === 1) continue;
      registeredRoutes.push({ method, url: route.url, schema: route.schema as RegisteredRoute['schema'] });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // While stopping, answers in flight close their keep-alive connection so the server can end.
  let closing = false;
  // Long enough for a slow upload in flight to finish (the faults suite sends one over seconds), short
  // enough to stay inside main.ts's 9 s deadline and a 10 s stop.
  const CLOSE_GRACE_MS = 7000;
  app.addHook('preClose', async () => {
    closing = true;
    // Open event streams would keep the server from closing: end them (with a reconnect hint) first.
    hub.closeStreams();
    // A client that neither reads nor hangs up would hold the server open: cut what is left after a
    // grace period, well inside the 10 s a stop may take.
    setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS).unref();
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  // A new event stream would hold the stop up: the client reconnects (to another process) instead.
  app.addHook('onRequest', async (request) => {
    if (closing && request.routeOptions.url === '/api/v1/events') throw serviceUnavailable(1);
  });
  await app.register(cookie);
  await registerSecurityHeaders(app, { production: config.production });
  registerSession(app, ctx);
  registerOriginCheck(app, config.publicUrl);
  registerBodyGuards(app);
  registerErrorHandler(app);
  // Before any route: its counting hook must see them all (GET /metrics only when METRICS=true).
  if (config.metrics) registerMetrics(app, ctx);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'BeXtr API', version: '1.0.0', description: 'The HTTP contract of BeXtr. See API.md.' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: config.session.cookieName } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: () => DOCS_CSP,
  });

  await app.register(healthRoutes(ctx, { isClosing: () => closing }));
  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      await api.register(adminRoutes(ctx));
      await api.register(authRoutes(ctx));
      await api.register(businessRoutes(ctx));
      await api.register(campaignRoutes(ctx));
      await api.register(collaborationRoutes(ctx));
      await api.register(conversationRoutes(ctx));
      await api.register(devRoutes(ctx));
      await api.register(eventRoutes(ctx));
      await api.register(faqRoutes(ctx));
      await api.register(influencerRoutes(ctx));
      await api.register(invitationRoutes(ctx));
      await api.register(notificationRoutes(ctx));
      await api.register(notificationPreferenceRoutes(ctx));
      await api.register(offerRoutes(ctx));
      await api.register(reportRoutes(ctx));
      await api.register(reviewRoutes(ctx));
      await api.register(uploadRoutes(ctx));
    },
    { prefix: '/api/v1' },
  );
  await app.register(publicRoutes(ctx));
  await registerWebApp(app, config.webDistDir);

  await hub.start(database);
  if ((opts.outboxPollMs ?? 1000) > 0) outbox.start();
  const housekeepingMs = opts.housekeepingMs ?? HOUSEKEEPING_EVERY_MS;
  const housekeeping =
    housekeepingMs > 0
      ? startHousekeeping(
          [uploadSweepTask(ctx), authCleanupTask(ctx), liveEventsPruneTask(ctx), rateLimitPruneTask(ctx)],
          {
            everyMs: housekeepingMs,
            log: app.log,
          },
        )
      : null;
  const messageEmailsMs = opts.messageEmailsMs ?? MESSAGE_EMAILS_EVERY_MS;
  const messageEmails =
    messageEmailsMs > 0
      ? startHousekeeping([unreadMessageEmailTask(ctx)], { everyMs: messageEmailsMs, log: app.log })
      : null;
  // Background work stops taking new work the moment closing starts, not after the in-flight
  // requests (up to CLOSE_GRACE_MS): an e-mail sent in those seconds could outlive main.ts's exit
  // deadline unmarked and go out again after its lease. onClose then waits for all of them at once.
  app.addHook('preClose', async () => {
    outbox.halt();
    housekeeping?.cancel();
    messageEmails?.cancel();
  });
  app.addHook('onClose', async () => {
    await Promise.all([outbox.stop(), housekeeping?.stop(), messageEmails?.stop()]);
    await hub.stop();
    ctx.storage.close?.();
  });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
