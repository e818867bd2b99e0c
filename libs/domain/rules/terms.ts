import { DEFAULT_MARGIN_FLOOR_BPS, isBelowFloor, marginBps } from './margin';
import { isCurrencyCode, isMinorAmount } from './money';
import { DeliverableType, Platform } from './statuses';

/** One piece of content the creator owes: what, where, and by when the draft is due. */
export interface DeliverablePlan {
  type: DeliverableType;
  platform: Platform;
  /** ISO date-time the draft is due. */
  draftDueAt: string;
  /** ISO date-time it should go live. */
  scheduledPostAt?: string;
}

/** The commercial terms of a collaboration as negotiated (docs/domain.md#records, Collaboration). Money in minor units. */
export interface Terms {
  /** At least one; the contract and production are built from them. */
  deliverables: DeliverablePlan[];
  brandPriceMinor: number;
  creatorFeeMinor: number;
  currency: string;
  usageRights?: { channels?: string[]; durationDays?: number; paidAmplification?: boolean };
  exclusivity?: { category: string; start: string; end: string } | null;
  /** Days after verified posting; docs/domain.md#the-collaboration-lifecycle default net-30. */
  paymentNetDays: number;
  /** Share of the creator fee owed if the collaboration is cancelled after the contract, in basis points. */
  killFeeBps: number;
}

/** Who put the terms on the table: the agency (to the creator) or the creator (back to the agency). */
export type TermsParty = 'agency' | 'creator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every problem with proposed terms, in words; empty when they are acceptable to record. */
export function termsProblems(terms: unknown, campaignCurrency: string): string[] {
  if (!terms || typeof terms !== 'object') return ['terms are required'];
  const t = terms as Partial<Terms>;
  const problems: string[] = [];
  if (!isMinorAmount(t.brandPriceMinor) || t.brandPriceMinor === 0) problems.push('brandPriceMinor must be a positive whole number of minor units');
  if (!isMinorAmount(t.creatorFeeMinor)) problems.push('creatorFeeMinor must be a whole number of minor units');
  if (isMinorAmount(t.brandPriceMinor) && isMinorAmount(t.creatorFeeMinor) && t.creatorFeeMinor > t.brandPriceMinor) {
    problems.push('creatorFeeMinor may not exceed brandPriceMinor: the booking would lose money');
  }
  if (!isCurrencyCode(t.currency)) problems.push('currency must be an ISO 4217 code');
  else if (t.currency !== campaignCurrency) problems.push(`currency must be the campaign's currency, ${campaignCurrency}`);
  if (!Number.isInteger(t.paymentNetDays) || (t.paymentNetDays as number) < 0 || (t.paymentNetDays as number) > 120) {
    problems.push('paymentNetDays must be a whole number of days between 0 and 120');
  }
  if (!Number.isInteger(t.killFeeBps) || (t.killFeeBps as number) < 0 || (t.killFeeBps as number) > 10_000) {
    problems.push('killFeeBps must be between 0 and 10000 (basis points of the creator fee)');
  }
  if (t.usageRights?.durationDays !== undefined && (!Number.isInteger(t.usageRights.durationDays) || t.usageRights.durationDays < 0)) {
    problems.push('usageRights.durationDays must be a whole number of days');
  }
  if (!Array.isArray(t.deliverables) || t.deliverables.length === 0) {
    problems.push('deliverables must list at least one piece of content');
  } else if (t.deliverables.length > 50) {
    problems.push('deliverables may list at most 50 pieces of content');
  } else {
    t.deliverables.forEach((d, i) => problems.push(...deliverableProblems(d, `deliverables[${i}]`)));
  }
  if (t.exclusivity) {
    const { category, start, end } = t.exclusivity;
    if (typeof category !== 'string' || !category.trim()) problems.push('exclusivity.category is required');
    if (!ISO_DATE.test(start ?? '') || !ISO_DATE.test(end ?? '')) problems.push('exclusivity.start and exclusivity.end must be dates (YYYY-MM-DD)');
    else if (end < start) problems.push('exclusivity.end must not be before exclusivity.start');
  }
  return problems;
}

export interface CommercialCheck {
  marginBps: number;
  floorBps: number;
  /** Below the floor: a manager other than the collaboration's talent manager must approve. */
  needsApproval: boolean;
}

export function commercialCheck(terms: Pick<Terms, 'brandPriceMinor' | 'creatorFeeMinor'>, floorBps = DEFAULT_MARGIN_FLOOR_BPS): CommercialCheck {
  const margin = marginBps(terms.brandPriceMinor, terms.creatorFeeMinor);
  return { marginBps: margin, floorBps, needsApproval: isBelowFloor(margin, floorBps) };
}

/** The kill fee the contract allows, rounded down to a whole minor unit. */
export function killFee(terms: Pick<Terms, 'creatorFeeMinor' | 'killFeeBps'>): number {
  return Math.floor((terms.creatorFeeMinor * terms.killFeeBps) / 10_000);
}

function deliverableProblems(d: Partial<DeliverablePlan> | undefined, where: string): string[] {
  if (!d || typeof d !== 'object') return [`${where} must be an object`];
  const problems: string[] = [];
  if (!(Object.values(DeliverableType) as string[]).includes(d.type as string)) problems.push(`${where}.type must be one of ${Object.values(DeliverableType).join(', ')}`);
  if (!(Object.values(Platform) as string[]).includes(d.platform as string)) problems.push(`${where}.platform must be one of ${Object.values(Platform).join(', ')}`);
  const due = Date.parse(d.draftDueAt ?? '');
  if (typeof d.draftDueAt !== 'string' || Number.isNaN(due)) problems.push(`${where}.draftDueAt must be an ISO date-time`);
  if (d.scheduledPostAt !== undefined) {
    const post = Date.parse(d.scheduledPostAt);
    if (Number.isNaN(post)) problems.push(`${where}.scheduledPostAt must be an ISO date-time`);
    else if (!Number.isNaN(due) && post < due) problems.push(`${where}.scheduledPostAt must not be before its draftDueAt`);
  }
  return problems;
}
