/**
 * How wrong a forecast was (docs/metrics.md#forecast-error). MAPE is not used: it divides by the
 * actual month, which is zero for every month an intermittent seller sells nothing.
 */

/** In-sample one-step naive MAE: mean |yₜ − yₜ₋₁|; null with fewer than 2 values. */
export function naiveScale(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  let sum = 0;
  for (let t = 1; t < values.length; t += 1) sum += Math.abs(values[t] - values[t - 1]);
  return sum / (values.length - 1);
}

/**
 * MASE = mean |actual − forecast| ÷ the in-sample one-step naive MAE. Undefined (null) when
 * the scale is 0 or unknown (a flat or one-month history) or there are no errors.
 */
export function mase(errors: readonly number[], scale: number | null): number | null {
  if (scale === null || scale === 0 || errors.length === 0) return null;
  return errors.reduce((sum, error) => sum + Math.abs(error), 0) / errors.length / scale;
}

/** WAPE = Σ |actual − forecast| ÷ Σ |actual|; null when every actual is 0. */
export function wape(actuals: readonly number[], forecasts: readonly number[]): number | null {
  let errors = 0;
  let volume = 0;
  actuals.forEach((actual, i) => {
    errors += Math.abs(actual - forecasts[i]);
    volume += Math.abs(actual);
  });
  return volume === 0 ? null : errors / volume;
}

/** The q-quantile by linear interpolation between order statistics (R type 7, Excel PERCENTILE.INC). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new RangeError('quantile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** The naive baselines every forecast is compared with: last month, and the mean of the last 3. */
export function lastMonthForecast(history: readonly number[], horizon: number): number[] {
  return Array(horizon).fill(history.length ? history[history.length - 1] : 0);
}

export function meanOfLast3Forecast(history: readonly number[], horizon: number): number[] {
  const window = history.slice(-3);
  return Array(horizon).fill(window.length ? window.reduce((sum, value) => sum + value, 0) / window.length : 0);
}
