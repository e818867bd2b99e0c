import { DeliverableType, Platform } from '../../../libs/domain/rules/statuses';
import type { DeliverablePlan, Terms } from '../../../libs/domain/rules/terms';
import type { Offer } from '../../../workflows/messages';
import { choicesOf, FormField, FormValues } from '../back-office/decision-form';
import type { Params } from '../back-office/request-guards';

/**
 * The panel's terms form (proposeTerms, counterOffer): its fields, the problems the fields
 * alone do not show, and the conversion to and from the workflow's terms.
 */

/**
 * Up to five deliverables in the panel's terms form, the first required (the API takes up to
 * 50). A collaboration with more is negotiated through the API (docs/access.md).
 */
export const DELIVERABLE_SLOTS = [1, 2, 3, 4, 5] as const;
const TYPES = choicesOf(Object.values(DeliverableType));
const PLATFORMS = choicesOf(Object.values(Platform));
const ISO_DATE = { regex: /^\d{4}-\d{2}-\d{2}$/, message: 'Exclusivity dates must be dates (YYYY-MM-DD)' };

export const TERMS_FIELDS: FormField[] = [
  { name: 'brandPriceMinor', label: 'Brand price (minor units)', kind: 'number', required: true, min: 1, help: 'What the brand pays, in minor units of the currency: 10000000 paise = INR 1,00,000.00' },
  { name: 'creatorFeeMinor', label: 'Creator fee (minor units)', kind: 'number', required: true, min: 0, help: "The creator's fee, in minor units; never more than the brand price" },
  { name: 'currency', label: 'Currency', kind: 'text', required: true, maxLength: 3, pattern: { regex: /^[A-Z]{3}$/, message: 'Currency must be an ISO 4217 code such as INR' }, help: "The campaign's currency" },
  { name: 'paymentNetDays', label: 'Payment terms (days after verified posting)', kind: 'number', required: true, min: 0, max: 120 },
  { name: 'killFeeBps', label: 'Kill fee (basis points of the creator fee)', kind: 'number', required: true, min: 0, max: 10_000, help: '2500 = 25 % of the fee, owed if the booking ends after the contract is executed' },
  ...DELIVERABLE_SLOTS.flatMap((n): FormField[] => [
    { name: `deliverable${n}Type`, label: `Deliverable ${n}: type`, kind: 'select', required: n === 1, options: TYPES },
    { name: `deliverable${n}Platform`, label: `Deliverable ${n}: platform`, kind: 'select', required: n === 1, options: PLATFORMS },
    { name: `deliverable${n}DraftDueAt`, label: `Deliverable ${n}: draft due`, kind: 'datetime', required: n === 1 },
    { name: `deliverable${n}ScheduledPostAt`, label: `Deliverable ${n}: goes live`, kind: 'datetime' },
  ]),
  { name: 'usageDurationDays', label: 'Usage rights: days from posting', kind: 'number', min: 0, max: 3_650 },
  { name: 'usageChannels', label: 'Usage rights: channels (comma-separated)', kind: 'text', maxLength: 300 },
  { name: 'exclusivityCategory', label: 'Exclusivity: category', kind: 'text', maxLength: 100 },
  { name: 'exclusivityStart', label: 'Exclusivity: from (YYYY-MM-DD)', kind: 'text', maxLength: 10, pattern: ISO_DATE },
  { name: 'exclusivityEnd', label: 'Exclusivity: until (YYYY-MM-DD)', kind: 'text', maxLength: 10, pattern: ISO_DATE },
];

/** Problems the fields alone do not show; the workflow checks the terms as a whole again (termsProblems). */
export function termsFormProblems(values: FormValues): string[] {
  const problems: string[] = [];
  for (const n of DELIVERABLE_SLOTS.slice(1)) {
    const parts = ['Type', 'Platform', 'DraftDueAt'].map((part) => values[`deliverable${n}${part}`]);
    if (parts.some((v) => v !== undefined) && parts.some((v) => v === undefined)) {
      problems.push(`Deliverable ${n} needs a type, a platform and a draft due date, or none of them`);
    }
  }
  const exclusivity = [values.exclusivityCategory, values.exclusivityStart, values.exclusivityEnd];
  if (exclusivity.some((v) => v !== undefined) && exclusivity.some((v) => v === undefined)) {
    problems.push('Exclusivity needs a category and both dates, or none of them');
  }
  if (typeof values.brandPriceMinor === 'number' && typeof values.creatorFeeMinor === 'number' && values.creatorFeeMinor > values.brandPriceMinor) {
    problems.push('The creator fee may not exceed the brand price: the booking would lose money');
  }
  return problems;
}

