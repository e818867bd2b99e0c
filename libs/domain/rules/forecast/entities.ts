import { backtest, interval, sumSeries, type Backtest } from './backtest';
import { forecastSeries, originForecasts, type ForecastModel, type OriginForecasts } from './chooser';
import { pooledGrowth } from './cohort';
import { pipelineWeight } from './pipeline';

/** One creator's monthly NMV in one currency (optionally for one brand), on the common month grid. */
export interface NmvSeries {
  creatorId: string;
  brandId: string | null;
  currency: string;
  /** NMV per month, minor units, aligned with the grid; the last value is the as-of month. */
  values: number[];
  /**
   * The pipeline uplift of the months origin … origin + horizon − 1 as known at the start of
   * month `origin` (index on the grid; the grid's length is the real forecast).
   */
  upliftAt(origin: number): readonly number[];
}

export interface ForecastEntity {
  id: string;
  name: string;
  /** Whether a series counts towards this entity. */
  includes(series: NmvSeries): boolean;
}

export interface EntityForecast {
  id: string;
  name: string;
  currency: string;
  model: ForecastModel | 'bottom-up';
  months: Array<{ month: string; pointMinor: number; lowMinor: number; highMinor: number }>;
  backtest: Omit<Backtest, 'errorsByHorizon'>;
  /** The share of the pipeline's expected NMV added (learned per currency, docs/metrics.md#pipeline). */
  pipelineWeight: number;
  /** Months of actual NMV up to the as-of month (for the chart), oldest first. */
  actuals: Array<{ month: string; nmvMinor: number }>;
}

/**
 * Forecasts per (entity, currency), bottom-up from the creators' series: an entity's point is
 * the sum of its creators' forecasts plus the learned share of their pipeline, and its back-test sums the creators'
 * forecasts from each origin and scores them against the entity's own actual months. The
 * cohort growth at each origin is pooled over every series of the currency, known at that origin.
 * `grid` holds the months (YYYY-MM) of the values, the as-of month last.
 */
export function forecastEntities(grid: readonly string[], horizon: number, series: readonly NmvSeries[], entities: readonly ForecastEntity[], actualMonths = 12, seasonal = true): EntityForecast[] {
  const end = grid.length;
  const firstMonth = Number(grid[0].slice(5)) - 1;
  const cohort = new Map<string, number[]>();
  for (const currency of new Set(series.map((s) => s.currency))) {
    const same = series.filter((s) => s.currency === currency).map((s) => s.values);
    cohort.set(currency, Array.from({ length: end + 1 }, (_, t) => pooledGrowth(same, t)));
  }
  const origins = new Map<NmvSeries, Map<number, OriginForecasts>>();
  const originOf = (s: NmvSeries, origin: number) => {
    let byOrigin = origins.get(s);
    if (!byOrigin) origins.set(s, (byOrigin = new Map()));
    let result = byOrigin.get(origin);
    if (!result) byOrigin.set(origin, (result = originForecasts(s.values, origin, horizon, cohort.get(s.currency)![origin], seasonal ? firstMonth : null)));
    return result;
  };
  const memo = new Map<NmvSeries, Map<number, { model: ForecastModel; points: number[]; seasonal: boolean }>>();
  const forecastOf = (s: NmvSeries, origin: number) => {
    let byOrigin = memo.get(s);
    if (!byOrigin) memo.set(s, (byOrigin = new Map()));
    let result = byOrigin.get(origin);
    if (!result) byOrigin.set(origin, (result = forecastSeries(s.values, origin, horizon, cohort.get(s.currency)![origin], seasonal ? firstMonth : null, (o) => originOf(s, o))));
    return result;
  };
  // How much of the pipeline is additional, per currency, from every creator's back-test.
  const weights = new Map<string, number>();
  for (const currency of cohort.keys()) {
    const residuals: number[] = [];
    const uplifts: number[] = [];
    for (const s of series.filter((x) => x.currency === currency)) {
      const first = s.values.findIndex((value) => value !== 0);
      if (first < 0) continue;
      for (let origin = first + 1; origin < end; origin += 1) {
        const points = forecastOf(s, origin).points;
        const uplift = s.upliftAt(origin);
        for (let h = 0; h < horizon && origin + h < end; h += 1) {
          residuals.push(s.values[origin + h] - points[h]);
          uplifts.push(uplift[h] ?? 0);
        }
      }
    }
    weights.set(currency, pipelineWeight(residuals, uplifts));
  }
  const withPipeline = (s: NmvSeries, origin: number) => {
    const uplift = s.upliftAt(origin);
    const weight = weights.get(s.currency) ?? 0;
    return forecastOf(s, origin).points.map((point, h) => point + weight * (uplift[h] ?? 0));
  };
  const futureMonths = Array.from({ length: horizon }, (_, h) => addMonths(grid[end - 1], h + 1));

  const items: EntityForecast[] = [];
  for (const entity of entities) {
    const members = series.filter((s) => entity.includes(s));
    for (const currency of [...new Set(members.map((s) => s.currency))].sort()) {
      const own = members.filter((s) => s.currency === currency);
      const actuals = sumSeries(own.map((s) => s.values), end);
      const tested = backtest(actuals, horizon, (origin) => sumSeries(own.map((s) => withPipeline(s, origin)), horizon));
      const finals = own.map((s) => forecastOf(s, end));
      const points = sumSeries(own.map((s) => withPipeline(s, end)), horizon);
      const band = interval(points, tested.errorsByHorizon);
      const { errorsByHorizon: _errors, ...scores } = tested;
      items.push({
        id: entity.id,
        name: entity.name,
        currency,
        model: own.length === 1 ? finals[0].model : 'bottom-up',
        months: futureMonths.map((month, h) => ({
          month,
          pointMinor: Math.round(points[h]),
          lowMinor: Math.round(band[h].low),
          highMinor: Math.round(band[h].high),
        })),
        backtest: scores,
        pipelineWeight: weights.get(currency) ?? 0,
        actuals: grid.slice(-actualMonths).map((month, i) => ({ month, nmvMinor: actuals[end - Math.min(actualMonths, end) + i] })),
      });
    }
  }
  return items;
}

/** "2026-10" plus n months, calendar months (UTC). */
export function addMonths(month: string, n: number): string {
  const [year, index] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, index - 1 + n, 1));
  return date.toISOString().slice(0, 7);
}

/** The months from `first` to `last` (YYYY-MM), both included. */
export function monthGrid(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** The mean MASE over items with a defined scale ("aggregate MASE"); null when none has one. */
export function aggregateMase(values: ReadonlyArray<number | null>): number | null {
  const defined = values.filter((value): value is number => value !== null);
  return defined.length ? defined.reduce((sum, value) => sum + value, 0) / defined.length : null;
}
