import { calendarPeriod, periodContaining, recentPeriods, type Period } from '../../../libs/domain/rules/periods';
import { refusalOf, type PanelPage } from '../back-office/pages';
import { KPI_BOARD_COMPONENT, KPI_BOARD_PAGE, type KpiBoardPageData, type ScopeChoice } from './kpi-board.component';
import type { KpisService } from './kpis.service';
import type { InsightScopes } from './scope';

/** What the KPI board page needs: the service the REST API's GET /kpis uses, and who may be picked. */
export interface KpiBoardPageDependencies {
  kpis: Pick<KpisService, 'board'>;
  insightScopes: Pick<InsightScopes, 'choices'>;
  now?: () => Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The board asked for in the page's query (scope, id, period, start), or why it cannot be one.
 * Without scope and id: the first board the viewer may open; without start: the current month
 * or quarter. A board out of the viewer's reach is not refused here but by the service, which
 * says why, exactly as GET /kpis does.
 */
export function kpiBoardSelection(
  query: Readonly<Record<string, string>>,
  choices: readonly ScopeChoice[],
  now: Date,
): { selected: NonNullable<KpiBoardPageData['selected']>; period: Period } | { error: string; selected: KpiBoardPageData['selected'] } | null {
  const kind = query.period ?? 'month';
  if (kind !== 'month' && kind !== 'quarter') return { error: 'period must be month or quarter', selected: null };
  const start = query.start ?? periodContaining(kind, now).start;
  let scope: 'team' | 'executive';
  let id: string;
  if (query.scope === undefined && query.id === undefined) {
    if (!choices.length) return null;
    ({ kind: scope, id } = choices[0]);
  } else {
    if (query.scope !== 'team' && query.scope !== 'executive') return { error: 'scope must be team or executive', selected: null };
    if (!query.id || !UUID.test(query.id)) return { error: 'id must be a user id (UUID)', selected: null };
    scope = query.scope;
    id = query.id;
  }
  const selected: NonNullable<KpiBoardPageData['selected']> = { scope, id, period: kind, start };
  const period = calendarPeriod(kind, start);
  return typeof period === 'string' ? { error: period, selected } : { selected, period };
}

/** "KPI board" under Pages: an executive's or a team's KPIs for a month or quarter, beside their targets. */
export function kpiBoardPage(deps: KpiBoardPageDependencies): PanelPage {
  return {
    name: KPI_BOARD_PAGE,
    label: 'KPI board',
    component: KPI_BOARD_COMPONENT,
    icon: 'Target',
    async load(query, viewer) {
      const now = deps.now?.() ?? new Date();
      const choices = await deps.insightScopes.choices(viewer);
      const base: KpiBoardPageData = {
        choices,
        periods: {
          month: recentPeriods('month', now, 18).map(({ start, label }) => ({ start, label })),
          quarter: recentPeriods('quarter', now, 6).map(({ start, label }) => ({ start, label })),
        },
        selected: null,
        board: null,
        error: null,
        definitions: 'docs/metrics.md#team-kpis',
      };
      const selection = kpiBoardSelection(query, choices, now);
      if (!selection) return { data: { ...base, error: 'There is no KPI board you may open: boards are per talent manager and per manager\'s team.' } };
      if ('error' in selection) return { status: 400, data: { ...base, selected: selection.selected, error: selection.error } };
      const { selected, period } = selection;
      try {
        const board = await deps.kpis.board(viewer, selected.scope, selected.id, period, now);
        return { data: { ...base, selected, board } };
      } catch (error) {
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        return { status: refusal.status, data: { ...base, selected, error: refusal.message } };
      }
    },
  };
}
