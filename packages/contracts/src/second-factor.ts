import { z } from 'zod';
import { userSchema } from './auth.ts';

/** A six-digit code from an authenticator app (spaces allowed, as apps show "123 456"). */
export const totpCodeSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/\s+/g, ''))
  .refine((value) => /^\d{6}$/.test(value), { message: 'totp_code_format' });

/** A recovery code as shown ("abcde-fghij"); case, spaces and dashes do not matter. */
export const recoveryCodeSchema = z
  .string()
  .trim()
  .max(40)
  .transform((value) => value.toLowerCase().replace(/[\s-]+/g, ''))
  .refine((value) => /^[a-z0-9]{10}$/.test(value), { message: 'recovery_code_format' });

/** How many recovery codes an admin gets at enrolment and at every renewal. */
export const RECOVERY_CODE_COUNT = 10;

/** `POST /auth/login` answers either the signed-in user, or — for an admin with a second factor —
 * that the second factor is still needed (the session is pending until `POST /auth/second-factor`). */
export const secondFactorRequiredSchema = z.object({ secondFactorRequired: z.literal(true) });
export const loginResponseSchema = z.union([z.object({ user: userSchema }), secondFactorRequiredSchema]);
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** `POST /auth/second-factor`: a code from the app, or one of the recovery codes. */
export const secondFactorBodySchema = z.union([
  z.strictObject({ code: totpCodeSchema }),
  z.strictObject({ recoveryCode: recoveryCodeSchema }),
]);
export type SecondFactorBody = z.input<typeof secondFactorBodySchema>;

export const secondFactorCodeBodySchema = z.strictObject({ code: totpCodeSchema });
export type SecondFactorCodeBody = z.input<typeof secondFactorCodeBodySchema>;

/** `GET /auth/second-factor`: the signed-in admin's second factor. */
export const secondFactorStatusSchema = z.object({
  enabled: z.boolean(),
  enabledAt: z.iso.datetime().nullable(),
  recoveryCodesLeft: z.number().int().min(0),
});
export type SecondFactorStatus = z.infer<typeof secondFactorStatusSchema>;

/** `POST /auth/second-factor/setup`: a new secret (pending until confirmed) for the authenticator. */
export const secondFactorSetupSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrSvg: z.string(),
});
export type SecondFactorSetup = z.infer<typeof secondFactorSetupSchema>;

/** Fresh recovery codes, shown once (enable, renew). */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;
