import { shrinkTowardsCohort } from './recommendation';

/**
 * Underperformer flags (docs/metrics.md#underperformer-flags): a creator or a campaign whose
 * recent posts do worse than their cohort or than their own past, by more than chance allows.
 * Pure: the daily activity (libs/insight/underperformers.ts) loads the posts and stores the flags.
 */

export const UNDERPERFORMANCE_METRICS = ['nmvPerPost', 'roas', 'engagementRate'] as const;
export type UnderperformanceMetric = (typeof UNDERPERFORMANCE_METRICS)[number];
export type FlagBasis = 'cohort' | 'trend';
export type FlagSubjectKind = 'creator' | 'campaign';

export const SUGGESTIONS = ['replace_creator', 'pause_affiliate_spend', 'shift_format_platform', 'refresh_brief_hook', 'change_posting_time'] as const;
export type Suggestion = (typeof SUGGESTIONS)[number];

export const SUGGESTION_TEXT: Readonly<Record<Suggestion, string>> = {
  replace_creator: 'Replace the creator on upcoming bookings',
  pause_affiliate_spend: 'Pause affiliate / paid amplification spend',
  shift_format_platform: 'Shift the format or the platform',
  refresh_brief_hook: 'Refresh the brief and the hook',
  change_posting_time: 'Change the posting time',
};

export const METRIC_LABELS: Readonly<Record<UnderperformanceMetric, string>> = {
  nmvPerPost: 'NMV per post',
  roas: 'ROAS',
  engagementRate: 'engagement rate by views',
};

export interface UnderperformanceSettings {
  /** The evaluation window: the last `windowDays` days up to and including the evaluation day. */
  windowDays: number;
  /** The own-trend baseline: the `baselineDays` days before the window. */
  baselineDays: number;
  /** Posts a subject needs in the window (and, for the trend, in the baseline) before it can be flagged. */
  minPosts: number;
  /** 7-day blocks of the window that must hold a post: one bad week is never a flag. */
  minWeeks: number;
  /** Standard errors the gap must exceed (1.645: a one-sided test at 5 %). */
  k: number;
  /** The gap must also be at least this share of the baseline, so plenty of data does not flag a trivial dip. */
  materiality: number;
  /** Subjects with posts in the window a cohort needs before it is a yardstick. */
  minCohortSubjects: number;
}

export const DEFAULT_UNDERPERFORMANCE_SETTINGS: Readonly<UnderperformanceSettings> = {
  windowDays: 28,
  baselineDays: 84,
  minPosts: 4,
  minWeeks: 2,
  k: 1.645,
  materiality: 0.2,
  minCohortSubjects: 3,
};

/** One post: its posting day and its measures (null: not measurable, e.g. no views, attribution window still open). */
export interface PostObservation {
  on: string;
  currency: string;
  nmvPerPost?: number | null;
  roas?: number | null;
  engagementRate?: number | null;
}

export interface FlagSubject {
  kind: FlagSubjectKind;
  id: string;
  /** Subjects compared with one another: for a creator, platform/tier/niche (creatorCohort). */
  cohort: string;
  posts: readonly PostObservation[];
}

export interface UnderperformerFlag {
  kind: FlagSubjectKind;
  id: string;
  metric: UnderperformanceMetric;
  basis: FlagBasis;
  /** Against the cohort: the subject's window mean shrunk towards the cohort; against the trend: its window mean. */
  observed: number;
  baseline: number;
  /** The first post in the window that came in below the baseline. */
  since: string;
  /** Money metrics only (NMV per post). */
  currency: string | null;
  suggestion: Suggestion;
  explanation: string;
}

/** Follower tiers (the largest channel's followers). */
export function followerTier(followers: number): 'nano' | 'micro' | 'mid' | 'macro' | 'mega' {
  if (followers < 10_000) return 'nano';
  if (followers < 100_000) return 'micro';
  if (followers < 500_000) return 'mid';
  if (followers < 1_000_000) return 'macro';
  return 'mega';
}

/** A creator's cohort: the platform and tier of their largest channel, and their first niche. */
export function creatorCohort(channels: readonly { platform: string; followers: number }[], niches: readonly string[]): string {
  const main = [...channels].sort((a, b) => b.followers - a.followers || a.platform.localeCompare(b.platform))[0];
  return `${main?.platform ?? 'no-channel'}/${followerTier(main?.followers ?? 0)}/${niches[0] ?? 'no-niche'}`;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);
const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;

