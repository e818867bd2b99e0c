import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UpdateDefinition } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { findById } from '../../../libs/db/entity-rows';
import { Collaboration } from '../../../libs/domain/entities';
import { BOOKING_ACT, MONEY_READ, type ReachByRole } from '../../../libs/domain/rules/reach';
import type { Actor } from '../../../libs/domain/rules/roles';
import { TemporalClient } from '../../../libs/temporal/temporal.module';
import type { CollaborationState } from '../../../workflows/messages';
import { requestFingerprint, RequestKeys } from '../common/request-keys';
import { toHttpError } from '../common/workflow-errors';
import { RecordReach } from '../users/record-reach';

export function collaborationMissing(id: string): NotFoundException {
  return new NotFoundException(`Collaboration ${id} does not exist`);
}

/**
 * How every human decision on a collaboration reaches its workflow: the collaboration must
 * exist and be within the actor's reach (checked before the workflow is asked, so a refusal
 * changes nothing), then one Temporal update whose id is derived from the client's request id,
 * so a retried request is the same decision, answered the same way. Used by the services of
 * collaborations, contracts, deliverables, payouts and escalations.
 */
@Injectable()
export class CollaborationDecisions {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly temporal: TemporalClient,
    private readonly reach: RecordReach,
    private readonly requestKeys: RequestKeys,
  ) {}

  async findOne(id: string): Promise<Collaboration> {
    // Every decision starts here: plain SQL, without TypeORM building the query each time.
    const collaboration = await findById(this.db.manager, Collaboration, id);
    if (!collaboration) throw collaborationMissing(id);
    return collaboration;
  }

  /**
   * The collaboration, when the actor may decide on it: a talent manager on their own, a
   * manager on their team's (docs/access.md).
   */
  async inReach(id: string, actor: Actor, reach: ReachByRole = BOOKING_ACT, what = `Collaboration ${id}`): Promise<Collaboration> {
    return this.requireReach(await this.findOne(id), actor, reach, what);
  }

  /** `inReach` for a collaboration the caller has read itself (with more in the same statement). */
  async requireReach(collaboration: Collaboration, actor: Actor, reach: ReachByRole = BOOKING_ACT, what = `Collaboration ${collaboration.id}`): Promise<Collaboration> {
    await this.reach.require(actor, reach, collaboration.talentManagerId, what);
    return collaboration;
  }

  /** True when the actor reaches the collaboration's money details (its payout: MONEY_READ). */
  reachesMoney(actor: Actor, collaboration: Collaboration): Promise<boolean> {
    return this.reach.allows(actor, MONEY_READ, collaboration.talentManagerId);
  }

  /** A decision for the collaboration's own workflow. */
  async decide<Input extends { actor: Actor }>(
    id: string,
    update: UpdateDefinition<CollaborationState, [Input]>,
    input: Input,
    requestId?: string,
  ): Promise<CollaborationState> {
    const collaboration = await this.inReach(id, input.actor);
    return this.send(id, collaboration.workflowId!, update, input, requestId);
  }

  /**
   * One Temporal update to `workflowId` (the collaboration's, or a child's such as its payout);
   * `notStarted` answers a 409 when that workflow does not exist yet.
   */
  async send<State, Input>(
    id: string,
    workflowId: string,
    update: UpdateDefinition<State, [Input]>,
    input: Input,
    requestId?: string,
    notStarted?: string,
  ): Promise<State> {
    return this.requestKeys.run(requestId, requestFingerprint(workflowId, update.name, input), async (attemptId) => {
      try {
        return await this.temporal.client.workflow.getHandle(workflowId).executeUpdate(update, { args: [input], updateId: `${update.name}:${attemptId}` });
      } catch (error) {
        if (notStarted && error instanceof WorkflowNotFoundError) throw new ConflictException(notStarted);
        throw toHttpError(error, `Collaboration ${id}`);
      }
    });
  }
}
