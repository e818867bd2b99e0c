import { calendarPeriod, isIsoDate } from './periods';

/**
 * Planning (docs/metrics.md#planning): a quarter's or a year's NMV targets per executive or team,
 * starting from the creator-driven NMV forecast: target = forecast × (1 + stretch %), per
 * currency, per quarter. A year is planned as its four quarters, each stored as a quarterly
 * target, so the KPI board (which tracks months and quarters) tracks every part of the plan.
 */

export type PlanningPeriodKind = 'quarter' | 'year';
export const PLANNING_PERIOD_KINDS: readonly PlanningPeriodKind[] = ['quarter', 'year'];

/** The levels a plan is made for: an executive's own creators, a team (a manager's reports). */
export const PLANNING_LEVELS = ['talentManager', 'team'] as const;
export type PlanningLevel = (typeof PLANNING_LEVELS)[number];

/** A stretch below −50 % is a cut, not a plan; above +200 % it is a wish, not a forecast. */
export const STRETCH_PERCENT = { min: -50, max: 200 } as const;

/**
 * The farthest month ahead the planning forecast reaches: a calendar year planned in October,
 * from September's figures, needs October to December of the following year, 15 months. The
 * public forecast (GET /forecasts/nmv) stays at 1–3 months.
 */
export const MAX_PLANNING_HORIZON = 15;

export interface PlanningQuarter {
  /** First day (YYYY-MM-DD). */
  start: string;
  /** "2027-Q1". */
  label: string;
  /** Its three months (YYYY-MM). */
  months: string[];
}

export interface PlanningPeriod {
  kind: PlanningPeriodKind;
  start: string;
  /** The day after its last day (exclusive). */
  end: string;
  /** "2027-Q1" or "2027". */
  label: string;
  /** The quarters a target is stored for: one for a quarter, four for a year. */
  quarters: PlanningQuarter[];
}

/** "2026-10" plus n months. Plain arithmetic: Date.UTC would read years 0–99 as 1900–1999. */
const monthPlus = (month: string, n: number): string => {
  const [year, index] = month.split('-').map(Number);
  const total = year * 12 + (index - 1) + n;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
};

function quarterAt(start: string): PlanningQuarter {
  const period = calendarPeriod('quarter', start);
  if (typeof period === 'string') throw new Error(period);
  const first = start.slice(0, 7);
  return { start, label: period.label, months: [0, 1, 2].map((n) => monthPlus(first, n)) };
}

/** The quarter or year starting on `start`, or why it cannot be one. */
export function planningPeriod(kind: PlanningPeriodKind, start: string): PlanningPeriod | string {
  if (kind === 'quarter') {
    const quarter = calendarPeriod('quarter', start);
    if (typeof quarter === 'string') return quarter;
    return { kind, start, end: quarter.end, label: quarter.label, quarters: [quarterAt(start)] };
  }
  if (!isIsoDate(start)) return 'start must be a date (YYYY-MM-DD), the first day of the year';
  if (!start.endsWith('-01-01')) return 'start must be the first day of a year (YYYY-01-01)';
  const year = start.slice(0, 4);
  return {
    kind,
    start,
    end: `${Number(year) + 1}-01-01`,
    label: year,
    quarters: ['01', '04', '07', '10'].map((month) => quarterAt(`${year}-${month}-01`)),
  };
}

/**
 * How many months ahead of the as-of month (YYYY-MM) the forecast must reach to cover the
 * period, or why it cannot: the period must start after the as-of month (its months are all
 * forecast, none partly actual) and end within MAX_PLANNING_HORIZON months of it.
 */
export function planningHorizon(asOf: string, period: PlanningPeriod): number | string {
  const first = monthPlus(asOf, 1);
  const firstMonth = period.start.slice(0, 7);
  if (firstMonth < first) return `the ${period.kind} ${period.label} starts before ${first}, the first month after the forecast's as-of month ${asOf}: plan a period that has not begun`;
  const last = period.quarters[period.quarters.length - 1].months[2];
  const [y0, m0] = asOf.split('-').map(Number);
  const [y1, m1] = last.split('-').map(Number);
  const horizon = (y1 - y0) * 12 + (m1 - m0);
  if (horizon > MAX_PLANNING_HORIZON) return `the ${period.kind} ${period.label} ends ${horizon} months after ${asOf}; the planning forecast reaches at most ${MAX_PLANNING_HORIZON} months ahead`;
  return horizon;
}

