import { z } from 'zod';
import { countryCodeSchema, languageCodeSchema } from './business.ts';
import {
  categorySchema,
  idSchema,
  listQuerySchema,
  moneySchema,
  networkSchema,
  pageSchema,
  tierSchema,
} from './common.ts';

export const campaignStatuses = ['draft', 'published', 'paused', 'closed'] as const;
export const campaignStatusSchema = z.enum(campaignStatuses);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

export const deliverableTypes = ['story', 'post', 'reel', 'video', 'series', 'other'] as const;
export const deliverableTypeSchema = z.enum(deliverableTypes);

export const compensationTypes = ['paid', 'barter'] as const;
export const compensationTypeSchema = z.enum(compensationTypes);

export const campaignSorts = ['newest', 'deadline', 'amount', 'relevance'] as const;
export const campaignSortSchema = z.enum(campaignSorts);

export const dateSchema = z.iso.date();

export const deliverableSchema = z.strictObject({
  type: deliverableTypeSchema,
  network: networkSchema,
  quantity: z.number().int().min(1).max(100),
  notes: z.string().trim().max(500).optional(),
});
export type Deliverable = z.infer<typeof deliverableSchema>;

const positiveMoney = moneySchema.refine((money) => money.amount > 0, { message: 'amount_positive' });

export const compensationSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paid'), amount: positiveMoney }),
  z.strictObject({
    type: z.literal('barter'),
    description: z.string().trim().min(1).max(500),
    value: moneySchema.optional(),
  }),
]);
export type Compensation = z.infer<typeof compensationSchema>;

const unique = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, { message: 'duplicate_choice' });

const scalarFields = {
  name: z.string().trim().min(1).max(120),
  category: categorySchema,
  brief: z.string().trim().min(1).max(5000),
  compensation: compensationSchema,
  estimatedHours: z.number().int().min(1).max(1000),
  startDate: dateSchema,
  endDate: dateSchema,
  applicationDeadline: dateSchema,
  remote: z.boolean(),
  slots: z.number().int().min(1).max(1000),
  coverUploadId: idSchema,
};
const listFields = {
  tiers: unique(tierSchema, 4),
  networks: unique(networkSchema, 11),
  deliverables: z.array(deliverableSchema).max(20),
  countries: unique(countryCodeSchema, 60),
  languages: unique(languageCodeSchema, 20),
};

interface DateFields {
  startDate?: string | null | undefined;
  endDate?: string | null | undefined;
  applicationDeadline?: string | null | undefined;
}

/** Rules between fields that hold for drafts too (when both fields are filled in). */
function checkDateOrder(value: DateFields, ctx: z.RefinementCtx) {
  const { startDate, endDate, applicationDeadline } = value;
  if (startDate && endDate && startDate > endDate) {
    ctx.addIssue({ code: 'custom', message: 'end_before_start', path: ['endDate'], input: endDate });
  }
  if (applicationDeadline && endDate && applicationDeadline > endDate) {
    ctx.addIssue({
      code: 'custom',
      message: 'deadline_after_end',
      path: ['applicationDeadline'],
      input: applicationDeadline,
    });
  }
}

/** POST /campaigns and PATCH /campaigns/:id: a draft may be saved incomplete (absent or null =
 * not filled in yet), but whatever is filled in must be valid. */
export const campaignDraftBodySchema = z
  .strictObject({
    name: scalarFields.name.nullish(),
    category: scalarFields.category.nullish(),
    brief: scalarFields.brief.nullish(),
    tiers: listFields.tiers.optional(),
    networks: listFields.networks.optional(),
    compensation: scalarFields.compensation.nullish(),
    deliverables: listFields.deliverables.optional(),
    estimatedHours: scalarFields.estimatedHours.nullish(),
    startDate: scalarFields.startDate.nullish(),
    endDate: scalarFields.endDate.nullish(),
    applicationDeadline: scalarFields.applicationDeadline.nullish(),
    countries: listFields.countries.optional(),
    remote: scalarFields.remote.optional(),
    languages: listFields.languages.optional(),
    slots: scalarFields.slots.nullish(),
    coverUploadId: scalarFields.coverUploadId.nullish(),
  })
  .superRefine(checkDateOrder);
export type CampaignDraftBody = z.infer<typeof campaignDraftBodySchema>;

/** What publishing needs: every field filled in and consistent. (The deadline not being in the past
 * is checked by the server against today's date.) */
