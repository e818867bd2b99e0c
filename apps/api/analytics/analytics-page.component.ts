import type { Totals, TrendPoint } from '../../../libs/domain/rules/analytics';
import type { Period } from '../../../libs/domain/rules/periods';
import type { PanelComponent } from '../back-office/components';
import type { PageForecast } from '../forecasts/forecast-page';
import type { PeriodChoice } from '../kpis/kpi-board.component';

/**
 * The Analytics page of the back office (analytics.panel.ts serves its data,
 * analytics-page.tsx, analytics-trend.tsx and analytics-table.tsx draw it), and the analytics'
 * shape shared with the REST API. Plain data and types: the server and the components import it.
 */
export const ANALYTICS_PAGE = 'analytics';
export const ANALYTICS_PAGE_COMPONENT = 'CreatorOpsAnalyticsPage';
export const ANALYTICS_TREND_COMPONENT = 'CreatorOpsAnalyticsTrend';
export const ANALYTICS_TABLE_COMPONENT = 'CreatorOpsAnalyticsTable';
/** The NMV forecast with its band, on the creator, talent manager and team pages. */
export const FORECAST_CHART_COMPONENT = 'CreatorOpsForecastChart';
export const ANALYTICS_COMPONENTS: readonly PanelComponent[] = [
  { name: ANALYTICS_PAGE_COMPONENT, source: 'apps/api/analytics/analytics-page.tsx' },
  { name: ANALYTICS_TREND_COMPONENT, source: 'apps/api/analytics/analytics-trend.tsx' },
  { name: ANALYTICS_TABLE_COMPONENT, source: 'apps/api/analytics/analytics-table.tsx' },
  { name: FORECAST_CHART_COMPONENT, source: 'apps/api/forecasts/forecast-chart.tsx' },
];

export type AnalyticsKind = 'creators' | 'campaigns' | 'brands' | 'executives' | 'teams';
export const ANALYTICS_KINDS: readonly AnalyticsKind[] = ['creators', 'campaigns', 'brands', 'executives', 'teams'];
/** One of each, in words. */
export const ANALYTICS_KIND_LABELS: Readonly<Record<AnalyticsKind, string>> = {
  creators: 'Creator',
  campaigns: 'Campaign',
  brands: 'Brand',
  executives: 'Talent manager (executive)',
  teams: "Team (a manager's tree)",
};

/** What the table below an entity lists. */
export type AnalyticsChildren = 'collaborations' | 'campaigns' | 'creators' | 'executives';

/** One entity below the page's (a collaboration, campaign, creator or executive) with its figures. */
export interface AnalyticsRow {
  id: string;
  name: string;
  /** Where its own page is: an analytics kind, or the panel resource it opens. */
  link: { analytics?: AnalyticsKind; resource?: string };
  detail: string;
  totals: Totals;
}

export interface AnalyticsView {
  entity: { kind: AnalyticsKind; id: string; name: string };
  period: Period & { provisional: boolean; returnWindowDays: number };
  totals: Totals;
  /** Month by month, the twelve months ending with the period's last month (or the period's own months, if longer). */
  trend: TrendPoint[];
  table: { of: AnalyticsChildren; rows: AnalyticsRow[] };
  definitions: string;
}

/** An entity the picker offers. */
export interface EntityChoice {
  id: string;
  name: string;
  detail: string;
}

/** The period in the page's query: a month or quarter by its first day, or a custom range. */
export interface AnalyticsPeriodQuery {
  period: 'month' | 'quarter' | 'custom';
  start?: string;
  from?: string;
  to?: string;
}

/** What the page's handler answers (GET /admin/api/pages/analytics?kind=&id=&period=&start=|from=&to=&q=). */
export interface AnalyticsPageData {
  kinds: { kind: AnalyticsKind; label: string }[];
  selected: { kind: AnalyticsKind; id: string | null; q: string } & AnalyticsPeriodQuery;
  periods: { month: PeriodChoice[]; quarter: PeriodChoice[] };
  /** The entities of the kind within the viewer's reach (matching q), at most ENTITY_CHOICES_LIMIT. */
  entities: EntityChoice[];
  /** Why the list is empty or cut short. */
  entitiesNote: string | null;
  view: AnalyticsView | null;
  /** The NMV forecast of a creator, talent manager or team (GET /forecasts/nmv), as at the last complete month; null for other kinds. */
  forecast: PageForecast | null;
  links: {
    /** The table as CSV, through this page's handler (the panel session). */
    csv: string | null;
    /** The same CSV from the REST API, for integrations (HTTP Basic or an API key). */
    apiCsv: string | null;
    /** Each table row's own page: its analytics, or its panel record. */
    rows: Record<string, string>;
  };
  error: string | null;
}

export const ENTITY_CHOICES_LIMIT = 200;
