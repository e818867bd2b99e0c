import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource, EntityManager } from 'typeorm';
import { appendAudit } from '../libs/db/audit';
import { Campaign } from '../libs/domain/entities';
import { CollaborationOutcome, CampaignSummary, summarizeCampaign } from '../libs/domain/rules/campaign-summary';
import { PayoutKind, PayoutStatus } from '../libs/domain/rules/lifecycle';
import type { Actor } from '../libs/domain/rules/roles';
import type { CollaborationStage } from '../libs/domain/rules/stages';
import { CampaignStatus } from '../libs/domain/rules/statuses';

export interface RecordCampaignEventInput {
  campaignId: string;
  /** e.g. campaign.closed, campaign.cancelled. */
  action: string;
  /** The campaign row's new status, when the event changes it. */
  status?: 'cancelled';
  actor?: Actor;
  reason?: string;
  at: string;
  eventKey: string;
}

export interface RecordCampaignOutcomeInput {
  campaignId: string;
  status: 'completed' | 'cancelled';
  at: string;
  eventKey: string;
}

/** The campaign workflow's side effects on the campaign row and the audit log; idempotent by event key. */
@Injectable()
export class CampaignActivities {
  private readonly logger = new Logger(CampaignActivities.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async recordCampaignEvent(input: RecordCampaignEventInput): Promise<void> {
    await this.db.transaction(async (tx) => {
      const campaign = await requireCampaign(tx, input.campaignId);
      if (input.status) await tx.update(Campaign, { id: campaign.id }, { status: CampaignStatus.Cancelled });
      await appendAudit(tx, {
        actor: input.actor,
        action: input.action,
        entity: 'Campaign',
        entityId: campaign.id,
        before: input.status ? { status: campaign.status } : null,
        after: { ...(input.status ? { status: input.status } : {}), ...(input.reason ? { reason: input.reason } : {}) },
        at: new Date(input.at),
        eventKey: input.eventKey,
      });
    });
    this.logger.log(`${input.action} for campaign ${input.campaignId}`);
  }

  /** Sums up every collaboration of the campaign from the records, stores the summary and the final status. */
  async recordCampaignOutcome(input: RecordCampaignOutcomeInput): Promise<CampaignSummary> {
    return this.db.transaction(async (tx) => {
      const campaign = await requireCampaign(tx, input.campaignId);
      const rows: { stage: CollaborationStage; currency: string; brandPriceMinor: string | null; feePaidMinor: string; killFeeMinor: string; escalations: string }[] = await tx.query(
        `SELECT c."stage", c."currency", c."brandPriceMinor",
                COALESCE((SELECT SUM(p."amountMinor") FROM "payouts" p WHERE p."collaborationId" = c."id" AND p."kind" = $2 AND p."status" = $3), 0) AS "feePaidMinor",
                COALESCE((SELECT SUM(p."amountMinor") FROM "payouts" p WHERE p."collaborationId" = c."id" AND p."kind" = $4 AND p."status" <> $5), 0) AS "killFeeMinor",
                (SELECT COUNT(*) FROM "escalations" e WHERE e."collaborationId" = c."id") AS "escalations"
           FROM "collaborations" c WHERE c."campaignId" = $1`,
        [campaign.id, PayoutKind.Fee, PayoutStatus.Paid, PayoutKind.KillFee, PayoutStatus.Failed],
      );
      const outcomes: CollaborationOutcome[] = rows.map((row) => ({
        stage: row.stage,
        currency: row.currency,
        brandPriceMinor: row.brandPriceMinor === null ? null : Number(row.brandPriceMinor),
        feePaidMinor: Number(row.feePaidMinor),
        killFeeMinor: Number(row.killFeeMinor),
        escalations: Number(row.escalations),
      }));
      const summary = summarizeCampaign(campaign.currency, outcomes);
      const status = input.status === 'cancelled' ? CampaignStatus.Cancelled : CampaignStatus.Completed;
      await tx.update(Campaign, { id: campaign.id }, { status, summary, endedAt: new Date(input.at) });
      await appendAudit(tx, {
        action: `campaign.${input.status}`,
        entity: 'Campaign',
        entityId: campaign.id,
        before: { status: campaign.status },
        after: { status, summary: summary as unknown as Record<string, unknown> },
        at: new Date(input.at),
        eventKey: input.eventKey,
      });
      return summary;
    });
  }

}

async function requireCampaign(tx: EntityManager, id: string): Promise<Campaign> {
  const campaign = await tx.findOneBy(Campaign, { id });
  if (!campaign) throw ApplicationFailure.nonRetryable(`Campaign ${id} does not exist`, 'CampaignNotFound');
  return campaign;
}

export type CampaignActivityFunctions = Pick<CampaignActivities, 'recordCampaignEvent' | 'recordCampaignOutcome'>;

/** The activity functions the worker registers for the campaign workflow. */
export function campaignActivities(campaigns: CampaignActivities): CampaignActivityFunctions {
  return {
    recordCampaignEvent: campaigns.recordCampaignEvent.bind(campaigns),
    recordCampaignOutcome: campaigns.recordCampaignOutcome.bind(campaigns),
  };
}
