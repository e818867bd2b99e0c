import type { Audience, Distribution } from './audience';
import {
  comparableName,
  findConflicts,
  windowDays,
  type ConcurrentCollaboration,
  type Conflict,
  type ConflictBrand,
  type ConflictCreator,
  type CreatorExclusivity,
  type DateWindow,
} from './conflicts';
import { isCurrencyCode, isMinorAmount, type Money } from './money';
import { formatMoney } from './money-format';

/**
 * When a creator drops out (docs/domain.md#the-collaboration-lifecycle `dropOut`), the escalation carries "a simple ranking
 * of available, conflict-free creators in the same niche". This is that ranking: hard
 * filters first, then a 0..100 score whose every point is accounted for in `reasons`.
 */

/**
 * Points per component when every component can be judged. Niche leads because a
 * replacement must be able to deliver the same brief; the rest separates the
 * candidates who can. A component the campaign gives nothing to judge by (no target
 * audience, no budget) drops out and the others are scaled back up to 100.
 */
export const REPLACEMENT_WEIGHTS = Object.freeze({ niche: 40, audience: 20, engagement: 15, price: 15, availability: 10 });
export type ReplacementComponentName = keyof typeof REPLACEMENT_WEIGHTS;

/** Engagement at or above this share scores full points: a strong rate for Instagram and short video. */
export const ENGAGEMENT_BENCHMARK = 0.06;

/** An estimated fee this far over budget (as a share of the budget) scores no price points; at budget, full points. */
export const PRICE_OVERRUN_TOLERANCE = 0.5;

export const DEFAULT_REPLACEMENT_LIMIT = 5;

/**
 * A candidate with no data for a component the campaign scores on gets half its points:
 * unknown is ranked below a good known fit and above a poor one, and a warning says so.
 */
const NEUTRAL_FIT = 0.5;

export interface DeliverableNeed {
  /** A deliverable type, as keyed in the creator's base rates (reel, story, video…). */
  type: string;
  count?: number;
}

/** The dropped collaboration's campaign, as the replacement must serve it. */
export interface ReplacementCampaign {
  id?: string;
  brand: ConflictBrand;
  window: DateWindow;
  /** Niches the replacement should cover (typically the dropped creator's). At least one. */
  niches: readonly string[];
  /** When given, a candidate needs a channel on one of these platforms, and only those channels' engagement counts. */
  platforms?: readonly string[];
  targetAudience?: Audience;
  /** What the dropped creator was to be paid; scored against the deliverables priced at each candidate's base rates. */
  creatorFeeBudget?: Money;
  deliverables?: readonly DeliverableNeed[];
}

export interface CandidateChannel {
  platform: string;
  followers: number;
  /** Share 0..1. */
  engagementRate?: number;
}

export interface ReplacementCandidate {
  id: string;
  name?: string;
  status: ConflictCreator['status'];
  niches: readonly string[];
  channels: readonly CandidateChannel[];
  audience?: Audience;
  /** Rate card: deliverable type → fee. */
  baseRates?: Readonly<Record<string, Money>>;
  preferences?: ConflictCreator['preferences'];
  availabilityBlocks?: ConflictCreator['availabilityBlocks'];
  exclusivityWindows?: readonly CreatorExclusivity[];
  activeBookings?: readonly ConcurrentCollaboration[];
}

export interface ReplacementInput {
  droppedCreatorId: string;
  campaign: ReplacementCampaign;
  candidates: readonly ReplacementCandidate[];
  /**
   * The day the replacement is sought ('YYYY-MM-DD'). Days of the window before it no longer
   * need covering, so a holiday in the past does not count against a candidate.
   */
  today?: string;
  limit?: number;
}

export interface ReplacementScoreComponent {
  component: ReplacementComponentName;
  /** Points available for this component in this campaign (the weights in play sum to 100). */
  weight: number;
  /** 0..1; NEUTRAL_FIT when the candidate has no data for it (`known: false`). */
  fit: number;
  known: boolean;
  points: number;
}

export interface Replacement {
  creatorId: string;
  name?: string;
  /** 0..100, the sum of the components' points. */
  score: number;
  /** One line per component, with the points it contributed, e.g. "niche match 2/3 (beauty, skincare): +27". */
  reasons: string[];
  /** Non-blocking conflicts and gaps in the data that a manager should see before choosing. */
  warnings: string[];
  components: ReplacementScoreComponent[];
}

export interface ExcludedCandidate {
  creatorId: string;
  name?: string;
  /** Every hard filter the candidate failed, in plain language. */
  reasons: string[];
}

