import { type Locale, type Role, SIGNED_IN_HINT_COOKIE } from '@bextr/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { localeFromAcceptLanguage } from '../lib/i18n.ts';
import { findSessionUser, type SessionUser } from '../modules/auth/sessions.ts';
import { forbidden, unauthenticated } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    sessionId: string | null;
    /** A sign-in that waits for the second factor: good for `POST /auth/second-factor` only. */
    pendingSignIn: { sessionId: string; user: SessionUser } | null;
    locale: Locale;
  }
}

/** An admin whose second factor is not on yet: signed in, but refused by every API route except
 * its own account's (/auth/*) and its live stream. */
const needsSecondFactorSetup = (user: SessionUser) => user.role === 'admin' && user.totpEnabledAt === null;

/** Reads the session cookie on every request and settles the language of the answer. */
export function registerSession(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('pendingSignIn', null);
  app.decorateRequest('locale', 'en');
  app.addHook('onRequest', async (request, reply) => {
    request.locale = localeFromAcceptLanguage(request.headers['accept-language']) ?? 'en';
    // Probes answer about the process and the database, never about a user: no session lookup, so
    // a cookie the caller happens to send cannot turn a 503 from /health/ready into something else.
    if (request.url.startsWith('/health/')) return;
    const token = request.cookies[ctx.config.session.cookieName];
    if (!token || token.length > 200) return;
    const found = await findSessionUser(ctx.db, token);
    if (!found) return;
    if (found.secondFactorPending) {
      // Not signed in for anything: only the second-factor step reads this.
      request.pendingSignIn = { sessionId: found.sessionId, user: found.user };
      return;
    }
    // An admin without a second factor acts as admin nowhere: every API route but the account's
    // own (/auth/*: me, sign-out, the second-factor setup) and its live stream is refused, whatever
    // guard the route itself uses (the matched route's path, so no spelling of the URL slips past) —
    // admin routes, and the admin's reading rights elsewhere (reports, uploads, hidden campaigns).
    if (needsSecondFactorSetup(found.user) && refusedBeforeSetup(request.routeOptions.url))
      throw forbidden('SECOND_FACTOR_SETUP_REQUIRED');
    request.user = found.user;
    request.sessionId = found.sessionId;
    request.locale = found.user.locale;
    // A live session whose browser lost the web app's hint (signed in before it existed, or a
    // stale 401 dropped it): any request — the page itself, first — puts it back.
    if (!request.cookies[SIGNED_IN_HINT_COOKIE]) setSignedInHint(reply, ctx, found.expiresAt);
  });
}

const API_ROUTES = '/api/v1/';
const SETUP_ROUTES = ['/api/v1/auth/', '/api/v1/events'];
function refusedBeforeSetup(url: string | undefined): boolean {
  if (!url?.startsWith(API_ROUTES)) return false;
  return !SETUP_ROUTES.some((allowed) => url.startsWith(allowed));
}

export function setSessionCookie(
  reply: FastifyReply,
  ctx: AppContext,
  session: { token: string; expiresAt: Date; secondFactorPending?: boolean },
) {
  reply.setCookie(ctx.config.session.cookieName, session.token, {
    ...cookieOptions(ctx, { readable: false }),
    expires: session.expiresAt,
  });
  // A pending sign-in is nobody's session yet: the web app's hint comes with the second factor.
  if (session.secondFactorPending) clearSignedInHint(reply, ctx);
  else setSignedInHint(reply, ctx, session.expiresAt);
}

/** The session cookie (HttpOnly) and the web app's hint (readable) share everything else. */
const cookieOptions = (ctx: AppContext, opts: { readable: boolean }) => ({
  path: '/',
  httpOnly: !opts.readable,
  sameSite: 'lax' as const,
  secure: ctx.config.session.secureCookie,
});

function setSignedInHint(reply: FastifyReply, ctx: AppContext, expires: Date) {
  reply.setCookie(SIGNED_IN_HINT_COOKIE, '1', { ...cookieOptions(ctx, { readable: true }), expires });
}

export function clearSessionCookie(reply: FastifyReply, ctx: AppContext) {
  reply.clearCookie(ctx.config.session.cookieName, cookieOptions(ctx, { readable: false }));
  clearSignedInHint(reply, ctx);
}

/** Drops the web app's "signed in" hint (after a sign-out, or when its session has ended). */
export function clearSignedInHint(reply: FastifyReply, ctx: AppContext) {
  reply.clearCookie(SIGNED_IN_HINT_COOKIE, cookieOptions(ctx, { readable: true }));
}

/** The signed-in user, or 401. */
export function requireUser(request: FastifyRequest): SessionUser & { sessionId: string } {
  if (!request.user || !request.sessionId) throw unauthenticated();
  return Object.assign(request.user, { sessionId: request.sessionId });
}

/** The signed-in user holding one of the roles, else 401/403 (an admin acts as admin only with
 * a second factor: 403 SECOND_FACTOR_SETUP_REQUIRED until then). */
export function requireRole(request: FastifyRequest, ...roles: Role[]): SessionUser {
  const user = requireUser(request);
  if (!roles.includes(user.role)) throw forbidden();
  if (needsSecondFactorSetup(user)) throw forbidden('SECOND_FACTOR_SETUP_REQUIRED');
  return user;
}
