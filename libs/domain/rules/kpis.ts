import { addMoney, ratio, type MoneyByCurrency } from './metrics';

/**
 * Team KPIs (docs/metrics.md#team-kpis): the figures a talent agency and a KOL team lead are
 * measured on, per executive (talent manager) or per team (a manager's whole tree), per month or
 * quarter. Pure: the caller selects the period's records; these say what counts.
 */

/** A deliverable that went live: when it was scheduled to, and when it actually did. */
export interface LivePost {
  scheduledPostAt: string | null;
  /** When the post went live (reported by staff, never later than the report). */
  postedAt: string;
}

export interface Share {
  count: number;
  of: number;
  /** count ÷ of; null when there is nothing to measure. */
  rate: number | null;
}

const share = (count: number, of: number): Share => ({ count, of, rate: ratio(count, of) });

/**
 * On-time delivery = posts that went live by their scheduled time ÷ posts with a scheduled time
 * that went live in the period. A post without a scheduled time is not measured.
 */
export function onTimeDelivery(posts: readonly LivePost[]): Share {
  const measured = posts.filter((post) => post.scheduledPostAt !== null);
  const onTime = measured.filter((post) => Date.parse(post.postedAt) <= Date.parse(post.scheduledPostAt!));
  return share(onTime.length, measured.length);
}

/**
 * Creator retention = creators with a collaboration in the previous period who have one again in
 * this period ÷ creators with a collaboration in the previous period.
 */
export function creatorRetention(activeLastPeriod: Iterable<string>, bookedThisPeriod: Iterable<string>): Share {
  const last = new Set(activeLastPeriod);
  const now = new Set(bookedThisPeriod);
  let kept = 0;
  for (const creator of last) if (now.has(creator)) kept += 1;
  return share(kept, last.size);
}

/** Roster churn = creators offboarded during the period ÷ creators on the roster at its start. */
export function rosterChurn(rosterAtStart: number, offboardedDuring: number): Share {
  return share(offboardedDuring, rosterAtStart);
}

/** Creator satisfaction = the mean of the period's 1–5 ratings (one per paid collaboration). */
export function creatorSatisfaction(ratings: readonly number[]): { mean: number | null; ratings: number } {
  const valid = ratings.filter((rating) => Number.isInteger(rating) && rating >= 1 && rating <= 5);
  return { mean: valid.length ? valid.reduce((sum, rating) => sum + rating, 0) / valid.length : null, ratings: valid.length };
}

export interface BookedCollaboration {
  brandPriceMinor: number | null;
  creatorFeeMinor: number | null;
  currency: string;
}

/**
 * Revenue through managed talent = the brand price of the period's collaborations (those with
 * agreed prices); margin = brand price − creator fee. Per currency.
 */
export function revenueAndMargin(collaborations: readonly BookedCollaboration[]): { revenue: MoneyByCurrency; margin: MoneyByCurrency } {
  const revenue: Record<string, number> = {};
  const margin: Record<string, number> = {};
  for (const c of collaborations) {
    if (c.brandPriceMinor === null || c.creatorFeeMinor === null) continue;
    addMoney(revenue, c.currency, c.brandPriceMinor);
    addMoney(margin, c.currency, c.brandPriceMinor - c.creatorFeeMinor);
  }
  return { revenue, margin };
}

/** Escalations per collaboration = escalations raised in the period ÷ collaborations active in it. */
export function escalationsPerCollaboration(escalations: number, collaborations: number): number | null {
  return ratio(escalations, collaborations);
}

/** Share resolved late = escalations resolved in the period by the system as RESOLVED_LATE ÷ all resolved. */
export function shareResolvedLate(resolved: readonly { late: boolean }[]): Share {
  return share(resolved.filter((escalation) => escalation.late).length, resolved.length);
}

/** Rework = revision rounds used ÷ deliverables approved in the period. */
export function rework(deliverables: readonly { revisionCount: number }[]): number | null {
  return ratio(deliverables.reduce((sum, d) => sum + d.revisionCount, 0), deliverables.length);
}

/**
 * Repeat collaborations = creator × brand pairs with two or more collaborations (up to the
 * period's end) ÷ all pairs with at least one. One entry per collaboration.
 */
export function repeatCollaborations(collaborations: readonly { creatorId: string; brandId: string }[]): Share {
  const perPair = new Map<string, number>();
  for (const c of collaborations) {
    const key = `${c.creatorId}\u0000${c.brandId}`;
    perPair.set(key, (perPair.get(key) ?? 0) + 1);
  }
  return share([...perPair.values()].filter((count) => count >= 2).length, perPair.size);
}

/** Whether more of a KPI is better (revenue) or less (escalations, rework). */
export type Direction = 'higher' | 'lower';

/**
 * Progress towards a target: actual ÷ target when more is better, target ÷ actual when less is
 * better (so 1 = exactly on target, above 1 = better than target). `met` says whether the target
 * is reached. Null when either side is unknown or the division is not measurable.
 */
export function targetProgress(actual: number | null, target: number | null, direction: Direction): { progress: number | null; met: boolean | null } {
  if (actual === null || target === null) return { progress: null, met: null };
  const met = direction === 'higher' ? actual >= target : actual <= target;
  if (direction === 'higher') return { progress: ratio(actual, target), met };
  // Less is better: zero actual against any target is fully met.
  if (actual === 0) return { progress: target === 0 ? 1 : null, met };
  return { progress: ratio(target, actual), met };
}