export interface ReplacementShortlist {
  /** Best first (score, then creator id), at most `limit`. */
  ranked: Replacement[];
  /** Candidates the hard filters removed, by creator id, so the escalation can say why someone is missing. */
  excluded: ExcludedCandidate[];
}

/** The ranked replacements only; see `reviewReplacementCandidates` for who was filtered out and why. */
export function rankReplacements(input: ReplacementInput): Replacement[] {
  return reviewReplacementCandidates(input).ranked;
}

/**
 * Hard filters: not the creator who dropped out, not already on this campaign, at least one
 * niche in common, a channel on the campaign's platforms (when it names any), and no
 * blocking conflict from `findConflicts` (which covers inactive creators, refused
 * categories, exclusivity, competitor collaborations and full unavailability). A candidate whose
 * record has malformed dates is excluded with the error rather than failing the whole list.
 *
 * Throws on a malformed campaign (dates, no niches, bad budget or deliverables, bad limit).
 */
export function reviewReplacementCandidates(input: ReplacementInput): ReplacementShortlist {
  const { campaign, droppedCreatorId } = input;
  const limit = input.limit ?? DEFAULT_REPLACEMENT_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 0) throw new Error(`limit must be a whole number of at least 0, got ${limit}`);
  const window = remainingWindow(campaign.window, input.today);
  const wanted = distinctNames(campaign.niches ?? []);
  if (wanted.length === 0) throw new Error('name at least one niche the replacement should cover');
  const platforms = distinctNames(campaign.platforms ?? []);
  const budget = campaign.creatorFeeBudget;
  if (budget !== undefined && (!isMinorAmount(budget.amountMinor) || !isCurrencyCode(budget.currency))) {
    throw new Error('creator fee budget must be a whole, non-negative amount in minor units with a currency code such as INR');
  }
  for (const need of campaign.deliverables ?? []) {
    if (!comparableName(need.type)) throw new Error('every deliverable needs a type');
    if (need.count !== undefined && (!Number.isSafeInteger(need.count) || need.count < 1)) {
      throw new Error(`deliverable ${need.type} count must be a whole number of at least 1, got ${need.count}`);
    }
  }

  const weights = weightsInPlay({
    niche: true,
    audience: hasAnyDistribution(campaign.targetAudience),
    engagement: true,
    price: budget !== undefined && (campaign.deliverables?.length ?? 0) > 0,
    availability: true,
  });

  const seen = new Set<string>();
  const ranked: Replacement[] = [];
  const excluded: ExcludedCandidate[] = [];
  for (const candidate of input.candidates) {
    if (seen.has(candidate.id)) throw new Error(`candidate ${candidate.id} is listed twice`);
    seen.add(candidate.id);
    const named = candidate.name ? { name: candidate.name } : {};
    if (candidate.id === droppedCreatorId) {
      excluded.push({ creatorId: candidate.id, ...named, reasons: ['is the creator who dropped out'] });
      continue;
    }
    const reasons: string[] = [];
    let conflicts: Conflict[] = [];
    try {
      conflicts = findConflicts({
        campaignWindow: window,
        brand: campaign.brand,
        creator: {
          id: candidate.id,
          name: candidate.name,
          status: candidate.status,
          preferences: candidate.preferences,
          availabilityBlocks: candidate.availabilityBlocks,
        },
        exclusivityWindows: candidate.exclusivityWindows,
        activeBookings: candidate.activeBookings,
      });
    } catch (error) {
      reasons.push(`record has invalid data: ${(error as Error).message}`);
    }
    if (campaign.id !== undefined && (candidate.activeBookings ?? []).some((collaboration) => collaboration.campaignId === campaign.id)) {
      reasons.push('is already booked on this campaign');
    }
    const shared = wanted.filter((niche) => candidate.niches.some((own) => comparableName(own) === comparableName(niche)));
    if (shared.length === 0) reasons.push(`has no niche in common with ${wanted.join(', ')}`);
    const channels =
      platforms.length === 0
        ? candidate.channels
        : candidate.channels.filter((channel) => platforms.some((platform) => comparableName(platform) === comparableName(channel.platform)));
    if (channels.length === 0 && platforms.length > 0) reasons.push(`has no channel on ${platforms.join(' or ')}`);
    reasons.push(...conflicts.filter((conflict) => conflict.severity === 'blocking').map((conflict) => conflict.message));
    if (reasons.length > 0) {
      excluded.push({ creatorId: candidate.id, ...named, reasons });
      continue;
    }

    const warnings = conflicts.map((conflict) => conflict.message);
    // Judged only when in play, so a campaign without a target audience raises no audience warnings.
    const judge: Record<ReplacementComponentName, () => Judgement> = {
      niche: () => ({ fit: shared.length / wanted.length, known: true, label: `niche match ${shared.length}/${wanted.length} (${shared.join(', ')})` }),
      audience: () => judgeAudience(campaign.targetAudience, candidate.audience, warnings),
      engagement: () => judgeEngagement(channels, warnings),
      price: () => judgePrice(campaign, candidate, warnings),
      availability: () => judgeAvailability(window, conflicts),
    };
    const components: ReplacementScoreComponent[] = [];
    const lines: string[] = [];
    for (const component of COMPONENT_ORDER) {
      const weight = weights[component];
      if (weight === 0) continue;
      const { fit, known, label } = judge[component]();
      const points = Math.round(weight * fit);
      components.push({ component, weight, fit, known, points });
      lines.push(`${label}: +${points}${known ? '' : ' (neutral)'}`);
    }
    ranked.push({
      creatorId: candidate.id,
      ...named,
      score: components.reduce((sum, component) => sum + component.points, 0),
      reasons: lines,
      warnings,
      components,
    });
  }

  ranked.sort((a, b) => b.score - a.score || byCodeUnits(a.creatorId, b.creatorId));
  excluded.sort((a, b) => byCodeUnits(a.creatorId, b.creatorId));
  return { ranked: ranked.slice(0, limit), excluded };
}

