import { netMerchandiseValue } from './nmv';

/**
 * The metric dictionary: one definition per figure the API and the panel show
 * (docs/metrics.md). Pure functions over integers; money is minor units of one currency and is
 * never summed across currencies (a `MoneyByCurrency` keeps them apart). A ratio whose
 * denominator is zero is `null` ("not measurable"), never 0 and never Infinity.
 */

/** Amounts in minor units per ISO 4217 currency. */
export type MoneyByCurrency = Readonly<Record<string, number>>;

/** One settled-or-pending line of creator sales (the creator-sales import). */
export interface SalesLine {
  orders: number;
  gmvMinor: number;
  returnsMinor: number;
  cancellationsMinor: number;
  currency: string;
  status: 'settled' | 'pending';
}

/** One post's numbers (the post-performance import). Missing counts are null, not zero. */
export interface PostNumbers {
  views: number | null;
  reach: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  clicks: number | null;
  orders: number | null;
}

/** numerator ÷ denominator; null when the denominator is zero or either side is unknown. */
export function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return numerator / denominator;
}

/** Adds `amount` to `currency` in a running per-currency total. */
export function addMoney(total: Record<string, number>, currency: string, amount: number): Record<string, number> {
  total[currency] = (total[currency] ?? 0) + amount;
  return total;
}

/** NMV = GMV − returns − cancellations, over settled lines only, per currency. */
export function nmvByCurrency(lines: readonly SalesLine[]): MoneyByCurrency {
  const total: Record<string, number> = {};
  for (const line of lines) {
    if (line.status !== 'settled') continue;
    addMoney(total, line.currency, netMerchandiseValue(line) ?? 0);
  }
  return total;
}

/** GMV of settled lines, per currency. */
export function gmvByCurrency(lines: readonly SalesLine[]): MoneyByCurrency {
  const total: Record<string, number> = {};
  for (const line of lines) if (line.status === 'settled') addMoney(total, line.currency, line.gmvMinor);
  return total;
}

/** Orders on settled lines. */
export function settledOrders(lines: readonly SalesLine[]): number {
  return lines.reduce((sum, line) => sum + (line.status === 'settled' ? line.orders : 0), 0);
}

/**
 * A period's NMV is provisional until its return window has passed: returns and cancellations
 * still arrive for orders made near its end. `periodEnd` is the last day (YYYY-MM-DD).
 */
export function isProvisional(periodEnd: string, asOf: Date, returnWindowDays = 30): boolean {
  const settledAfter = Date.parse(`${periodEnd}T00:00:00Z`) + (returnWindowDays + 1) * 86_400_000;
  return asOf.getTime() < settledAfter;
}

/** ROAS = NMV ÷ spend (the brand price of the collaborations), same currency. */
export function roas(nmvMinor: number, spendMinor: number): number | null {
  return ratio(nmvMinor, spendMinor);
}

/** ROI for the brand = (NMV − spend) ÷ spend, same currency. */
export function roi(nmvMinor: number, spendMinor: number): number | null {
  return ratio(nmvMinor - spendMinor, spendMinor);
}

/** What the agency earns on a collaboration: the brand price less the creator's fee. */
export function agencyMargin(brandPriceMinor: number, creatorFeeMinor: number): { revenueMinor: number; marginMinor: number; marginRate: number | null } {
  const marginMinor = brandPriceMinor - creatorFeeMinor;
  return { revenueMinor: brandPriceMinor, marginMinor, marginRate: ratio(marginMinor, brandPriceMinor) };
}

/** Engagements = likes + comments + shares + saves; null when none of them was reported. */
export function engagements(post: Pick<PostNumbers, 'likes' | 'comments' | 'shares' | 'saves'>): number | null {
  const parts = [post.likes, post.comments, post.shares, post.saves];
  if (parts.every((part) => part === null)) return null;
  return parts.reduce<number>((sum, part) => sum + (part ?? 0), 0);
}

/** Engagement rate in its three named variants: engagements ÷ views, ÷ reach, ÷ followers. */
export function engagementRates(post: PostNumbers, followers: number | null): { byViews: number | null; byReach: number | null; byFollowers: number | null } {
  const engaged = engagements(post);
  return { byViews: ratio(engaged, post.views), byReach: ratio(engaged, post.reach), byFollowers: ratio(engaged, followers) };
}

/** Conversion = orders ÷ clicks. */
export function conversionRate(orders: number | null, clicks: number | null): number | null {
  return ratio(orders, clicks);
}

/** Cost per engagement = spend ÷ engagements (minor units per engagement). */
export function costPerEngagement(spendMinor: number, engaged: number | null): number | null {
  return ratio(spendMinor, engaged);
}

/** CPM = spend ÷ views × 1,000 (minor units per thousand views). */
export function costPerMille(spendMinor: number, views: number | null): number | null {
  const perView = ratio(spendMinor, views);
  return perView === null ? null : perView * 1_000;
}

/** Cost per order = spend ÷ orders. */
export function costPerOrder(spendMinor: number, orders: number | null): number | null {
  return ratio(spendMinor, orders);
}

/**
 * Earned media value = views ÷ 1,000 × the platform's CPM (minor units, configured per
 * platform); null when no CPM is configured for the platform or the views are unknown.
 */
export function earnedMediaValue(views: number | null, cpmMinor: number | undefined): number | null {
  if (views === null || cpmMinor === undefined) return null;
  return Math.round((views * cpmMinor) / 1_000);
}

/** Month-over-month (period-over-period) growth = (this − previous) ÷ previous. */
export function growth(current: number | null, previous: number | null): number | null {
  if (current === null) return null;
  return ratio(current - (previous ?? 0), previous);
}
