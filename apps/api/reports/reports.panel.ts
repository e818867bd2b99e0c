import type { Report } from '../../../libs/domain/entities';
import { recentPeriods } from '../../../libs/domain/rules/periods';
import { isStaff, Role } from '../../../libs/domain/rules/roles';
import { refusalOf, type PageLinks, type PanelPage, type PanelViewer } from '../back-office/pages';
import type { InsightScopes } from '../kpis/scope';
import { REPORTS_PAGE, REPORTS_PAGE_COMPONENT, type ReportListing, type ReportsPageData } from './reports-page.component';
import type { ReportsService } from './reports.service';

export interface ReportsPageDependencies {
  reports: Pick<ReportsService, 'list' | 'file' | 'generate' | 'names' | 'campaignSummary'>;
  insightScopes: Pick<InsightScopes, 'choices'>;
  now?: () => Date;
}

const MAKERS: readonly Role[] = [Role.Manager, Role.Finance, Role.Admin];

function listing(report: Report, names: Record<string, string>, links: PageLinks): ReportListing {
  const summary = report.summary as { top?: string[]; bottom?: string[]; improvements?: string[]; provisional?: boolean };
  return {
    id: report.id,
    team: names[report.subjectId] ?? report.subjectId,
    period: report.periodLabel,
    trigger: report.trigger === 'schedule' ? 'monthly Schedule' : 'on demand',
    generatedAt: new Date(report.generatedAt).toISOString(),
    provisional: summary.provisional === true,
    top: summary.top ?? [],
    bottom: summary.bottom ?? [],
    improvements: summary.improvements ?? [],
    pdf: links.data(REPORTS_PAGE, { id: report.id, format: 'pdf' }),
    csv: links.data(REPORTS_PAGE, { id: report.id, format: 'csv' }),
  };
}

/**
 * "Reports" under Pages: the monthly team reports within the viewer's reach (made by the
 * Schedule on the 1st, or on demand), each with its PDF and CSV, and a form to make one now
 * through the same workflow (managers, finance, admins). Downloads go through this page's
 * handler: the panel's session does not reach the REST API.
 */
export function reportsPage(deps: ReportsPageDependencies): PanelPage {
  const base = async (viewer: PanelViewer, links: PageLinks): Promise<ReportsPageData> => {
    const reports = await deps.reports.list(viewer);
    const names = await deps.reports.names([...new Set(reports.map((r) => r.subjectId))]);
    const teams = isStaff(viewer) && MAKERS.includes(viewer.role) ? (await deps.insightScopes.choices(viewer)).filter((c) => c.kind === 'team').map((c) => ({ id: c.id, name: c.name })) : [];
    const months = recentPeriods('month', deps.now?.() ?? new Date(), 18).map(({ start, label }) => ({ start, label }));
    return { reports: reports.map((r) => listing(r, names, links)), teams, months };
  };
  return {
    name: REPORTS_PAGE,
    label: 'Reports',
    component: REPORTS_PAGE_COMPONENT,
    icon: 'FileText',
    async load(query, viewer, links) {
      if (query.campaign && (query.format === 'pdf' || query.format === 'csv')) {
        const { filename, body } = await deps.reports.campaignSummary(viewer, query.campaign, query.format);
        return { file: { filename, contentType: query.format === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8', body } };
      }
      if (query.id && (query.format === 'pdf' || query.format === 'csv')) {
        const { report, body } = await deps.reports.file(viewer, query.id, query.format);
        const filename = `team-report-${report.periodLabel}-${report.subjectId.slice(0, 8)}.${query.format}`;
        return { file: { filename, contentType: query.format === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8', body } };
      }
      return { data: await base(viewer, links) };
    },
    async act(fields, viewer, links) {
      try {
        const report = await deps.reports.generate(viewer, fields.managerId ?? '', fields.month ?? '');
        return { data: { ...(await base(viewer, links)), made: report.id } };
      } catch (error) {
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        return { status: refusal.status, data: { ...(await base(viewer, links)), error: refusal.message } };
      }
    },
  };
}

