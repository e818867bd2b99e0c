import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { appendAudit } from '../libs/db/audit';
import { Brand, Campaign, Collaboration, Deliverable, PerformanceSnapshot } from '../libs/domain/entities';
import type { DisclosureFacts } from '../libs/domain/rules/disclosure-facts';
import { DeliverableStatus, SnapshotLabel, SnapshotSource } from '../libs/domain/rules/lifecycle';
import { readingsAfter } from '../libs/domain/rules/measuring';
import { liveUrlProblem } from '../libs/domain/rules/posting';
import type { Actor } from '../libs/domain/rules/roles';
import { netMerchandiseValue } from '../libs/domain/rules/nmv';
import { checkContent } from './content-check';
import { METRICS_SOURCE, MetricsSource } from './metrics-source';

export interface VerifyPostInput {
  collaborationId: string;
  deliverableId: string;
  liveUrl: string;
  caption: string;
  paidPartnershipLabel?: boolean;
  /** Declared with the post: format, on-screen label, spoken disclosure, language, length. */
  disclosure?: DisclosureFacts;
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
      const compliance = await checkContent(tx, {
        campaign,
        brand,
        creatorId: collaboration.creatorId,
        platform: deliverable.platform,
        caption: input.caption,
        paidPartnershipLabel: input.paidPartnershipLabel,
        disclosure: input.disclosure,
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

  /**
   * One timer-labelled snapshot per live deliverable, once per label: the reading nearest to the
   * capture's moment among those taken after the previous moment (libs/domain/rules/measuring.ts),
   * or a "no data" snapshot (every figure null, source `no_data`) when nothing new arrived: an
   * older number is never copied under a new label. The workflow reminds the talent manager
   * about every deliverable `withoutData`. A retried activity finds what it wrote and counts that.
   */
  async captureSnapshots(input: { collaborationId: string; label: SnapshotLabel; at: string }): Promise<{ captured: number; withoutData: number }> {
    const deliverables = await this.db.getRepository(Deliverable).findBy({ collaborationId: input.collaborationId, status: DeliverableStatus.Verified });
    const moment = new Date(input.at);
    let captured = 0;
    for (const deliverable of deliverables) {
      const snapshots = this.db.getRepository(PerformanceSnapshot);
      const firstCapture =
        input.label === SnapshotLabel.SevenDays
          ? await snapshots.findOne({ where: { deliverableId: deliverable.id, label: SnapshotLabel.OneDay }, select: { capturedAt: true, measuredAt: true } })
          : null;
      const after = readingsAfter(input.label, deliverable.postedAt, firstCapture);
      const metrics = await this.metrics.nearest({ deliverableId: deliverable.id, moment, after });
      const values = metrics
        ? { ...metrics, nmvMinor: netMerchandiseValue(metrics) }
        : { ...NO_DATA, source: SnapshotSource.NoData, measuredAt: null };
      await this.db
        .createQueryBuilder()
        .insert()
        .into(PerformanceSnapshot)
        .values({ deliverableId: deliverable.id, capturedAt: moment, label: input.label, ...values })
        .orIgnore()
        .execute();
      const stored = await snapshots.findOneOrFail({ where: { deliverableId: deliverable.id, label: input.label }, select: { source: true } });
      if (stored.source !== SnapshotSource.NoData) captured += 1;
    }
    return { captured, withoutData: deliverables.length - captured };
  }
}

/** A capture that found nothing: null figures, never zeros that would read as measured. */
const NO_DATA = {
  reach: null,
  views: null,
  likes: null,
  comments: null,
  shares: null,
  saves: null,
  clicks: null,
  orders: null,
  gmvMinor: null,
  returnsMinor: null,
  cancellationsMinor: null,
  nmvMinor: null,
  currency: null,
};
