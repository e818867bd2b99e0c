import { BadRequestException, ConflictException, Injectable, Logger, NotFoundException, OnApplicationBootstrap, OnApplicationShutdown, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, MoreThan, Not, In } from 'typeorm';
import { appendAudit } from '../../../libs/db/audit';
import { Brand, Campaign, type CampaignBrief } from '../../../libs/domain/entities';
import { newRecordOwner, OWNER_ROLES } from '../../../libs/domain/rules/ownership';
import { OPERATIONS_WRITE } from '../../../libs/domain/rules/reach';
import type { Actor } from '../../../libs/domain/rules/roles';
import { CampaignStatus } from '../../../libs/domain/rules/statuses';
import { TemporalClient } from '../../../libs/temporal/temporal.module';
import { campaignWorkflowId } from '../../../libs/temporal/workflow-ids';
import {
  bookCreatorUpdate,
  CampaignBooking,
  campaignStateQuery,
  CampaignState,
  cancelCampaignUpdate,
  closeBookingsUpdate,
  rescheduleCloseSignal,
} from '../../../workflows/campaign-messages';
import type { campaignWorkflow } from '../../../workflows/campaign.workflow';
import type { CollaborationInput } from '../../../workflows/messages';
import { BrandIdKey, CampaignIdKey } from '../../../workflows/search-attributes';
import { RecordReach } from '../users/record-reach';
import { requireActiveUserWithRole, requireReference } from '../common/references';
import { requestFingerprint, RequestKeys } from '../common/request-keys';
import { isUnavailable, retryWhileBusy, toHttpError } from '../common/workflow-errors';
import { CampaignBriefDto, CampaignTargetingDto, CreateCampaignDto } from './campaign.dto';
import { tellBookingsOfBriefChange } from './brief-change';

const TARGETING_FIELDS = [
  'targetNiches', 'targetPlatforms', 'deliverableTypes', 'creatorFeeMinMinor', 'creatorFeeMaxMinor', 'brandSafetyExclusions', 'targetAudience',
] as const satisfies readonly (keyof CampaignTargetingDto & keyof Campaign)[];

function checkFeeRange(min: number | null | undefined, max: number | null | undefined): void {
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    throw new BadRequestException(`creatorFeeMinMinor (${min}) must not be above creatorFeeMaxMinor (${max})`);
  }
}

const BRIEF_FIELDS = ['keyMessages', 'dos', 'donts', 'deliverableSpecs', 'disclosureRequirements', 'requiresNda'] as const satisfies readonly (keyof CampaignBriefDto & keyof CampaignBrief)[];

export interface BriefUpdate {
  campaign: Campaign;
  /** Running bookings told of the change; those that had acknowledged the brief ask for a fresh acknowledgement. */
  bookingsTold: string[];
}

export interface CampaignView {
  campaign: Campaign;
  /** The campaign workflow's own view (query); null when Temporal could not be asked. */
  live: CampaignState | null;
  liveError?: string;
}

/**
 * Campaigns and their workflow: creating one starts it; collaborations, closing and cancelling are
 * decisions sent into it, so the API and the back office go through the same checks.
 */
/** How often the API looks for campaigns whose workflow start went unanswered (reconcileWorkflows). */
const RECONCILE_EVERY_MS = 30_000;
/** Older rows without a workflow are campaigns from before workflows: they get one at their first booking. */
const RECONCILE_WITHIN_MS = 86_400_000;

