import type { PanelComponent } from '../back-office/components';
import type { PlanningLevel, PlanningPeriodKind } from '../../../libs/domain/rules/planning';
import type { PlanningView, TargetsSet } from './planning-view';

/** "Planning" under Pages (planning.panel.ts serves its data, planning-page.tsx draws it). */
export const PLANNING_PAGE = 'planning';
export const PLANNING_COMPONENT = 'CreatorOpsPlanning';
export const PLANNING_VIEW: PanelComponent = { name: PLANNING_COMPONENT, source: 'apps/api/planning/planning-page.tsx' };

export interface PlanningSelection {
  period: PlanningPeriodKind;
  start: string;
  level: PlanningLevel;
  stretchPercent: number;
  /** The forecast's as-of month when the address names one (default: the last complete month). */
  asOf?: string;
}

/** What the page's handler answers (GET /admin/api/pages/planning?period=&start=&level=&stretchPercent=). */
export interface PlanningPageData {
  /** The quarters and years that can be planned now (not yet begun, within the forecast's reach). */
  periods: { quarter: Array<{ start: string; label: string }>; year: Array<{ start: string; label: string }> };
  selected: PlanningSelection | null;
  plan: PlanningView | null;
  /** Whether the viewer may set targets (managers and admins). */
  maySet: boolean;
  links: { csv: string | null; apiCsv: string | null };
  /** After setting targets: what changed. */
  result?: Omit<TargetsSet, 'plan'>;
  error: string | null;
  definitions: string;
}
