import type { Audience, Distribution } from './audience';
import {
  comparableName,
  ConcurrentCollaboration,
  ConflictBrand,
  CreatorExclusivity,
  DateWindow,
  findConflicts,
  AvailabilityWindow,
} from './conflicts';
import { formatMoney } from './money-format';
import { CreatorStatus } from './statuses';

/**
 * Creator recommendations for a brief (docs/metrics.md#creator-recommendations). Pure: the service
 * loads the pool and each creator's history as of a date, this filters and scores.
 *
 * Every factor's `value` is 0–1, the weights sum to 1, `contribution = value × weight × 100`, and
 * the contributions (rounded to 2 decimals) add up to `score`, so a person can read why a creator
 * ranks where they do.
 */

export const FACTOR_NAMES = [
  'nicheFit',
  'audienceFit',
  'nmvPerPost',
  'engagementRate',
  'conversionRate',
  'reliability',
  'priceFit',
  'repeatCollaboration',
  'audienceOverlap',
] as const;
export type FactorName = (typeof FACTOR_NAMES)[number];
export type FactorWeights = Record<FactorName, number>;

/** Sane defaults: what the brief asks for and what the creator sells weigh most. Sum to 1. */
export const DEFAULT_WEIGHTS: Readonly<FactorWeights> = {
  nicheFit: 0.15,
  audienceFit: 0.15,
  nmvPerPost: 0.2,
  engagementRate: 0.1,
  conversionRate: 0.1,
  reliability: 0.1,
  priceFit: 0.1,
  repeatCollaboration: 0.05,
  audienceOverlap: 0.05,
};

/** Value given to a factor the records cannot judge: the middle, so missing data neither lifts nor sinks. */
export const NEUTRAL = 0.5;

export interface RecommendationCampaign {
  id?: string;
  brand: ConflictBrand & { id?: string };
  window: DateWindow;
  currency: string;
  budgetMinor?: number;
  niches?: readonly string[];
  platforms?: readonly string[];
  deliverableTypes?: readonly string[];
  feeRange?: { minMinor?: number | null; maxMinor?: number | null };
  brandSafetyExclusions?: readonly string[];
  targetAudience?: Audience;
}

/** One past post with its readings; NMV is the creator's NMV in the post's attribution window, in the campaign currency. */
export interface PostRecord {
  nmvMinor?: number | null;
  views?: number | null;
  engagements?: number | null;
  clicks?: number | null;
  orders?: number | null;
}

export interface BookingHistory {
  /** Past bookings that reached a decision (completed or dropped). */
  bookings: number;
  dropouts: number;
  escalations: number;
  /** Deliverables posted, and of those, posted by their scheduled time (+24 h grace). */
  posted: number;
  postedOnTime: number;
  /** Completed bookings with this campaign's brand. */
  withBrand: number;
}

export interface RecommendationCandidate {
  id: string;
  name: string;
  status: `${CreatorStatus}`;
  niches: readonly string[];
  contentStyle?: string | null;
  channels: readonly { platform: string; followers: number }[];
  audience?: Audience;
  baseRates?: Readonly<Record<string, { amountMinor: number; currency: string }>>;
  preferences?: { refusedCategories?: readonly string[] };
  availabilityBlocks?: readonly AvailabilityWindow[];
  exclusivityWindows?: readonly CreatorExclusivity[];
  activeBookings?: readonly ConcurrentCollaboration[];
  posts?: readonly PostRecord[];
  history?: BookingHistory;
}

export interface Factor {
  name: FactorName;
  value: number;
  weight: number;
  contribution: number;
  explanation: string;
}

export interface RankedCreator {
  creatorId: string;
  name: string;
  score: number;
  factors: Factor[];
}

export interface ExcludedCreator {
  creatorId: string;
  name: string;
  reasons: string[];
}

export interface RecommendationInput {
  campaign: RecommendationCampaign;
  candidates: readonly RecommendationCandidate[];
  /** Creators already on the campaign: excluded, and their audiences drive the overlap penalty. */
  booked?: readonly { creatorId: string; name?: string; audience?: Audience }[];
  weights?: Partial<FactorWeights>;
  limit?: number;
}

export interface Recommendation {
  items: RankedCreator[];
  excluded: ExcludedCreator[];
}

