import { proxyActivities } from '@temporalio/workflow';
import type { CollaborationActivityFunctions } from '../activities';
import type { TeamReportInput } from '../activities/report.activities';
import { periodContaining } from '../libs/domain/rules/periods';

/** Reports read a month of records and render a PDF: longer than a projection, still bounded. */
const reports = proxyActivities<Pick<CollaborationActivityFunctions, 'listTeamLeads' | 'generateTeamReport'>>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5, nonRetryableErrorTypes: ['InvalidReportPeriod'] },
});

export interface MonthlyReportsInput {
  /** The month to report on (its first day); default: the month before the run, as the Schedule wants. */
  periodStart?: string;
}

/**
 * Run by the Schedule on the 1st of each month (libs/temporal/report-schedule.ts): one report
 * per team lead for the month that just ended. A lead whose report fails does not stop the
 * others; the run answers which were made and which failed.
 */
export async function monthlyTeamReportsWorkflow(input: MonthlyReportsInput = {}): Promise<{ periodStart: string; made: string[]; failed: string[] }> {
  const periodStart = input.periodStart ?? periodContaining('month', new Date(Date.now())).previous.start;
  const managers = await reports.listTeamLeads();
  const made: string[] = [];
  const failed: string[] = [];
  for (const managerId of managers) {
    try {
      made.push((await reports.generateTeamReport({ managerId, periodStart, trigger: 'schedule' })).reportId);
    } catch {
      failed.push(managerId);
    }
  }
  return { periodStart, made, failed };
}

/** One team lead's monthly report, on demand (the panel or POST /reports/team-monthly). */
export async function teamReportWorkflow(input: TeamReportInput): Promise<{ reportId: string; improvements: number }> {
  return reports.generateTeamReport({ ...input, trigger: 'on_demand' });
}
