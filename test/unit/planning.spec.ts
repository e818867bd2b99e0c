import { impliedStretch, planningHorizon, planningPeriod, planQuarters, stretchProblem, stretchTarget, type ForecastMonth, type PlanningPeriod } from '../../libs/domain/rules/planning';
import { plannablePeriods } from '../../apps/api/planning/planning.panel';
import { stampSetter, targetPanel } from '../../apps/api/targets/targets.panel';

const period = (kind: 'quarter' | 'year', start: string) => planningPeriod(kind, start) as PlanningPeriod;

describe('planning periods', () => {
  it('a quarter is one quarterly target; a year is its four quarters', () => {
    expect(period('quarter', '2027-04-01')).toEqual({
      kind: 'quarter', start: '2027-04-01', end: '2027-07-01', label: '2027-Q2',
      quarters: [{ start: '2027-04-01', label: '2027-Q2', months: ['2027-04', '2027-05', '2027-06'] }],
    });
    const year = period('year', '2027-01-01');
    expect(year).toMatchObject({ kind: 'year', start: '2027-01-01', end: '2028-01-01', label: '2027' });
    expect(year.quarters.map((q) => [q.start, q.label, q.months.join(' ')])).toEqual([
      ['2027-01-01', '2027-Q1', '2027-01 2027-02 2027-03'],
      ['2027-04-01', '2027-Q2', '2027-04 2027-05 2027-06'],
      ['2027-07-01', '2027-Q3', '2027-07 2027-08 2027-09'],
      ['2027-10-01', '2027-Q4', '2027-10 2027-11 2027-12'],
    ]);
  });

  it.each([
    ['quarter', '2027-02-01', /first day of a quarter/],
    ['quarter', '2027-04-02', /first day of a quarter/],
    ['year', '2027-04-01', /first day of a year/],
    ['year', '2027-13-01', /must be a date/],
    ['year', 'next year', /must be a date/],
  ] as const)('refuses a %s starting %s', (kind, start, message) => {
    expect(planningPeriod(kind, start)).toMatch(message);
  });

  it('reaches from the month after the as-of month to the period’s last month, at most 15 months', () => {
    // As of October 2026: Q1 2027 ends in March, 5 months ahead; 2027 ends in December, 14.
    expect(planningHorizon('2026-10', period('quarter', '2027-01-01'))).toBe(5);
    expect(planningHorizon('2026-12', period('quarter', '2027-01-01'))).toBe(3);
    expect(planningHorizon('2026-10', period('year', '2027-01-01'))).toBe(14);
    // Planned in October from September's figures: 15, the most.
    expect(planningHorizon('2026-09', period('year', '2027-01-01'))).toBe(15);
    expect(planningHorizon('2026-08', period('year', '2027-01-01'))).toMatch(/ends 16 months after 2026-08; .* at most 15/);
    // A period under way has actual months: it is not planned from the forecast.
    expect(planningHorizon('2026-10', period('quarter', '2026-10-01'))).toMatch(/starts before 2026-11/);
    expect(planningHorizon('2026-10', period('year', '2026-01-01'))).toMatch(/starts before 2026-11/);
  });
});

describe('stretch targets', () => {
  it.each([
    // forecast, stretch %, target (hand-computed: forecast × (1 + s/100), rounded half up)
    [1_000_000, 10, 1_100_000],
    [1_234_567, 10, 1_358_024], // 1 358 023.7
    [1_234_567, 12.5, 1_388_888], // 1 388 887.875
    [1_234_565, 0, 1_234_565],
    [5, 10, 6], // 5.5 rounds up
    [15, -10, 14], // 13.5 rounds up
    [1_000_001, -50, 500_001], // 500 000.5 rounds up
    [999, 33.33, 1332], // 1 331.9667
    [0, 25, 0],
    [9_000_000_000_000, 200, 27_000_000_000_000], // beyond 2^53 in the product: computed exactly
  ])('%i minor units at +%d %% is %i', (forecast, stretch, target) => {
    expect(stretchTarget(forecast, stretch)).toBe(target);
  });

  it.each([
    [-50.01, /between -50 and 200/],
    [200.5, /between -50 and 200/],
    [10.125, /at most two decimals/],
    [Number.NaN, /must be a number/],
    ['10', /must be a number/],
  ])('refuses a stretch of %p', (stretch, message) => {
    expect(stretchProblem(stretch)).toMatch(message);
    expect(() => stretchTarget(100, stretch as number)).toThrow(message);
  });

  it('refuses a forecast that is not a whole non-negative amount', () => {
    expect(() => stretchTarget(10.5, 10)).toThrow(/whole/);
    expect(() => stretchTarget(-1, 10)).toThrow(/non-negative/);
  });

  it('reads the stretch a stored target stands for', () => {
    expect(impliedStretch(1_100_000, 1_000_000)).toBe(10);
    expect(impliedStretch(1_388_888, 1_234_567)).toBe(12.5);
    expect(impliedStretch(900, 1_000)).toBe(-10);
    expect(impliedStretch(900, 0)).toBeNull();
  });
});