/** Weights for a team: the stored ones over the defaults, checked to be 0–1 and to sum to 1. */
export function resolveWeights(stored?: Partial<Record<string, number>> | null): FactorWeights {
  const weights = { ...DEFAULT_WEIGHTS };
  for (const [name, weight] of Object.entries(stored ?? {})) {
    if (!(FACTOR_NAMES as readonly string[]).includes(name)) throw new Error(`unknown ranking factor "${name}"; known: ${FACTOR_NAMES.join(', ')}`);
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0 || weight > 1) throw new Error(`weight of ${name} must be between 0 and 1, got ${weight}`);
    weights[name as FactorName] = weight;
  }
  const sum = FACTOR_NAMES.reduce((total, name) => total + weights[name], 0);
  if (Math.abs(sum - 1) > 1e-9) throw new Error(`ranking weights must sum to 1, they sum to ${round(sum, 6)}`);
  return weights;
}

/** Total-variation distance between two distributions: half the sum of absolute differences, 0 (same) to 1 (disjoint). Null when either is empty. */
export function totalVariationDistance(p: Distribution | undefined, q: Distribution | undefined): number | null {
  const a = normalised(p);
  const b = normalised(q);
  if (!a || !b) return null;
  let sum = 0;
  for (const bucket of new Set([...a.keys(), ...b.keys()])) sum += Math.abs((a.get(bucket) ?? 0) - (b.get(bucket) ?? 0));
  return Math.min(1, sum / 2);
}

const AUDIENCE_DIMENSIONS = ['age', 'gender', 'countries'] as const;

/** 1 − TV distance per dimension (age, gender, country), averaged over the dimensions both sides report. */
export function audienceSimilarity(a: Audience | undefined, b: Audience | undefined): { value: number; parts: string[] } | null {
  const parts: string[] = [];
  let total = 0;
  for (const dimension of AUDIENCE_DIMENSIONS) {
    const distance = totalVariationDistance(a?.[dimension], b?.[dimension]);
    if (distance === null) continue;
    total += 1 - distance;
    parts.push(`${dimension === 'countries' ? 'country' : dimension} ${percent(1 - distance)}`);
  }
  return parts.length ? { value: total / parts.length, parts } : null;
}

export interface ShrunkEstimate {
  id: string;
  /** Posts behind the creator's own mean. */
  n: number;
  raw: number | null;
  estimate: number;
  /** Weight on the cohort mean, 0 (own data only) to 1 (cohort only). */
  shrinkage: number;
}

export interface Shrinkage {
  cohortMean: number;
  /** Pooled within-creator variance of one post (σ²). */
  withinVariance: number;
  /** Variance of the creators' true means (τ²), method of moments, floored at 0. */
  betweenVariance: number;
  estimates: ShrunkEstimate[];
}

/**
 * Empirical Bayes (normal–normal) shrinkage of per-creator means towards the cohort: a creator with
 * n posts keeps weight n·τ² / (n·τ² + σ²) on their own mean, the rest goes to the cohort mean. σ² is
 * the pooled within-creator variance, τ² = var(creator means) − mean(σ²/n) (method of moments,
 * floored at 0). One lucky post moves a creator little; fifty posts speak for themselves.
 */
export function shrinkTowardsCohort(groups: readonly { id: string; values: readonly number[] }[]): Shrinkage {
  const withData = groups.filter((g) => g.values.length > 0);
  const all = withData.flatMap((g) => g.values);
  const cohortMean = all.length ? all.reduce((s, v) => s + v, 0) / all.length : 0;
  let squares = 0;
  let freedom = 0;
  const means = withData.map((g) => {
    const mean = g.values.reduce((s, v) => s + v, 0) / g.values.length;
    for (const v of g.values) squares += (v - mean) ** 2;
    freedom += g.values.length - 1;
    return { n: g.values.length, mean };
  });
  // With no creator on two posts, luck cannot be told from skill: the spread of all posts stands in for σ².
  const withinVariance = freedom > 0 ? squares / freedom : all.length > 1 ? all.reduce((s, v) => s + (v - cohortMean) ** 2, 0) / (all.length - 1) : 0;
  let betweenVariance = 0;
  if (means.length > 1) {
    const grand = means.reduce((s, m) => s + m.mean, 0) / means.length;
    const spread = means.reduce((s, m) => s + (m.mean - grand) ** 2, 0) / (means.length - 1);
    const noise = means.reduce((s, m) => s + withinVariance / m.n, 0) / means.length;
    betweenVariance = Math.max(0, spread - noise);
  }
  const estimates = groups.map((g): ShrunkEstimate => {
    const n = g.values.length;
    if (n === 0) return { id: g.id, n, raw: null, estimate: cohortMean, shrinkage: 1 };
    const raw = g.values.reduce((s, v) => s + v, 0) / n;
    // No spread within creators (σ² = 0) means each mean is exact; no spread between them means the cohort says it all.
    const shrinkage = withinVariance === 0 ? 0 : betweenVariance === 0 ? 1 : withinVariance / (withinVariance + n * betweenVariance);
    return { id: g.id, n, raw, estimate: shrinkage * cohortMean + (1 - shrinkage) * raw, shrinkage };
  });
  return { cohortMean, withinVariance, betweenVariance, estimates };
}

