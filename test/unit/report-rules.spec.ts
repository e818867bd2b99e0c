import { TargetMetric } from '../../libs/domain/rules/lifecycle';
import type { KpiRow } from '../../libs/domain/rules/kpi-board';
import { improvementAreas } from '../../libs/domain/rules/report-advice';
import { creatorReasons, rankCreators, type CreatorLine } from '../../libs/domain/rules/report-creators';

const line = (name: string, nmv: number | null, previous: number | null, posts = 1, escalations = 0): CreatorLine => ({
  id: name, name, owner: 'Tara', nmv: nmv === null ? {} : { INR: nmv }, previousNmv: previous === null ? {} : { INR: previous }, posts, escalations,
});

describe('the monthly report', () => {
  it('ranks creators by NMV, the ones without sales at the bottom, each with the reasons', () => {
    const { top, bottom } = rankCreators([line('Asha', 450_000, 400_000, 3), line('Bina', 180_000, null), line('Chen', null, 90_000, 0, 2), line('Dev', 20_000, 100_000)], 'INR', 2);
    expect(top.map((c) => c.name)).toEqual(['Asha', 'Bina']);
    expect(bottom.map((c) => c.name)).toEqual(['Chen', 'Dev']);
    expect(top[0].reasons).toEqual(['NMV INR 4,500.00', 'up 12.5 % on last month', '3 posts live']);
    expect(top[1].reasons).toEqual(['NMV INR 1,800.00', 'first sales this month', '1 post live']);
    expect(bottom[0].reasons).toEqual(['no settled sales this month', '0 posts live', '2 escalations']);
    expect(bottom[1].reasons).toEqual(['NMV INR 200.00', 'down 80 % on last month', '1 post live']);
  });

  it('never lists a creator at both ends', () => {
    const { top, bottom } = rankCreators([line('Asha', 100, null)], 'INR');
    expect(top.map((c) => c.name)).toEqual(['Asha']);
    expect(bottom).toEqual([]);
    expect(creatorReasons(line('Eve', null, null, 0), null)).toEqual(['no settled sales this month', '0 posts live']);
  });

  const row = (id: TargetMetric, actual: number | null, target: number | null, met: boolean | null, extra: Partial<KpiRow> = {}): KpiRow => ({
    id, name: String(id), unit: 'share', direction: 'higher', definition: '', currency: null, actual, basis: '', target, progress: null, met, ...extra,
  });

  it('names each missed target and each KPI that got worse, with an action', () => {
    const areas = improvementAreas(
      [
        row(TargetMetric.OnTimeDeliveryRate, 0.5, 0.9, false, { name: 'On-time delivery' }),
        row(TargetMetric.ReworkRate, 0.8, null, null, { name: 'Rework', unit: 'per_deliverable', direction: 'lower' }),
        row(TargetMetric.CreatorRetention, 0.7, null, null, { name: 'Creator retention' }),
      ],
      [row(TargetMetric.ReworkRate, 0.5, null, null, { unit: 'per_deliverable', direction: 'lower' }), row(TargetMetric.CreatorRetention, 0.6, null, null)],
    );
    expect(areas.map((a) => [a.kpi, a.finding])).toEqual([
      [TargetMetric.OnTimeDeliveryRate, 'On-time delivery is 50 % against a target of 90 %.'],
      [TargetMetric.ReworkRate, 'Rework went from 0.5 to 0.8 since last month.'],
    ]);
    expect(areas[0].action).toMatch(/remind them 48 hours before/);
  });
});