/** Whether a stretch is one a plan accepts: a number within STRETCH_PERCENT, at most two decimals. */
export function stretchProblem(stretchPercent: unknown): string | null {
  if (typeof stretchPercent !== 'number' || !Number.isFinite(stretchPercent)) return 'stretchPercent must be a number (10 for +10 %)';
  if (stretchPercent < STRETCH_PERCENT.min || stretchPercent > STRETCH_PERCENT.max) return `stretchPercent must be between ${STRETCH_PERCENT.min} and ${STRETCH_PERCENT.max}`;
  if (Math.abs(Math.round(stretchPercent * 100) - stretchPercent * 100) > 1e-6) return 'stretchPercent may have at most two decimals';
  return null;
}

/**
 * target = round(forecast × (1 + stretch ÷ 100)), in minor units, rounding half up. Computed
 * exactly (integers, the stretch in hundredths of a percent), so 12.5 % of any amount rounds
 * the same way on every machine.
 */
export function stretchTarget(forecastMinor: number, stretchPercent: number): number {
  const problem = stretchProblem(stretchPercent);
  if (problem) throw new RangeError(problem);
  if (!Number.isSafeInteger(forecastMinor) || forecastMinor < 0) throw new RangeError('the forecast must be a whole, non-negative amount of minor units');
  const factor = BigInt(10_000 + Math.round(stretchPercent * 100));
  const product = BigInt(forecastMinor) * factor;
  const whole = product / 10_000n;
  const rest = product % 10_000n;
  return Number(rest * 2n >= 10_000n ? whole + 1n : whole);
}

export interface ForecastMonth {
  month: string;
  pointMinor: number;
  lowMinor: number;
  highMinor: number;
}

export interface QuarterPlan {
  start: string;
  label: string;
  /** The sum of the quarter's monthly points. */
  forecastMinor: number;
  /**
   * The sums of the months' 80 % bounds: wider than an 80 % interval of the quarter's sum
   * unless the months' errors move together, so read it as a range, not a quantile.
   */
  lowMinor: number;
  highMinor: number;
  /** stretchTarget(forecastMinor, stretch). */
  proposedMinor: number;
}

/**
 * One subject's (executive's or team's) plan in one currency: each quarter of the period with
 * its forecast and the proposed target at the stretch; `total` adds the quarters (a year's
 * target is the sum of its quarterly targets, each rounded on its own).
 */
export function planQuarters(months: readonly ForecastMonth[], period: PlanningPeriod, stretchPercent: number): { quarters: QuarterPlan[]; total: Omit<QuarterPlan, 'start' | 'label'> } {
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const quarters = period.quarters.map((quarter) => {
    const parts = quarter.months.map((month) => {
      const found = byMonth.get(month);
      if (!found) throw new RangeError(`the forecast does not reach ${month}`);
      return found;
    });
    const forecastMinor = parts.reduce((sum, m) => sum + m.pointMinor, 0);
    return {
      start: quarter.start,
      label: quarter.label,
      forecastMinor,
      lowMinor: parts.reduce((sum, m) => sum + m.lowMinor, 0),
      highMinor: parts.reduce((sum, m) => sum + m.highMinor, 0),
      proposedMinor: stretchTarget(forecastMinor, stretchPercent),
    };
  });
  const add = (key: 'forecastMinor' | 'lowMinor' | 'highMinor' | 'proposedMinor') => quarters.reduce((sum, q) => sum + q[key], 0);
  return { quarters, total: { forecastMinor: add('forecastMinor'), lowMinor: add('lowMinor'), highMinor: add('highMinor'), proposedMinor: add('proposedMinor') } };
}

/** The stretch a stored target stands for against the forecast, in percent (one decimal); null when the forecast is zero. */
export function impliedStretch(targetMinor: number, forecastMinor: number): number | null {
  if (forecastMinor === 0) return null;
  return Math.round(((targetMinor - forecastMinor) / forecastMinor) * 1000) / 10;
}
