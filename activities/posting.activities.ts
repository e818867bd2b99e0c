import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { appendAudit } from '../libs/db/audit';
import { Brand, Campaign, Collaboration, Deliverable, PerformanceSnapshot } from '../libs/domain/entities';
import { checkCompliance, ComplianceMarket } from '../libs/domain/rules/compliance';
import { DeliverableStatus, SnapshotLabel } from '../libs/domain/rules/lifecycle';
import { liveUrlProblem } from '../libs/domain/rules/posting';
import type { Actor } from '../libs/domain/rules/roles';
import { netMerchandiseValue } from '../libs/domain/rules/nmv';
import { METRICS_SOURCE, MetricsSource } from './metrics-source';

export interface VerifyPostInput {
  collaborationId: string;
  deliverableId: string;
  liveUrl: string;
  caption: string;
  paidPartnershipLabel?: boolean;
  /** When the post went live, as reported; absent: the report time (`at`). */
  postedAt?: string;
  actor: Actor;
  at: string;
  eventKey: string;
}

/** POSTING's verification and MEASURING's snapshots. */
@Injectable()
export class PostingActivities {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(METRICS_SOURCE) private readonly metrics: MetricsSource,
  ) {}

  /**
   * Verifies a post the talent manager reports live: the URL is on the deliverable's platform
   * and the caption as posted still discloses the partnership and keeps the brand's rules.
   */
  async verifyPost(input: VerifyPostInput): Promise<{ verified: boolean; problems: string[] }> {
    return this.db.transaction(async (tx) => {
      const deliverable = await tx.findOneBy(Deliverable, { id: input.deliverableId, collaborationId: input.collaborationId });
      if (!deliverable) throw ApplicationFailure.nonRetryable(`Deliverable ${input.deliverableId} does not exist`, 'CollaborationNotFound');
      const collaboration = await tx.findOneByOrFail(Collaboration, { id: input.collaborationId });
      const campaign = await tx.findOneByOrFail(Campaign, { id: collaboration.campaignId });
      const brand = await tx.findOneByOrFail(Brand, { id: campaign.brandId });
      const urlProblem = liveUrlProblem(deliverable.platform, input.liveUrl);
      const compliance = checkCompliance({
        market: campaign.market as ComplianceMarket,
        caption: input.caption,
        paidPartnershipLabel: input.paidPartnershipLabel,
        platform: deliverable.platform,
        brand: brand.guidelines ?? {},
      });
      const problems = [...(urlProblem ? [urlProblem] : []), ...compliance.violations.map((v) => v.message)];
      const verified = problems.length === 0;
      await tx.update(Deliverable, { id: deliverable.id }, {
        liveUrl: input.liveUrl,
        caption: input.caption,
        // The go-live time reported with this post; a report without one keeps the first report's time.
        postedAt: input.postedAt ? new Date(input.postedAt) : (deliverable.postedAt ?? new Date(input.at)),
        status: verified ? DeliverableStatus.Verified : DeliverableStatus.Posted,
      });
      await appendAudit(tx, {
        actor: input.actor,
        action: verified ? 'deliverable.post_verified' : 'deliverable.post_rejected',
        entity: 'Deliverable',
        entityId: deliverable.id,
        after: { liveUrl: input.liveUrl, problems },
        at: new Date(input.at),
        eventKey: input.eventKey,
      });
      return { verified, problems };
    });
  }

  /** One timer-labelled snapshot per deliverable, from the metrics source; once per label. */
  async captureSnapshots(input: { collaborationId: string; label: SnapshotLabel; at: string }): Promise<{ captured: number; withoutData: number }> {
    const deliverables = await this.db.getRepository(Deliverable).findBy({ collaborationId: input.collaborationId, status: DeliverableStatus.Verified });
    let captured = 0;
    for (const deliverable of deliverables) {
      const metrics = await this.metrics.latest(deliverable.id);
      // No numbers yet: nothing is invented; the workflow asks the talent manager for them.
      if (!metrics) continue;
      const nmvMinor = netMerchandiseValue(metrics);
      await this.db
        .createQueryBuilder()
        .insert()
        .into(PerformanceSnapshot)
        .values({ deliverableId: deliverable.id, capturedAt: new Date(input.at), label: input.label, ...metrics, nmvMinor })
        .orIgnore()
        .execute();
      captured += 1;
    }
    return { captured, withoutData: deliverables.length - captured };
  }
}
