import { kpiBoard, KPI_CATALOGUE, type KpiActuals } from '../../libs/domain/rules/kpi-board';
import { TargetMetric } from '../../libs/domain/rules/lifecycle';

const actuals: KpiActuals = {
  onTimeDelivery: { count: 9, of: 12, rate: 0.75 },
  nmv: { INR: 12_000_000 },
  nmvPrevious: { INR: 10_000_000, USD: 50_000 },
  revenue: { INR: 30_000_000 },
  margin: { INR: 7_500_000 },
  creatorRetention: { count: 3, of: 4, rate: 0.75 },
  rosterChurn: { count: 1, of: 20, rate: 0.05 },
  satisfaction: { mean: 4.5, ratings: 2 },
  escalations: { raised: 2, collaborations: 10, perCollaboration: 0.2 },
  resolvedLate: { count: 0, of: 2, rate: 0 },
  rework: { rounds: 3, deliverables: 6, perDeliverable: 0.5 },
  repeatCollaborations: { count: 1, of: 5, rate: 0.2 },
};

describe('the KPI board', () => {
  const board = kpiBoard(actuals, [
    { metric: TargetMetric.OnTimeDeliveryRate, value: 0.9, currency: null },
    { metric: TargetMetric.Nmv, value: 15_000_000, currency: 'INR' },
    { metric: TargetMetric.Escalations, value: 0.25, currency: null },
    { metric: TargetMetric.Revenue, value: 1_000_000, currency: 'USD' },
  ]);
  const row = (id: TargetMetric, currency: string | null = null) => board.find((r) => r.id === id && r.currency === currency)!;

  it('puts each actual beside its target with the progress towards it', () => {
    expect(row(TargetMetric.OnTimeDeliveryRate)).toMatchObject({ actual: 0.75, target: 0.9, met: false, basis: '9 of 12 posts on time' });
    expect(row(TargetMetric.OnTimeDeliveryRate).progress).toBeCloseTo(0.75 / 0.9, 10);
    expect(row(TargetMetric.Nmv, 'INR')).toMatchObject({ actual: 12_000_000, target: 15_000_000, progress: 0.8, met: false });
    // fewer escalations than the target: better than target
    expect(row(TargetMetric.Escalations)).toMatchObject({ actual: 0.2, target: 0.25, progress: 1.25, met: true });
  });

  it('shows money per currency, including a currency that has only a target', () => {
    expect(row(TargetMetric.Revenue, 'INR')).toMatchObject({ actual: 30_000_000, target: null, progress: null });
    expect(row(TargetMetric.Revenue, 'USD')).toMatchObject({ actual: 0, target: 1_000_000, progress: 0, met: false });
  });

  it('grows NMV per currency from the previous period, and not from nothing', () => {
    expect(row(TargetMetric.NmvGrowth, 'INR').actual).toBeCloseTo(0.2, 10);
    expect(row(TargetMetric.NmvGrowth, 'INR').basis).toMatch(/^from INR [\d,]+\.\d\d to INR [\d,]+\.\d\d$/);
    // USD sold last period and nothing now: −100 %
    expect(row(TargetMetric.NmvGrowth, 'USD').actual).toBe(-1);
  });

  it('has a row for every KPI of the catalogue', () => {
    for (const def of KPI_CATALOGUE) expect(board.some((r) => r.id === def.id)).toBe(true);
    expect(row(TargetMetric.Satisfaction)).toMatchObject({ actual: 4.5, basis: '2 ratings', target: null, met: null });
  });
});
