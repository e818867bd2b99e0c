import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import { collaborationActivities } from '../../activities';
import { CampaignActivities } from '../../activities/campaign.activities';
import { CollaborationActivities } from '../../activities/collaboration.activities';
import { ConflictActivities } from '../../activities/conflict.activities';
import { DigestActivities } from '../../activities/digest.activities';
import { ContractActivities } from '../../activities/contract.activities';
import { PayoutActivities } from '../../activities/payout.activities';
import { PostingActivities } from '../../activities/posting.activities';
import { ProductionActivities } from '../../activities/production.activities';
import { ReplacementActivities } from '../../activities/replacement.activities';
import { ReportActivities } from '../../activities/report.activities';
import { SatisfactionActivities } from '../../activities/satisfaction.activities';
import { UnderperformerActivities } from '../../activities/underperformer.activities';
import { APP_CONFIG, AppConfig } from '../../libs/config/config';
import { temporalConnectionOptions } from '../../libs/config/temporal-config';
import { workerTuningOptions } from '../../libs/config/worker-config';
import { ensureDigestSchedule } from '../../libs/temporal/digest-schedule';
import { ensureMonthlyReportsSchedule } from '../../libs/temporal/report-schedule';
import { ensureSearchAttributes } from '../../libs/temporal/search-attributes';
import { ensureUnderperformersSchedule } from '../../libs/temporal/underperformer-schedule';
import { rootLogger } from '../../libs/logging/logger';
import { activityLogging } from './activity-logging';
import { bundleOutOfProcess } from './workflow-bundle';

export { WORKFLOWS_PATH } from './workflow-options';

/** Hosts the Temporal worker: the campaign, collaboration and payout workflows plus their activities. */
@Injectable()
export class CollaborationWorker implements OnApplicationShutdown {
  private readonly logger = new Logger(CollaborationWorker.name);
  private worker?: Worker;
  private connection?: NativeConnection;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly collaborations: CollaborationActivities,
    private readonly conflicts: ConflictActivities,
    private readonly replacements: ReplacementActivities,
    private readonly contracts: ContractActivities,
    private readonly production: ProductionActivities,
    private readonly posting: PostingActivities,
    private readonly payouts: PayoutActivities,
    private readonly campaigns: CampaignActivities,
    private readonly satisfaction: SatisfactionActivities,
    private readonly reports: ReportActivities,
    private readonly underperformers: UnderperformerActivities,
    private readonly digests: DigestActivities,
  ) {}

  /** Connects, registers search attributes, and polls until shut down. */
  async run(overrides: Partial<WorkerOptions> = {}): Promise<void> {
    const { address, namespace, taskQueue } = this.config.temporal;
    const connection = await Connection.connect(temporalConnectionOptions(this.config.temporal));
    try {
      await ensureSearchAttributes(connection, namespace);
      const client = new Client({ connection, namespace });
      await ensureMonthlyReportsSchedule(client, taskQueue);
      await ensureUnderperformersSchedule(client, taskQueue);
      await ensureDigestSchedule(client, taskQueue);
    } finally {
      await connection.close();
    }
    this.connection = await NativeConnection.connect(temporalConnectionOptions(this.config.temporal));
    this.worker = await Worker.create({
      connection: this.connection,
      namespace,
      taskQueue,
      // The workflow interceptors are compiled into the bundle (creatorOpsBundleOptions).
      workflowBundle: await bundleOutOfProcess(this.config.actorSigningKey),
      interceptors: { activity: [activityLogging(rootLogger(this.config, 'worker'))] },
      activities: collaborationActivities({
        collaborations: this.collaborations,
        conflicts: this.conflicts,
        replacements: this.replacements,
        contracts: this.contracts,
        production: this.production,
        posting: this.posting,
        payouts: this.payouts,
        campaigns: this.campaigns,
        satisfaction: this.satisfaction,
        reports: this.reports,
        underperformers: this.underperformers,
        digests: this.digests,
      }),
      ...workerTuningOptions(this.config.worker),
      ...overrides,
    });
    this.logger.log(`polling task queue "${taskQueue}" on ${address} (namespace ${namespace})`);
    try {
      await this.worker.run();
    } finally {
      await this.connection.close();
    }
  }

  onApplicationShutdown(): void {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
  }
}
