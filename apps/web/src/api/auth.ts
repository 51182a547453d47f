import {
  type changePasswordBodySchema,
  type LoginBody,
  loginResponseSchema,
  okSchema,
  type passwordResetConfirmBodySchema,
  type passwordResetRequestBodySchema,
  type RegisterBody,
  recoveryCodesSchema,
  type SecondFactorBody,
  type SecondFactorCodeBody,
  SIGNED_IN_HINT_COOKIE,
  secondFactorSetupSchema,
  secondFactorStatusSchema,
  type tokenBodySchema,
  type UpdateMeBody,
  type User,
  userResponseSchema,
} from '@bextr/contracts';
import type { z } from 'zod';
import type { ApiClient } from './client.ts';
import { isApiError } from './errors.ts';

type TokenBody = z.infer<typeof tokenBodySchema>;
type PasswordResetRequestBody = z.infer<typeof passwordResetRequestBodySchema>;
type PasswordResetConfirmBody = z.infer<typeof passwordResetConfirmBodySchema>;
type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

const hasSignedInHint = () =>
  document.cookie.split(';').some((c) => c.trim().startsWith(`${SIGNED_IN_HINT_COOKIE}=`));

/** The auth endpoints of API.md, typed by the contracts. */
export function authApi(client: ApiClient) {
  const userOf = (promise: Promise<{ user: User }>) => promise.then((r) => r.user);
  return {
    /** The signed-in user, or null when nobody is signed in. */
    async me(signal?: AbortSignal): Promise<User | null> {
      // A browser that never got a session cookie is a visitor's: no request, no 401 in the console.
      if (!hasSignedInHint()) return null;
      try {
        return await userOf(
          client.request({ method: 'GET', path: '/auth/me', schema: userResponseSchema, signal }),
        );
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
    register: (body: RegisterBody) =>
      userOf(client.request({ method: 'POST', path: '/auth/register', body, schema: userResponseSchema })),
    /** The user, or `{secondFactorRequired: true}` for an admin who must give a code next. */
    login: (body: LoginBody) =>
      client.request({ method: 'POST', path: '/auth/login', body, schema: loginResponseSchema }),
    /** The second step of an admin's sign-in: a code from the app, or a recovery code. */
    completeSecondFactor: (body: SecondFactorBody) =>
      userOf(
        client.request({ method: 'POST', path: '/auth/second-factor', body, schema: userResponseSchema }),
      ),
    secondFactorStatus: (signal?: AbortSignal) =>
      client.request({
        method: 'GET',
        path: '/auth/second-factor',
        schema: secondFactorStatusSchema,
        signal,
      }),
    startSecondFactorSetup: () =>
      client.request({ method: 'POST', path: '/auth/second-factor/setup', schema: secondFactorSetupSchema }),
    enableSecondFactor: (body: SecondFactorCodeBody) =>
      client.request({
        method: 'POST',
        path: '/auth/second-factor/enable',
        body,
        schema: userResponseSchema.extend(recoveryCodesSchema.shape),
      }),
    renewRecoveryCodes: (body: SecondFactorCodeBody) =>
      client.request({
        method: 'POST',
        path: '/auth/second-factor/recovery-codes',
        body,
        schema: recoveryCodesSchema,
      }),
    logout: () => client.requestEmpty({ method: 'POST', path: '/auth/logout' }),
    updateMe: (body: UpdateMeBody) =>
      userOf(client.request({ method: 'PATCH', path: '/auth/me', body, schema: userResponseSchema })),
    verifyEmail: (body: TokenBody) =>
      client.request({ method: 'POST', path: '/auth/verify-email', body, schema: okSchema }),
    resendVerification: () => client.requestEmpty({ method: 'POST', path: '/auth/verify-email/resend' }),
    requestPasswordReset: (body: PasswordResetRequestBody) =>
      client.requestEmpty({ method: 'POST', path: '/auth/password-reset/request', body }),
    confirmPasswordReset: (body: PasswordResetConfirmBody) =>
      client.request({ method: 'POST', path: '/auth/password-reset/confirm', body, schema: okSchema }),
    changePassword: (body: ChangePasswordBody) =>
      client.request({ method: 'POST', path: '/auth/password', body, schema: okSchema }),
  };
}

export type AuthApi = ReturnType<typeof authApi>;
