import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowNotFoundError } from '@temporalio/common';
import { DataSource, EntityManager } from 'typeorm';
import { appendAudit } from '../../../libs/db/audit';
import { findById } from '../../../libs/db/entity-rows';
import { Collaboration, Creator } from '../../../libs/domain/entities';
import { bookingsThatMove, OWNER_ROLES } from '../../../libs/domain/rules/ownership';
import { OPERATIONS_WRITE, OWNER_REASSIGN } from '../../../libs/domain/rules/reach';
import type { Actor } from '../../../libs/domain/rules/roles';
import { TemporalClient } from '../../../libs/temporal/temporal.module';
import { talentManagerChangedSignal } from '../../../workflows/messages';
import { requireActiveUserWithRole } from '../common/references';
import { toHttpError } from '../common/workflow-errors';
import { RecordReach } from '../users/record-reach';
import { ReassignCreatorDto, UpdateCreatorDto } from './creator.dto';

/** The profile fields that change after a creator joined the roster (PATCH /creators/:id). */
export const CREATOR_PROFILE_FIELDS = ['channels', 'audience', 'baseRates', 'preferences', 'availabilityBlocks'] as const satisfies readonly (keyof UpdateCreatorDto & keyof Creator)[];

export interface CreatorReassignment {
  creator: Creator;
  /** Running bookings now run by the new owner. */
  movedBookings: string[];
  /** Bookings left with whoever ran them: ended ones, ones someone else holds, or all when asked. */
  keptBookings: string[];
}

/** A creator as answers show it: the payout token stays in the database. */
function withoutPayoutToken(creator: Creator): Creator {
  const { payoutReference: _kept, ...rest } = creator;
  return Object.assign(new Creator(), rest);
}

/**
 * Changes to a creator after they joined the roster: their profile (channels, audience, rates,
 * preferences, availability) and their owner. The REST API and the panel's record actions both
 * come here, so both are checked, scoped and audited the same way.
 */
@Injectable()
export class CreatorsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reach: RecordReach,
    private readonly temporal: TemporalClient,
  ) {}

  async findOne(id: string): Promise<Creator> {
    const creator = await findById(this.db.manager, Creator, id);
    if (!creator) throw new NotFoundException(`Creator ${id} does not exist`);
    return creator;
  }

  /**
   * Replaces the profile fields given. Nothing running reads them back: the conflict check reads
   * availability when it runs, rankings read the rest when asked, agreed terms keep their fee
   * (docs/domain.md#what-edits-reach-running-bookings).
   */
  async updateProfile(id: string, dto: UpdateCreatorDto, actor: Actor): Promise<Creator> {
    const fields = CREATOR_PROFILE_FIELDS.filter((field) => dto[field] !== undefined);
    if (fields.length === 0) throw new BadRequestException(`Nothing to change: send at least one of ${CREATOR_PROFILE_FIELDS.join(', ')}`);
    for (const block of dto.availabilityBlocks ?? []) {
      if (block.end < block.start) throw new BadRequestException(`availabilityBlocks: ${block.start} to ${block.end} ends before it starts`);
    }
    const creator = await this.findOne(id);
    await this.reach.require(actor, OPERATIONS_WRITE, creator.ownerId, `Creator ${id}`);
    return this.db.transaction(async (tx) => {
      const before = Object.fromEntries(fields.map((field) => [field, creator[field]]));
      const after = Object.fromEntries(fields.map((field) => [field, instanceToPlain(dto[field])]));
      await tx.update(Creator, { id }, after);
      await appendAudit(tx, { actor, action: 'creator.updated', entity: 'Creator', entityId: id, before, after });
      return withoutPayoutToken(await tx.findOneByOrFail(Creator, { id }));
    });
  }

  /**
   * Hands the creator to another owner, with a reason, audited. A manager reassigns within their
   * team, an admin anywhere. Running bookings the previous owner holds move with the creator
   * (their rows and their workflows, which route reminders and check who may drop or approve),
   * unless `moveRunningBookings` is false; ended ones stay (bookingsThatMove).
   */
  async reassign(id: string, dto: ReassignCreatorDto, actor: Actor): Promise<CreatorReassignment> {
    const creator = await this.findOne(id);
    await this.reach.require(actor, OWNER_REASSIGN, creator.ownerId, `Creator ${id}`);
    if (!(await this.reach.allows(actor, OWNER_REASSIGN, dto.toUserId))) {
      throw new ForbiddenException('A manager hands creators only to someone in their team');
    }
    if (dto.toUserId === creator.ownerId) throw new ConflictException(`Creator ${id} is already owned by ${dto.toUserId}`);
    return this.db.transaction(async (tx) => {
      await requireActiveUserWithRole(tx, 'toUserId', dto.toUserId, OWNER_ROLES.creator);
      const bookings = await tx.find(Collaboration, { where: { creatorId: id }, select: { id: true, talentManagerId: true, stage: true, workflowId: true } });
      const { move, stay } = bookingsThatMove(bookings, creator.ownerId, dto.moveRunningBookings ?? true);
      await tx.update(Creator, { id }, { ownerId: dto.toUserId });
      await appendAudit(tx, {
        actor,
        action: 'creator.reassigned',
        entity: 'Creator',
        entityId: id,
        before: { ownerId: creator.ownerId },
        after: { ownerId: dto.toUserId, reason: dto.reason, movedBookings: move.map((b) => b.id) },
      });
      for (const booking of move) await this.moveBooking(tx, booking, dto, actor);
      return { creator: withoutPayoutToken(await tx.findOneByOrFail(Creator, { id })), movedBookings: move.map((b) => b.id), keptBookings: stay.map((b) => b.id) };
    });
  }

  /**
   * One booking to the new owner: its row, then its workflow. Told inside the transaction, so a
   * Temporal outage refuses the whole reassignment (503) rather than leave rows and workflows apart.
   */
  private async moveBooking(tx: EntityManager, booking: Collaboration, dto: ReassignCreatorDto, actor: Actor): Promise<void> {
    await tx.update(Collaboration, { id: booking.id }, { talentManagerId: dto.toUserId });
    await appendAudit(tx, {
      actor,
      action: 'collaboration.talent_manager_changed',
      entity: 'Collaboration',
      entityId: booking.id,
      before: { talentManagerId: booking.talentManagerId },
      after: { talentManagerId: dto.toUserId, reason: dto.reason },
    });
    if (!booking.workflowId) return;
    try {
      await this.temporal.client.workflow.getHandle(booking.workflowId).signal(talentManagerChangedSignal, { actor, talentManagerId: dto.toUserId });
    } catch (error) {
      // Not started yet, or already closed: the row is all there is to move.
      if (error instanceof WorkflowNotFoundError) return;
      throw toHttpError(error, `Collaboration ${booking.id}`);
    }
  }
}

/** DTO instances as the plain JSON stored in jsonb columns. */
function instanceToPlain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}
