import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowIdReusePolicy } from '@temporalio/client';
import { DataSource, In } from 'typeorm';
import { Campaign, Report, User } from '../../../libs/domain/entities';
import { campaignSummaryCsv, campaignSummaryPdf } from '../../../libs/insight/campaign-summary-files';
import { calendarPeriod } from '../../../libs/domain/rules/periods';
import { INSIGHT_READ } from '../../../libs/domain/rules/reach';
import type { Actor } from '../../../libs/domain/rules/roles';
import { TemporalClient } from '../../../libs/temporal/temporal.module';
import { toHttpError } from '../common/workflow-errors';
import { InsightScopes } from '../kpis/scope';
import { RecordReach } from '../users/record-reach';

/**
 * The stored reports: listed and downloaded within the reader's reach (a team lead's report is
 * the team's figures: INSIGHT_READ on the lead), and made on demand through the same workflow
 * the monthly Schedule runs, so a report is made one way.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly temporal: TemporalClient,
    private readonly scopes: InsightScopes,
    private readonly reach: RecordReach,
  ) {}

  /** The reports within reach, newest period first. */
  async list(actor: Actor): Promise<Report[]> {
    const owners = await this.reach.owners(actor, INSIGHT_READ);
    if (owners !== 'all' && owners.length === 0) return [];
    return this.db.getRepository(Report).find({
      where: owners === 'all' ? {} : { subjectId: In(owners) },
      order: { periodStart: 'DESC', generatedAt: 'DESC' },
      take: 200,
    });
  }

  /** One report's file, after checking the reader may see the team's figures. */
  async file(actor: Actor, id: string, format: 'pdf' | 'csv'): Promise<{ report: Report; body: Buffer | string }> {
    const report = await this.db.getRepository(Report).findOne({ where: { id }, select: ['id', 'kind', 'subjectId', 'periodStart', 'periodLabel', format] as (keyof Report)[] });
    if (!report) throw new NotFoundException(`Report ${id} does not exist`);
    await this.reach.require(actor, INSIGHT_READ, report.subjectId, `Report ${id}`);
    return { report, body: format === 'pdf' ? report.pdf : report.csv };
  }

  /** A campaign's recorded summary as a file, once the campaign has ended (its owner's figures: INSIGHT_READ). */
  async campaignSummary(actor: Actor, campaignId: string, format: 'pdf' | 'csv'): Promise<{ filename: string; body: Buffer | string }> {
    const campaign = await this.db.getRepository(Campaign).findOneBy({ id: campaignId });
    if (!campaign) throw new NotFoundException(`Campaign ${campaignId} does not exist`);
    await this.reach.require(actor, INSIGHT_READ, campaign.ownerId, `The summary of campaign ${campaign.name}`);
    if (!campaign.summary) throw new ConflictException(`Campaign ${campaign.name} has not ended: its summary is recorded when its last collaboration ends`);
    const filename = `campaign-summary-${campaign.name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}.${format}`;
    return { filename, body: format === 'pdf' ? await campaignSummaryPdf(campaign.name, campaign.summary) : campaignSummaryCsv(campaign.name, campaign.summary) };
  }

  /** Users' names by id (whose team each report is). */
  async names(ids: string[]): Promise<Record<string, string>> {
    if (ids.length === 0) return {};
    const users = await this.db.getRepository(User).findBy({ id: In(ids) });
    return Object.fromEntries(users.map((user) => [user.id, user.name]));
  }

  /** Makes (or makes again) a team lead's report for one month, and answers once it is stored. */
  async generate(actor: Actor, managerId: string, month: string): Promise<Report> {
    const period = calendarPeriod('month', month);
    if (typeof period === 'string') throw new BadRequestException(period.replace('start', 'month'));
    const scope = await this.scopes.resolve(actor, 'team', managerId);
    try {
      const { reportId } = await this.temporal.client.workflow.execute('teamReportWorkflow', {
        taskQueue: this.temporal.taskQueue,
        workflowId: `team-report-${scope.id}-${period.start}`,
        workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
        args: [{ managerId: scope.id, periodStart: period.start, trigger: 'on_demand', requestedById: actor.userId }],
        workflowExecutionTimeout: '10 minutes',
      });
      return this.db.getRepository(Report).findOneByOrFail({ id: reportId });
    } catch (error) {
      throw toHttpError(error, `The report of ${scope.name}'s team`);
    }
  }
}
