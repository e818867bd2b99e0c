import {
  creatorRetention,
  creatorSatisfaction,
  escalationsPerCollaboration,
  onTimeDelivery,
  repeatCollaborations,
  revenueAndMargin,
  rework,
  rosterChurn,
  shareResolvedLate,
  targetProgress,
} from '../../libs/domain/rules/kpis';

describe('team KPIs', () => {
  describe('on-time delivery', () => {
    it('compares when the post went live with when it was scheduled to', () => {
      const posts = [
        { scheduledPostAt: '2026-11-10T18:00:00Z', postedAt: '2026-11-10T17:30:00Z' }, // early
        { scheduledPostAt: '2026-11-11T18:00:00Z', postedAt: '2026-11-11T18:00:00Z' }, // on the minute
        { scheduledPostAt: '2026-11-12T18:00:00Z', postedAt: '2026-11-12T20:00:00Z' }, // two hours late
        { scheduledPostAt: null, postedAt: '2026-11-13T09:00:00Z' }, // never scheduled: not measured
      ];
      expect(onTimeDelivery(posts)).toEqual({ count: 2, of: 3, rate: 2 / 3 });
    });

    it('is not measurable without scheduled posts', () => {
      expect(onTimeDelivery([])).toEqual({ count: 0, of: 0, rate: null });
    });
  });

  it('retains the creators booked again, and churns the roster by offboarding', () => {
    // a, b, c worked last month; b and c again this month, d is new.
    expect(creatorRetention(['a', 'b', 'c'], ['b', 'c', 'd', 'c'])).toEqual({ count: 2, of: 3, rate: 2 / 3 });
    expect(creatorRetention([], ['d']).rate).toBeNull();
    expect(rosterChurn(40, 2)).toEqual({ count: 2, of: 40, rate: 0.05 });
  });

  it('averages the 1–5 ratings and ignores anything else', () => {
    expect(creatorSatisfaction([5, 4, 3, 4])).toEqual({ mean: 4, ratings: 4 });
    expect(creatorSatisfaction([5, 0, 6, 2.5])).toEqual({ mean: 5, ratings: 1 });
    expect(creatorSatisfaction([])).toEqual({ mean: null, ratings: 0 });
  });

  it('adds revenue and margin per currency, from agreed prices only', () => {
    const result = revenueAndMargin([
      { brandPriceMinor: 10_000_000, creatorFeeMinor: 7_500_000, currency: 'INR' },
      { brandPriceMinor: 4_000_000, creatorFeeMinor: 3_000_000, currency: 'INR' },
      { brandPriceMinor: 250_000, creatorFeeMinor: 200_000, currency: 'USD' },
      { brandPriceMinor: null, creatorFeeMinor: null, currency: 'INR' },
    ]);
    expect(result).toEqual({ revenue: { INR: 14_000_000, USD: 250_000 }, margin: { INR: 3_500_000, USD: 50_000 } });
  });

  it('counts escalations per collaboration and the share resolved late', () => {
    expect(escalationsPerCollaboration(3, 12)).toBe(0.25);
    expect(escalationsPerCollaboration(3, 0)).toBeNull();
    expect(shareResolvedLate([{ late: true }, { late: false }, { late: false }, { late: false }])).toEqual({ count: 1, of: 4, rate: 0.25 });
  });

  it('measures rework as revision rounds per deliverable', () => {
    expect(rework([{ revisionCount: 0 }, { revisionCount: 2 }, { revisionCount: 1 }])).toBe(1);
    expect(rework([])).toBeNull();
  });

  it('counts creator × brand pairs that worked together twice or more', () => {
    const collaborations = [
      { creatorId: 'a', brandId: 'glow' },
      { creatorId: 'a', brandId: 'glow' },
      { creatorId: 'a', brandId: 'dewy' },
      { creatorId: 'b', brandId: 'glow' },
      { creatorId: 'b', brandId: 'glow' },
      { creatorId: 'b', brandId: 'glow' },
    ];
    // pairs: a×glow (2), a×dewy (1), b×glow (3) → 2 of 3 repeat
    expect(repeatCollaborations(collaborations)).toEqual({ count: 2, of: 3, rate: 2 / 3 });
  });

  describe('progress towards a target', () => {
    it('is actual over target when more is better', () => {
      expect(targetProgress(120, 100, 'higher')).toEqual({ progress: 1.2, met: true });
      expect(targetProgress(45, 60, 'higher')).toEqual({ progress: 0.75, met: false });
    });

    it('is target over actual when less is better', () => {
      // escalations per collaboration: target 0.2, actual 0.25 → 80 % of the way
      expect(targetProgress(0.25, 0.2, 'lower')).toEqual({ progress: 0.8, met: false });
      expect(targetProgress(0.1, 0.2, 'lower')).toEqual({ progress: 2, met: true });
      expect(targetProgress(0, 0.2, 'lower')).toEqual({ progress: null, met: true });
    });

    it('is unknown without a target or an actual', () => {
      expect(targetProgress(null, 100, 'higher')).toEqual({ progress: null, met: null });
      expect(targetProgress(5, null, 'higher')).toEqual({ progress: null, met: null });
      expect(targetProgress(5, 0, 'higher')).toEqual({ progress: null, met: true });
    });
  });
});