/** The hard filters, each failure a readable reason; empty when the creator may be ranked. */
export function hardFilterReasons(campaign: RecommendationCampaign, candidate: RecommendationCandidate, bookedIds: ReadonlySet<string>): string[] {
  const reasons: string[] = [];
  if (bookedIds.has(candidate.id)) reasons.push('is already booked on this campaign');
  // The conflict check's own rule, so a creator shown here is not blocked a step later.
  const conflicts = findConflicts({
    campaignWindow: campaign.window,
    brand: campaign.brand,
    creator: { id: candidate.id, name: candidate.name, status: candidate.status, preferences: candidate.preferences, availabilityBlocks: candidate.availabilityBlocks },
    exclusivityWindows: candidate.exclusivityWindows,
    activeBookings: candidate.activeBookings,
  });
  for (const conflict of conflicts) if (conflict.severity === 'blocking') reasons.push(`${CONFLICT_LABELS[conflict.kind]}: ${conflict.message}`);
  const exclusions = (campaign.brandSafetyExclusions ?? []).map(comparableName).filter(Boolean);
  const topics = [...candidate.niches, ...(candidate.contentStyle ? [candidate.contentStyle] : [])];
  const unsafe = topics.filter((topic) => exclusions.some((excluded) => comparableName(topic).includes(excluded)));
  if (unsafe.length) reasons.push(`brand safety: ${candidate.name} covers ${unsafe.join(', ')}, which the brief excludes`);
  const platforms = (campaign.platforms ?? []).map(comparableName).filter(Boolean);
  if (platforms.length && !candidate.channels.some((channel) => platforms.includes(comparableName(channel.platform)))) {
    reasons.push(`platform: no channel on ${(campaign.platforms ?? []).join(' or ')}`);
  }
  return reasons;
}

const CONFLICT_LABELS: Record<string, string> = {
  CREATOR_NOT_ACTIVE: 'not active',
  REFUSED_CATEGORY: 'refused category',
  EXCLUSIVITY: 'exclusivity',
  COMPETITOR_BOOKING: 'competitor booking',
  UNAVAILABLE: 'unavailable',
};

