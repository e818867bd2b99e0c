import { lastMonthForecast, mase, meanOfLast3Forecast, naiveScale, quantile, wape } from './accuracy';
import { activeHistory } from './chooser';

/** Origins need this many months of the entity's own history before them (the mean-of-3 baseline's window). */
export const MIN_BACKTEST_HISTORY = 3;
/** The interval: the 10th and 90th percentiles of the back-test errors, 80 % between them. */
export const INTERVAL = { low: 0.1, high: 0.9 } as const;

export interface Backtest {
  mase: number | null;
  wape: number | null;
  naiveMase: number | null;
  meanOf3Mase: number | null;
  /** Errors (actual − forecast) at each horizon 1…H, over the origins. */
  errorsByHorizon: number[][];
}

/**
 * Rolling-origin back-test of one series (a creator's, or the bottom-up sum of several): from
 * each origin t (with at least MIN_BACKTEST_HISTORY months of history before it, up to `actuals`'
 * end) the model's forecasts `forecastAt(t)` for months t … t + horizon − 1 are compared with what
 * happened, where that is known. The naive baselines are scored on the same origins and months.
 * MASE is scaled by the in-sample one-step naive MAE of the whole history (active part).
 */
export function backtest(actuals: readonly number[], horizon: number, forecastAt: (origin: number) => readonly number[]): Backtest {
  const end = actuals.length;
  const first = actuals.findIndex((value) => value !== 0);
  const errorsByHorizon: number[][] = Array.from({ length: horizon }, () => []);
  const model: number[] = [];
  const naive: number[] = [];
  const meanOf3: number[] = [];
  const seen: number[] = [];
  const predicted: number[] = [];
  if (first >= 0) {
    for (let origin = first + MIN_BACKTEST_HISTORY; origin < end; origin += 1) {
      const history = actuals.slice(first, origin);
      const points = forecastAt(origin);
      const last = lastMonthForecast(history, horizon);
      const mean = meanOfLast3Forecast(history, horizon);
      for (let h = 0; h < horizon && origin + h < end; h += 1) {
        const actual = actuals[origin + h];
        errorsByHorizon[h].push(actual - points[h]);
        model.push(actual - points[h]);
        naive.push(actual - last[h]);
        meanOf3.push(actual - mean[h]);
        seen.push(actual);
        predicted.push(points[h]);
      }
    }
  }
  const scale = naiveScale(activeHistory(actuals, end));
  return { mase: mase(model, scale), wape: wape(seen, predicted), naiveMase: mase(naive, scale), meanOf3Mase: mase(meanOf3, scale), errorsByHorizon };
}

/**
 * The 80 % interval around each month's point: point + the 10th and 90th percentiles of the
 * back-test errors at that horizon (all horizons pooled when a horizon has fewer than 3). With
 * fewer than 3 errors in all there is nothing to measure: the band is 0 … 2 × point, wide on
 * purpose. NMV of a month is not forecast below zero.
 */
export function interval(points: readonly number[], errorsByHorizon: readonly (readonly number[])[]): Array<{ low: number; high: number }> {
  const pooled = errorsByHorizon.flat();
  return points.map((point, h) => {
    const errors = (errorsByHorizon[h]?.length ?? 0) >= 3 ? errorsByHorizon[h] : pooled;
    if (errors.length < 3) return { low: 0, high: Math.max(0, 2 * point) };
    return { low: Math.max(0, point + quantile(errors, INTERVAL.low)), high: Math.max(0, point + quantile(errors, INTERVAL.high)) };
  });
}

/** Adds series of equal length month by month (the bottom-up sum). */
export function sumSeries(series: readonly (readonly number[])[], length: number): number[] {
  const total = Array<number>(length).fill(0);
  for (const values of series) values.forEach((value, t) => (total[t] += value));
  return total;
}
