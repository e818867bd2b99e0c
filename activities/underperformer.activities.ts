import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationChannels, type NotificationSender } from './notification-channels';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Notification, UnderperformerFlag } from '../libs/domain/entities';
import { TERMINAL_STAGES } from '../libs/domain/rules/stages';
import { evaluateUnderperformance, METRIC_LABELS, type UnderperformanceMetric } from '../libs/domain/rules/underperformance';
import { loadFlagSubjects } from '../libs/insight/underperformers';

export const UNDERPERFORMING = 'UNDERPERFORMING';
export const UNDERPERFORMER_NOTICE = 'UNDERPERFORMER_FLAGGED';

export interface EvaluateUnderperformersInput {
  /** The evaluation day, YYYY-MM-DD (UTC). */
  asOf: string;
}

export interface UnderperformerRun {
  asOf: string;
  raised: number;
  kept: number;
  cleared: number;
}

/**
 * The daily underperformer evaluation (docs/metrics.md#underperformer-flags): flags as of a day,
 * stored so that a flag found on consecutive days stays one row; the owner told once per flag;
 * the creator's running bookings on live campaigns marked UNDERPERFORMING while it lasts.
 * Idempotent: running a day again with the same data changes nothing (one transaction, keyed rows).
 */
@Injectable()
export class UnderperformerActivities {
  private readonly logger = new Logger(UnderperformerActivities.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional() @Inject(NotificationChannels) private readonly channels?: NotificationSender,
  ) {}

  async evaluateUnderperformers(input: EvaluateUnderperformersInput): Promise<UnderperformerRun> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.asOf) || Number.isNaN(Date.parse(`${input.asOf}T00:00:00Z`))) {
      throw ApplicationFailure.nonRetryable(`asOf must be a date (YYYY-MM-DD), not "${input.asOf}"`, 'InvalidEvaluationDay');
    }
    const run = await this.db.transaction(async (tx) => {
      // One evaluation at a time: a retried activity and a manual trigger do not interleave.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('underperformer_flags'))`);
      const { subjects, owners, names } = await loadFlagSubjects(tx, input.asOf);
      const found = evaluateUnderperformance(input.asOf, subjects);
      const repo = tx.getRepository(UnderperformerFlag);
      const open = await repo.find({ where: { clearedOn: IsNull() } });
      const key = (kind: string, id: string, metric: string) => `${kind}:${id}:${metric}`;
      const openByKey = new Map(open.map((f) => [key(f.subjectKind, f.subjectId, f.metric), f]));
      const stillFound = new Set<string>();
      let raised = 0;
      let kept = 0;
      for (const flag of found) {
        const k = key(flag.kind, flag.id, flag.metric);
        stillFound.add(k);
        const figures = { observed: flag.observed, baseline: flag.baseline, basis: flag.basis, suggestion: flag.suggestion, explanation: flag.explanation, currency: flag.currency, evaluatedOn: input.asOf };
        const existing = openByKey.get(k);
        if (existing) {
          kept += 1;
          // The flag's start stays where it was first seen low.
          await repo.update({ id: existing.id }, { ...figures, since: existing.since < flag.since ? existing.since : flag.since });
          continue;
        }
        raised += 1;
        const row = await repo.save(repo.create({ ...figures, subjectKind: flag.kind, subjectId: flag.id, metric: flag.metric, since: flag.since, raisedOn: input.asOf, ownerId: owners.get(`${flag.kind}:${flag.id}`) ?? null }));
        await this.notifyOwner(tx, row, names.get(`${flag.kind}:${flag.id}`) ?? flag.id);
      }
      const clearing = open.filter((f) => !stillFound.has(key(f.subjectKind, f.subjectId, f.metric)) && f.raisedOn <= input.asOf);
      for (const flag of clearing) {
        await repo.update({ id: flag.id }, { clearedOn: input.asOf });
        await tx.query(`UPDATE "booking_risk_flags" SET "clearedAt" = now() WHERE "sourceFlagId" = $1 AND "clearedAt" IS NULL`, [flag.id]);
      }
      await this.markRunningBookings(tx, input.asOf);
      return { asOf: input.asOf, raised, kept, cleared: clearing.length };
    });
    this.logger.log(`underperformers as of ${run.asOf}: ${run.raised} raised, ${run.kept} still open, ${run.cleared} cleared`);
    await this.deliverNotices(run.asOf);
    return run;
  }

  /**
   * The owners' notices of the flags raised on the day, on the channels beside the inbox (e-mail
   * as each owner prefers, team webhooks). After the commit, and by day rather than by this run's
   * count: a retried activity finds the flags already raised and still delivers what is owed.
   */
  private async deliverNotices(asOf: string): Promise<void> {
    if (!this.channels) return;
    const notices: Array<{ eventKey: string }> = await this.db.query(
      `SELECT n."eventKey" FROM "notifications" n JOIN "underperformer_flags" f ON n."eventKey" = 'underperformer-flag:' || f."id"::text
        WHERE f."raisedOn" = $1::date ORDER BY n."createdAt", n."id"`,
      [asOf],
    );
    for (const { eventKey } of notices) await this.channels.deliverByEventKey(eventKey);
  }

  private async notifyOwner(tx: EntityManager, flag: UnderperformerFlag, name: string): Promise<void> {
    if (!flag.ownerId) return;
    await tx
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values({
        recipientId: flag.ownerId,
        collaborationId: null,
        kind: UNDERPERFORMER_NOTICE,
        message: `${name} (${flag.subjectKind}) is underperforming since ${flag.since}: ${flag.explanation}`,
        eventKey: `underperformer-flag:${flag.id}`,
      })
      .orIgnore()
      .execute();
  }

  /**
   * Every open creator flag marks that creator's running bookings whose campaign is live (not
   * completed or cancelled, not past its end), including bookings made after the flag was raised.
   */
  private async markRunningBookings(tx: EntityManager, asOf: string): Promise<void> {
    const open = await tx.getRepository(UnderperformerFlag).find({ where: { clearedOn: IsNull(), subjectKind: 'creator' } });
    for (const flag of open) {
      await tx.query(
        `INSERT INTO "booking_risk_flags" ("collaborationId", "kind", "sourceFlagId", "detail")
         SELECT c."id", $2, $3, $4
           FROM "collaborations" c JOIN "campaigns" k ON k."id" = c."campaignId"
          WHERE c."creatorId" = $1 AND NOT (c."stage" = ANY($5)) AND k."status" NOT IN ('completed', 'cancelled') AND k."endsOn" >= $6::date
         ON CONFLICT ("collaborationId", "sourceFlagId") DO NOTHING`,
        [flag.subjectId, UNDERPERFORMING, flag.id, `${METRIC_LABELS[flag.metric as UnderperformanceMetric]} low since ${flag.since} (flag raised ${flag.raisedOn}): ${flag.explanation}`, [...TERMINAL_STAGES], asOf],
      );
    }
  }
}