/** 1 − total variation distance: 1 when the shares match bucket for bucket, 0 when they share no bucket. */
export function distributionFit(target: Distribution, actual: Distribution): number | null {
  const p = normalised(target);
  const q = normalised(actual);
  if (!p || !q) return null;
  let distance = 0;
  for (const bucket of new Set([...p.keys(), ...q.keys()])) distance += Math.abs((p.get(bucket) ?? 0) - (q.get(bucket) ?? 0));
  return clamp01(1 - distance / 2);
}

interface Judgement {
  fit: number;
  known: boolean;
  label: string;
}

const COMPONENT_ORDER: readonly ReplacementComponentName[] = ['niche', 'audience', 'engagement', 'price', 'availability'];
const AUDIENCE_DIMENSIONS = ['age', 'gender', 'countries'] as const;

function judgeAudience(target: Audience | undefined, audience: Audience | undefined, warnings: string[]): Judgement {
  const fits: string[] = [];
  let total = 0;
  for (const dimension of AUDIENCE_DIMENSIONS) {
    const wanted = target?.[dimension];
    const actual = audience?.[dimension];
    const fit = wanted && actual ? distributionFit(wanted, actual) : null;
    if (fit === null) continue;
    fits.push(`${dimension} ${percent(fit)}`);
    total += fit;
  }
  if (fits.length === 0) {
    warnings.push('no audience data to compare with the target audience; audience fit scored as neutral');
    return { fit: NEUTRAL_FIT, known: false, label: 'audience fit unknown' };
  }
  const fit = total / fits.length;
  return { fit, known: true, label: `audience fit ${percent(fit)} (${fits.join(', ')})` };
}

function judgeEngagement(channels: readonly CandidateChannel[], warnings: string[]): Judgement {
  let weighted = 0;
  let followers = 0;
  const rates: number[] = [];
  for (const channel of channels) {
    const rate = channel.engagementRate;
    if (rate === undefined || rate === null) continue;
    if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
      warnings.push(`engagement rate ${rate} on ${channel.platform} is not a share between 0 and 1; ignored`);
      continue;
    }
    const reach = Number.isFinite(channel.followers) && channel.followers > 0 ? channel.followers : 0;
    weighted += rate * reach;
    followers += reach;
    rates.push(rate);
  }
  if (rates.length === 0) {
    warnings.push('no engagement rate on record; engagement scored as neutral');
    return { fit: NEUTRAL_FIT, known: false, label: 'engagement unknown' };
  }
  // Weighted by followers, so a small side channel does not speak for the main one.
  const rate = followers > 0 ? weighted / followers : rates.reduce((sum, r) => sum + r, 0) / rates.length;
  return {
    fit: clamp01(rate / ENGAGEMENT_BENCHMARK),
    known: true,
    label: `engagement ${percent(rate, 1)} against a ${percent(ENGAGEMENT_BENCHMARK, 1)} benchmark`,
  };
}

