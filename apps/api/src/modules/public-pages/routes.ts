import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  campaignTeaserContent,
  faqPageContent,
  idSchema,
  type Locale,
  landingContent,
  publicStatsSchema,
} from '@bextr/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { acceptFormPosts } from '../../http/form-body.ts';
import { findPublishedCampaign, listPublishedCampaignIds, searchCampaigns } from '../campaigns/discovery.ts';
import { presentTeaser } from '../campaigns/presenter.ts';
import { listPublishedFaq } from '../faq/entries.ts';
import { submitQuestion } from '../faq/questions.ts';
import { presentProfile } from '../influencers/presenter.ts';
import { getProfileByHandle } from '../influencers/profile.ts';
import { listPublicHandles } from '../influencers/queries.ts';
import { type AskFormState, formKeyOf, formToken, parseAskForm } from './faq-form.ts';
import { fillTemplate, type PageHead, pageUrl, publicPaths, renderHead } from './html.ts';
import { landingNoScriptStyle, renderLandingPage } from './landing-page.ts';
import {
  campaignPageMeta,
  influencerPageMeta,
  influencerPath,
  renderCampaignBody,
  renderCampaignListBody,
  renderFaqBody,
  renderInfluencerBody,
  renderLandingBody,
} from './render.ts';
import { publicStatsReader } from './stats.ts';

const pageLocale = (request: FastifyRequest): Locale =>
  (request.query as { lang?: unknown }).lang === 'sk' ? 'sk' : 'en';

/** The landing page and the FAQ as HTML that already holds their text (for search engines and
 * visitors without JavaScript), robots.txt, sitemap.xml, and the landing page's live figures. */
