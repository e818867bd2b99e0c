import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../libs/config/config';
import { Report, User } from '../libs/domain/entities';
import { calendarPeriod, type Period } from '../libs/domain/rules/periods';
import { Role } from '../libs/domain/rules/roles';
import { teamReportCsv, teamReportPdf } from '../libs/insight/report-files';
import { buildTeamReport } from '../libs/insight/team-report';
import { teamOf } from '../libs/insight/team';

export interface TeamReportInput {
  managerId: string;
  /** First day of the month reported on. */
  periodStart: string;
  trigger: 'schedule' | 'on_demand';
  requestedById?: string;
}

/**
 * The monthly team reports: who gets one (every active manager), and making one (figures, PDF,
 * CSV) into the `reports` table. Making it again for the same team and month replaces it, so a
 * retried activity or a second trigger never leaves two.
 */
@Injectable()
export class ReportActivities {
  private readonly returnWindowDays: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional() @Inject(APP_CONFIG) config?: Pick<AppConfig, 'returnWindowDays'>,
  ) {
    this.returnWindowDays = config?.returnWindowDays ?? 30;
  }

  /** Every active manager: each leads a team (the tree below them). */
  async listTeamLeads(): Promise<string[]> {
    const managers = await this.db.getRepository(User).find({ where: { role: Role.Manager, active: true }, order: { name: 'ASC' } });
    return managers.map((manager) => manager.id);
  }

  async generateTeamReport(input: TeamReportInput): Promise<{ reportId: string; improvements: number }> {
    const period = calendarPeriod('month', input.periodStart);
    if (typeof period === 'string') throw ApplicationFailure.nonRetryable(period, 'InvalidReportPeriod');
    const report = await buildTeamReport(this.db, input.managerId, period as Period, {
      returnWindowDays: this.returnWindowDays,
      teamOf: (id) => teamOf(this.db, id),
    });
    const [pdf, csv] = await Promise.all([teamReportPdf(report), Promise.resolve(teamReportCsv(report))]);
    const summary = {
      kpis: report.kpis.map((row) => ({ id: row.id, name: row.name, currency: row.currency, actual: row.actual, target: row.target, met: row.met })),
      top: report.top.map((c) => c.name),
      bottom: report.bottom.map((c) => c.name),
      improvements: report.improvements.map((area) => area.finding),
      provisional: report.provisional,
    };
    const [row]: Array<{ id: string }> = await this.db.query(
      `INSERT INTO "reports" ("kind", "subjectId", "periodStart", "periodLabel", "trigger", "requestedById", "generatedAt", "summary", "pdf", "csv")
       VALUES ('team_monthly', $1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT ("kind", "subjectId", "periodStart") DO UPDATE SET
         "periodLabel" = EXCLUDED."periodLabel", "trigger" = EXCLUDED."trigger", "requestedById" = EXCLUDED."requestedById",
         "generatedAt" = EXCLUDED."generatedAt", "summary" = EXCLUDED."summary", "pdf" = EXCLUDED."pdf", "csv" = EXCLUDED."csv", "updatedAt" = now()
       RETURNING "id"`,
      [input.managerId, period.start, period.label, input.trigger, input.requestedById ?? null, new Date(report.generatedAt), summary, pdf, csv],
    );
    return { reportId: row.id, improvements: report.improvements.length };
  }
}

/** For the API's on-demand path and tests: the report row without its files. */
export type StoredReport = Omit<Report, 'pdf' | 'csv'>;
