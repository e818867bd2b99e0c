import {
  agencyMargin,
  conversionRate,
  costPerEngagement,
  costPerMille,
  costPerOrder,
  earnedMediaValue,
  engagementRates,
  engagements,
  gmvByCurrency,
  growth,
  isProvisional,
  nmvByCurrency,
  ratio,
  roas,
  roi,
  settledOrders,
  type SalesLine,
} from '../../libs/domain/rules/metrics';

const line = (overrides: Partial<SalesLine>): SalesLine => ({
  orders: 1, gmvMinor: 0, returnsMinor: 0, cancellationsMinor: 0, currency: 'INR', status: 'settled', ...overrides,
});

describe('the metric dictionary', () => {
  describe('NMV', () => {
    it('is GMV less returns and cancellations, over settled lines only', () => {
      const lines = [
        line({ gmvMinor: 100_000, returnsMinor: 10_000, cancellationsMinor: 5_000, orders: 4 }),
        line({ gmvMinor: 50_000, returnsMinor: 0, cancellationsMinor: 2_500, orders: 2 }),
        // pending: not counted until settled
        line({ gmvMinor: 999_999, status: 'pending', orders: 9 }),
      ];
      // (100000 − 10000 − 5000) + (50000 − 0 − 2500) = 85000 + 47500
      expect(nmvByCurrency(lines)).toEqual({ INR: 132_500 });
      expect(gmvByCurrency(lines)).toEqual({ INR: 150_000 });
      expect(settledOrders(lines)).toBe(6);
    });

    it('keeps currencies apart instead of summing them', () => {
      const lines = [line({ gmvMinor: 1_000, currency: 'USD' }), line({ gmvMinor: 2_000, currency: 'INR' }), line({ gmvMinor: 500, currency: 'USD', returnsMinor: 100 })];
      expect(nmvByCurrency(lines)).toEqual({ USD: 1_400, INR: 2_000 });
    });

    it('can be negative when returns exceed the period\'s sales', () => {
      expect(nmvByCurrency([line({ gmvMinor: 1_000, returnsMinor: 3_000 })])).toEqual({ INR: -2_000 });
    });

    it('is empty, not zero in some currency, without settled lines', () => {
      expect(nmvByCurrency([])).toEqual({});
      expect(nmvByCurrency([line({ gmvMinor: 10, status: 'pending' })])).toEqual({});
    });
  });

  describe('provisional periods', () => {
    it('stays provisional until the return window after the period\'s last day has passed', () => {
      // November 2026 ends on the 30th; with 30 days for returns it settles on 31 December.
      expect(isProvisional('2026-11-30', new Date('2026-12-30T23:59:59Z'))).toBe(true);
      expect(isProvisional('2026-11-30', new Date('2026-12-31T00:00:00Z'))).toBe(false);
      expect(isProvisional('2026-11-30', new Date('2026-12-05T00:00:00Z'), 3)).toBe(false);
      expect(isProvisional('2026-11-30', new Date('2026-12-03T12:00:00Z'), 3)).toBe(true);
    });
  });

  describe('return on spend', () => {
    it('computes ROAS and ROI against the brand price', () => {
      // NMV 250000 on spend 100000: ROAS 2.5, ROI (250000 − 100000) / 100000 = 1.5
      expect(roas(250_000, 100_000)).toBe(2.5);
      expect(roi(250_000, 100_000)).toBe(1.5);
      expect(roi(40_000, 100_000)).toBeCloseTo(-0.6, 10);
    });

    it('is not measurable without spend', () => {
      expect(roas(5_000, 0)).toBeNull();
      expect(roi(5_000, 0)).toBeNull();
    });
  });

  it('gives the agency the brand price as revenue and the difference to the fee as margin', () => {
    expect(agencyMargin(10_000_000, 7_500_000)).toEqual({ revenueMinor: 10_000_000, marginMinor: 2_500_000, marginRate: 0.25 });
    expect(agencyMargin(0, 0).marginRate).toBeNull();
  });

  describe('engagement', () => {
    const post = { views: 20_000, reach: 12_500, likes: 900, comments: 60, shares: 30, saves: 10, clicks: 400, orders: 12 };

    it('adds likes, comments, shares and saves', () => {
      expect(engagements(post)).toBe(1_000);
      expect(engagements({ likes: 5, comments: null, shares: null, saves: null })).toBe(5);
      expect(engagements({ likes: null, comments: null, shares: null, saves: null })).toBeNull();
    });

    it('has three named rates: by views, by reach and by followers', () => {
      // 1000 engagements on 20000 views, 12500 reached, 50000 followers
      expect(engagementRates(post, 50_000)).toEqual({ byViews: 0.05, byReach: 0.08, byFollowers: 0.02 });
      expect(engagementRates({ ...post, views: 0, reach: null }, null)).toEqual({ byViews: null, byReach: null, byFollowers: null });
    });

    it('converts clicks into orders', () => {
      expect(conversionRate(12, 400)).toBe(0.03);
      expect(conversionRate(3, 0)).toBeNull();
      expect(conversionRate(null, 10)).toBeNull();
    });
  });

  describe('cost per result', () => {
    it('divides the spend by engagements, thousands of views and orders', () => {
      // spend INR 50,000.00 = 5,000,000 paise
      expect(costPerEngagement(5_000_000, 1_000)).toBe(5_000);
      expect(costPerMille(5_000_000, 20_000)).toBe(250_000);
      expect(costPerOrder(5_000_000, 12)).toBeCloseTo(416_666.667, 3);
    });

    it('is not measurable when nothing was delivered', () => {
      expect(costPerEngagement(5_000, null)).toBeNull();
      expect(costPerMille(5_000, 0)).toBeNull();
      expect(costPerOrder(5_000, 0)).toBeNull();
    });
  });

  it('values views at the platform\'s configured CPM, and not at all without one', () => {
    // 48,000 views at INR 120.00 per thousand = 48 × 12000 paise
    expect(earnedMediaValue(48_000, 12_000)).toBe(576_000);
    expect(earnedMediaValue(48_000, undefined)).toBeNull();
    expect(earnedMediaValue(null, 12_000)).toBeNull();
  });

  describe('period-over-period growth', () => {
    it('is the change over the previous period', () => {
      expect(growth(120_000, 100_000)).toBe(0.2);
      expect(growth(75_000, 100_000)).toBe(-0.25);
    });

    it('is not measurable from nothing', () => {
      expect(growth(50_000, 0)).toBeNull();
      expect(growth(50_000, null)).toBeNull();
      expect(growth(null, 10)).toBeNull();
    });
  });

  it('never divides by zero', () => {
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(0, 5)).toBe(0);
  });
});