describe('quarter plans from the monthly forecast', () => {
  const months = (first: string, points: number[]): ForecastMonth[] =>
    points.map((point, i) => ({ month: `2027-${String(Number(first.slice(5)) + i).padStart(2, '0')}`, pointMinor: point, lowMinor: point - 100, highMinor: point + 200 }));

  it('sums the quarter’s months, point and bounds, and stretches the sum', () => {
    const forecast = [{ month: '2026-11', pointMinor: 999, lowMinor: 0, highMinor: 9999 }, { month: '2026-12', pointMinor: 999, lowMinor: 0, highMinor: 9999 }, ...months('2027-01', [1_000, 2_000, 3_005])];
    const plan = planQuarters(forecast, period('quarter', '2027-01-01'), 10);
    // 1 000 + 2 000 + 3 005 = 6 005; × 1.10 = 6 605.5 → 6 606. Bounds: 6 005 − 300, 6 005 + 600.
    expect(plan.quarters).toEqual([{ start: '2027-01-01', label: '2027-Q1', forecastMinor: 6_005, lowMinor: 5_705, highMinor: 6_605, proposedMinor: 6_606 }]);
    expect(plan.total).toEqual({ forecastMinor: 6_005, lowMinor: 5_705, highMinor: 6_605, proposedMinor: 6_606 });
  });

  it('plans a year as four quarterly targets, each rounded on its own, and adds them', () => {
    const forecast = months('2027-01', [105, 0, 0, 105, 0, 0, 105, 0, 0, 105, 0, 0]);
    const plan = planQuarters(forecast, period('year', '2027-01-01'), 10);
    // Each quarter: 105 × 1.1 = 115.5 → 116; the year: 4 × 116 = 464, not round(420 × 1.1) = 462.
    expect(plan.quarters.map((q) => [q.label, q.forecastMinor, q.proposedMinor])).toEqual([
      ['2027-Q1', 105, 116],
      ['2027-Q2', 105, 116],
      ['2027-Q3', 105, 116],
      ['2027-Q4', 105, 116],
    ]);
    expect(plan.total).toEqual({ forecastMinor: 420, lowMinor: 420 - 1_200, highMinor: 420 + 2_400, proposedMinor: 464 });
  });

  it('refuses a forecast that does not reach the period', () => {
    expect(() => planQuarters(months('2027-01', [1, 2]), period('quarter', '2027-01-01'), 0)).toThrow(/does not reach 2027-03/);
  });
});

describe('the Planning page’s periods', () => {
  it('offers the quarters and years not yet begun that the forecast reaches', () => {
    // As of October 2026 (planning in November): Q4 2026 has begun; Q1 to Q4 2027 end within 15 months (Q4 ends December, 14 ahead).
    expect(plannablePeriods('2026-10')).toEqual({
      quarter: ['2027-01-01', '2027-04-01', '2027-07-01', '2027-10-01'].map((start, i) => ({ start, label: `2027-Q${i + 1}` })),
      year: [{ start: '2027-01-01', label: '2027' }],
    });
    // As of December 2026, planning January: Q1 2027 onwards, and 2027; Q1 2028 ends 15 months ahead.
    expect(plannablePeriods('2026-12').quarter.map((q) => q.label)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4', '2028-Q1']);
  });
});

describe('targets set in the panel', () => {
  it('record the signed-in user and the time on create and edit, whatever the form sent', async () => {
    const panel = targetPanel();
    const now = new Date('2026-11-30T10:00:00Z');
    expect(stampSetter({ metric: 'nmv', setById: 'someone-else' }, { currentAdmin: { id: 'u-1', email: 'm@x.test' } as never }, now)).toEqual({ metric: 'nmv', setById: 'u-1', setAt: '2026-11-30T10:00:00.000Z' });
    const context = { currentAdmin: { id: 'u-2', email: 'a@x.test' } } as never;
    const created = await panel.prepareCreate!({ metric: 'nmv', userId: '', teamManagerId: 't-1', currency: 'INR' }, context);
    expect(created).toMatchObject({ userId: null, teamManagerId: 't-1', setById: 'u-2' });
    expect(Date.parse(String(created.setAt))).not.toBeNaN();
    const edited = await panel.prepareEdit!({ valueNumeric: '5' }, { id: 'x' }, context);
    expect(edited).toMatchObject({ valueNumeric: '5', setById: 'u-2' });
    // Who set it is never a form field: the form cannot name someone else.
    expect(panel.create).not.toContain('setById');
    expect(panel.edit).not.toContain('setAt');
  });
});