/** The form's values as the workflow's terms. */
export function termsFromForm(values: FormValues): Terms {
  const deliverables: DeliverablePlan[] = [];
  for (const n of DELIVERABLE_SLOTS) {
    if (values[`deliverable${n}Type`] === undefined) continue;
    deliverables.push({
      type: values[`deliverable${n}Type`] as DeliverableType,
      platform: values[`deliverable${n}Platform`] as Platform,
      draftDueAt: values[`deliverable${n}DraftDueAt`] as string,
      ...(values[`deliverable${n}ScheduledPostAt`] !== undefined ? { scheduledPostAt: values[`deliverable${n}ScheduledPostAt`] as string } : {}),
    });
  }
  const channels = typeof values.usageChannels === 'string' ? values.usageChannels.split(',').map((c) => c.trim()).filter(Boolean) : [];
  const usageRights = {
    ...(values.usageDurationDays !== undefined ? { durationDays: values.usageDurationDays as number } : {}),
    ...(channels.length ? { channels } : {}),
  };
  return {
    brandPriceMinor: values.brandPriceMinor as number,
    creatorFeeMinor: values.creatorFeeMinor as number,
    currency: values.currency as string,
    paymentNetDays: values.paymentNetDays as number,
    killFeeBps: values.killFeeBps as number,
    deliverables,
    ...(Object.keys(usageRights).length ? { usageRights } : {}),
    ...(values.exclusivityCategory !== undefined
      ? { exclusivity: { category: values.exclusivityCategory as string, start: values.exclusivityStart as string, end: values.exclusivityEnd as string } }
      : {}),
  };
}

/**
 * Why the form may not replace the offer on the table: it holds more deliverables than the form
 * can show, and sending the form would silently drop the rest. Null when the form can.
 */
export function formTooSmallFor(onTable: Offer | undefined, collaborationId: string): string | null {
  const count = onTable?.terms.deliverables.length ?? 0;
  if (count <= DELIVERABLE_SLOTS.length) return null;
  return `The offer on the table has ${count} deliverables and this form holds ${DELIVERABLE_SLOTS.length}; negotiate this booking through the API (POST /collaborations/${collaborationId}/terms or /counter-offer) so that none is dropped`;
}

/** The offer on the table (or the collaboration's row) as the form's starting values. */
export function termsDefaults(row: Params, offer: Offer | undefined, now = Date.now()): Params {
  const terms = offer?.terms;
  const defaults: Params = {
    brandPriceMinor: terms?.brandPriceMinor ?? row.brandPriceMinor ?? '',
    creatorFeeMinor: terms?.creatorFeeMinor ?? row.creatorFeeMinor ?? '',
    currency: terms?.currency ?? row.currency ?? '',
    paymentNetDays: terms?.paymentNetDays ?? row['paymentTerms.netDays'] ?? 30,
    killFeeBps: terms?.killFeeBps ?? row['paymentTerms.killFeeBps'] ?? '',
  };
  const plans = terms?.deliverables ?? [{ type: DeliverableType.Reel, platform: Platform.Instagram, draftDueAt: new Date(now + 7 * 86_400_000).toISOString() }];
  plans.slice(0, DELIVERABLE_SLOTS.length).forEach((plan, i) => {
    defaults[`deliverable${i + 1}Type`] = plan.type;
    defaults[`deliverable${i + 1}Platform`] = plan.platform;
    defaults[`deliverable${i + 1}DraftDueAt`] = plan.draftDueAt;
    if (plan.scheduledPostAt) defaults[`deliverable${i + 1}ScheduledPostAt`] = plan.scheduledPostAt;
  });
  if (terms?.usageRights?.durationDays !== undefined) defaults.usageDurationDays = terms.usageRights.durationDays;
  if (terms?.usageRights?.channels?.length) defaults.usageChannels = terms.usageRights.channels.join(', ');
  if (terms?.exclusivity) {
    defaults.exclusivityCategory = terms.exclusivity.category;
    defaults.exclusivityStart = terms.exclusivity.start;
    defaults.exclusivityEnd = terms.exclusivity.end;
  }
  return defaults;
}
