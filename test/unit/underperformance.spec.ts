import {
  creatorCohort,
  evaluateUnderperformance,
  FlagSubject,
  followerTier,
  PostObservation,
  significantlyBelow,
  suggestFor,
  windowStartOf,
} from '../../libs/domain/rules/underperformance';

const AS_OF = '2026-11-28';
const er = (on: string, engagementRate: number): PostObservation => ({ on, currency: 'INR', engagementRate });
const creator = (id: string, posts: PostObservation[], cohort = 'instagram/micro/beauty'): FlagSubject => ({ kind: 'creator', id, cohort, posts });
/** Four steady weeks in October: engagement 5–6 %, mean 5.5 %. */
const OCTOBER = [er('2026-10-01', 0.05), er('2026-10-08', 0.06), er('2026-10-15', 0.05), er('2026-10-22', 0.06)];

describe('underperformer flags (docs/metrics.md#underperformer-flags)', () => {
  it('evaluates the last 28 days, the evaluation day included', () => {
    expect(windowStartOf(AS_OF)).toBe('2026-11-01');
  });

  it('flags a creator whose engagement fell below their own trend by more than 1.645 standard errors', () => {
    // Window: 2 %, 3 %, 2 %, 3 % (mean 2.5 %) in four weeks. Pooled variance = (4 + 4) × 0.005² / 6;
    // se = √(3.333e-5 × (1/4 + 1/4)) = 0.40825 %; gap 3 points > 1.645 × 0.40825 = 0.6716 and ≥ 20 % of 5.5 %.
    const flags = evaluateUnderperformance(AS_OF, [creator('asha', [...OCTOBER, er('2026-11-02', 0.02), er('2026-11-09', 0.03), er('2026-11-16', 0.02), er('2026-11-23', 0.03)])]);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'creator', id: 'asha', metric: 'engagementRate', basis: 'trend', since: '2026-11-02', currency: null, suggestion: 'refresh_brief_hook' });
    expect(flags[0].observed).toBeCloseTo(0.025, 10);
    expect(flags[0].baseline).toBeCloseTo(0.055, 10);
    expect(flags[0].explanation).toContain('engagement rate by views 2.50 % against its own trend\'s 5.50 %');
    expect(flags[0].explanation).toContain('(0.67 %)');
  });

  it('does not flag one bad week on three posts, however bad', () => {
    const oneBadWeek = [...OCTOBER, er('2026-11-23', 0.001), er('2026-11-24', 0.001), er('2026-11-25', 0.001)];
    expect(evaluateUnderperformance(AS_OF, [creator('asha', oneBadWeek)])).toEqual([]);
    // Four posts in that one week are still one week.
    expect(evaluateUnderperformance(AS_OF, [creator('asha', [...oneBadWeek, er('2026-11-26', 0.001)])])).toEqual([]);
    // The same four bad posts spread over two weeks are a flag.
    expect(evaluateUnderperformance(AS_OF, [creator('asha', [...OCTOBER, er('2026-11-16', 0.001), er('2026-11-23', 0.001), er('2026-11-24', 0.001), er('2026-11-25', 0.001)])])).toHaveLength(1);
  });

  it('does not flag a dip that chance explains: a noisy past and a small gap', () => {
    const noisy = [er('2026-10-01', 0.01), er('2026-10-08', 0.1), er('2026-10-15', 0.01), er('2026-10-22', 0.1)];
    expect(evaluateUnderperformance(AS_OF, [creator('asha', [...noisy, er('2026-11-02', 0.01), er('2026-11-09', 0.08), er('2026-11-16', 0.01), er('2026-11-23', 0.06)])])).toEqual([]);
  });

  it('flags a creator below their cohort after shrinking their mean towards it (hand-computed empirical Bayes)', () => {
    const days = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'];
    const posts = (values: number[]) => values.map((v, i) => er(days[i], v));
    const cohort = [creator('a', posts([0.01, 0.01, 0.03, 0.03])), creator('b', posts([0.05, 0.05, 0.07, 0.07])), creator('c', posts([0.06, 0.06, 0.08, 0.08]))];
    // Cohort mean 5 %; σ² = 12 × 0.01² / 9 = 1.3333e-4; τ² = var(2, 6, 7 %) − σ²/4 = 7e-4 − 3.333e-5 = 6.6667e-4;
    // a's weight on the cohort = σ² / (σ² + 4τ²) = 1/21, so a's estimate = (5 % + 20 × 2 %) / 21 = 2.1429 %;
    // se = √(σ²/4) = 0.57735 %; gap 2.857 points > 1.645 × 0.57735 = 0.9497. b's estimate (5.95 %) is above.
    const flags = evaluateUnderperformance(AS_OF, cohort);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ id: 'a', metric: 'engagementRate', basis: 'cohort', since: '2026-11-02', suggestion: 'shift_format_platform' });
    expect(flags[0].observed).toBeCloseTo(0.45 / 21, 10);
    expect(flags[0].baseline).toBeCloseTo(0.05, 10);
    // Two subjects are no cohort: with c gone, a is judged by their own trend only (none here).
    expect(evaluateUnderperformance(AS_OF, cohort.slice(0, 2))).toEqual([]);
    // Another cohort is not a yardstick.
    expect(evaluateUnderperformance(AS_OF, [cohort[0], { ...cohort[1], cohort: 'youtube/mid/tech' }, cohort[2]])).toEqual([]);
  });

  it('flags NMV per post (with its currency) and ROAS against the trend, and then suggests pausing affiliate spend', () => {
    const post = (on: string, nmvPerPost: number, roas: number): PostObservation => ({ on, currency: 'INR', nmvPerPost, roas });
    const before = ['2026-10-01', '2026-10-08', '2026-10-15', '2026-10-22'].map((on) => post(on, 10_000, 2));
    const now = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'].map((on) => post(on, 4_000, 0.8));
    const flags = evaluateUnderperformance(AS_OF, [{ kind: 'campaign', id: 'fitfuel', cohort: 'fitness', posts: [...before, ...now] }]);
    expect(flags.map((f) => [f.metric, f.basis, f.observed, f.baseline, f.currency, f.suggestion])).toEqual([
      ['nmvPerPost', 'trend', 4_000, 10_000, 'INR', 'pause_affiliate_spend'],
      ['roas', 'trend', 0.8, 2, null, 'pause_affiliate_spend'],
    ]);
    expect(flags[0].explanation).toContain('NMV per post INR 40.00 against its own trend\'s INR 100.00');
  });

  it('never compares NMV across currencies: posts in a second currency are left out', () => {
    const post = (on: string, nmvPerPost: number, currency: string): PostObservation => ({ on, currency, nmvPerPost });
    const before = ['2026-10-01', '2026-10-08', '2026-10-15', '2026-10-22'].map((on) => post(on, 100, 'USD'));
    const now = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'].map((on) => post(on, 4_000, 'INR'));
    expect(evaluateUnderperformance(AS_OF, [creator('asha', [...before, ...now])])).toEqual([]);
  });

  it('needs the gap to beat k standard errors and to be material', () => {
    const settings = { k: 1.645, materiality: 0.2 };
    expect(significantlyBelow(0.7, 1, 0.1, settings)).toBe(true);
    expect(significantlyBelow(0.7, 1, 0.2, settings)).toBe(false); // 0.3 < 1.645 × 0.2
    expect(significantlyBelow(0.9, 1, 0.01, settings)).toBe(false); // significant, but 10 % is not material
    expect(significantlyBelow(-1, 0, 0, settings)).toBe(false); // a zero baseline has nothing to fall below
  });

  it('suggests an action by the stated rule', () => {
    expect(suggestFor('creator', [{ metric: 'nmvPerPost', basis: 'cohort' }, { metric: 'engagementRate', basis: 'trend' }])).toBe('replace_creator');
    expect(suggestFor('campaign', [{ metric: 'nmvPerPost', basis: 'cohort' }, { metric: 'engagementRate', basis: 'cohort' }])).toBe('shift_format_platform');
    expect(suggestFor('creator', [{ metric: 'nmvPerPost', basis: 'trend' }, { metric: 'roas', basis: 'trend' }])).toBe('pause_affiliate_spend');
    expect(suggestFor('creator', [{ metric: 'engagementRate', basis: 'cohort' }])).toBe('shift_format_platform');
    expect(suggestFor('creator', [{ metric: 'engagementRate', basis: 'trend' }])).toBe('refresh_brief_hook');
    expect(suggestFor('creator', [{ metric: 'nmvPerPost', basis: 'cohort' }])).toBe('change_posting_time');
  });

  it('puts a creator in the cohort of their largest channel and first niche', () => {
    expect([9_999, 10_000, 99_999, 100_000, 500_000, 1_000_000].map(followerTier)).toEqual(['nano', 'micro', 'micro', 'mid', 'macro', 'mega']);
    expect(creatorCohort([{ platform: 'youtube', followers: 20_000 }, { platform: 'instagram', followers: 250_000 }], ['beauty', 'fashion'])).toBe('instagram/mid/beauty');
    expect(creatorCohort([], [])).toBe('no-channel/nano/no-niche');
  });
});
