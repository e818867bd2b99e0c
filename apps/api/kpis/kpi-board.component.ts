import type { KpiRow } from '../../../libs/domain/rules/kpi-board';
import type { Period } from '../../../libs/domain/rules/periods';
import type { Role } from '../../../libs/domain/rules/roles';
import type { PanelComponent } from '../back-office/components';

/**
 * The KPI board page of the back office (kpis.panel.ts serves its data, kpi-board.tsx draws
 * it), and the board's shape shared with the REST API. Plain data and types, like
 * back-office/components/index.ts: the server and the component both import it.
 */
export const KPI_BOARD_PAGE = 'kpiBoard';
export const KPI_BOARD_COMPONENT = 'CreatorOpsKpiBoard';
export const KPI_BOARD: PanelComponent = { name: KPI_BOARD_COMPONENT, source: 'apps/api/kpis/kpi-board.tsx' };

/** Whose figures: one executive (a talent manager's own), or a team (a manager and everyone below them). */
export type ScopeKind = 'executive' | 'team';

/** A board the viewer may open: a manager's team, or one person's own figures. */
export interface ScopeChoice {
  kind: ScopeKind;
  id: string;
  name: string;
  role: Role;
}

export interface KpiBoardView {
  scope: { kind: ScopeKind; id: string; name: string; members: number };
  period: Period & { provisional: boolean; returnWindowDays: number };
  kpis: KpiRow[];
  /** Where every figure is defined. */
  definitions: string;
}

/** A month or quarter the picker offers. */
export interface PeriodChoice {
  start: string;
  label: string;
}

/** What the page's handler answers (GET /admin/api/pages/kpiBoard?scope=&id=&period=&start=). */
export interface KpiBoardPageData {
  /** The boards the viewer may open. */
  choices: ScopeChoice[];
  /** The last 18 months and 6 quarters, newest first. */
  periods: { month: PeriodChoice[]; quarter: PeriodChoice[] };
  /** What is shown (or was asked for, when refused). */
  selected: { scope: ScopeKind; id: string; period: 'month' | 'quarter'; start: string } | null;
  board: KpiBoardView | null;
  /** Why the board asked for is not shown (out of reach, not a manager, a bad period). */
  error: string | null;
  /** Where the KPIs are defined, in the repository's docs. */
  definitions: string;
}
