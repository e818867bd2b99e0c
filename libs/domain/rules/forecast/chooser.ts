import { cohortGrowth } from './cohort';
import { seasonalIndices } from './seasonality';
import { crostonSba, tsb } from './intermittent';
import { fittedDampedHolt, fittedSes } from './smoothing';

export type ForecastModel = 'ses' | 'damped-holt' | 'croston-sba' | 'tsb' | 'cohort-growth';

/** Fewer months of history than this, counted from the first month with sales: cohort growth. */
export const SHORT_HISTORY_MONTHS = 6;
/** Enough months for a trend to be told from noise: damped Holt rather than SES. */
export const TREND_HISTORY_MONTHS = 12;
/** Syntetos–Boylan–Croston cut-offs: average interval between sales, squared variation of their sizes. */
export const ADI_CUTOFF = 1.32;
export const CV2_CUTOFF = 0.49;
/** Smoothing constants of the intermittent methods: small, as their authors recommend. */
const INTERMITTENT_ALPHA = 0.2;
const TSB_BETA = 0.2;

/** ADI = months ÷ months with sales; CV² = (sd ÷ mean)² of the non-zero months (population sd). */
export function demandPattern(history: readonly number[]): { adi: number | null; cv2: number | null } {
  const sales = history.filter((value) => value !== 0);
  if (sales.length === 0) return { adi: null, cv2: null };
  const mean = sales.reduce((sum, value) => sum + value, 0) / sales.length;
  const variance = sales.reduce((sum, value) => sum + (value - mean) ** 2, 0) / sales.length;
  return { adi: history.length / sales.length, cv2: mean === 0 ? null : variance / mean ** 2 };
}

/**
 * The model a series gets, by its history from its first month with sales:
 * - shorter than SHORT_HISTORY_MONTHS: cohort growth;
 * - intermittent (ADI ≥ 1.32): Croston-SBA when sizes are steady (CV² < 0.49), TSB when lumpy;
 * - dense: damped Holt from TREND_HISTORY_MONTHS on, SES before.
 */
export function chooseModel(history: readonly number[]): ForecastModel {
  if (history.length < SHORT_HISTORY_MONTHS) return 'cohort-growth';
  const { adi, cv2 } = demandPattern(history);
  if (adi !== null && adi >= ADI_CUTOFF) return cv2 !== null && cv2 < CV2_CUTOFF ? 'croston-sba' : 'tsb';
  return history.length >= TREND_HISTORY_MONTHS ? 'damped-holt' : 'ses';
}

/** The series' history: from its first non-zero month up to `end` (exclusive). */
export function activeHistory(values: readonly number[], end: number): number[] {
  const first = values.findIndex((value, t) => t < end && value !== 0);
  return first < 0 ? [] : values.slice(first, end);
}

/** Forecasts of months end … end + horizon − 1 from the values before `end`, by the chosen model. */
/** How many recent origins decide whether calendar seasonality earns its place in a series. */
export const SEASONAL_CHECK_ORIGINS = 6;

/**
 * Forecasts of months end … end + horizon − 1 from the values before `end`, by the chosen
 * model. With `firstMonth` (the calendar month of values[0], 0 = January) and more than a year of
 * history, the model also runs on the deseasonalised history (seasonality.ts); that variant is
 * kept only when it had the smaller absolute error over the series' last SEASONAL_CHECK_ORIGINS
 * origins, so a series without a season is not given one from noise.
 */
export function forecastSeries(
  values: readonly number[],
  end: number,
  horizon: number,
  cohortRate: number,
  firstMonth: number | null = null,
  at: (origin: number) => OriginForecasts = (origin) => originForecasts(values, origin, horizon, cohortRate, firstMonth),
): { model: ForecastModel; points: number[]; seasonal: boolean } {
  const here = at(end);
  if (!here.seasonal) return { model: here.model, points: here.plain, seasonal: false };
  let plainError = 0;
  let seasonalError = 0;
  for (let origin = Math.max(0, end - SEASONAL_CHECK_ORIGINS); origin < end; origin += 1) {
    const past = at(origin);
    if (!past.seasonal) continue;
    for (let h = 0; h < horizon && origin + h < end; h += 1) {
      plainError += Math.abs(values[origin + h] - past.plain[h]);
      seasonalError += Math.abs(values[origin + h] - past.seasonal[h]);
    }
  }
  return seasonalError < plainError ? { model: here.model, points: here.seasonal, seasonal: true } : { model: here.model, points: here.plain, seasonal: false };
}

/** The model's forecasts from one origin, plain and (where seasonality applies) deseasonalised; what forecastSeries compares. */
export interface OriginForecasts {
  model: ForecastModel;
  plain: number[];
  seasonal: number[] | null;
}

export function originForecasts(values: readonly number[], end: number, horizon: number, cohortRate: number, firstMonth: number | null): OriginForecasts {
  const history = activeHistory(values, end);
  if (history.length === 0) return { model: 'cohort-growth', plain: Array(horizon).fill(0), seasonal: null };
  const model = chooseModel(history);
  const plain = forecastModel(model, history, horizon, cohortRate);
  const seasonal = firstMonth === null || model === 'croston-sba' || model === 'tsb' ? null : seasonalForecast(model, values, end, horizon, cohortRate, firstMonth);
  return { model, plain, seasonal };
}

function seasonalForecast(model: ForecastModel, values: readonly number[], end: number, horizon: number, cohortRate: number, firstMonth: number): number[] | null {
  const history = activeHistory(values, end);
  const start = end - history.length;
  const indices = seasonalIndices(history, (firstMonth + start) % 12);
  if (!indices) return null;
  const monthOf = (t: number) => (firstMonth + t) % 12;
  const adjusted = history.map((value, i) => value / indices[monthOf(start + i)]);
  return forecastModel(model, adjusted, horizon, cohortRate).map((point, h) => point * indices[monthOf(end + h)]);
}

function forecastModel(model: ForecastModel, history: readonly number[], horizon: number, cohortRate: number): number[] {
  switch (model) {
    case 'cohort-growth':
      return cohortGrowth(history, cohortRate, horizon).forecasts;
    case 'croston-sba':
      return crostonSba(history, INTERMITTENT_ALPHA, horizon);
    case 'tsb':
      return tsb(history, INTERMITTENT_ALPHA, TSB_BETA, horizon);
    case 'damped-holt':
      return fittedDampedHolt(history, horizon).forecasts;
    case 'ses':
      return fittedSes(history, horizon).forecasts;
  }
}
