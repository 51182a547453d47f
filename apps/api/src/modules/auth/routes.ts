import {
  changePasswordBodySchema,
  emptyBodySchema,
  loginBodySchema,
  loginResponseSchema,
  okSchema,
  passwordResetConfirmBodySchema,
  passwordResetRequestBodySchema,
  registerBodySchema,
  SIGNED_IN_HINT_COOKIE,
  tokenBodySchema,
  updateMeBodySchema,
  userResponseSchema,
} from '@bextr/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/error-responses.ts';
import { AppError } from '../../http/errors.ts';
import { clearSessionCookie, clearSignedInHint, requireUser, setSessionCookie } from '../../http/session.ts';
import { presentUser } from './presenter.ts';
import { secondFactorRoutes } from './second-factor/routes.ts';
import * as auth from './service.ts';

const tags = ['auth'];

export function authRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    await app.register(secondFactorRoutes(ctx));

    app.post(
      '/auth/register',
      {
        schema: {
          tags,
          body: registerBodySchema,
          response: { 201: userResponseSchema, ...errorResponses(409) },
        },
      },
      async (request, reply) => {
        const { user, session } = await auth.registerUser(ctx, {
          body: request.body,
          locale: request.locale,
          ip: request.ip,
          previousSessionId: request.sessionId ?? request.pendingSignIn?.sessionId ?? undefined,
          userAgent: request.headers['user-agent'],
        });
        setSessionCookie(reply, ctx, session);
        return reply.status(201).send({ user: presentUser(user) });
      },
    );

    app.post(
      '/auth/login',
      {
        schema: {
          tags,
          body: loginBodySchema,
          response: { 200: loginResponseSchema, ...errorResponses(401) },
        },
      },
      async (request, reply) => {
        const { user, session } = await auth.loginUser(ctx, {
          ...request.body,
          ip: request.ip,
          previousSessionId: request.sessionId ?? request.pendingSignIn?.sessionId ?? undefined,
          userAgent: request.headers['user-agent'],
        });
        setSessionCookie(reply, ctx, session);
        if (session.secondFactorPending) return { secondFactorRequired: true as const };
        return { user: presentUser(user) };
      },
    );

    app.post('/auth/logout', { schema: { tags, body: emptyBodySchema } }, async (request, reply) => {
      const sessionId = request.sessionId ?? request.pendingSignIn?.sessionId;
      if (sessionId) await auth.logoutSession(ctx, { sessionId });
      clearSessionCookie(reply, ctx);
      return reply.status(204).send();
    });

    app.get(
      '/auth/me',
      { schema: { tags, response: { 200: userResponseSchema, ...errorResponses(401) } } },
      async (request, reply) => {
        // A hint left by a session that has since ended (expired, signed out elsewhere) goes.
        if (!request.user && request.cookies[SIGNED_IN_HINT_COOKIE]) clearSignedInHint(reply, ctx);
        // A sign-in waiting for its second factor is not signed in; the code says what is missing.
        if (request.pendingSignIn) throw new AppError(401, 'SECOND_FACTOR_REQUIRED');
        return { user: presentUser(requireUser(request)) };
      },
    );

    app.patch(
      '/auth/me',
      { schema: { tags, body: updateMeBodySchema, response: { 200: userResponseSchema } } },
      async (request) => {
        const user = await auth.updateMe(ctx, { user: requireUser(request), body: request.body });
        return { user: presentUser(user) };
      },
    );

    app.post(
      '/auth/verify-email',
      { schema: { tags, body: tokenBodySchema, response: { 200: okSchema } } },
      async (request) => {
        await auth.verifyEmail(ctx, { token: request.body.token });
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/verify-email/resend',
      { schema: { tags, body: emptyBodySchema, response: { 202: okSchema } } },
      async (request, reply) => {
        await auth.resendVerification(ctx, { user: requireUser(request) });
        return reply.status(202).send({ ok: true as const });
      },
    );

    app.post(
      '/auth/password-reset/request',
      { schema: { tags, body: passwordResetRequestBodySchema, response: { 202: okSchema } } },
      async (request, reply) => {
        await auth.requestPasswordReset(ctx, { email: request.body.email, ip: request.ip });
        return reply.status(202).send({ ok: true as const });
      },
    );

    app.post(
      '/auth/password-reset/confirm',
      { schema: { tags, body: passwordResetConfirmBodySchema, response: { 200: okSchema } } },
      async (request) => {
        await auth.confirmPasswordReset(ctx, { ...request.body, ip: request.ip });
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/password',
      { schema: { tags, body: changePasswordBodySchema, response: { 200: okSchema } } },
      async (request) => {
        const user = requireUser(request);
        await auth.changePassword(ctx, { user, sessionId: user.sessionId, ...request.body });
        return { ok: true as const };
      },
    );
  };
}
