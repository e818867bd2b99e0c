import type { KpiUnit } from './kpi-board';
import { formatMoney } from './money-format';

/**
 * Figures as people read them, one way for the server and the back office's pages (bundled for
 * the browser): pure, no Node built-ins. Money goes through formatMoney (money-format.ts).
 *
 * A value that is not measurable (`null`, docs/metrics.md: a ratio whose denominator is zero) is
 * shown as "—", never as 0.
 */

export const NOT_MEASURABLE = '—';

const measurable = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

/** `value` rounded to `decimals` digits, as text; never "-0". */
function fixed(value: number, decimals: number): string {
  const scale = 10 ** decimals;
  const rounded = Math.round(value * scale) / scale;
  return (Object.is(rounded, -0) ? 0 : rounded).toFixed(decimals);
}

/** A share or rate (0.5) as a percentage: "50 %" (`decimals` after the point: 0.05 → "5.0 %" with 1). */
export function formatShare(value: number | null | undefined, decimals = 0): string {
  if (!measurable(value)) return NOT_MEASURABLE;
  // Scaled before rounding, so 0.575 → 57.5 and not 57.49999.
  return `${fixed(Number((value * 100).toPrecision(12)), decimals)} %`;
}

/** A change (growth, ROI): signed, "+57.5 %", "-55.0 %", "0.0 %". */
export function formatGrowth(value: number | null | undefined, decimals = 1): string {
  if (!measurable(value)) return NOT_MEASURABLE;
  const text = formatShare(value, decimals);
  return text.startsWith('-') || /^0(\.0*)? %$/.test(text) ? text : `+${text}`;
}

/** A ratio of two amounts (ROAS): "0.45". */
export function formatRatio(value: number | null | undefined, decimals = 2): string {
  return measurable(value) ? fixed(value, decimals) : NOT_MEASURABLE;
}

/** A count: "20,000". */
export function formatCount(value: number | null | undefined): string {
  return measurable(value) ? Math.round(value).toLocaleString('en-US') : NOT_MEASURABLE;
}

/** An amount in minor units, or "—" when there is none. */
export function formatAmount(amountMinor: number | null | undefined, currency: string | null): string {
  return measurable(amountMinor) && currency ? formatMoney(amountMinor, currency) : NOT_MEASURABLE;
}

/** A team KPI's actual or target in its unit (libs/domain/rules/kpi-board.ts). */
export function formatKpiFigure(unit: KpiUnit, value: number | null, currency: string | null): string {
  if (!measurable(value)) return NOT_MEASURABLE;
  switch (unit) {
    case 'share':
      return formatShare(value);
    case 'money':
      return formatAmount(value, currency);
    case 'growth':
      return formatGrowth(value);
    case 'rating':
      return `${fixed(value, 1)} of 5`;
    case 'per_collaboration':
      return `${fixed(value, 2)} per collaboration`;
    case 'per_deliverable':
      return `${fixed(value, 2)} per deliverable`;
  }
}
