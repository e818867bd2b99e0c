import { csvLine } from '../../../libs/domain/rules/csv-text';
import type { AnalyticsRow } from './analytics.service';

/** The CSV columns of an analytics table: one line per entity and currency (money is never summed across currencies). */
export const ANALYTICS_CSV_COLUMNS = [
  'id', 'name', 'detail', 'currency', 'nmv_minor', 'gmv_minor', 'spend_minor', 'roas', 'roi', 'orders', 'posts', 'views', 'engagement_rate_by_views', 'engagement_rate_by_reach', 'conversion',
] as const;

export function analyticsCsv(rows: readonly AnalyticsRow[]): string {
  const lines = [csvLine(ANALYTICS_CSV_COLUMNS)];
  for (const row of rows) {
    const t = row.totals;
    const currencies = [...new Set([...Object.keys(t.nmv), ...Object.keys(t.gmv), ...Object.keys(t.spend)])].sort();
    for (const currency of currencies.length ? currencies : [null]) {
      lines.push(
        csvLine([
          row.id, row.name, row.detail, currency,
          currency ? (t.nmv[currency] ?? null) : null,
          currency ? (t.gmv[currency] ?? null) : null,
          currency ? (t.spend[currency] ?? null) : null,
          currency ? (t.roas[currency] ?? null) : null,
          currency ? (t.roi[currency] ?? null) : null,
          t.orders, t.posts, t.views, t.engagementRateByViews, t.engagementRateByReach, t.conversion,
        ]),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
