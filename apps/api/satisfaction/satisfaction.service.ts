import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { appendAudit } from '../../../libs/db/audit';
import { CreatorRating } from '../../../libs/domain/entities';
import { BOOKING_ACT } from '../../../libs/domain/rules/reach';
import { isStaff, type Actor, type Party } from '../../../libs/domain/rules/roles';
import { CollaborationDecisions } from '../collaborations/collaboration-decisions';
import { RecordReach } from '../users/record-reach';

/** An open rating task, as the dashboard and the task list show it. */
export interface RatingTask {
  collaborationId: string;
  creatorId: string;
  creatorName: string;
  campaignName: string;
  talentManagerId: string;
  requestedAt: Date;
  remindedAt: Date | null;
}

/**
 * Creator satisfaction: the rating task opened when a collaboration's fee is paid, and the
 * one rating recorded against it (the REST API and the panel). The creator's average rating is
 * kept on the creator as `satisfactionScore`, derived here, never typed in.
 */
@Injectable()
export class SatisfactionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly decisions: CollaborationDecisions,
    private readonly reach: RecordReach,
  ) {}

  /** Records the creator's 1–5 rating of the collaboration, once; the task closes. */
  async rate(collaborationId: string, actor: Actor, rating: number, note?: string | null): Promise<CreatorRating> {
    await this.decisions.inReach(collaborationId, actor, BOOKING_ACT);
    return this.record(collaborationId, actor, rating, note);
  }

  /**
   * The creator rates their own booking through their portal link (docs/portal.md): the link
   * already bound them to this booking, so no staff reach applies.
   */
  async rateAsCreator(collaborationId: string, actor: Actor & { role: Party.Creator }, rating: number, note?: string | null): Promise<CreatorRating> {
    return this.record(collaborationId, actor, rating, note);
  }

  private record(collaborationId: string, actor: Actor, rating: number, note?: string | null): Promise<CreatorRating> {
    return this.db.transaction(async (tx) => {
      const task = await tx.findOne(CreatorRating, { where: { collaborationId }, lock: { mode: 'pessimistic_write' } });
      if (!task) throw new ConflictException(`Collaboration ${collaborationId} has no rating to record yet: the creator is rated once their fee is paid`);
      if (task.rating !== null) {
        if (task.rating === rating && (task.note ?? null) === (note ?? null)) return task;
        throw new ConflictException(`The creator's rating of collaboration ${collaborationId} is already recorded (${task.rating} of 5, ${task.ratedAt?.toISOString()})`);
      }
      const ratedAt = new Date();
      await tx.update(CreatorRating, { id: task.id }, { rating, note: note ?? null, ratedById: isStaff(actor) ? actor.userId : null, ratedByRole: actor.role, ratedAt });
      // The creator's average over every recorded rating, shown on the creator.
      await tx.query(
        `UPDATE "creators" SET "satisfactionScore" = (SELECT round(avg("rating"), 1) FROM "creator_ratings" WHERE "creatorId" = $1 AND "rating" IS NOT NULL) WHERE "id" = $1`,
        [task.creatorId],
      );
      await appendAudit(tx, { actor, action: 'collaboration.creator_rated', entity: 'Collaboration', entityId: collaborationId, after: { rating, note: note ?? null } });
      return tx.findOneByOrFail(CreatorRating, { id: task.id });
    });
  }

  /** The open rating tasks within the actor's reach, oldest first. */
  async openTasks(actor: Actor): Promise<RatingTask[]> {
    const owners = await this.reach.owners(actor, BOOKING_ACT);
    if (owners !== 'all' && owners.length === 0) return [];
    const tasks = await this.db.getRepository(CreatorRating).find({
      where: { rating: IsNull(), ...(owners === 'all' ? {} : { talentManagerId: In(owners) }) },
      order: { requestedAt: 'ASC' },
      take: 500,
    });
    if (tasks.length === 0) return [];
    const names: Array<{ collaborationId: string; creatorName: string; campaignName: string }> = await this.db.query(
      `SELECT c."id" AS "collaborationId", cr."name" AS "creatorName", ca."name" AS "campaignName"
         FROM "collaborations" c JOIN "creators" cr ON cr."id" = c."creatorId" JOIN "campaigns" ca ON ca."id" = c."campaignId"
        WHERE c."id" = ANY($1)`,
      [tasks.map((task) => task.collaborationId)],
    );
    const byId = new Map(names.map((row) => [row.collaborationId, row]));
    return tasks.map((task) => ({
      collaborationId: task.collaborationId,
      creatorId: task.creatorId,
      creatorName: byId.get(task.collaborationId)?.creatorName ?? '',
      campaignName: byId.get(task.collaborationId)?.campaignName ?? '',
      talentManagerId: task.talentManagerId,
      requestedAt: task.requestedAt,
      remindedAt: task.remindedAt,
    }));
  }

  /** The rating record of a collaboration (open or recorded). */
  async ofCollaboration(collaborationId: string): Promise<CreatorRating> {
    await this.decisions.findOne(collaborationId);
    const task = await this.db.getRepository(CreatorRating).findOneBy({ collaborationId });
    if (!task) throw new NotFoundException(`Collaboration ${collaborationId} has no satisfaction rating yet: it is requested once the fee is paid`);
    return task;
  }

}
