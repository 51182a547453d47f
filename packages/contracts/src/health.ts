import { z } from 'zod';

export const healthSchema = z.object({ status: z.enum(['ok', 'unavailable']) });
export const devMailSchema = z.object({
  items: z.array(
    z.object({
      to: z.string(),
      subject: z.string(),
      text: z.string(),
      html: z.string(),
      /** Extra headers the e-mail carries (List-Unsubscribe, List-Unsubscribe-Post). */
      headers: z.record(z.string(), z.string()),
      sentAt: z.string(),
    }),
  ),
});
