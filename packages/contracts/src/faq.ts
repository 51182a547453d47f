import { z } from 'zod';
import { emailSchema } from './auth.ts';
import { idSchema, localeSchema } from './common.ts';

/** FAQ groups, in the order the FAQ shows them. Their titles live in public-content.ts. */
export const faqGroups = [
  'basics',
  'businesses',
  'influencers',
  'collaborations',
  'money',
  'trust',
  'privacy',
] as const;
export const faqGroupSchema = z.enum(faqGroups);
export type FaqGroup = z.infer<typeof faqGroupSchema>;

export const faqQuestionStatuses = ['new', 'answered', 'dismissed'] as const;
export const faqQuestionStatusSchema = z.enum(faqQuestionStatuses);
export type FaqQuestionStatus = z.infer<typeof faqQuestionStatusSchema>;

/** Length caps: what a visitor may send, and what an entry may hold. */
export const FAQ_LIMITS = {
  questionMin: 10,
  questionMax: 1000,
  nameMax: 120,
  answerMax: 5000,
  entryQuestionMax: 1000,
} as const;

// --- public ---

export const faqQuerySchema = z.object({ locale: localeSchema.optional() });

export const faqPublicEntrySchema = z.object({ id: idSchema, question: z.string(), answer: z.string() });
export type FaqPublicEntry = z.infer<typeof faqPublicEntrySchema>;

export const faqResponseSchema = z.object({
  locale: localeSchema,
  groups: z.array(
    z.object({ group: faqGroupSchema, title: z.string(), entries: z.array(faqPublicEntrySchema) }),
  ),
});
export type FaqResponse = z.infer<typeof faqResponseSchema>;

/** A visitor's question. `website` is a honeypot people never see; `elapsedMs` is how long the form
 * was open before it was sent (the web form always sends it). */
export const faqQuestionBodySchema = z.strictObject({
  question: z.string().trim().min(FAQ_LIMITS.questionMin).max(FAQ_LIMITS.questionMax),
  name: z.string().trim().min(1).max(FAQ_LIMITS.nameMax).optional(),
  email: emailSchema.optional(),
  locale: localeSchema,
  website: z.string().max(500).optional(),
  elapsedMs: z.number().int().min(0).max(86_400_000).optional(),
});
export type FaqQuestionBody = z.infer<typeof faqQuestionBodySchema>;

export const publicStatsSchema = z.object({
  influencers: z.number().int(),
  /** null while campaigns cannot be counted (no campaigns table yet). */
  publishedCampaigns: z.number().int().nullable(),
});
export type PublicStats = z.infer<typeof publicStatsSchema>;

// --- admin ---

export const faqEntrySchema = z.object({
  id: idSchema,
  locale: localeSchema,
  group: faqGroupSchema,
  question: z.string(),
  answer: z.string(),
  position: z.number().int(),
  published: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FaqEntry = z.infer<typeof faqEntrySchema>;

export const faqEntryListSchema = z.object({ items: z.array(faqEntrySchema) });
export const faqEntryResponseSchema = z.object({ entry: faqEntrySchema });

export const faqAdminEntriesQuerySchema = z.object({ locale: localeSchema.optional() });

const entryQuestion = z.string().trim().min(5).max(FAQ_LIMITS.entryQuestionMax);
const entryAnswer = z.string().trim().min(1).max(FAQ_LIMITS.answerMax);

export const faqEntryCreateBodySchema = z.strictObject({
  locale: localeSchema,
  group: faqGroupSchema,
  question: entryQuestion,
  answer: entryAnswer,
  published: z.boolean().optional(),
});
export type FaqEntryCreateBody = z.infer<typeof faqEntryCreateBodySchema>;

/** `position` is the entry's new place (0 = first) within its group and language. */
export const faqEntryUpdateBodySchema = z.strictObject({
  group: faqGroupSchema.optional(),
  question: entryQuestion.optional(),
  answer: entryAnswer.optional(),
  published: z.boolean().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type FaqEntryUpdateBody = z.infer<typeof faqEntryUpdateBodySchema>;

/** One person who asked a question (admins only: the e-mail is never public). */
export const faqAskerSchema = z.object({
  id: idSchema,
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** The language the answer e-mail goes out in. */
  locale: localeSchema,
  askedAt: z.string(),
});
export type FaqAsker = z.infer<typeof faqAskerSchema>;

export const faqQuestionSchema = z.object({
  id: idSchema,
  question: z.string(),
  /** The language the question was first asked in: the answer is written in it. */
  locale: localeSchema,
  status: faqQuestionStatusSchema,
  /** How many more times the same question was sent while it waited. */
  duplicates: z.number().int(),
  /** Everyone who asked it, first asker first; the same e-mail counts once. */
  askers: z.array(faqAskerSchema),
  /** How many of the askers left an e-mail: each gets (or got) the answer in their language. */
  emailRecipients: z.number().int(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
  publishedEntries: z.array(z.object({ id: idSchema, locale: localeSchema })),
});
export type FaqQuestion = z.infer<typeof faqQuestionSchema>;

export const faqQuestionListQuerySchema = z.object({
  status: faqQuestionStatusSchema.default('new'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export const faqQuestionPageSchema = z.object({
  items: z.array(faqQuestionSchema),
  nextCursor: z.string().nullable(),
});

export const faqQuestionResponseSchema = z.object({ question: faqQuestionSchema });

/** Publishing languages: the asker's language, the other one, or both. */
export const faqPublishLocaleSchema = z.enum(['en', 'sk', 'both']);

export const faqAnswerBodySchema = z.strictObject({
  /** In the question's language: e-mailed to every asker who left an address. */
  answer: entryAnswer,
  publish: z.boolean(),
  /** Where to publish (default: the asker's language). */
  locale: faqPublishLocaleSchema.optional(),
  group: faqGroupSchema.optional(),
  /** The question as the FAQ shows it (default: as asked). */
  question: entryQuestion.optional(),
  /** The wording for the other language when publishing in both (default: the same text). */
  translation: z.strictObject({ question: entryQuestion, answer: entryAnswer }).optional(),
});
export type FaqAnswerBody = z.infer<typeof faqAnswerBodySchema>;
