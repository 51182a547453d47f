import { type AmendmentChanges, type Locale, ruleMessages } from '@bextr/contracts';
import type { AgreementRow, CollaborationDeliverableRow } from '../../db/schema.ts';
import { lineKey } from './create.ts';

type FieldError = { path: string; code: string; message: string };
export type Line = Pick<CollaborationDeliverableRow, 'id' | 'key' | 'status' | 'current'>;
type Terms = AgreementRow['deliverables'][number];

const sameTerms = (a: Omit<Terms, 'key'>, b: Omit<Terms, 'key'>) =>
  a.type === b.type &&
  a.network === b.network &&
  a.quantity === b.quantity &&
  (a.notes ?? '') === (b.notes ?? '');

/** What an amendment would make of the agreement, or the field errors that stop it: a price only for
 * a paid collaboration; the start not after the end; the publish date inside the window; a kept line
 * named by the key of a current line, once; every approved line kept with its terms unchanged. New
 * lines (no key) get fresh keys after every line the collaboration ever had. */
export function applyChanges(
  agreement: AgreementRow,
  lines: readonly Line[],
  changes: AmendmentChanges,
  locale: Locale,
) {
  const errors: FieldError[] = [];
  const add = (path: string, code: string) =>
    errors.push({ path: `changes.${path}`, code, message: ruleMessages[locale][code] ?? code });
  if (changes.priceAmount !== undefined && agreement.compensationType !== 'paid')
    add('priceAmount', 'price_amendment_barter');
  const startDate = changes.startDate ?? agreement.startDate;
  const endDate = changes.endDate ?? agreement.endDate;
  const publishDate = changes.publishDate ?? agreement.publishDate;
  if (startDate && endDate && startDate > endDate)
    add(changes.endDate ? 'endDate' : 'startDate', 'end_before_start');
  else if (publishDate && ((startDate && publishDate < startDate) || (endDate && publishDate > endDate)))
    add(
      changes.publishDate ? 'publishDate' : changes.startDate ? 'startDate' : 'endDate',
      'publish_date_outside',
    );

  let deliverables = agreement.deliverables;
  const dropped: Terms[] = [];
  let approvedDropped = false;
  if (changes.deliverables) {
    const current = new Map(lines.filter((l) => l.current).map((l) => [l.key, l]));
    const termsOf = new Map(agreement.deliverables.map((d) => [d.key, d]));
    const seen = new Set<string>();
    let next = lines.length;
    deliverables = changes.deliverables.map((d, i) => {
      const { key, ...given } = d;
      const terms = withoutEmptyNotes(given);
      if (key === undefined) return { key: lineKey(++next), ...terms };
      if (!current.has(key)) add(`deliverables.${i}.key`, 'deliverable_unknown');
      else if (seen.has(key)) add(`deliverables.${i}.key`, 'deliverable_duplicate');
      seen.add(key);
      const before = termsOf.get(key);
      if (current.get(key)?.status === 'approved' && before && !sameTerms(before, terms))
        approvedDropped = true;
      return { key, ...terms };
    });
    for (const [key, line] of current) {
      if (seen.has(key)) continue;
      if (line.status === 'approved') approvedDropped = true;
      const before = termsOf.get(key);
      if (before) dropped.push(before);
    }
    if (approvedDropped) add('deliverables', 'approved_deliverable_kept');
  }
  const next: AgreementRow = {
    ...agreement,
    ...(changes.priceAmount !== undefined ? { priceAmount: changes.priceAmount } : {}),
    startDate,
    endDate,
    publishDate,
    deliverables,
  };
  return { errors, agreement: next, dropped, approvedDropped };
}

function withoutEmptyNotes(d: Omit<Terms, 'key'>): Omit<Terms, 'key'> {
  return {
    type: d.type,
    network: d.network,
    quantity: d.quantity,
    ...(d.notes ? { notes: d.notes } : {}),
  };
}
