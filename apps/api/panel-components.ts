import { PLATFORM_COMPONENTS, type PanelComponent } from './back-office/components';
import { ANALYTICS_COMPONENTS } from './analytics/analytics-page.component';
import { FIND_CREATORS_VIEW } from './campaigns/find-creators-page.component';
import { LIVE_VIEW } from './collaborations/live-view.component';
import { IMPORT_UPLOAD } from './imports/import-upload.component';
import { KPI_BOARD } from './kpis/kpi-board.component';
import { INBOX_BADGE } from './notifications/inbox-badge.component';
import { PREFERENCES_PAGE_VIEW } from './notifications/preferences-page.component';
import { PLANNING_VIEW } from './planning/planning-page.component';
import { REPORTS_PAGE_VIEW } from './reports/reports-page.component';
import { UNDERPERFORMERS_PAGE_VIEW } from './underperformers/underperformers-page.component';

/**
 * Every front-end component of the back office: the generic ones and those of a feature. The
 * build bundles exactly these (scripts/build-panel.ts); options refer to them by name.
 */
export const PANEL_COMPONENTS: readonly PanelComponent[] = [...PLATFORM_COMPONENTS, LIVE_VIEW, IMPORT_UPLOAD, KPI_BOARD, ...ANALYTICS_COMPONENTS, REPORTS_PAGE_VIEW, FIND_CREATORS_VIEW, PLANNING_VIEW, UNDERPERFORMERS_PAGE_VIEW, INBOX_BADGE, PREFERENCES_PAGE_VIEW];
