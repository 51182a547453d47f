import type { FastifyInstance } from 'fastify';
import { forbidden } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** host:port with the scheme's default port spelled out: an Origin leaves it out, while a Host
 * header may carry it ("example.com:443"). */
const hostWithPort = (url: URL) =>
  url.port ? url.host : `${url.host}:${url.protocol === 'https:' ? 443 : 80}`;

/** Refuses cookie-authenticated writes that the browser says come from another site. */
export function registerOriginCheck(app: FastifyInstance, publicUrl: string | null) {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const fetchSite = request.headers['sec-fetch-site'];
    if (typeof fetchSite === 'string' && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      throw forbidden('CROSS_SITE_REQUEST');
    }
    const origin = request.headers.origin;
    if (typeof origin === 'string' && origin !== 'null') {
      let originUrl: URL;
      try {
        originUrl = new URL(origin);
      } catch {
        throw forbidden('CROSS_SITE_REQUEST');
      }
      const host = request.headers.host?.toLowerCase();
      const sameHost = host === originUrl.host || host === hostWithPort(originUrl);
      const publicHost = publicUrl !== null && hostWithPort(new URL(publicUrl)) === hostWithPort(originUrl);
      if (!sameHost && !publicHost) throw forbidden('CROSS_SITE_REQUEST');
    } else if (origin === 'null') {
      throw forbidden('CROSS_SITE_REQUEST');
    }
  });
}
