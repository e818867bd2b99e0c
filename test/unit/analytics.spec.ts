import { sumPosts, totals, trend } from '../../libs/domain/rules/analytics';

const sales = (month: string, gmvMinor: number, extra: Partial<{ returnsMinor: number; currency: string; status: 'settled' | 'pending'; orders: number }> = {}) => ({
  month, gmvMinor, returnsMinor: 0, cancellationsMinor: 0, orders: 1, currency: 'INR', status: 'settled' as const, ...extra,
});
const posts = (month: string, views: number | null, likes: number | null, clicks: number | null, orders: number | null) => ({
  month, posts: 1, views, reach: null, likes, comments: null, shares: null, saves: null, clicks, orders,
});

describe('analytics', () => {
  it('lays the months out with NMV, growth, ROAS, engagement and conversion', () => {
    const points = trend(
      ['2026-09-01', '2026-10-01'],
      [sales('2026-09-01', 400_000), sales('2026-10-01', 500_000, { returnsMinor: 50_000 }), sales('2026-10-01', 999, { status: 'pending' })],
      [{ month: '2026-10-01', currency: 'INR', spendMinor: 300_000 }],
      [posts('2026-10-01', 10_000, 500, 200, 6), posts('2026-10-01', null, null, null, null)],
      { INR: 200_000 },
    );
    expect(points[0]).toMatchObject({ month: '2026-09-01', nmv: { INR: 400_000 }, growth: { INR: 1 }, roas: { INR: null }, posts: 0, engagementRateByViews: null });
    // 450000 NMV on 300000 spend; 500 engagements on 10000 views; 6 orders from 200 clicks
    expect(points[1]).toMatchObject({ month: '2026-10-01', nmv: { INR: 450_000 }, growth: { INR: 0.125 }, roas: { INR: 1.5 }, posts: 2, engagementRateByViews: 0.05, conversion: 0.03 });
  });

  it('totals a period without mixing currencies or inventing zeros', () => {
    const t = totals(
      [sales('2026-10-01', 100_000, { orders: 4 }), sales('2026-10-01', 2_000, { currency: 'USD', orders: 1 })],
      [{ currency: 'INR', spendMinor: 50_000 }],
      [posts('2026-10-01', null, null, null, null)],
    );
    expect(t).toMatchObject({ nmv: { INR: 100_000, USD: 2_000 }, gmv: { INR: 100_000, USD: 2_000 }, orders: 5, spend: { INR: 50_000 } });
    expect(t.roas).toEqual({ INR: 2, USD: null });
    expect(t.roi).toEqual({ INR: 1, USD: null });
    expect(t.costPerOrder).toEqual({ INR: 10_000 });
    expect(t).toMatchObject({ posts: 1, views: null, engagementRateByViews: null, conversion: null });
    expect(sumPosts([]).views).toBeNull();
  });
});
