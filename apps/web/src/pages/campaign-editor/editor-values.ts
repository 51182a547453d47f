import type { Campaign, CampaignDraftBody, Deliverable } from '@bextr/contracts';

export interface DeliverableValues {
  type: string;
  network: string;
  quantity: number | '';
  notes: string;
}

/** The editor's form values: strings and numbers as the inputs hold them; `toDraftBody` turns them
 * into the request body of API.md. */
export interface EditorValues {
  name: string;
  category: string;
  brief: string;
  tiers: string[];
  networks: string[];
  compensationType: 'paid' | 'barter';
  amount: number | '';
  barterDescription: string;
  barterValue: number | '';
  deliverables: DeliverableValues[];
  estimatedHours: number | '';
  startDate: string;
  endDate: string;
  applicationDeadline: string;
  countries: string[];
  remote: boolean;
  languages: string[];
  slots: number | '';
  /** The cover upload's id and URL ('' = none). */
  coverUploadId: string;
  coverUrl: string;
}

export const emptyDeliverable = (network = ''): DeliverableValues => ({
  type: 'post',
  network,
  quantity: 1,
  notes: '',
});

const euros = (minor: number) => minor / 100;
const minor = (value: number) => Math.round(value * 100);

export function valuesFromCampaign(c: Campaign | null): EditorValues {
  const comp = c?.compensation ?? null;
  return {
    name: c?.name ?? '',
    category: c?.category ?? '',
    brief: c?.brief ?? '',
    tiers: c?.tiers ?? [],
    networks: c?.networks ?? [],
    compensationType: comp?.type ?? 'paid',
    amount: comp?.type === 'paid' ? euros(comp.amount.amount) : '',
    barterDescription: comp?.type === 'barter' ? comp.description : '',
    barterValue: comp?.type === 'barter' && comp.value ? euros(comp.value.amount) : '',
    deliverables: (c?.deliverables ?? []).map((d) => ({
      type: d.type,
      network: d.network,
      quantity: d.quantity,
      notes: d.notes ?? '',
    })),
    estimatedHours: c?.estimatedHours ?? '',
    startDate: c?.startDate ?? '',
    endDate: c?.endDate ?? '',
    applicationDeadline: c?.applicationDeadline ?? '',
    countries: c?.countries ?? [],
    remote: c?.remote ?? false,
    languages: c?.languages ?? [],
    slots: c?.slots ?? '',
    coverUploadId: c?.coverUploadId ?? '',
    coverUrl: c?.coverUrl ?? '',
  };
}

const text = (value: string) => (value.trim() === '' ? null : value);
const num = (value: number | '') => (value === '' ? null : value);

/** The body of POST/PATCH: empty fields are sent as null (not filled in). */
export function toDraftBody(v: EditorValues): Record<string, unknown> {
  let compensation: Record<string, unknown> | null = null;
  if (v.compensationType === 'paid' && v.amount !== '') {
    compensation = { type: 'paid', amount: { amount: minor(v.amount), currency: 'EUR' } };
  } else if (v.compensationType === 'barter' && (v.barterDescription.trim() || v.barterValue !== '')) {
    compensation = {
      type: 'barter',
      description: v.barterDescription,
      ...(v.barterValue !== '' ? { value: { amount: minor(v.barterValue), currency: 'EUR' } } : {}),
    };
  }
  return {
    name: text(v.name),
    category: text(v.category),
    brief: text(v.brief),
    tiers: v.tiers,
    networks: v.networks,
    compensation,
    deliverables: v.deliverables.map((d) => ({
      type: d.type,
      network: d.network,
      quantity: d.quantity === '' ? undefined : d.quantity,
      ...(d.notes.trim() ? { notes: d.notes } : {}),
    })),
    estimatedHours: num(v.estimatedHours),
    startDate: text(v.startDate),
    endDate: text(v.endDate),
    applicationDeadline: text(v.applicationDeadline),
    countries: v.countries,
    remote: v.remote,
    languages: v.languages,
    slots: num(v.slots),
    coverUploadId: text(v.coverUploadId),
  };
}

/** Where an error of the request body shows in the form. */
export function formPath(path: string, v: EditorValues): string {
  if (path === 'compensation') return v.compensationType === 'paid' ? 'amount' : 'barterDescription';
  if (path.startsWith('compensation.amount')) return 'amount';
  if (path.startsWith('compensation.description')) return 'barterDescription';
  if (path.startsWith('compensation.value')) return 'barterValue';
  if (path.startsWith('compensation.type')) return 'compensationType';
  return path;
}

/** The values as the preview shows them (a campaign-shaped object). */
export function previewOf(body: CampaignDraftBody | Record<string, unknown>, base: Partial<Campaign>) {
  const b = body as CampaignDraftBody;
  return {
    status: base.status ?? 'draft',
    name: b.name ?? null,
    category: b.category ?? null,
    brief: b.brief ?? null,
    tiers: b.tiers ?? [],
    networks: b.networks ?? [],
    compensation: (b.compensation as Campaign['compensation']) ?? null,
    deliverables: (b.deliverables ?? []).filter((d): d is Deliverable =>
      Boolean(d.type && d.network && d.quantity),
    ),
    estimatedHours: b.estimatedHours ?? null,
    startDate: b.startDate ?? null,
    endDate: b.endDate ?? null,
    applicationDeadline: b.applicationDeadline ?? null,
    countries: b.countries ?? [],
    remote: b.remote ?? false,
    languages: b.languages ?? [],
    slots: b.slots ?? null,
    coverUrl: base.coverUrl ?? null,
    slotsFilled: base.slotsFilled ?? 0,
    isOpen: base.isOpen ?? false,
    business: base.business ?? { id: '', name: '', logoUrl: null },
  } satisfies import('../campaign/CampaignView.tsx').CampaignShown;
}
