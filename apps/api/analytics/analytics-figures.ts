import type { Totals } from '../../../libs/domain/rules/analytics';
import { formatAmount, formatCount, formatRatio, formatShare } from '../../../libs/domain/rules/figure-format';
import type { AnalyticsRow, AnalyticsView } from './analytics-page.component';

/**
 * What the Analytics page shows of an AnalyticsView, pure so it is unit-tested: each figure's
 * name and definition (docs/metrics.md), the page's main currency, and the table's columns and
 * sorting. The figures themselves are the service's; nothing here computes one.
 */

export interface FigureDefinition {
  name: string;
  definition: string;
}

export type FigureKey = 'nmv' | 'gmv' | 'orders' | 'spend' | 'roas' | 'roi' | 'posts' | 'views' | 'engagementRateByViews' | 'engagementRateByReach' | 'conversion' | 'growth';

export const ANALYTICS_FIGURES: Readonly<Record<FigureKey, FigureDefinition>> = {
  nmv: { name: 'NMV', definition: 'GMV − returns − cancellations of settled creator sales, per currency' },
  gmv: { name: 'GMV', definition: 'Gross merchandise value of settled creator sales, per currency' },
  orders: { name: 'Orders (creator sales)', definition: 'Orders of settled creator sales' },
  spend: { name: 'Spend', definition: 'Brand price of the collaborations booked in the period, not dropped or cancelled' },
  roas: { name: 'ROAS', definition: 'NMV ÷ spend, in the same currency' },
  roi: { name: 'ROI', definition: '(NMV − spend) ÷ spend, in the same currency' },
  posts: { name: 'Posts', definition: 'Posts that went live in the period' },
  views: { name: 'Views', definition: "Views in each live post's latest reading" },
  engagementRateByViews: { name: 'Engagement rate by views', definition: "Engagements (likes + comments + shares + saves) ÷ views, over each live post's latest reading" },
  engagementRateByReach: { name: 'Engagement rate by reach', definition: 'Engagements ÷ reach (unique accounts), over the same readings' },
  conversion: { name: 'Conversion', definition: "Orders ÷ clicks in each live post's latest reading" },
  growth: { name: 'MoM growth', definition: "(This month's NMV − the previous month's) ÷ the previous month's; not measurable from zero" },
};

/**
 * The currency the page draws (the one with the most NMV over the trend and the period, then the
 * most spend; ties by code) and the others, which are listed, never added to it.
 */
export function pageCurrencies(view: Pick<AnalyticsView, 'totals' | 'trend'>): { main: string | null; others: string[] } {
  const nmv: Record<string, number> = {};
  const spend: Record<string, number> = {};
  const add = (into: Record<string, number>, amounts: Readonly<Record<string, number>>) => {
    for (const [currency, amount] of Object.entries(amounts)) into[currency] = (into[currency] ?? 0) + Math.abs(amount);
  };
  for (const point of view.trend) {
    add(nmv, point.nmv);
    add(spend, point.spend);
  }
  add(nmv, view.totals.nmv);
  add(spend, view.totals.spend);
  const all = [...new Set([...Object.keys(nmv), ...Object.keys(spend)])].sort();
  all.sort((a, b) => (nmv[b] ?? 0) - (nmv[a] ?? 0) || (spend[b] ?? 0) - (spend[a] ?? 0) || a.localeCompare(b));
  return { main: all[0] ?? null, others: all.slice(1) };
}

export type SortKey = 'name' | 'detail' | 'nmv' | 'spend' | 'roas' | 'posts' | 'views' | 'engagementRateByViews' | 'conversion';

export interface TableColumn {
  key: SortKey;
  label: string;
  definition: string;
  /** The value sorted on: money in the page's main currency. */
  value(totals: Totals, row: AnalyticsRow, currency: string | null): number | string | null;
  format(totals: Totals, row: AnalyticsRow, currency: string | null): string;
}

const inCurrency = (amounts: Readonly<Record<string, number | null>>, currency: string | null) => (currency && amounts[currency] !== undefined ? amounts[currency] : null);

export const TABLE_COLUMNS: readonly TableColumn[] = [
  { key: 'name', label: 'Name', definition: 'The entity; its own page opens from it', value: (_t, row) => row.name, format: (_t, row) => row.name },
  { key: 'detail', label: 'Detail', definition: 'Its stage, status, handle or role', value: (_t, row) => row.detail, format: (_t, row) => row.detail },
  { key: 'nmv', label: 'NMV', definition: ANALYTICS_FIGURES.nmv.definition, value: (t, _r, c) => inCurrency(t.nmv, c), format: (t, _r, c) => formatAmount(inCurrency(t.nmv, c), c) },
  { key: 'spend', label: 'Spend', definition: ANALYTICS_FIGURES.spend.definition, value: (t, _r, c) => inCurrency(t.spend, c), format: (t, _r, c) => formatAmount(inCurrency(t.spend, c), c) },
  { key: 'roas', label: 'ROAS', definition: ANALYTICS_FIGURES.roas.definition, value: (t, _r, c) => inCurrency(t.roas, c), format: (t, _r, c) => formatRatio(inCurrency(t.roas, c)) },
  { key: 'posts', label: 'Posts', definition: ANALYTICS_FIGURES.posts.definition, value: (t) => t.posts, format: (t) => formatCount(t.posts) },
  { key: 'views', label: 'Views', definition: ANALYTICS_FIGURES.views.definition, value: (t) => t.views, format: (t) => formatCount(t.views) },
  {
    key: 'engagementRateByViews',
    label: 'Engagement by views',
    definition: ANALYTICS_FIGURES.engagementRateByViews.definition,
    value: (t) => t.engagementRateByViews,
    format: (t) => formatShare(t.engagementRateByViews, 1),
  },
  { key: 'conversion', label: 'Conversion', definition: ANALYTICS_FIGURES.conversion.definition, value: (t) => t.conversion, format: (t) => formatShare(t.conversion, 1) },
];

/** The rows sorted on a column; what is not measurable comes last either way, ties keep their order. */
export function sortRows(rows: readonly AnalyticsRow[], key: SortKey, direction: 'asc' | 'desc', currency: string | null): AnalyticsRow[] {
  const column = TABLE_COLUMNS.find((c) => c.key === key) ?? TABLE_COLUMNS[0];
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: column.value(row.totals, row, currency) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      const order = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : String(a.value).localeCompare(String(b.value));
      return order * sign || a.index - b.index;
    })
    .map(({ row }) => row);
}
