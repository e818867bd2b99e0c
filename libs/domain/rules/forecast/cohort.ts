/**
 * Short histories (a newcomer's first months) cannot carry a model of their own; their growth
 * borrows from the cohort, the more so the shorter the history (docs/metrics.md#forecast).
 */

/** Monthly growth rates are kept within ±50 %: a newcomer doubling once is not a law. */
const GROWTH_LIMIT = 0.5;
/** How many months of its own history a series needs to weigh as much as the cohort's growth. */
export const COHORT_PRIOR_MONTHS = 3;

const clamp = (value: number) => Math.max(-GROWTH_LIMIT, Math.min(GROWTH_LIMIT, value));

/**
 * The cohort's monthly growth: Σ of the last 3 months over Σ of the 3 before, across the
 * series with 6 months of history up to `end` (exclusive), as a compound monthly rate; 0 when
 * no series qualifies or the earlier sum is not positive.
 */
export function pooledGrowth(series: readonly (readonly number[])[], end: number): number {
  let recent = 0;
  let earlier = 0;
  for (const values of series) {
    const first = values.findIndex((value) => value !== 0);
    if (first < 0 || end - first < 6) continue;
    for (let t = end - 3; t < end; t += 1) recent += values[t];
    for (let t = end - 6; t < end - 3; t += 1) earlier += values[t];
  }
  if (earlier <= 0 || recent < 0) return 0;
  return clamp(Math.pow(recent / earlier, 1 / 3) - 1);
}

/**
 * Pooled cohort growth with shrinkage. Own growth = the compound monthly rate from the first to
 * the last month (when both are positive); growth = (n − 1)·own + k·cohort over (n − 1 + k),
 * n the months of history, k = COHORT_PRIOR_MONTHS. The base is the mean of the last (up to) 3
 * months, centred (m − 1)/2 months back, so forecastₕ = base·(1 + g)^(h + (m − 1)/2).
 */
export function cohortGrowth(values: readonly number[], cohortRate: number, horizon: number, priorMonths = COHORT_PRIOR_MONTHS): { forecasts: number[]; growth: number } {
  const n = values.length;
  if (n === 0) return { forecasts: Array(horizon).fill(0), growth: cohortRate };
  const own = n >= 2 && values[0] > 0 && values[n - 1] > 0 ? clamp(Math.pow(values[n - 1] / values[0], 1 / (n - 1)) - 1) : cohortRate;
  const growth = ((n - 1) * own + priorMonths * cohortRate) / (n - 1 + priorMonths);
  const window = values.slice(-3);
  const base = window.reduce((sum, value) => sum + value, 0) / window.length;
  const centre = (window.length - 1) / 2;
  const forecasts = Array.from({ length: horizon }, (_, i) => base * Math.pow(1 + growth, i + 1 + centre));
  return { forecasts, growth };
}
