/**
 * A generated sales history with known structure, for the forecast tests: thirty months of
 * creators who grow (a trend), peak in the festive season (October to December), sell only in
 * some months (intermittent), or started a few months ago (newcomers), with noise. Deterministic:
 * a seeded generator makes the same history every time. Amounts are minor units (INR paise).
 */

/** mulberry32, as in the demo history: small, seeded, the same on every machine. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, between: (low: number, high: number) => low + (high - low) * next(), chance: (p: number) => next() < p };
}

export type Archetype = 'trend' | 'festive' | 'intermittent' | 'newcomer' | 'steady';

export interface GeneratedCreator {
  handle: string;
  name: string;
  archetype: Archetype;
  /** Monthly NMV (minor units) per month of `months`; the sum of the creator's rows that month. */
  nmv: number[];
  /** The sales rows: date, GMV and returns (minor units). */
  rows: Array<{ date: string; gmvMinor: number; returnsMinor: number; currency?: string }>;
}

export interface GeneratedHistory {
  /** YYYY-MM, oldest first. */
  months: string[];
  creators: GeneratedCreator[];
}

const FESTIVE: Record<number, number> = { 10: 1.5, 11: 1.8, 12: 1.3 };
const ARCHETYPES: Array<[Archetype, number]> = [['trend', 8], ['festive', 6], ['intermittent', 6], ['newcomer', 4], ['steady', 4]];

/** `count` months ending with `last` (YYYY-MM). */
export function monthsEnding(last: string, count: number): string[] {
  const [year, month] = last.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(year, month - count + i, 1)).toISOString().slice(0, 7));
}

export function generateSalesHistory(last = '2026-10', count = 30, seed = 20_261_130): GeneratedHistory {
  const rng = seededRandom(seed);
  const months = monthsEnding(last, count);
  const creators: GeneratedCreator[] = [];
  for (const [archetype, howMany] of ARCHETYPES) {
    for (let k = 0; k < howMany; k += 1) {
      const base = rng.between(40_000, 160_000) * 100;
      const growth = rng.between(0.02, 0.06);
      const startsAt = count - Math.round(rng.between(5, 8));
      const nmv: number[] = [];
      const rows: GeneratedCreator['rows'] = [];
      months.forEach((month, m) => {
        const calendar = Number(month.slice(5));
        let level: number;
        switch (archetype) {
          case 'trend':
            level = base * Math.pow(1 + growth, m) * (FESTIVE[calendar] ?? 1) ** 0.5;
            break;
          case 'festive':
            level = base * (FESTIVE[calendar] ?? 1);
            break;
          case 'intermittent':
            level = rng.chance(0.35) ? base * rng.between(0.5, 1.5) : 0;
            break;
          case 'newcomer':
            level = m >= startsAt ? base * 0.4 * Math.pow(1.15, m - startsAt) : 0;
            break;
          case 'steady':
            level = base;
            break;
        }
        let total = 0;
        if (level > 0) {
          // Four weekly payouts of the month's sales, each with its own noise.
          for (const day of [3, 10, 17, 24]) {
            const gmvMinor = Math.round((level / 4) * rng.between(0.8, 1.2));
            const returnsMinor = Math.round(gmvMinor * rng.between(0, 0.08));
            rows.push({ date: `${month}-${String(day).padStart(2, '0')}`, gmvMinor, returnsMinor });
            total += gmvMinor - returnsMinor;
          }
        }
        nmv.push(total);
      });
      creators.push({ handle: `gen.${archetype}.${k + 1}`, name: `Generated ${archetype} ${k + 1}`, archetype, nmv, rows });
    }
  }
  return { months, creators };
}

/** The creator-sales CSV of the history (settled rows, amounts with two decimals), each creator's rows for the brand `brandOf` names. */
export function salesCsv(history: GeneratedHistory, brandOf: (creator: GeneratedCreator) => string = () => ''): string {
  const money = (minor: number) => (minor / 100).toFixed(2);
  const lines = ['date,creator,orders,gmv,returns,cancellations,currency,status,brand'];
  for (const creator of history.creators) {
    for (const row of creator.rows) {
      lines.push(`${row.date},${creator.handle},${Math.max(1, Math.round(row.gmvMinor / 90_000))},${money(row.gmvMinor)},${money(row.returnsMinor)},0,${row.currency ?? 'INR'},settled,${brandOf(creator)}`);
    }
  }
  return lines.join('\n');
}

/**
 * The held-out error of forecasts made at the as-of month (index `origin` − 1 of each series):
 * per series, MASE of the forecast and of both naive baselines over the months after it,
 * scaled by the in-sample one-step naive MAE up to the as-of month; averaged over the series
 * with a defined scale ("aggregate MASE").
 */
export function heldOutMase(series: Array<{ actual: number[]; forecast: number[] }>, origin: number): { model: number; naive: number; meanOf3: number; series: number } {
  const sums = { model: 0, naive: 0, meanOf3: 0, series: 0 };
  for (const { actual, forecast } of series) {
    const first = actual.findIndex((value, t) => t < origin && value !== 0);
    if (first < 0) continue;
    const history = actual.slice(first, origin);
    if (history.length < 2) continue;
    let scale = 0;
    for (let t = 1; t < history.length; t += 1) scale += Math.abs(history[t] - history[t - 1]);
    scale /= history.length - 1;
    if (scale === 0) continue;
    const last = history[history.length - 1];
    const window = history.slice(-3);
    const mean = window.reduce((sum, value) => sum + value, 0) / window.length;
    const ahead = actual.slice(origin, origin + forecast.length);
    const mae = (point: (h: number) => number) => ahead.reduce((sum, value, h) => sum + Math.abs(value - point(h)), 0) / ahead.length;
    sums.model += mae((h) => forecast[h]) / scale;
    sums.naive += mae(() => last) / scale;
    sums.meanOf3 += mae(() => mean) / scale;
    sums.series += 1;
  }
  return { model: sums.model / sums.series, naive: sums.naive / sums.series, meanOf3: sums.meanOf3 / sums.series, series: sums.series };
}
