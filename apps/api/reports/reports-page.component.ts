import type { PanelComponent } from '../back-office/components';

/** "Reports" under Pages: the stored monthly team reports with their files, and making one now. */
export const REPORTS_PAGE = 'reports';
export const REPORTS_PAGE_COMPONENT = 'CreatorOpsReportsPage';
export const REPORTS_PAGE_VIEW: PanelComponent = { name: REPORTS_PAGE_COMPONENT, source: 'apps/api/reports/reports-page.tsx' };

export interface ReportListing {
  id: string;
  team: string;
  period: string;
  trigger: string;
  generatedAt: string;
  provisional: boolean;
  top: string[];
  bottom: string[];
  improvements: string[];
  pdf: string;
  csv: string;
}

export interface ReportsPageData {
  reports: ReportListing[];
  /** Teams the viewer may make a report for (empty: they may not make one). */
  teams: { id: string; name: string }[];
  months: { start: string; label: string }[];
  /** After making one: which. */
  made?: string;
  error?: string;
}
