/**
 * Exponential smoothing for dense monthly series (docs/metrics.md#forecast). Pure functions
 * over plain numbers; each returns the forecasts for months 1..horizon after the last value
 * and the in-sample one-step errors its parameters were chosen by.
 */

export interface Smoothed {
  forecasts: number[];
  /** Sum of squared one-step-ahead errors over the history (what a parameter grid minimises). */
  sse: number;
}

/** Simple exponential smoothing: level₀ = y₀; levelₜ = α·yₜ + (1 − α)·levelₜ₋₁; flat forecast. */
export function ses(values: readonly number[], alpha: number, horizon: number): Smoothed {
  if (values.length === 0) return { forecasts: Array(horizon).fill(0), sse: 0 };
  let level = values[0];
  let sse = 0;
  for (let t = 1; t < values.length; t += 1) {
    sse += (values[t] - level) ** 2;
    level = alpha * values[t] + (1 - alpha) * level;
  }
  return { forecasts: Array(horizon).fill(level), sse };
}

/**
 * Damped-trend Holt (Gardner & McKenzie): level₀ = y₀, trend₀ = y₁ − y₀;
 * levelₜ = α·yₜ + (1 − α)(levelₜ₋₁ + φ·trendₜ₋₁), trendₜ = β(levelₜ − levelₜ₋₁) + (1 − β)·φ·trendₜ₋₁;
 * forecastₕ = level + (φ + φ² + … + φʰ)·trend. The damping keeps a short run of growth from
 * being extrapolated for ever.
 */
export function dampedHolt(values: readonly number[], alpha: number, beta: number, phi: number, horizon: number): Smoothed {
  if (values.length < 2) return ses(values, alpha, horizon);
  let level = values[0];
  let trend = values[1] - values[0];
  let sse = 0;
  for (let t = 1; t < values.length; t += 1) {
    const expected = level + phi * trend;
    sse += (values[t] - expected) ** 2;
    const previous = level;
    level = alpha * values[t] + (1 - alpha) * expected;
    trend = beta * (level - previous) + (1 - beta) * phi * trend;
  }
  const forecasts: number[] = [];
  let damping = 0;
  for (let h = 1; h <= horizon; h += 1) {
    damping += phi ** h;
    forecasts.push(level + damping * trend);
  }
  return { forecasts, sse };
}

const ALPHAS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const BETAS = [0.05, 0.1, 0.2, 0.3];
const PHIS = [0.8, 0.9, 0.98];

/** SES with α chosen on the grid 0.1…0.9 by the least in-sample one-step squared error. */
export function fittedSes(values: readonly number[], horizon: number): Smoothed & { alpha: number } {
  let best = { ...ses(values, ALPHAS[0], horizon), alpha: ALPHAS[0] };
  for (const alpha of ALPHAS.slice(1)) {
    const fit = ses(values, alpha, horizon);
    if (fit.sse < best.sse) best = { ...fit, alpha };
  }
  return best;
}

/** Damped Holt with α, β and φ chosen on a small grid by the least in-sample one-step squared error. */
export function fittedDampedHolt(values: readonly number[], horizon: number): Smoothed & { alpha: number; beta: number; phi: number } {
  let best: Smoothed & { alpha: number; beta: number; phi: number } | null = null;
  for (const alpha of ALPHAS) {
    for (const beta of BETAS) {
      for (const phi of PHIS) {
        const fit = dampedHolt(values, alpha, beta, phi, horizon);
        if (!best || fit.sse < best.sse) best = { ...fit, alpha, beta, phi };
      }
    }
  }
  return best!;
}
