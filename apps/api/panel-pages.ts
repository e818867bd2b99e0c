import { analyticsPage, type AnalyticsPageDependencies } from './analytics/analytics.panel';
import type { PanelPage } from './back-office/pages';
import { findCreatorsPage, type FindCreatorsPageDependencies } from './campaigns/find-creators.panel';
import { kpiBoardPage, type KpiBoardPageDependencies } from './kpis/kpis.panel';
import { preferencesPage, type PreferencesPageDependencies } from './notifications/preferences.panel';
import { planningPage, type PlanningPageDependencies } from './planning/planning.panel';
import { reportsPage, type ReportsPageDependencies } from './reports/reports.panel';
import { underperformersPage, type UnderperformersPageDependencies } from './underperformers/underperformers.panel';

/**
 * Every custom page of the back office (under "Pages" in the sidebar), from its feature folder's
 * `*.panel.ts`, in sidebar order. Like panel.ts for the record types: the services are the ones
 * the REST API uses, so a page shows what the API answers, within the same reach.
 */
export type PanelPageDependencies = KpiBoardPageDependencies &
  AnalyticsPageDependencies &
  ReportsPageDependencies &
  FindCreatorsPageDependencies &
  PlanningPageDependencies &
  UnderperformersPageDependencies &
  PreferencesPageDependencies;

export function panelPages(deps: PanelPageDependencies): PanelPage[] {
  return [kpiBoardPage(deps), planningPage(deps), analyticsPage(deps), reportsPage(deps), findCreatorsPage(deps), underperformersPage(deps), preferencesPage(deps)];
}
