import { addMonths } from '../../../libs/domain/rules/forecast/entities';
import { MAX_PLANNING_HORIZON, planningHorizon, planningPeriod, PLANNING_LEVELS, type PlanningLevel, type PlanningPeriodKind } from '../../../libs/domain/rules/planning';
import { Role } from '../../../libs/domain/rules/roles';
import { refusalOf, type PageLinks, type PanelPage, type PanelViewer } from '../back-office/pages';
import { planningCsv } from './planning-csv';
import { PLANNING_COMPONENT, PLANNING_PAGE, type PlanningPageData, type PlanningSelection } from './planning-page.component';
import type { PlanningService } from './planning.service';

/** What the Planning page needs: the service GET /planning and POST /planning/targets use. */
export interface PlanningPageDependencies {
  planning: Pick<PlanningService, 'view' | 'setTargets'>;
  now?: () => Date;
}

/** The quarters and years that can be planned from the forecast made as at `asOf`, soonest first. */
export function plannablePeriods(asOf: string): PlanningPageData['periods'] {
  const year = Number(asOf.slice(0, 4));
  const quarter: PlanningPageData['periods']['quarter'] = [];
  const years: PlanningPageData['periods']['year'] = [];
  for (let y = year; y <= year + 2; y += 1) {
    for (const month of ['01', '04', '07', '10']) {
      const period = planningPeriod('quarter', `${y}-${month}-01`);
      if (typeof period !== 'string' && typeof planningHorizon(asOf, period) === 'number') quarter.push({ start: period.start, label: period.label });
    }
    const whole = planningPeriod('year', `${y}-01-01`);
    if (typeof whole !== 'string' && typeof planningHorizon(asOf, whole) === 'number') years.push({ start: whole.start, label: whole.label });
  }
  return { quarter, year: years };
}

/** The plan asked for in the page's query or form, defaults filled: the next quarter, executives, no stretch. */
function selectionOf(fields: Readonly<Record<string, string>>, periods: PlanningPageData['periods'], viewer: PanelViewer): PlanningSelection | string {
  const period = (fields.period ?? 'quarter') as PlanningPeriodKind;
  if (period !== 'quarter' && period !== 'year') return 'period must be quarter or year';
  const level = (fields.level ?? (viewer.role === Role.TalentManager ? 'talentManager' : 'team')) as PlanningLevel;
  if (!PLANNING_LEVELS.includes(level)) return 'level must be talentManager or team';
  const start = fields.start ?? periods[period][0]?.start;
  if (!start) return `no ${period} can be planned within ${MAX_PLANNING_HORIZON} months`;
  const stretch = fields.stretchPercent === undefined || fields.stretchPercent === '' ? 0 : Number(fields.stretchPercent);
  if (!Number.isFinite(stretch)) return 'stretchPercent must be a number (10 for +10 %)';
  if (fields.asOf !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(fields.asOf)) return 'asOf must be a month (YYYY-MM)';
  return { period, start, level, stretchPercent: stretch, ...(fields.asOf ? { asOf: fields.asOf } : {}) };
}

/**
 * "Planning" under Pages: the forecast per executive or team for a quarter or a year, with its
 * bounds and back-tested error, and setting NMV targets at forecast + stretch % (managers and
 * admins), through the same service as GET /planning and POST /planning/targets; `format=csv`
 * answers the planning CSV as GET /planning.csv does.
 */
export function planningPage(deps: PlanningPageDependencies): PanelPage {
  const base = (viewer: PanelViewer, fields: Readonly<Record<string, string>>): PlanningPageData => {
    // The last complete month, as ForecastsService.lastCompleteMonth: what the plan is made from
    // unless the address names another (a plan as it would have been made then).
    const asOf = /^\d{4}-(0[1-9]|1[0-2])$/.test(fields.asOf ?? '') ? fields.asOf : addMonths((deps.now?.() ?? new Date()).toISOString().slice(0, 7), -1);
    return {
      periods: plannablePeriods(asOf),
      selected: null,
      plan: null,
      maySet: viewer.role === Role.Manager || viewer.role === Role.Admin,
      links: { csv: null, apiCsv: null },
      error: null,
      definitions: 'docs/metrics.md#planning',
    };
  };
  const csvLinks = (selected: PlanningSelection, links: PageLinks) => {
    const params = { period: selected.period, start: selected.start, level: selected.level, stretchPercent: String(selected.stretchPercent), ...(selected.asOf ? { asOf: selected.asOf } : {}) };
    return { csv: links.data(PLANNING_PAGE, { ...params, format: 'csv' }), apiCsv: `/planning.csv?${new URLSearchParams(params).toString()}` };
  };
  return {
    name: PLANNING_PAGE,
    label: 'Planning',
    component: PLANNING_COMPONENT,
    icon: 'TrendingUp',
    async load(query, viewer, links) {
      const now = deps.now?.() ?? new Date();
      const data = base(viewer, query);
      const selected = selectionOf(query, data.periods, viewer);
      if (typeof selected === 'string') return { status: 400, data: { ...data, error: selected } };
      try {
        const plan = await deps.planning.view(viewer, selected, now);
        if (query.format === 'csv') {
          return { file: { filename: `planning-${selected.level}-${plan.period.label}.csv`, contentType: 'text/csv; charset=utf-8', body: planningCsv(plan) } };
        }
        return { data: { ...data, selected, plan, links: csvLinks(selected, links) } };
      } catch (error) {
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        return { status: refusal.status, data: { ...data, selected, error: refusal.message } };
      }
    },
    async act(fields, viewer, links) {
      const now = deps.now?.() ?? new Date();
      const data = base(viewer, fields);
      const selected = selectionOf(fields, data.periods, viewer);
      if (typeof selected === 'string') return { status: 400, data: { ...data, error: selected } };
      try {
        const { plan, ...result } = await deps.planning.setTargets(viewer, selected, now);
        return { data: { ...data, selected, plan, result, links: csvLinks(selected, links) } };
      } catch (error) {
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        return { status: refusal.status, data: { ...data, selected, error: refusal.message } };
      }
    },
  };
}
