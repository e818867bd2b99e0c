import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource, IsNull } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../libs/config/config';
import { Collaboration, CreatorRating, Notification } from '../libs/domain/entities';
import { parseDuration } from '../libs/domain/rules/duration';
import { DEFAULT_SATISFACTION_REMINDER } from '../libs/domain/rules/satisfaction';
import { NotificationChannels, type NotificationSender } from './notification-channels';

/** What a rating request needs: the collaboration and the step's idempotency key. */
export interface SatisfactionStepInput {
  collaborationId: string;
  at: string;
  eventKey: string;
}

/**
 * Creator satisfaction, requested when a collaboration's fee is paid: a task for its talent
 * manager (the `creator_ratings` row, open while unrated) and, if still open after the
 * configured time, a reminder. Both are idempotent: one row per collaboration, one
 * notification per event key.
 */
@Injectable()
export class SatisfactionActivities {
  private readonly remindAfterMs: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional() @Inject(APP_CONFIG) config?: Pick<AppConfig, 'satisfactionReminderMs'>,
    // Every channel beside the inbox (e-mail, team webhooks); the name predates webhooks and other activities call it.
    @Optional() @Inject(NotificationChannels) private readonly email?: NotificationSender,
  ) {
    this.remindAfterMs = config?.satisfactionReminderMs ?? parseDuration(DEFAULT_SATISFACTION_REMINDER);
  }

  /** Opens the rating task; answers how long the workflow waits before reminding (configuration, recorded in history). */
  async requestSatisfactionRating(input: SatisfactionStepInput): Promise<{ remindAfterMs: number }> {
    await this.db.transaction(async (tx) => {
      const collaboration = await tx.findOneBy(Collaboration, { id: input.collaborationId });
      if (!collaboration) throw ApplicationFailure.nonRetryable(`Collaboration ${input.collaborationId} does not exist`, 'CollaborationNotFound');
      await tx
        .createQueryBuilder()
        .insert()
        .into(CreatorRating)
        .values({ collaborationId: collaboration.id, creatorId: collaboration.creatorId, talentManagerId: collaboration.talentManagerId, requestedAt: new Date(input.at) })
        .orIgnore()
        .execute();
      await tx
        .createQueryBuilder()
        .insert()
        .into(Notification)
        .values({
          recipientId: collaboration.talentManagerId,
          collaborationId: collaboration.id,
          kind: 'SATISFACTION_RATING_REQUESTED',
          message: "The creator's fee is paid: record how satisfied the creator was with this collaboration (1–5).",
          eventKey: input.eventKey,
        })
        .orIgnore()
        .execute();
    });
    await this.email?.deliverByEventKey(input.eventKey);
    return { remindAfterMs: this.remindAfterMs };
  }

  /** Reminds the talent manager when the rating is still not recorded; nothing when it is. */
  async remindSatisfactionRating(input: SatisfactionStepInput): Promise<{ reminded: boolean }> {
    const result = await this.db.transaction(async (tx) => {
      const task = await tx.findOneBy(CreatorRating, { collaborationId: input.collaborationId });
      if (!task || task.rating !== null) return { reminded: false };
      await tx
        .createQueryBuilder()
        .insert()
        .into(Notification)
        .values({
          recipientId: task.talentManagerId,
          collaborationId: task.collaborationId,
          kind: 'SATISFACTION_RATING_DUE',
          message: "Reminder: the creator's satisfaction rating for this collaboration is still not recorded.",
          eventKey: input.eventKey,
        })
        .orIgnore()
        .execute();
      await tx.update(CreatorRating, { id: task.id, rating: IsNull() }, { remindedAt: new Date(input.at) });
      return { reminded: true };
    });
    if (result.reminded) await this.email?.deliverByEventKey(input.eventKey);
    return result;
  }
}
