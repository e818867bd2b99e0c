/**
 * Calendar seasonality (the festive season) for series with more than a year of history
 * (docs/metrics.md#forecast). One year shows each calendar month once, so an index is shrunk
 * towards 1 by the years behind it: n ÷ (n + 1).
 */

/** Months of history before seasonal indices are estimated: every calendar month seen once, and one more. */
export const SEASONAL_HISTORY_MONTHS = 13;

/**
 * Seasonal index per calendar month (0 = January): the mean ratio of each month's value to a
 * least-squares linear trend through the history, normalised to a mean of 1 over the calendar
 * months, then shrunk towards 1 by n ÷ (n + 1), n the times that month was seen. Null when the
 * history is shorter than SEASONAL_HISTORY_MONTHS or the trend is not positive throughout.
 * `firstMonth` is the calendar month of history[0].
 */
export function seasonalIndices(history: readonly number[], firstMonth: number): number[] | null {
  const n = history.length;
  if (n < SEASONAL_HISTORY_MONTHS) return null;
  const meanT = (n - 1) / 2;
  const meanY = history.reduce((sum, value) => sum + value, 0) / n;
  let cross = 0;
  let square = 0;
  history.forEach((value, t) => {
    cross += (t - meanT) * (value - meanY);
    square += (t - meanT) ** 2;
  });
  const slope = cross / square;
  const trend = (t: number) => meanY + slope * (t - meanT);
  if (trend(0) <= 0 || trend(n - 1) <= 0) return null;
  const sums = Array<number>(12).fill(0);
  const counts = Array<number>(12).fill(0);
  history.forEach((value, t) => {
    const month = (firstMonth + t) % 12;
    sums[month] += value / trend(t);
    counts[month] += 1;
  });
  const raw = sums.map((sum, month) => sum / counts[month]);
  const mean = raw.reduce((sum, value) => sum + value, 0) / 12;
  return raw.map((value, month) => 1 + (value / mean - 1) * (counts[month] / (counts[month] + 1)));
}
