import { type Campaign, idSchema, offerBodySchema } from '@bextr/contracts';
import type { DeliverableValues } from '../../campaign-editor/editor-values.ts';

/** The offer form's values as the inputs hold them; `toOfferBody` makes the request body. */
export interface OfferValues {
  pitch: string;
  deliverables: DeliverableValues[];
  /** Euros (paid campaigns). */
  price: number | '';
  /** Barter campaigns. */
  barterAccepted: boolean;
  proposedPublishDate: string;
}

const euros = (minor: number) => minor / 100;
const minor = (value: number) => Math.round(value * 100);

/** A fresh offer: the campaign's deliverables and amount as the starting proposal. */
export function offerValuesFrom(campaign: Campaign): OfferValues {
  const comp = campaign.compensation;
  return {
    pitch: '',
    deliverables: campaign.deliverables.map((d) => ({
      type: d.type,
      network: d.network,
      quantity: d.quantity,
      notes: d.notes ?? '',
    })),
    price: comp?.type === 'paid' ? euros(comp.amount.amount) : '',
    barterAccepted: false,
    proposedPublishDate: '',
  };
}

/** The body of POST /campaigns/:id/offers. Empty optional fields are left out; a price only for paid
 * campaigns, the barter acceptance only for barter ones. */
export function toOfferBody(
  v: OfferValues,
  campaign: Campaign,
  invitationId: string | null,
): Record<string, unknown> {
  const type = campaign.compensation?.type;
  return {
    pitch: v.pitch,
    deliverables: v.deliverables.map((d) => ({
      type: d.type || undefined,
      network: d.network || undefined,
      quantity: d.quantity === '' ? undefined : d.quantity,
      ...(d.notes.trim() ? { notes: d.notes } : {}),
    })),
    ...(type === 'paid' && v.price !== '' ? { price: { amount: minor(v.price), currency: 'EUR' } } : {}),
    ...(type === 'barter' ? { barterAccepted: v.barterAccepted } : {}),
    ...(v.proposedPublishDate ? { proposedPublishDate: v.proposedPublishDate } : {}),
    ...(invitationId ? { invitationId } : {}),
  };
}

/** The contract's body schema plus the rules that depend on this campaign. The server checks the same
 * rules and answers with the same codes (field errors); checking here only saves a round trip. */
export function offerSchemaFor(campaign: Campaign) {
  const type = campaign.compensation?.type;
  return offerBodySchema.superRefine((body, ctx) => {
    if (type === 'paid' && !body.price) {
      ctx.addIssue({ code: 'custom', message: 'price_required', path: ['price'], input: body.price });
    }
    if (type === 'barter' && body.barterAccepted !== true) {
      ctx.addIssue({
        code: 'custom',
        message: 'barter_not_accepted',
        path: ['barterAccepted'],
        input: body.barterAccepted,
      });
    }
    const date = body.proposedPublishDate;
    const { startDate, endDate } = campaign;
    if (date && ((startDate && date < startDate) || (endDate && date > endDate))) {
      ctx.addIssue({
        code: 'custom',
        message: 'publish_date_outside',
        path: ['proposedPublishDate'],
        input: date,
      });
    }
    body.deliverables.forEach((d, index) => {
      if (campaign.networks.length > 0 && !campaign.networks.includes(d.network)) {
        ctx.addIssue({
          code: 'custom',
          message: 'deliverable_network',
          path: ['deliverables', index, 'network'],
          input: d.network,
        });
      }
    });
  });
}

/** The form fields that show errors; a body path that is none of them is shown above the form. */
const fieldPaths = ['pitch', 'deliverables', 'price', 'barterAccepted', 'proposedPublishDate'];
const rowFields = ['type', 'network', 'quantity', 'notes'];

/** Where an error of the request body shows in the form, or null for a form-level note. */
export function offerFormPath(path: string): string | null {
  const [top = '', index, field] = path.split('.');
  if (top === 'price') return 'price';
  if (top === 'deliverables') {
    return index !== undefined && field && rowFields.includes(field) ? `deliverables.${index}.${field}` : top;
  }
  return fieldPaths.includes(top) ? top : null;
}

/** The invitation id of `?invitation=`, when it looks like one. */
export function invitationIdFrom(params: URLSearchParams): string | null {
  const parsed = idSchema.safeParse(params.get('invitation') ?? '');
  return parsed.success ? parsed.data : null;
}
