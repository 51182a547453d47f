import {
  type CampaignDraftBody,
  type Compensation,
  type Deliverable,
  normalizeSearchText,
} from '@bextr/contracts';
import type { campaigns, ShownCampaign } from '../../db/schema.ts';

type Insert = Partial<typeof campaigns.$inferInsert>;

/** The campaign's fields in the request-body shape, with empty ones left out (undefined). */
export type CampaignValues = { [K in keyof CampaignDraftBody]?: Exclude<CampaignDraftBody[K], null> };

export function compensationOf(row: ShownCampaign): Compensation | null {
  if (row.compensationType === 'paid' && row.amount !== null) {
    return { type: 'paid', amount: { amount: row.amount, currency: 'EUR' } };
  }
  if (row.compensationType === 'barter' && row.barterDescription) {
    return {
      type: 'barter',
      description: row.barterDescription,
      ...(row.amount !== null ? { value: { amount: row.amount, currency: 'EUR' as const } } : {}),
    };
  }
  return null;
}

const defined = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

export function valuesOf(row: ShownCampaign): CampaignValues {
  return {
    name: defined(row.name),
    category: defined(row.category) as CampaignValues['category'],
    brief: defined(row.brief),
    tiers: row.tiers as CampaignValues['tiers'],
    networks: row.networks as CampaignValues['networks'],
    compensation: defined(compensationOf(row)),
    deliverables: row.deliverables as Deliverable[],
    estimatedHours: defined(row.estimatedHours),
    startDate: defined(row.startDate),
    endDate: defined(row.endDate),
    applicationDeadline: defined(row.applicationDeadline),
    countries: row.countries,
    remote: row.remote,
    languages: row.languages,
    slots: defined(row.slots),
    coverUploadId: defined(row.coverUploadId),
  };
}

/** A saved campaign merged with a PATCH body: absent = unchanged, null = cleared. */
export function mergeValues(current: CampaignValues, body: CampaignDraftBody): CampaignValues {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    merged[key] = value === null ? undefined : value;
  }
  return merged as CampaignValues;
}

/** The columns of a campaign with these values (every column, so cleared fields are cleared). */
export function columnsOf(values: CampaignValues): Insert {
  const c = values.compensation;
  const amount = c ? (c.type === 'paid' ? c.amount.amount : (c.value?.amount ?? null)) : null;
  return {
    name: values.name ?? null,
    category: values.category ?? null,
    brief: values.brief ?? null,
    tiers: values.tiers ?? [],
    networks: values.networks ?? [],
    compensationType: c?.type ?? null,
    amount,
    sortAmount: amount ?? 0,
    currency: 'EUR',
    barterDescription: c?.type === 'barter' ? c.description : null,
    deliverables: values.deliverables ?? [],
    estimatedHours: values.estimatedHours ?? null,
    startDate: values.startDate ?? null,
    endDate: values.endDate ?? null,
    applicationDeadline: values.applicationDeadline ?? null,
    countries: values.countries ?? [],
    remote: values.remote ?? false,
    languages: values.languages ?? [],
    slots: values.slots ?? null,
    coverUploadId: values.coverUploadId ?? null,
    searchText: normalizeSearchText([values.name, values.brief].filter(Boolean).join('\n')),
  };
}
