import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Paths that name a file the build would hold; a missing one is a 404, not the app. Other dotted
 * paths (a handle such as /influencers/lucia.novakova) are client routes. */
const STATIC_FILE =
  /\.(?:m?js|css|map|html?|json|txt|xml|png|jpe?g|webp|gif|svg|ico|avif|woff2?|ttf|webmanifest)$/i;

/** Serves the built web app, and its index.html for client-side routes so deep links survive a
 * reload. API and health paths keep their JSON 404. */
export async function registerWebApp(app: FastifyInstance, distDir: string) {
  const indexFile = path.join(distDir, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.warn({ distDir }, 'web app is not built; serving the API only');
    return;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/',
    wildcard: false,
    index: false,
    maxAge: '1h',
    // The build writes x.js.br and x.js.gz next to each script and stylesheet (apps/web/vite.config.ts):
    // a browser that accepts br or gzip gets that file with Content-Encoding, the others the plain
    // one, always with Vary: Accept-Encoding. The compressed files are no URLs of their own, and
    // landing.html is the public-pages routes' unfilled template, no page.
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz', 'landing.html'],
    setHeaders(res, filePath) {
      if (filePath.includes(`${path.sep}assets${path.sep}`)) {
        res.header('cache-control', 'public, max-age=31536000, immutable');
      } else if (/\.html(?:\.br|\.gz)?$/.test(filePath)) {
        // Names hashed assets of one release: a cached copy would outlive the next deploy.
        res.header('cache-control', 'no-cache');
      }
    },
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const urlPath = request.url.split('?')[0] ?? '/';
    if (urlPath.startsWith('/api/') || urlPath.startsWith('/health/') || STATIC_FILE.test(urlPath)) {
      return reply.callNotFound();
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