export function publicRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const base = ctx.baseUrl.replace(/\/$/, '');
    const publicStats = publicStatsReader(ctx.db);

    app.get(
      '/api/v1/public/stats',
      { schema: { tags: ['public'], response: { 200: publicStatsSchema } } },
      async () => publicStats(),
    );

    app.get('/robots.txt', { schema: { hide: true } }, async (_request, reply) => {
      const lines = [
        'User-agent: *',
        'Allow: /',
        'Disallow: /api/',
        'Disallow: /dashboard',
        'Disallow: /settings',
        'Disallow: /admin/',
        '',
        `Sitemap: ${base}/sitemap.xml`,
        '',
      ];
      return reply.type('text/plain; charset=utf-8').send(lines.join('\n'));
    });

    app.get('/sitemap.xml', { schema: { hide: true } }, async (_request, reply) => {
      const campaignPaths = (await listPublishedCampaignIds(ctx)).map(
        (c) => `/campaigns/${encodeURIComponent(c.id)}` as const,
      );
      const influencerPaths = (await listPublicHandles(ctx.db)).map(influencerPath);
      const urls = [...publicPaths, ...campaignPaths, ...influencerPaths].flatMap((p) =>
        (['en', 'sk'] as const).map(
          (locale) => `  <url>
    <loc>${pageUrl(base, p, locale)}</loc>
    <xhtml:link rel="alternate" hreflang="en" href="${pageUrl(base, p, 'en')}"/>
    <xhtml:link rel="alternate" hreflang="sk" href="${pageUrl(base, p, 'sk')}"/>
  </url>`,
        ),
      );
      const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.join('\n')}
</urlset>
`;
      return reply.type('application/xml; charset=utf-8').send(xml);
    });

    // Without a built web app there is nothing to take over the page: the SPA fallback is off too.
    const indexFile = path.join(ctx.config.webDistDir, 'index.html');
    if (!existsSync(indexFile)) return;
    const template = readFileSync(indexFile, 'utf8');

    // The untouched app shell, exactly as the SPA fallback serves it.
    const sendShell = (reply: FastifyReply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(template);

    const send = (
      reply: FastifyReply,
      opts: {
        locale: Locale;
        path: PageHead['path'];
        title: string;
        description: string;
        body: string;
        cacheControl?: string;
        /** Another page of the web build than the app's (the landing page's), with its own head lines. */
        page?: { template: string; headExtra: string };
      },
    ) => {
      const head = renderHead(base, opts);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', opts.cacheControl ?? 'no-cache')
        .header('content-language', opts.locale)
        .send(
          fillTemplate(opts.page?.template ?? template, {
            locale: opts.locale,
            head: opts.page ? `${head}\n    ${opts.page.headExtra}` : head,
            body: opts.body,
          }),
        );
    };

    // Visitors get the landing page with its own small script (decision 020); signed-in users the
    // app, as before (its landing page shows them their way to the dashboard, and their header needs
    // the live counts the app keeps). A build without landing.html falls back to the app too.
    const landingFile = path.join(ctx.config.webDistDir, 'landing.html');
    const landingTemplate = existsSync(landingFile) ? readFileSync(landingFile, 'utf8') : null;
    app.get('/', { schema: { hide: true } }, async (request, reply) => {
      const locale = pageLocale(request);
      const { meta } = landingContent[locale];
      const stats = await publicStats();
      const visitor = landingTemplate !== null && !request.user;
      // The same address answers a signed-in user with the app: caches must keep them apart, and a
      // signed-in user's answer (it may carry their session's Set-Cookie) stays out of shared caches.
      return send(reply.header('vary', 'Cookie'), {
        locale,
        path: '/',
        ...meta,
        body: visitor ? renderLandingPage(locale, stats) : renderLandingBody(locale, stats),
        ...(landingTemplate && visitor
          ? { page: { template: landingTemplate, headExtra: landingNoScriptStyle } }
          : { cacheControl: 'private, no-cache' }),
      });
    });

    const sendFaq = async (reply: FastifyReply, locale: Locale, ask: AskFormState) => {
      const body = renderFaqBody(locale, await listPublishedFaq(ctx.db, { locale }), ask);
      return send(reply, { locale, path: '/faq', ...faqPageContent[locale].meta, body });
    };

    app.get('/faq', { schema: { hide: true } }, async (request, reply) =>
      sendFaq(reply, pageLocale(request), {
        sent: (request.query as { asked?: unknown }).asked === '1',
        token: formToken(await formKeyOf(ctx.db)),
      }),
    );

    // The question form without JavaScript: the same service as `POST /api/v1/faq/questions`, then
    // a redirect to the thank-you (so a reload does not post again), or the form with its refusals.
    // A post without the signed time of a form we showed is a bot's: thanked, and dropped.
    await app.register(async (scope) => {
      acceptFormPosts(scope, 16 * 1024);
      // What the body parsers refuse (over 16 KB, a NUL character) is told on the page, not as JSON.
      scope.setErrorHandler(async (error, request, reply) => {
        const status = (error as { statusCode?: number }).statusCode ?? 500;
        if (status !== 400 && status !== 413) throw error;
        const locale = pageLocale(request);
        return sendFaq(reply.status(status), locale, {
          token: formToken(await formKeyOf(ctx.db)),
          formError: faqPageContent[locale].form.errors.unreadable,
        });
      });
      scope.post('/faq/ask', { schema: { hide: true } }, async (request, reply) => {
        const locale = pageLocale(request);
        const thanks = `/faq?${locale === 'sk' ? 'lang=sk&' : ''}asked=1#ask`;
        const fields =
          request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
        const form = parseAskForm(fields, locale, await formKeyOf(ctx.db));
        if (form.kind === 'spam') return reply.redirect(thanks, 303);
        if (form.kind === 'invalid') return sendFaq(reply.status(422), locale, form);
        try {
          await submitQuestion(ctx, { body: form.body, ip: request.ip });
        } catch (error) {
          if (!(error instanceof AppError) || error.statusCode !== 429) throw error;
          const seconds = Number(error.headers?.['retry-after'] ?? 60);
          const minutes = Math.max(1, Math.ceil(seconds / 60));
          reply.status(429).header('retry-after', String(seconds));
          return sendFaq(reply, locale, {
            values: form.values,
            token: form.token,
            formError: faqPageContent[locale].form.errors.tooMany(minutes),
          });
        }
        return reply.redirect(thanks, 303);
      });
    });

    // The visitors' teaser list and one published campaign's teaser page. The React app takes over
    // both (signed-in users get discovery and the full campaign page there).
    app.get('/campaigns', { schema: { hide: true } }, async (request, reply) => {
      const locale = pageLocale(request);
      const { page } = await searchCampaigns(ctx, { query: { limit: 50 } });
      const body = renderCampaignListBody(locale, page.map(presentTeaser));
      return send(reply, { locale, path: '/campaigns', ...campaignTeaserContent[locale].listMeta, body });
    });

    app.get<{ Params: { id: string } }>(
      '/campaigns/:id',
      { schema: { hide: true } },
      async (request, reply) => {
        const { id } = request.params;
        const row = idSchema.safeParse(id).success ? await findPublishedCampaign(ctx, id) : null;
        // Drafts, paused and closed campaigns (and /campaigns/new): the plain app shell, exactly as
        // the SPA fallback serves it, so an owner's React app still opens its own draft.
        if (!row) return sendShell(reply);
        const locale = pageLocale(request);
        const teaser = presentTeaser(row);
        const path = `/campaigns/${encodeURIComponent(teaser.id)}` as const;
        const body = renderCampaignBody(locale, teaser);
        return send(reply, { locale, path, ...campaignPageMeta(locale, teaser), body });
      },
    );

    // An opted-in influencer's page, as an anonymous visitor sees it through
    // `GET /api/v1/influencers/:handle` (same query, same presenter, no actor). Any other handle
    // (not public, suspended owner, unknown) gets the plain app shell, so the React app shows its
    // own message, and nothing about the profile leaks.
    app.get<{ Params: { handle: string } }>(
      '/i/:handle',
      { schema: { hide: true } },
      async (request, reply) => {
        const { handle } = request.params;
        if (handle.length < 1 || handle.length > 64) return sendShell(reply);
        const full = await getProfileByHandle(ctx, { actor: null, handle }).catch((error: unknown) => {
          if (error instanceof AppError && error.statusCode === 404) return null;
          throw error;
        });
        if (!full) return sendShell(reply);
        const profile = presentProfile(null, full);
        if (!profile.handle) return sendShell(reply);
        const locale = pageLocale(request);
        const body = renderInfluencerBody(locale, profile);
        return send(reply, {
          locale,
          path: influencerPath(profile.handle),
          ...influencerPageMeta(locale, profile),
          body,
        });
      },
    );
  };
}