interface Sample {
  values: number[];
  posts: { on: string; value: number }[];
  currency: string | null;
}

/** The subject's posts with a value for the metric, in [from, to] (day numbers); NMV in the subject's main currency. */
function sample(subject: FlagSubject, metric: UnderperformanceMetric, from: number, to: number, currency: string | null): Sample {
  const posts = subject.posts
    .filter((p) => {
      const day = dayNumber(p.on);
      const value = p[metric];
      return day >= from && day <= to && typeof value === 'number' && Number.isFinite(value) && (currency === null || p.currency === currency);
    })
    .map((p) => ({ on: p.on.slice(0, 10), value: p[metric] as number }))
    .sort((a, b) => a.on.localeCompare(b.on));
  return { values: posts.map((p) => p.value), posts, currency };
}

/** The currency most of the subject's window posts with an NMV are in (ties: alphabetical). */
function mainCurrency(subject: FlagSubject, from: number, to: number): string | null {
  const counts = new Map<string, number>();
  for (const p of subject.posts) {
    const day = dayNumber(p.on);
    if (day >= from && day <= to && typeof p.nmvPerPost === 'number') counts.set(p.currency, (counts.get(p.currency) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/** Enough evidence to judge: `minPosts` posts spread over `minWeeks` 7-day blocks of the window. */
export function enoughSample(days: readonly string[], windowStart: number, settings: Pick<UnderperformanceSettings, 'minPosts' | 'minWeeks'>): boolean {
  const weeks = new Set(days.map((day) => Math.floor((dayNumber(day) - windowStart) / 7)));
  return days.length >= settings.minPosts && weeks.size >= settings.minWeeks;
}

/** Low enough to flag: below the baseline by more than k standard errors and by the material share. */
export function significantlyBelow(observed: number, baseline: number, standardError: number, settings: Pick<UnderperformanceSettings, 'k' | 'materiality'>): boolean {
  const gap = baseline - observed;
  return baseline > 0 && gap > settings.k * standardError && gap >= settings.materiality * baseline;
}

interface MetricFinding {
  metric: UnderperformanceMetric;
  basis: FlagBasis;
  observed: number;
  baseline: number;
  since: string;
  currency: string | null;
  why: string;
}

const show = (metric: UnderperformanceMetric, value: number, currency: string | null) =>
  metric === 'engagementRate' ? `${(value * 100).toFixed(2)} %` : metric === 'roas' ? `${value.toFixed(2)}×` : `${currency ?? ''} ${(value / 100).toFixed(2)}`.trim();

/**
 * Every flag as of `asOf` (YYYY-MM-DD). Per subject and metric, the cohort is tried first, then
 * the subject's own trend; at most one flag per subject and metric. The suggestion follows from
 * all of the subject's flags that day (suggestFor).
 */
export function evaluateUnderperformance(asOf: string, subjects: readonly FlagSubject[], settings: UnderperformanceSettings = DEFAULT_UNDERPERFORMANCE_SETTINGS): UnderperformerFlag[] {
  const end = dayNumber(asOf);
  const windowStart = end - settings.windowDays + 1;
  const baselineStart = windowStart - settings.baselineDays;
  const findings = new Map<string, MetricFinding[]>();
  const keyOf = (s: FlagSubject) => `${s.kind}:${s.id}`;

  for (const metric of UNDERPERFORMANCE_METRICS) {
    const money = metric === 'nmvPerPost';
    const recent = new Map(subjects.map((s) => [keyOf(s), sample(s, metric, windowStart, end, money ? mainCurrency(s, windowStart, end) : null)]));
    // Cohorts per kind, cohort key and (for money) currency: amounts in two currencies are never compared.
    const cohorts = new Map<string, FlagSubject[]>();
    for (const s of subjects) {
      const r = recent.get(keyOf(s))!;
      if (r.values.length === 0) continue;
      const key = `${s.kind}|${s.cohort}|${r.currency ?? ''}`;
      cohorts.set(key, [...(cohorts.get(key) ?? []), s]);
    }
    const shrunk = new Map<string, { cohortMean: number; withinVariance: number; estimate: number; n: number; members: number }>();
    for (const members of cohorts.values()) {
      if (members.length < settings.minCohortSubjects) continue;
      const result = shrinkTowardsCohort(members.map((s) => ({ id: keyOf(s), values: recent.get(keyOf(s))!.values })));
      for (const e of result.estimates) shrunk.set(e.id, { cohortMean: result.cohortMean, withinVariance: result.withinVariance, estimate: e.estimate, n: e.n, members: members.length });
    }

    for (const s of subjects) {
      const r = recent.get(keyOf(s))!;
      if (!enoughSample(r.posts.map((p) => p.on), windowStart, settings)) continue;
      let finding: MetricFinding | null = null;
      const c = shrunk.get(keyOf(s));
      if (c && significantlyBelow(c.estimate, c.cohortMean, Math.sqrt(c.withinVariance / c.n), settings)) {
        finding = {
          metric, basis: 'cohort', observed: c.estimate, baseline: c.cohortMean, currency: r.currency,
          since: r.posts.find((p) => p.value < c.cohortMean)!.on,
          why: `the mean of ${c.n} posts, shrunk towards the cohort (${s.cohort}, ${c.members} ${s.kind}s), is below the cohort mean by more than ${settings.k} standard errors (${show(metric, settings.k * Math.sqrt(c.withinVariance / c.n), r.currency)})`,
        };
      } else {
        const b = sample(s, metric, baselineStart, windowStart - 1, r.currency);
        if (b.values.length >= settings.minPosts) {
          const mr = mean(r.values);
          const mb = mean(b.values);
          const squares = r.values.reduce((t, v) => t + (v - mr) ** 2, 0) + b.values.reduce((t, v) => t + (v - mb) ** 2, 0);
          const se = Math.sqrt((squares / (r.values.length + b.values.length - 2)) * (1 / r.values.length + 1 / b.values.length));
          if (significantlyBelow(mr, mb, se, settings)) {
            finding = {
              metric, basis: 'trend', observed: mr, baseline: mb, currency: r.currency,
              since: r.posts.find((p) => p.value < mb)!.on,
              why: `the mean of ${r.values.length} posts in the last ${settings.windowDays} days is below the mean of ${b.values.length} posts in the ${settings.baselineDays} days before by more than ${settings.k} standard errors (${show(metric, settings.k * se, r.currency)})`,
            };
          }
        }
      }
      if (finding) findings.set(keyOf(s), [...(findings.get(keyOf(s)) ?? []), finding]);
    }
  }

  return subjects.flatMap((s) => {
    const own = findings.get(keyOf(s)) ?? [];
    if (own.length === 0) return [];
    const suggestion = suggestFor(s.kind, own);
    return own.map((f): UnderperformerFlag => ({
      kind: s.kind,
      id: s.id,
      metric: f.metric,
      basis: f.basis,
      observed: f.observed,
      baseline: f.baseline,
      since: f.since,
      currency: f.metric === 'nmvPerPost' ? f.currency : null,
      suggestion,
      explanation: `${METRIC_LABELS[f.metric]} ${show(f.metric, f.observed, f.currency)} against ${f.basis === 'cohort' ? 'the cohort' : 'its own trend'}'s ${show(f.metric, f.baseline, f.currency)}: ${f.why}. Suggested: ${SUGGESTION_TEXT[suggestion].toLowerCase()}.`,
    }));
  });
}

/**
 * The suggested action, from all of a subject's low metrics that day; the first rule that applies:
 * 1. a creator low on two or more metrics, one of them against the cohort: replace the creator;
 * 2. ROAS low: the sales no longer pay back the spend, so pause affiliate spend;
 * 3. engagement low against the cohort: the format does not land where peers' does, so shift format or platform;
 * 4. engagement low against the own trend: the audience tires of the content, so refresh the brief and hook;
 * 5. otherwise (NMV per post low while people still engage): change the posting time, towards buying moments.
 */
export function suggestFor(kind: FlagSubjectKind, low: readonly { metric: UnderperformanceMetric; basis: FlagBasis }[]): Suggestion {
  if (kind === 'creator' && low.length >= 2 && low.some((f) => f.basis === 'cohort')) return 'replace_creator';
  if (low.some((f) => f.metric === 'roas')) return 'pause_affiliate_spend';
  const engagement = low.find((f) => f.metric === 'engagementRate');
  if (engagement) return engagement.basis === 'cohort' ? 'shift_format_platform' : 'refresh_brief_hook';
  return 'change_posting_time';
}

/** The window's first day for `asOf`: where a new flag's `since` can start at the earliest. */
export function windowStartOf(asOf: string, settings: Pick<UnderperformanceSettings, 'windowDays'> = DEFAULT_UNDERPERFORMANCE_SETTINGS): string {
  return new Date((dayNumber(asOf) - settings.windowDays + 1) * DAY_MS).toISOString().slice(0, 10);
}
