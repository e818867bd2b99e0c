import { recentPeriods } from '../../../libs/domain/rules/periods';
import { refusalOf, type PageLinks, type PanelPage } from '../back-office/pages';
import { analyticsCsv } from './analytics-csv';
import {
  ANALYTICS_KIND_LABELS,
  ANALYTICS_KINDS,
  ANALYTICS_PAGE,
  ANALYTICS_PAGE_COMPONENT,
  type AnalyticsKind,
  type AnalyticsPageData,
  type AnalyticsPeriodQuery,
  type AnalyticsView,
} from './analytics-page.component';
import type { AnalyticsScopes } from './analytics-scope';
import { periodOf } from './analytics-period';
import type { AnalyticsService } from './analytics.service';
import type { ForecastLevel } from '../forecasts/forecast-levels';
import type { ForecastsService } from '../forecasts/forecasts.service';

/** The analytics pages that show the NMV forecast, and the forecast level each is. */
const FORECAST_LEVEL: Partial<Record<AnalyticsKind, ForecastLevel>> = { creators: 'creator', executives: 'talentManager', teams: 'team' };
const FORECAST_HORIZON = 3;

/** What the Analytics page needs: the service of GET /analytics/:kind/:id, and who may be picked. */
export interface AnalyticsPageDependencies {
  analytics: Pick<AnalyticsService, 'view'>;
  analyticsScopes: Pick<AnalyticsScopes, 'choices'>;
  forecasts: Pick<ForecastsService, 'nmv'>;
  now?: () => Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The period part of the page's query, as the REST API takes it (a month by default). */
export function periodQueryOf(query: Readonly<Record<string, string>>): AnalyticsPeriodQuery | string {
  const period = query.period ?? 'month';
  if (period !== 'month' && period !== 'quarter' && period !== 'custom') return 'period must be month, quarter or custom';
  return period === 'custom' ? { period, from: query.from, to: query.to } : { period, ...(query.start ? { start: query.start } : {}) };
}

/** The same period as query parameters (for links to other pages and the CSV). */
export function periodParams(period: AnalyticsPeriodQuery): Record<string, string> {
  const params: Record<string, string> = { period: period.period };
  for (const key of ['start', 'from', 'to'] as const) if (period[key]) params[key] = period[key] as string;
  return params;
}

/** Each table row's own page: another analytics page for the same period, or its record in the panel. */
export function rowLinks(view: AnalyticsView, period: AnalyticsPeriodQuery, links: PageLinks): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of view.table.rows) {
    if (row.link.analytics) out[row.id] = links.page(ANALYTICS_PAGE, { kind: row.link.analytics, id: row.id, ...periodParams(period) });
    else if (row.link.resource) out[row.id] = links.record(row.link.resource, row.id);
  }
  return out;
}

const slug = (text: string) => text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'entity';

/**
 * "Analytics" under Pages: a creator's, campaign's, brand's, talent manager's or team's totals,
 * 12-month trend and the entities below, for a month, quarter or custom range. With
 * `format=csv` it answers the table as the REST API's table.csv does (the same service and
 * analyticsCsv), for the panel's session: the API does not take the panel's cookie.
 */
export function analyticsPage(deps: AnalyticsPageDependencies): PanelPage {
  return {
    name: ANALYTICS_PAGE,
    label: 'Analytics',
    component: ANALYTICS_PAGE_COMPONENT,
    icon: 'BarChart2',
    async load(query, viewer, links) {
      const now = deps.now?.() ?? new Date();
      const kind = (query.kind ?? 'creators') as AnalyticsKind;
      const q = query.q ?? '';
      const base: AnalyticsPageData = {
        kinds: ANALYTICS_KINDS.map((k) => ({ kind: k, label: ANALYTICS_KIND_LABELS[k] })),
        selected: { kind, id: query.id ?? null, q, period: 'month' },
        periods: {
          month: recentPeriods('month', now, 18).map(({ start, label }) => ({ start, label })),
          quarter: recentPeriods('quarter', now, 6).map(({ start, label }) => ({ start, label })),
        },
        entities: [],
        entitiesNote: null,
        view: null,
        forecast: null,
        links: { csv: null, apiCsv: null, rows: {} },
        error: null,
      };
      const refuse = (status: number, error: string) => ({ status, data: { ...base, error } });
      if (!ANALYTICS_KINDS.includes(kind)) return refuse(400, `Analytics exist for ${ANALYTICS_KINDS.join(', ')}; not for "${kind}"`);
      const asked = periodQueryOf(query);
      if (typeof asked === 'string') return refuse(400, asked);
      try {
        const period = periodOf(asked, now);
        const chosen: AnalyticsPeriodQuery = asked.period === 'custom' ? asked : { period: asked.period, start: period.start };
        base.selected = { ...base.selected, ...chosen };
        const { entities, note } = await deps.analyticsScopes.choices(viewer, kind, q);
        Object.assign(base, { entities, entitiesNote: note });
        const id = query.id ?? entities[0]?.id ?? null;
        if (!id) return { data: base };
        if (!UUID.test(id)) return refuse(400, 'id must be the id (UUID) of a ' + ANALYTICS_KIND_LABELS[kind].toLowerCase());
        base.selected.id = id;
        const view = await deps.analytics.view(viewer, kind, id, period, now);
        if (query.format === 'csv') {
          return { file: { filename: `analytics-${kind}-${slug(view.entity.name)}-${slug(period.label)}.csv`, contentType: 'text/csv; charset=utf-8', body: analyticsCsv(view.table.rows) } };
        }
        const params = { ...periodParams(chosen) };
        const level = FORECAST_LEVEL[kind];
        const forecast = level ? await deps.forecasts.nmv(viewer, level, FORECAST_HORIZON, undefined, now, id) : null;
        return {
          data: {
            ...base,
            view,
            forecast: forecast ? { asOf: forecast.asOf, horizon: forecast.horizon, items: forecast.items } : null,
            links: {
              csv: links.data(ANALYTICS_PAGE, { kind, id, ...params, format: 'csv' }),
              apiCsv: `/analytics/${kind}/${id}/table.csv?${new URLSearchParams(params).toString()}`,
              rows: rowLinks(view, chosen, links),
            },
          },
        };
      } catch (error) {
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        return refuse(refusal.status, refusal.message);
      }
    },
  };
}
