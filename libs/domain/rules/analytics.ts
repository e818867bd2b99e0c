import {
  addMoney,
  conversionRate,
  costPerOrder,
  engagementRates,
  growth,
  nmvByCurrency,
  roas,
  roi,
  type MoneyByCurrency,
  type PostNumbers,
  type SalesLine,
} from './metrics';

/**
 * The analytics of one entity (a creator, a campaign, a brand, an executive, a team) over a
 * period: totals, a month-by-month trend and the same figures per entity below it. Every
 * figure is a definition of metrics.ts (docs/metrics.md); this only groups and lays them out.
 */

/** Sales summed per month, currency and status (sums are exact inputs to the linear NMV). */
export interface MonthlySales extends SalesLine {
  /** First day of the month, YYYY-MM-DD. */
  month: string;
}

/** Spend (brand price of collaborations booked) per month and currency. */
export interface MonthlySpend {
  month: string;
  currency: string;
  spendMinor: number;
}

/** Post readings summed per month the posts went live (each post's latest reading counts once). */
export interface MonthlyPosts extends PostNumbers {
  month: string;
  posts: number;
}

export interface TrendPoint {
  month: string;
  nmv: MoneyByCurrency;
  /** Growth over the previous month, per currency; null where not measurable. */
  growth: Record<string, number | null>;
  spend: MoneyByCurrency;
  roas: Record<string, number | null>;
  posts: number;
  engagementRateByViews: number | null;
  conversion: number | null;
}

export interface Totals {
  nmv: MoneyByCurrency;
  gmv: MoneyByCurrency;
  orders: number;
  spend: MoneyByCurrency;
  roas: Record<string, number | null>;
  roi: Record<string, number | null>;
  costPerOrder: Record<string, number | null>;
  posts: number;
  views: number | null;
  engagementRateByViews: number | null;
  engagementRateByReach: number | null;
  conversion: number | null;
}

const sumNullable = (values: (number | null)[]): number | null => (values.every((v) => v === null) ? null : values.reduce<number>((s, v) => s + (v ?? 0), 0));

/** Adds up post numbers, keeping "nobody reported it" apart from zero. */
export function sumPosts(rows: readonly PostNumbers[]): PostNumbers {
  const keys: (keyof PostNumbers)[] = ['views', 'reach', 'likes', 'comments', 'shares', 'saves', 'clicks', 'orders'];
  return Object.fromEntries(keys.map((key) => [key, sumNullable(rows.map((row) => row[key]))])) as unknown as PostNumbers;
}

/** A return on spend per currency; not measurable where no sales were measured in that currency (no NMV is not zero NMV). */
function perCurrency(nmv: MoneyByCurrency, spend: MoneyByCurrency, f: (nmv: number, spend: number) => number | null): Record<string, number | null> {
  const currencies = [...new Set([...Object.keys(nmv), ...Object.keys(spend)])].sort();
  return Object.fromEntries(currencies.map((c) => [c, c in nmv ? f(nmv[c], spend[c] ?? 0) : null]));
}

/** One point per month in `months` (the first of each), in order; the first month's growth is against `before`. */
export function trend(months: readonly string[], sales: readonly MonthlySales[], spend: readonly MonthlySpend[], posts: readonly MonthlyPosts[], before: MoneyByCurrency = {}): TrendPoint[] {
  let previous: MoneyByCurrency = before;
  return months.map((month) => {
    const nmv = nmvByCurrency(sales.filter((s) => s.month === month));
    const monthSpend: Record<string, number> = {};
    for (const s of spend.filter((row) => row.month === month)) addMoney(monthSpend, s.currency, s.spendMinor);
    const monthPosts = posts.filter((p) => p.month === month);
    const summed = sumPosts(monthPosts);
    const currencies = [...new Set([...Object.keys(nmv), ...Object.keys(previous)])].sort();
    const point: TrendPoint = {
      month,
      nmv,
      growth: Object.fromEntries(currencies.map((c) => [c, growth(nmv[c] ?? 0, previous[c] ?? 0)])),
      spend: monthSpend,
      roas: perCurrency(nmv, monthSpend, roas),
      posts: monthPosts.reduce((s, p) => s + p.posts, 0),
      engagementRateByViews: engagementRates(summed, null).byViews,
      conversion: conversionRate(summed.orders, summed.clicks),
    };
    previous = nmv;
    return point;
  });
}

/** The period's totals from its sales lines, its spend and its posts. */
export function totals(sales: readonly SalesLine[], spend: readonly { currency: string; spendMinor: number }[], posts: readonly (PostNumbers & { posts: number })[]): Totals {
  const nmv = nmvByCurrency(sales);
  const gmv: Record<string, number> = {};
  let orders = 0;
  for (const line of sales) {
    if (line.status !== 'settled') continue;
    addMoney(gmv, line.currency, line.gmvMinor);
    orders += line.orders;
  }
  const spent: Record<string, number> = {};
  for (const s of spend) addMoney(spent, s.currency, s.spendMinor);
  const summed = sumPosts(posts);
  const rates = engagementRates(summed, null);
  return {
    nmv,
    gmv,
    orders,
    spend: spent,
    roas: perCurrency(nmv, spent, roas),
    roi: perCurrency(nmv, spent, roi),
    costPerOrder: Object.fromEntries(Object.keys(spent).sort().map((c) => [c, costPerOrder(spent[c], orders)])),
    posts: posts.reduce((s, p) => s + p.posts, 0),
    views: summed.views,
    engagementRateByViews: rates.byViews,
    engagementRateByReach: rates.byReach,
    conversion: conversionRate(summed.orders, summed.clicks),
  };
}