export const campaignPublishSchema = z
  .object({
    name: scalarFields.name,
    category: scalarFields.category,
    brief: scalarFields.brief,
    tiers: listFields.tiers.min(1),
    networks: listFields.networks.min(1),
    compensation: scalarFields.compensation,
    deliverables: listFields.deliverables.min(1),
    estimatedHours: scalarFields.estimatedHours,
    startDate: scalarFields.startDate,
    endDate: scalarFields.endDate,
    applicationDeadline: scalarFields.applicationDeadline,
    countries: listFields.countries,
    remote: scalarFields.remote,
    languages: listFields.languages.min(1),
    slots: scalarFields.slots,
  })
  .superRefine((value, ctx) => {
    checkDateOrder(value, ctx);
    if (value.countries.length === 0 && !value.remote) {
      ctx.addIssue({ code: 'custom', message: 'countries_or_remote', path: ['countries'], input: [] });
    }
    value.deliverables.forEach((deliverable, index) => {
      if (!value.networks.includes(deliverable.network)) {
        ctx.addIssue({
          code: 'custom',
          message: 'deliverable_network',
          path: ['deliverables', index, 'network'],
          input: deliverable.network,
        });
      }
    });
  });

export const campaignAbilitiesSchema = z.object({
  edit: z.boolean(),
  publish: z.boolean(),
  pause: z.boolean(),
  resume: z.boolean(),
  close: z.boolean(),
  delete: z.boolean(),
  duplicate: z.boolean(),
});
export type CampaignAbilities = z.infer<typeof campaignAbilitiesSchema>;

/** Offers per state; zero until offers exist. */
export const offerCountsSchema = z.object({
  pending: z.number().int(),
  shortlisted: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  withdrawn: z.number().int(),
  expired: z.number().int(),
});
export type OfferCounts = z.infer<typeof offerCountsSchema>;

/** `logoUrl`: the business's logo (GET /uploads/:id), or null. */
export const campaignBusinessSchema = z.object({
  id: idSchema,
  name: z.string(),
  logoUrl: z.string().nullable(),
});

export const campaignSchema = z.object({
  id: idSchema,
  status: campaignStatusSchema,
  name: z.string().nullable(),
  category: categorySchema.nullable(),
  brief: z.string().nullable(),
  tiers: z.array(tierSchema),
  networks: z.array(networkSchema),
  compensation: compensationSchema.nullable(),
  deliverables: z.array(deliverableSchema),
  estimatedHours: z.number().int().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  applicationDeadline: z.string().nullable(),
  countries: z.array(z.string()),
  remote: z.boolean(),
  languages: z.array(z.string()),
  slots: z.number().int().nullable(),
  slotsFilled: z.number().int(),
  coverUploadId: z.string().nullable(),
  /** The cover image (GET /uploads/:id), or null. */
  coverUrl: z.string().nullable(),
  /** Published, deadline not passed and a slot free: influencers may send offers. */
  isOpen: z.boolean(),
  business: campaignBusinessSchema,
  abilities: campaignAbilitiesSchema,
  /** An admin took it down (back to paused) and why — shown to the owner (and admins) only, until the
   * campaign is published again. `editRequired`: it must be saved once before it may resume. */
  unpublished: z.object({ at: z.string(), reason: z.string(), editRequired: z.boolean() }).nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignResponseSchema = z.object({ campaign: campaignSchema });

export const myCampaignSchema = campaignSchema.extend({ offerCounts: offerCountsSchema });
export type MyCampaign = z.infer<typeof myCampaignSchema>;
export const myCampaignsPageSchema = pageSchema(myCampaignSchema);
export const myCampaignsQuerySchema = listQuerySchema.extend({ status: campaignStatusSchema.optional() });

export const campaignPageSchema = pageSchema(campaignSchema);

/** GET /campaigns and GET /public/campaigns. */
export const campaignSearchQuerySchema = listQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  category: categorySchema.optional(),
  network: networkSchema.optional(),
  tier: tierSchema.optional(),
  compensation: compensationTypeSchema.optional(),
  minAmount: z.coerce.number().int().min(0).max(100_000_000).optional(),
  country: countryCodeSchema.optional(),
  language: languageCodeSchema.optional(),
  deadlineAfter: dateSchema.optional(),
  /** Only the campaigns of this business (its user id), for the business's page. */
  businessId: idSchema.optional(),
  sort: campaignSortSchema.optional(),
});
export type CampaignSearchQuery = z.infer<typeof campaignSearchQuerySchema>;

/** What a visitor sees of a published campaign. */
export const campaignTeaserSchema = z.object({
  id: idSchema,
  name: z.string(),
  category: categorySchema,
  networks: z.array(networkSchema),
  tiers: z.array(tierSchema),
  compensationType: compensationTypeSchema,
  applicationDeadline: z.string(),
  /** The cover image (GET /uploads/:id); left out when the campaign has none. */
  coverUrl: z.string().optional(),
  business: z.object({ name: z.string() }),
});
export type CampaignTeaser = z.infer<typeof campaignTeaserSchema>;
export const campaignTeaserPageSchema = pageSchema(campaignTeaserSchema);
/** `GET /public/campaigns/:id`: one published campaign's teaser, the same fields as in the list. */
export const campaignTeaserResponseSchema = z.object({ campaign: campaignTeaserSchema });

/** 422 details of a refused publish: the reasons in the user's language, and the fields. */
export const publishRefusalSchema = z.object({
  reasons: z.array(z.object({ code: z.string(), message: z.string() })),
  fields: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
});
