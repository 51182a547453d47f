import { z } from 'zod';
import { idSchema, localeSchema, roleSchema, userStatusSchema } from './common.ts';

export const passwordSchema = z.string().min(8).max(128);
export const emailSchema = z.email().max(254);

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  role: roleSchema,
  name: z.string(),
  locale: localeSchema,
  emailVerified: z.boolean(),
  status: userStatusSchema,
  /** Admins only: whether their second factor is on (until it is, admin routes answer 403
   * SECOND_FACTOR_SETUP_REQUIRED and the web app sends them to set it up). */
  secondFactorEnabled: z.boolean().optional(),
});
export type User = z.infer<typeof userSchema>;

/** What another party may see of a user. */
export const publicUserSchema = userSchema.pick({ id: true, name: true, role: true });

export const registerBodySchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  role: z.enum(['business', 'influencer']),
  name: z.string().trim().min(1).max(120),
  locale: localeSchema.optional(),
});
export type RegisterBody = z.infer<typeof registerBodySchema>;

export const loginBodySchema = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(128),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const userResponseSchema = z.object({ user: userSchema });

export const tokenBodySchema = z.strictObject({ token: z.string().min(10).max(200) });

export const passwordResetRequestBodySchema = z.strictObject({ email: z.string().trim().min(1).max(254) });

export const passwordResetConfirmBodySchema = z.strictObject({
  token: z.string().min(10).max(200),
  password: passwordSchema,
});

export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: passwordSchema,
});

export const updateMeBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  locale: localeSchema.optional(),
});
export type UpdateMeBody = z.infer<typeof updateMeBodySchema>;

export const okSchema = z.object({ ok: z.literal(true) });

/** A cookie the web app can read (not HttpOnly, no secret in it) that says "this browser got a
 * session cookie": without it the app knows it is a visitor's and does not ask `GET /auth/me` only
 * to hear 401. The HttpOnly session cookie alone decides who is signed in. */
export const SIGNED_IN_HINT_COOKIE = 'bextr_signed_in';
