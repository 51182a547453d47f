import {
  emptyBodySchema,
  recoveryCodesSchema,
  secondFactorBodySchema,
  secondFactorCodeBodySchema,
  secondFactorSetupSchema,
  secondFactorStatusSchema,
  userResponseSchema,
  userSchema,
} from '@bextr/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { errorResponses } from '../../../http/error-responses.ts';
import { unauthenticated } from '../../../http/errors.ts';
import { requireUser, setSessionCookie } from '../../../http/session.ts';
import { presentUser } from '../presenter.ts';
import * as secondFactor from './service.ts';

const tags = ['auth'];

/** An admin's second factor: the sign-in step, enrolment, recovery codes. */
export function secondFactorRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/auth/second-factor',
      {
        schema: {
          tags,
          body: secondFactorBodySchema,
          response: { 200: userResponseSchema, ...errorResponses(400, 401, 429) },
        },
      },
      async (request, reply) => {
        // Only a sign-in waiting for its second factor gets here; a full session has nothing to add.
        if (!request.pendingSignIn) throw unauthenticated();
        const { user, session } = await secondFactor.completeSignIn(ctx, {
          pending: request.pendingSignIn,
          body: request.body,
          ip: request.ip,
          userAgent: request.headers['user-agent'],
        });
        setSessionCookie(reply, ctx, session);
        return { user: presentUser(user) };
      },
    );

    app.get(
      '/auth/second-factor',
      { schema: { tags, response: { 200: secondFactorStatusSchema, ...errorResponses(401, 403) } } },
      async (request) => secondFactor.getSecondFactorStatus(ctx, requireUser(request)),
    );

    app.post(
      '/auth/second-factor/setup',
      {
        schema: {
          tags,
          body: emptyBodySchema,
          response: { 200: secondFactorSetupSchema, ...errorResponses(401, 403, 409) },
        },
      },
      async (request) => secondFactor.startSetup(ctx, requireUser(request)),
    );

    app.post(
      '/auth/second-factor/enable',
      {
        schema: {
          tags,
          body: secondFactorCodeBodySchema,
          response: {
            200: z.object({ user: userSchema, recoveryCodes: z.array(z.string()) }),
            ...errorResponses(400, 401, 403, 409, 429),
          },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const enabled = await secondFactor.enableSecondFactor(ctx, {
          user,
          sessionId: user.sessionId,
          code: request.body.code,
          ip: request.ip,
        });
        return { user: presentUser(enabled.user), recoveryCodes: enabled.recoveryCodes };
      },
    );

    app.post(
      '/auth/second-factor/recovery-codes',
      {
        schema: {
          tags,
          body: secondFactorCodeBodySchema,
          response: { 200: recoveryCodesSchema, ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request) => ({
        recoveryCodes: await secondFactor.renewRecoveryCodes(ctx, {
          user: requireUser(request),
          code: request.body.code,
          ip: request.ip,
        }),
      }),
    );
  };
}
