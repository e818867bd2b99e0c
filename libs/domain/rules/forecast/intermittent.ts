/**
 * Forecasts for intermittent series, where many months have no sales (docs/metrics.md#forecast).
 * Both separate "how much when it sells" from "how often it sells"; smoothing the raw series
 * instead would drag the level towards zero after every empty month and overshoot after a sale.
 */

/**
 * Croston with the Syntetos–Boylan approximation: size z and interval p are smoothed only in
 * months with sales (z₀ = the first sale, p₀ = months up to and including it); the forecast per
 * month is (1 − α/2)·z/p, the factor removing Croston's known upward bias.
 */
export function crostonSba(values: readonly number[], alpha: number, horizon: number): number[] {
  const first = values.findIndex((value) => value !== 0);
  if (first < 0) return Array(horizon).fill(0);
  let size = values[first];
  let interval = first + 1;
  let since = 0;
  for (let t = first + 1; t < values.length; t += 1) {
    since += 1;
    if (values[t] === 0) continue;
    size += alpha * (values[t] - size);
    interval += alpha * (since - interval);
    since = 0;
  }
  return Array(horizon).fill((1 - alpha / 2) * (size / interval));
}

/**
 * Teunter–Syntetos–Babai: a probability of a sale p smoothed every month (β) and a size z
 * smoothed in months with sales (α); forecast p·z. Unlike Croston, p decays through a run of
 * empty months, so a seller who stopped is forecast towards zero (obsolescence).
 * Start: p₀ = the share of months with sales, z₀ = the mean of those months.
 */
export function tsb(values: readonly number[], alpha: number, beta: number, horizon: number): number[] {
  const sales = values.filter((value) => value !== 0);
  if (sales.length === 0) return Array(horizon).fill(0);
  let probability = sales.length / values.length;
  let size = sales.reduce((sum, value) => sum + value, 0) / sales.length;
  for (const value of values) {
    if (value !== 0) {
      probability += beta * (1 - probability);
      size += alpha * (value - size);
    } else {
      probability += beta * (0 - probability);
    }
  }
  return Array(horizon).fill(probability * size);
}