/** Ranks the pool for the brief: hard filters first, then the weighted factors. */
export function recommendCreators(input: RecommendationInput): Recommendation {
  const weights = resolveWeights(input.weights);
  const { campaign } = input;
  const limit = input.limit ?? 20;
  const bookedIds = new Set((input.booked ?? []).map((b) => b.creatorId));
  const excluded: ExcludedCreator[] = [];
  const eligible: RecommendationCandidate[] = [];
  for (const candidate of input.candidates) {
    let reasons: string[];
    try {
      reasons = hardFilterReasons(campaign, candidate, bookedIds);
    } catch (error) {
      reasons = [`record has invalid data: ${(error as Error).message}`];
    }
    if (reasons.length) excluded.push({ creatorId: candidate.id, name: candidate.name, reasons });
    else eligible.push(candidate);
  }

  // Priors over the whole pool (the cohort), so a creator's prior does not depend on who else passed the filters.
  const perPost = (pick: (post: PostRecord) => number | null) =>
    shrinkTowardsCohort(input.candidates.map((c) => ({ id: c.id, values: (c.posts ?? []).map(pick).filter((v): v is number => v !== null && Number.isFinite(v)) })));
  const nmv = perPost((p) => (typeof p.nmvMinor === 'number' ? p.nmvMinor : null));
  const engagement = perPost((p) => (p.views && p.views > 0 && typeof p.engagements === 'number' ? p.engagements / p.views : null));
  const conversion = perPost((p) => (p.clicks && p.clicks > 0 && typeof p.orders === 'number' ? p.orders / p.clicks : null));
  const eligibleIds = new Set(eligible.map((c) => c.id));
  const best = (shrinkage: Shrinkage) => Math.max(0, ...shrinkage.estimates.filter((e) => eligibleIds.has(e.id)).map((e) => e.estimate));

  const scale = { nmv: best(nmv), engagement: best(engagement), conversion: best(conversion) };
  const items = eligible.map((candidate): RankedCreator => {
    const values: Record<FactorName, { value: number; explanation: string }> = {
      nicheFit: nicheFit(campaign.niches ?? [], candidate.niches),
      audienceFit: audienceFit(campaign.targetAudience, candidate.audience),
      nmvPerPost: performance(nmv, candidate.id, scale.nmv, 'NMV per post', (v) => formatMoney(Math.round(v), campaign.currency)),
      engagementRate: performance(engagement, candidate.id, scale.engagement, 'engagement rate (engagements ÷ views)', (v) => percent(v, 2)),
      conversionRate: performance(conversion, candidate.id, scale.conversion, 'conversion (orders ÷ clicks)', (v) => percent(v, 2)),
      reliability: reliability(candidate.history),
      priceFit: priceFit(campaign, candidate),
      repeatCollaboration: repeatCollaboration(candidate.history, campaign.brand.name),
      audienceOverlap: audienceOverlap(candidate.audience, input.booked ?? []),
    };
    const factors = FACTOR_NAMES.map((name): Factor => {
      const value = round(clamp01(values[name].value), 4);
      return { name, value, weight: weights[name], contribution: round(value * weights[name] * 100, 2), explanation: values[name].explanation };
    });
    return { creatorId: candidate.id, name: candidate.name, score: round(factors.reduce((s, f) => s + f.contribution, 0), 2), factors };
  });
  items.sort((a, b) => b.score - a.score || byCodeUnits(a.creatorId, b.creatorId));
  excluded.sort((a, b) => byCodeUnits(a.name, b.name) || byCodeUnits(a.creatorId, b.creatorId));
  return { items: items.slice(0, limit), excluded };
}

export function nicheFit(wanted: readonly string[], own: readonly string[]): { value: number; explanation: string } {
  const asked = distinct(wanted);
  if (asked.length === 0) return { value: NEUTRAL, explanation: 'the brief names no niche; neutral' };
  const mine = new Set(own.map(comparableName));
  const shared = asked.filter((niche) => mine.has(comparableName(niche)));
  return {
    value: shared.length / asked.length,
    explanation: shared.length
      ? `covers ${shared.length} of the ${asked.length} niches the brief asks for (${shared.join(', ')})`
      : `covers none of the niches the brief asks for (${asked.join(', ')})`,
  };
}

export function audienceFit(target: Audience | undefined, audience: Audience | undefined): { value: number; explanation: string } {
  const similarity = audienceSimilarity(target, audience);
  if (!similarity) return { value: NEUTRAL, explanation: 'no target audience or no audience data to compare; neutral' };
  return { value: similarity.value, explanation: `audience matches the target ${percent(similarity.value)} (1 − total-variation distance: ${similarity.parts.join(', ')})` };
}

function performance(shrinkage: Shrinkage, id: string, scale: number, label: string, show: (v: number) => string): { value: number; explanation: string } {
  const estimate = shrinkage.estimates.find((e) => e.id === id)!;
  const value = scale > 0 ? estimate.estimate / scale : NEUTRAL;
  const own = estimate.raw === null ? 'no posts of their own, so the cohort average' : `own ${show(estimate.raw)} over ${estimate.n} post${estimate.n === 1 ? '' : 's'}`;
  return {
    value,
    explanation:
      `${label} ${show(estimate.estimate)} after shrinking towards the cohort's ${show(shrinkage.cohortMean)} ` +
      `(${own}; ${percent(estimate.shrinkage)} weight on the cohort); ${percent(value)} of the best candidate`,
  };
}

/** On-time rate and dropout rate with one pseudo-booking of each kind (Laplace), escalations per booking capped at 2. */
export function reliability(history: BookingHistory | undefined): { value: number; explanation: string } {
  if (!history || (history.bookings === 0 && history.posted === 0)) return { value: NEUTRAL, explanation: 'no past bookings; neutral' };
  const onTime = (history.postedOnTime + 1) / (history.posted + 2);
  const dropout = history.dropouts / (history.bookings + 1);
  const escalations = history.bookings > 0 ? history.escalations / history.bookings : 0;
  const value = 0.5 * onTime + 0.25 * (1 - dropout) + 0.25 * (1 - Math.min(1, escalations / 2));
  return {
    value,
    explanation:
      `${history.postedOnTime} of ${history.posted} posts on time, ${history.dropouts} dropout${history.dropouts === 1 ? '' : 's'} and ` +
      `${history.escalations} escalation${history.escalations === 1 ? '' : 's'} in ${history.bookings} past booking${history.bookings === 1 ? '' : 's'}`,
  };
}

