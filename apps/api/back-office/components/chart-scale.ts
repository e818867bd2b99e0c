/**
 * The arithmetic of the panel's charts (charts.tsx), pure so it is unit-tested: a value axis with
 * round tick values, the map from values to pixels, and month labels for the time axis.
 */

export interface Axis {
  /** The axis runs from min to max; both are ticks. */
  min: number;
  max: number;
  /** Tick values from min to max, evenly spaced by step. */
  ticks: number[];
  step: number;
}

/** 1, 2, 2.5 or 5 × a power of ten: the step of at most `count` intervals covering `span`. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Rounds away floating-point noise (0.30000000000000004 → 0.3) at the step's precision. */
function clean(value: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  const rounded = Number(value.toFixed(Math.min(digits, 20)));
  return Object.is(rounded, -0) ? 0 : rounded;
}

/**
 * A value axis covering every value and zero (bars start from zero, and a rate is read against
 * it), with at most `count` intervals of a round step. No value, or only zeros: 0 to 1.
 * `atLeast` raises the top (a progress axis always shows 150 %).
 */
export function valueAxis(values: readonly (number | null | undefined)[], count = 5, atLeast?: number): Axis {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  let low = Math.min(0, ...finite);
  let high = Math.max(0, ...finite, atLeast ?? 0);
  if (low === high) high = low + 1;
  const step = niceStep(high - low, count);
  low = Math.floor(low / step + 1e-9) * step;
  high = Math.ceil(high / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; low + i * step <= high + step / 1e6; i += 1) ticks.push(clean(low + i * step, step));
  return { min: clean(low, step), max: clean(high, step), ticks, step };
}

/** Maps a value on the axis to a pixel between `from` (at min) and `to` (at max); `to` may be smaller (SVG's y runs down). */
export function scale(axis: Pick<Axis, 'min' | 'max'>, from: number, to: number): (value: number) => number {
  const span = axis.max - axis.min || 1;
  return (value) => from + ((Math.min(Math.max(value, axis.min), axis.max) - axis.min) / span) * (to - from);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-10-01" → "Oct '26"; anything else as it is. */
export function monthLabel(firstDay: string): string {
  const match = /^(\d{4})-(\d{2})/.exec(firstDay);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return firstDay;
  return `${MONTHS[Number(match[2]) - 1]} '${match[1].slice(2)}`;
}

/**
 * How many decimals tick labels need so that every tick reads as its exact value: a step of
 * 0.025 shown as percentages (× 100) needs one ("12.5 %"), a step of 0.1 none ("10 %").
 */
export function tickDecimals(step: number, factor = 1): number {
  const value = Math.abs(step * factor);
  for (let decimals = 0; decimals < 6; decimals += 1) {
    const scaled = value * 10 ** decimals;
    if (Math.abs(Math.round(scaled) - scaled) < 1e-6 * Math.max(1, scaled)) return decimals;
  }
  return 6;
}