@Injectable()
export class CampaignsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CampaignsService.name);
  private reconciler?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly temporal: TemporalClient,
    private readonly reach: RecordReach,
    private readonly requestKeys: RequestKeys,
  ) {}

  async create(dto: CreateCampaignDto, actor: Actor): Promise<Campaign> {
    if (dto.endsOn < dto.startsOn) throw new BadRequestException('endsOn must not be before startsOn');
    checkFeeRange(dto.creatorFeeMinMinor, dto.creatorFeeMaxMinor);
    // A campaign whose last day is over would close itself the moment it started.
    if (closesAt(dto.endsOn) <= new Date().toISOString()) throw new BadRequestException(`endsOn ${dto.endsOn} has passed; a new campaign must end today or later`);
    const ownerId = newRecordOwner(OWNER_ROLES.campaign, actor, dto.ownerId);
    if (!ownerId) throw new UnprocessableEntityException('ownerId is required: name who runs this campaign');
    const campaign = await this.db.transaction(async (tx) => {
      await requireReference(tx, Brand, 'brandId', dto.brandId);
      await requireActiveUserWithRole(tx, 'ownerId', ownerId, OWNER_ROLES.campaign);
      const id = randomUUID();
      // workflowId is set once the workflow is known to run: until then the campaign is pending.
      const saved = await tx.save(tx.create(Campaign, { ...dto, id, ownerId, workflowId: null }));
      await appendAudit(tx, {
        actor,
        action: 'campaign.created',
        entity: 'Campaign',
        entityId: saved.id,
        after: { name: saved.name, brandId: saved.brandId, budgetMinor: saved.budgetMinor, currency: saved.currency },
      });
      return saved;
    });
    try {
      await this.startWorkflow(campaign);
    } catch (error) {
      if (isUnavailable(error)) {
        // Temporal may have started the workflow before the answer was lost (a timeout): deleting
        // the row would orphan it. Kept, pending (no workflowId); reconcileWorkflows, or the first
        // booking, starts it with the same workflow id, which Temporal never runs twice.
        this.logger.warn(`the workflow start for campaign ${campaign.id} went unanswered; kept pending, to be reconciled: ${(error as Error).message}`);
        return campaign;
      }
      // Refused outright: nothing started, and a campaign without its workflow could take no collaborations.
      await this.db.getRepository(Campaign).delete({ id: campaign.id }).catch(() => undefined);
      this.logger.error(`could not start the workflow for campaign ${campaign.id}: ${(error as Error).message}`);
      throw toHttpError(error, `Campaign ${campaign.id}`);
    }
    campaign.workflowId = campaignWorkflowId(campaign.id);
    return campaign;
  }

  onApplicationBootstrap(): void {
    this.reconciler = setInterval(() => void this.reconcileWorkflows().catch(() => undefined), RECONCILE_EVERY_MS);
    this.reconciler.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.reconciler);
  }

  /**
   * Campaigns created recently whose workflow start went unanswered: started now, idempotently
   * (same workflow id; one already running is kept), then marked with their workflow id. Any
   * API process may do it, at any time. Returns the campaigns reconciled.
   */
  async reconcileWorkflows(): Promise<string[]> {
    const pending = await this.db.getRepository(Campaign).find({
      where: { workflowId: IsNull(), createdAt: MoreThan(new Date(Date.now() - RECONCILE_WITHIN_MS)), status: Not(In([CampaignStatus.Completed, CampaignStatus.Cancelled])) },
      take: 50,
    });
    const done: string[] = [];
    for (const campaign of pending) {
      try {
        await this.startWorkflow(campaign);
        done.push(campaign.id);
      } catch (error) {
        this.logger.warn(`campaign ${campaign.id} still has no workflow: ${(error as Error).message}`);
      }
    }
    return done;
  }

  async findOne(id: string): Promise<Campaign> {
    const campaign = await this.db.getRepository(Campaign).findOneBy({ id });
    if (!campaign) throw new NotFoundException(`Campaign ${id} does not exist`);
    return campaign;
  }

  /** Edits what the creator ranking reads from the brief; audited with the values before and after. */
  async updateTargeting(id: string, dto: CampaignTargetingDto, actor: Actor): Promise<Campaign> {
    const campaign = await this.campaignInReach(id, actor);
    const fields = TARGETING_FIELDS.filter((field) => dto[field] !== undefined);
    const next = { ...campaign, ...Object.fromEntries(fields.map((field) => [field, dto[field]])) } as Campaign;
    checkFeeRange(next.creatorFeeMinMinor, next.creatorFeeMaxMinor);
    return this.db.transaction(async (tx) => {
      const before = Object.fromEntries(fields.map((field) => [field, campaign[field]]));
      const after = Object.fromEntries(fields.map((field) => [field, next[field]]));
      await tx.update(Campaign, { id }, after);
      await appendAudit(tx, { actor, action: 'campaign.targeting_updated', entity: 'Campaign', entityId: id, before, after });
      return tx.findOneByOrFail(Campaign, { id });
    });
  }

  /**
   * Edits the brief: each field given replaces the stored one. Bookings that acknowledged the brief
   * and whose content is not final yet are told, and ask for a fresh acknowledgement before their
   * next draft (docs/workflow-stages.md#brief-changes). Told inside the transaction: if Temporal
   * cannot be reached the edit is refused (503) and nothing is saved.
   */
  async updateBrief(id: string, dto: CampaignBriefDto, actor: Actor): Promise<BriefUpdate> {
    const fields = BRIEF_FIELDS.filter((field) => dto[field] !== undefined);
    if (fields.length === 0) throw new BadRequestException(`Nothing to change: send at least one of ${BRIEF_FIELDS.join(', ')}`);
    const campaign = await this.campaignInReach(id, actor);
    if (campaign.status === CampaignStatus.Completed || campaign.status === CampaignStatus.Cancelled) {
      throw new ConflictException(`Campaign ${id} is ${campaign.status}; its brief is kept as it ran`);
    }
    const brief: CampaignBrief = { ...campaign.brief, ...Object.fromEntries(fields.map((field) => [field, dto[field]])) };
    return this.db.transaction(async (tx) => {
      await tx.update(Campaign, { id }, { brief });
      await appendAudit(tx, { actor, action: 'campaign.brief_updated', entity: 'Campaign', entityId: id, before: { brief: campaign.brief }, after: { brief } });
      const bookingsTold = await tellBookingsOfBriefChange(tx, this.temporal.client, id, actor);
      return { campaign: await tx.findOneByOrFail(Campaign, { id }), bookingsTold };
    });
  }

  async view(id: string): Promise<CampaignView> {
    const campaign = await this.findOne(id);
    try {
      const live = await this.temporal.client.workflow.getHandle(campaignWorkflowId(campaign.id)).query(campaignStateQuery);
      return { campaign, live };
    } catch (error) {
      return { campaign, live: null, liveError: isUnavailable(error) ? 'Temporal is unreachable' : (error as Error).message };
    }
  }

  /** Books a creator: the campaign's workflow starts the collaboration's workflow as its child. */
  async book(campaign: Campaign, booking: CollaborationInput, actor: Actor): Promise<CampaignBooking> {
    requireOpen(campaign);
    try {
      // Campaigns created before they had workflows get theirs on their first new collaboration.
      await this.startWorkflow(campaign);
      const send = () =>
        this.temporal.client.workflow
          .getHandle(campaignWorkflowId(campaign.id))
          .executeUpdate(bookCreatorUpdate, { args: [{ actor, booking }], updateId: `bookCreator:${booking.collaborationId}` });
      // Many creators booked on one campaign at once can exceed Temporal's updates-in-flight limit.
      return await retryWhileBusy(send);
    } catch (error) {
      throw toHttpError(error, `Campaign ${campaign.id}`);
    }
  }

  /** No more collaborations; the campaign completes once its collaborations have ended. */
  async close(id: string, actor: Actor, reason: string | undefined, requestId?: string): Promise<CampaignState> {
    const campaign = await this.campaignInReach(id, actor);
    requireOpen(campaign);
    return this.requestKeys.run(requestId, requestFingerprint(`campaign:${campaign.id}`, closeBookingsUpdate.name, { actor, reason }), (attemptId) =>
      this.decide(campaign, closeBookingsUpdate.name, () =>
        this.handle(campaign).executeUpdate(closeBookingsUpdate, { args: [{ actor, reason }], updateId: `closeBookings:${attemptId}` }),
      ),
    );
  }

  /** Cancels the campaign; every collaboration whose content is not live yet is wound down with compensation. */
  async cancel(id: string, actor: Actor, reason: string, requestId?: string): Promise<CampaignState> {
    const campaign = await this.campaignInReach(id, actor);
    return this.requestKeys.run(requestId, requestFingerprint(`campaign:${campaign.id}`, cancelCampaignUpdate.name, { actor, reason }), (attemptId) =>
      this.decide(campaign, cancelCampaignUpdate.name, () =>
        this.handle(campaign).executeUpdate(cancelCampaignUpdate, { args: [{ actor, reason }], updateId: `cancelCampaign:${attemptId}` }),
      ),
    );
  }

  /**
   * After the end date was edited (panel): the running workflow closes collaborations at the new time.
   * A campaign without a running workflow (none yet, or ended) has nothing to move.
   */
  async followEndDate(id: string): Promise<void> {
    const campaign = await this.findOne(id);
    try {
      await this.handle(campaign).signal(rescheduleCloseSignal, { closesAt: closesAt(campaign.endsOn) });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return;
      throw toHttpError(error, `Campaign ${campaign.id}`);
    }
  }

  /** The campaign, when the actor may decide on it: its owner, their manager, or an admin (docs/access.md). */
  private async campaignInReach(id: string, actor: Actor): Promise<Campaign> {
    const campaign = await this.findOne(id);
    await this.reach.require(actor, OPERATIONS_WRITE, campaign.ownerId, `Campaign ${id}`);
    return campaign;
  }

  private handle(campaign: Campaign) {
    return this.temporal.client.workflow.getHandle(campaignWorkflowId(campaign.id));
  }

  private async decide(campaign: Campaign, what: string, send: () => Promise<CampaignState>): Promise<CampaignState> {
    try {
      return await send();
    } catch (error) {
      if (campaign.status === CampaignStatus.Completed || campaign.status === CampaignStatus.Cancelled) {
        throw new ConflictException(`Campaign ${campaign.id} is ${campaign.status}`);
      }
      this.logger.warn(`${what} for campaign ${campaign.id} refused: ${(error as Error).message}`);
      throw toHttpError(error, `Campaign ${campaign.id}`);
    }
  }

  /** Starts the campaign's workflow; one that is already running is left as it is. */
  private async startWorkflow(campaign: Campaign): Promise<void> {
    try {
      await this.temporal.client.workflow.start<typeof campaignWorkflow>('campaignWorkflow', {
        workflowId: campaignWorkflowId(campaign.id),
        taskQueue: this.temporal.taskQueue,
        args: [{ campaignId: campaign.id, closesAt: closesAt(campaign.endsOn) }],
        workflowIdConflictPolicy: 'USE_EXISTING',
        // A campaign that has ended stays ended: its id is never reused for a new run.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: CampaignIdKey, value: campaign.id },
          { key: BrandIdKey, value: campaign.brandId },
        ],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    if (!campaign.workflowId) await this.db.getRepository(Campaign).update({ id: campaign.id }, { workflowId: campaignWorkflowId(campaign.id) });
  }
}

/** The campaign takes collaborations until the end of its last day (UTC). */
export function closesAt(endsOn: string): string {
  return `${endsOn}T23:59:59.999Z`;
}

function requireOpen(campaign: Campaign): void {
  if (campaign.status === CampaignStatus.Completed || campaign.status === CampaignStatus.Cancelled) {
    throw new ConflictException(`Campaign ${campaign.id} is ${campaign.status}; it takes no more bookings`);
  }
}