/**
 * The creator's rate card for the brief's deliverables against the per-creator fee range (or, without
 * one, the whole budget): 1 inside it, falling linearly to 0 at twice the ceiling. Under the floor
 * is still 1: cheaper is not a worse fit, the niche and audience factors judge the tier.
 */
export function priceFit(campaign: RecommendationCampaign, candidate: RecommendationCandidate): { value: number; explanation: string } {
  const types = distinct(campaign.deliverableTypes ?? []);
  if (types.length === 0) return { value: NEUTRAL, explanation: 'the brief names no deliverable types to price; neutral' };
  const rates = new Map(Object.entries(candidate.baseRates ?? {}).map(([type, rate]) => [comparableName(type), rate]));
  let fee = 0;
  for (const type of types) {
    const rate = rates.get(comparableName(type));
    if (!rate) return { value: NEUTRAL, explanation: `no rate for ${type} on the rate card; neutral` };
    if (rate.currency !== campaign.currency) return { value: NEUTRAL, explanation: `the ${type} rate is in ${rate.currency}, the campaign in ${campaign.currency}; neutral` };
    fee += rate.amountMinor;
  }
  const ceiling = campaign.feeRange?.maxMinor ?? campaign.budgetMinor ?? null;
  const what = campaign.feeRange?.maxMinor != null ? 'the fee ceiling' : 'the budget';
  const shown = formatMoney(fee, campaign.currency);
  if (ceiling === null || ceiling === undefined) return { value: NEUTRAL, explanation: `rate card ${shown}, no budget or fee range to compare; neutral` };
  if (fee <= ceiling) return { value: 1, explanation: `rate card ${shown} for ${types.join(' + ')} is within ${what} of ${formatMoney(ceiling, campaign.currency)}` };
  const value = ceiling === 0 ? 0 : clamp01(1 - (fee - ceiling) / ceiling);
  return { value, explanation: `rate card ${shown} for ${types.join(' + ')} is ${percent((fee - ceiling) / Math.max(1, ceiling))} over ${what} of ${formatMoney(ceiling, campaign.currency)}` };
}

/** 0 with no past booking with the brand, 0.5 with one, 1 from two on. */
export function repeatCollaboration(history: BookingHistory | undefined, brand: string): { value: number; explanation: string } {
  const count = history?.withBrand ?? 0;
  return {
    value: Math.min(1, count / 2),
    explanation: count ? `${count} completed booking${count === 1 ? '' : 's'} with ${brand} before` : `no completed booking with ${brand} before`,
  };
}

/**
 * A penalty as a factor: 1 − the largest audience similarity to a creator already booked, so a
 * creator who reaches the same people as one already on the campaign adds less. 1 when none is booked.
 */
export function audienceOverlap(audience: Audience | undefined, booked: readonly { creatorId: string; name?: string; audience?: Audience }[]): { value: number; explanation: string } {
  if (booked.length === 0) return { value: 1, explanation: 'no creator booked yet; no overlap' };
  let worst: { value: number; name: string } | null = null;
  for (const other of booked) {
    const similarity = audienceSimilarity(audience, other.audience);
    if (similarity && (!worst || similarity.value > worst.value)) worst = { value: similarity.value, name: other.name ?? other.creatorId };
  }
  if (!worst) return { value: NEUTRAL, explanation: 'no audience data to compare with the booked creators; neutral' };
  return { value: 1 - worst.value, explanation: `audience ${percent(worst.value)} similar to ${worst.name}, already booked` };
}

function normalised(distribution: Distribution | undefined): Map<string, number> | null {
  if (!distribution || typeof distribution !== 'object') return null;
  const shares = new Map<string, number>();
  let sum = 0;
  for (const [bucket, share] of Object.entries(distribution)) {
    if (typeof share !== 'number' || !Number.isFinite(share) || share <= 0) continue;
    const key = comparableName(bucket);
    shares.set(key, (shares.get(key) ?? 0) + share);
    sum += share;
  }
  if (sum === 0) return null;
  for (const [bucket, share] of shares) shares.set(bucket, share / sum);
  return shares;
}

function distinct(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = comparableName(name);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function percent(share: number, decimals = 0): string {
  return `${Number((share * 100).toFixed(decimals))}%`;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