function judgePrice(campaign: ReplacementCampaign, candidate: ReplacementCandidate, warnings: string[]): Judgement {
  const budget = campaign.creatorFeeBudget;
  const unknown = (why: string): Judgement => {
    warnings.push(`${why}; price fit scored as neutral`);
    return { fit: NEUTRAL_FIT, known: false, label: 'price fit unknown' };
  };
  if (!budget || !campaign.deliverables?.length) throw new Error('price is judged only with a budget and deliverables');
  const rates = new Map(Object.entries(candidate.baseRates ?? {}).map(([type, rate]) => [comparableName(type), rate]));
  let estimate = 0;
  for (const need of campaign.deliverables) {
    const rate = rates.get(comparableName(need.type));
    if (!rate) return unknown(`no base rate for ${need.type}`);
    if (!isMinorAmount(rate.amountMinor) || !isCurrencyCode(rate.currency)) return unknown(`the base rate for ${need.type} is not a valid amount`);
    // No exchange rates in pure rules: a rate card in another currency cannot be compared.
    if (rate.currency !== budget.currency) return unknown(`the base rate for ${need.type} is in ${rate.currency}, the budget in ${budget.currency}`);
    estimate += rate.amountMinor * (need.count ?? 1);
  }
  const fee = formatMoney(estimate, budget.currency);
  const limit = formatMoney(budget.amountMinor, budget.currency);
  if (estimate <= budget.amountMinor) return { fit: 1, known: true, label: `price: estimated fee ${fee} within the ${limit} budget` };
  const overrun = budget.amountMinor === 0 ? Infinity : (estimate - budget.amountMinor) / budget.amountMinor;
  const over = Number.isFinite(overrun) ? `${percent(overrun)} over` : 'over';
  warnings.push(`estimated fee ${fee} is ${over} the ${limit} budget`);
  return { fit: clamp01(1 - overrun / PRICE_OVERRUN_TOLERANCE), known: true, label: `price: estimated fee ${fee}, ${over} the ${limit} budget` };
}

function judgeAvailability(window: DateWindow, conflicts: readonly Conflict[]): Judgement {
  const campaignDays = windowDays(window, 'campaign window');
  const unavailable = conflicts.find((conflict) => conflict.kind === 'UNAVAILABLE');
  const free = unavailable?.kind === 'UNAVAILABLE' ? unavailable.details.availableDays : campaignDays;
  return { fit: free / campaignDays, known: true, label: `available ${free} of ${campaignDays} campaign days` };
}

/**
 * Scales the weights of the components in play to integers summing to 100 (largest
 * remainder), so that each component's rounded points can never add up to more than 100.
 */
function weightsInPlay(inPlay: Record<ReplacementComponentName, boolean>): Record<ReplacementComponentName, number> {
  const total = COMPONENT_ORDER.reduce((sum, name) => sum + (inPlay[name] ? REPLACEMENT_WEIGHTS[name] : 0), 0);
  const exact = COMPONENT_ORDER.map((name) => ({ name, value: inPlay[name] ? (REPLACEMENT_WEIGHTS[name] * 100) / total : 0 }));
  const weights = Object.fromEntries(exact.map(({ name, value }) => [name, Math.floor(value)])) as Record<ReplacementComponentName, number>;
  let left = 100 - Object.values(weights).reduce((sum, weight) => sum + weight, 0);
  const byRemainder = [...exact].sort((a, b) => b.value - Math.floor(b.value) - (a.value - Math.floor(a.value)));
  for (const { name } of byRemainder) {
    if (left === 0) break;
    weights[name] += 1;
    left -= 1;
  }
  return weights;
}

function remainingWindow(window: DateWindow, today: string | undefined): DateWindow {
  windowDays(window, 'campaign window');
  if (today === undefined) return { start: window.start, end: window.end };
  windowDays({ start: today, end: today }, 'today');
  // Both are validated 'YYYY-MM-DD', so string order is date order.
  if (today > window.end) throw new Error(`the campaign window ended on ${window.end}; there is nothing left to replace on ${today}`);
  return { start: today > window.start ? today : window.start, end: window.end };
}

function hasAnyDistribution(audience: Audience | undefined): boolean {
  return AUDIENCE_DIMENSIONS.some((dimension) => normalised(audience?.[dimension]) !== null);
}

/** Shares rescaled to sum to 1 (platform exports are rounded), keyed case-insensitively; null when there is nothing usable. */
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

function distinctNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const name of names) {
    const key = comparableName(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    result.push(name.trim());
  }
  return result;
}

function percent(share: number, decimals = 0): string {
  return `${Number((share * 100).toFixed(decimals))}%`;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Plain code-unit order: unlike localeCompare, the same on every machine. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
