import { ConflictException, HttpException, Inject, Injectable, Logger, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../../libs/config/config';
import { appendAudit } from '../../../libs/db/audit';
import { Campaign, Collaboration, Creator } from '../../../libs/domain/entities';
import { marginBps } from '../../../libs/domain/rules/margin';
import { BOOKING_ACT, MONEY_READ } from '../../../libs/domain/rules/reach';
import { Actor, Role } from '../../../libs/domain/rules/roles';
import { resolveSlaPolicy } from '../../../libs/domain/rules/sla';
import { CreatorStatus } from '../../../libs/domain/rules/statuses';
import { TemporalClient } from '../../../libs/temporal/temporal.module';
import { collaborationWorkflowId } from '../../../libs/temporal/workflow-ids';
import { UpdateDefinition } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { EscalationResolution } from '../../../libs/domain/rules/escalations';
import type { Terms, TermsParty } from '../../../libs/domain/rules/terms';
import { Contract, Deliverable, DraftSubmission, Escalation } from '../../../libs/domain/entities';
import {
  acceptTermsUpdate,
  acknowledgeBriefUpdate,
  approveCommercialsUpdate,
  CollaborationInput,
  counterOfferUpdate,
  proposeTermsUpdate,
  markPostedUpdate,
  recordSignatureUpdate,
  reviewDraftUpdate,
  submitDraftUpdate,
  CollaborationState,
  dropOutUpdate,
  resolveEscalationUpdate,
  stateQuery,
} from '../../../workflows/messages';
import { approvePayoutUpdate, PayoutState, payoutStateQuery, payoutWorkflowId, submitInvoiceUpdate } from '../../../workflows/payout-messages';
import { RecordReach } from '../auth/record-reach';
import { CampaignsService } from '../campaigns/campaigns.service';
import { isUniqueViolation } from '../common/postgres-errors';
import { requireActiveUserWithRole, requireReference } from '../common/references';
import { CreateCollaborationDto } from './collaboration.dto';
import { isUnavailable, toHttpError } from '../common/workflow-errors';

export interface CollaborationView {
  collaboration: Collaboration;
  /** The workflow's own view (query); null when Temporal could not be asked. */
  live: CollaborationState | null;
  liveError?: string;
}

/**
 * Bookings and the decisions people take on them. The REST API and the back office both go
 * through here, so a decision is validated and recorded the same way wherever it is made.
 */
@Injectable()
export class CollaborationsService {
  private readonly logger = new Logger(CollaborationsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly temporal: TemporalClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly campaigns: CampaignsService,
    private readonly reach: RecordReach,
  ) {}

  /**
   * Books a creator on a campaign: the row first, then the campaign's workflow starts the
   * booking's workflow (update id `bookCreator:<collaborationId>`, so sending it again is the
   * same decision). With an Idempotency-Key, a retried request finds the booking it made.
   */
  async create(dto: CreateCollaborationDto, actor: Actor, requestKey?: string): Promise<Collaboration> {
    const earlier = requestKey ? await this.bookingMadeWith(requestKey, dto) : null;
    const { campaign, collaboration } = earlier ?? (await this.insertBooking(dto, actor, requestKey));
    try {
      await this.campaigns.book(campaign, this.workflowInput(campaign, collaboration), actor);
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() < 500) {
        // Refused for good: without its workflow a booking would silently miss every deadline.
        await this.db.query('DELETE FROM "collaborations" WHERE "id" = $1', [collaboration.id]).catch(() => undefined);
      }
      // Otherwise the decision may still apply (Temporal or the worker is slow or down): the row
      // stays, and a retry with the same Idempotency-Key completes the booking.
      this.logger.warn(`booking ${collaboration.id} was not started: ${(error as Error).message}`);
      throw error;
    }
    return collaboration;
  }

  private async bookingMadeWith(requestKey: string, dto: CreateCollaborationDto): Promise<{ campaign: Campaign; collaboration: Collaboration } | null> {
    const collaboration = await this.db.getRepository(Collaboration).findOneBy({ requestKey });
    if (!collaboration) return null;
    if (collaboration.campaignId !== dto.campaignId || collaboration.creatorId !== dto.creatorId) {
      throw new UnprocessableEntityException('This Idempotency-Key was already used for another booking');
    }
    const campaign = await this.db.getRepository(Campaign).findOneByOrFail({ id: collaboration.campaignId });
    return { campaign, collaboration };
  }

  /** What the booking's workflow starts from: ids, SLAs and the campaign's money rules, never personal data. */
  private workflowInput(campaign: Campaign, collaboration: Collaboration): CollaborationInput {
    return {
      collaborationId: collaboration.id,
      campaignId: campaign.id,
      creatorId: collaboration.creatorId,
      brandId: campaign.brandId,
      talentManagerId: collaboration.talentManagerId,
      sla: resolveSlaPolicy(this.config.sla, campaign.slaOverrides),
      currency: campaign.currency,
      marginFloorBps: campaign.marginFloorBps,
    };
  }

  async findOne(id: string): Promise<Collaboration> {
    const collaboration = await this.db.getRepository(Collaboration).findOneBy({ id });
    if (!collaboration) throw new NotFoundException(`Collaboration ${id} does not exist`);
    return collaboration;
  }

  /** The row plus the workflow's live state. */
  async view(id: string): Promise<CollaborationView> {
    const collaboration = await this.findOne(id);
    try {
      const live = await this.temporal.client.workflow.getHandle(collaboration.workflowId!).query(stateQuery);
      return { collaboration, live };
    } catch (error) {
      const reason = isUnavailable(error) ? 'Temporal is unreachable' : (error as Error).message;
      return { collaboration, live: null, liveError: reason };
    }
  }

  /**
   * Sends the brief acknowledgement into the workflow. The same `requestId` (the client's
   * Idempotency-Key) always yields the same single decision, so retries and double clicks are safe.
   */
  acknowledgeBrief(id: string, actor: Actor, requestId?: string): Promise<CollaborationState> {
    return this.decide(id, acknowledgeBriefUpdate, { actor }, requestId);
  }

  /** The agency's offer to the creator ('agency') or the creator's counter-offer ('creator'). */
  offerTerms(id: string, party: TermsParty, actor: Actor, terms: Terms, requestId?: string): Promise<CollaborationState> {
    return this.decide(id, party === 'agency' ? proposeTermsUpdate : counterOfferUpdate, { actor, terms }, requestId);
  }

  acceptTerms(id: string, actor: Actor, requestId?: string): Promise<CollaborationState> {
    return this.decide(id, acceptTermsUpdate, { actor }, requestId);
  }

  approveCommercials(id: string, actor: Actor, reason: string, requestId?: string): Promise<CollaborationState> {
    return this.decide(id, approveCommercialsUpdate, { actor, reason }, requestId);
  }

  /** A signature on one of the booking's contracts (the creator's first, then the agency's). */
  async recordSignature(
    id: string,
    contractId: string,
    actor: Actor,
    signature: { party: 'creator' | 'agency'; documentHash: string },
    requestId?: string,
  ): Promise<CollaborationState> {
    const contract = await this.db.getRepository(Contract).findOneBy({ id: contractId, collaborationId: id });
    if (!contract) throw new NotFoundException(`Contract ${contractId} does not exist on collaboration ${id}`);
    return this.decide(id, recordSignatureUpdate, { actor, contractId, ...signature }, requestId);
  }

  async contracts(id: string): Promise<Contract[]> {
    await this.findOne(id);
    return this.db.getRepository(Contract).find({ where: { collaborationId: id }, order: { createdAt: 'ASC' } });
  }

  /** The booking's deliverables with their draft versions. */
  async deliverables(id: string): Promise<(Deliverable & { drafts: DraftSubmission[] })[]> {
    await this.findOne(id);
    const deliverables = await this.db.getRepository(Deliverable).find({ where: { collaborationId: id }, order: { draftDueAt: 'ASC', type: 'ASC' } });
    const drafts = deliverables.length
      ? await this.db.getRepository(DraftSubmission).find({ where: deliverables.map((d) => ({ deliverableId: d.id })), order: { version: 'ASC' } })
      : [];
    return deliverables.map((d) => Object.assign(d, { drafts: drafts.filter((draft) => draft.deliverableId === d.id) }));
  }

  submitDraft(
    id: string,
    deliverableId: string,
    actor: Actor,
    draft: { assetUrl: string; caption: string; paidPartnershipLabel?: boolean },
    requestId?: string,
  ): Promise<CollaborationState> {
    return this.decide(id, submitDraftUpdate, { actor, deliverableId, ...draft }, requestId);
  }

  reviewDraft(
    id: string,
    deliverableId: string,
    version: number,
    actor: Actor,
    review: { decision: 'approve' | 'request_changes'; feedback?: string },
    requestId?: string,
  ): Promise<CollaborationState> {
    return this.decide(id, reviewDraftUpdate, { actor, deliverableId, version, ...review }, requestId);
  }

  /** A deliverable reported live; the workflow verifies the URL and the caption as posted. */
  markPosted(
    id: string,
    deliverableId: string,
    actor: Actor,
    post: { liveUrl: string; caption: string; paidPartnershipLabel?: boolean },
    requestId?: string,
  ): Promise<CollaborationState> {
    return this.decide(id, markPostedUpdate, { actor, deliverableId, ...post }, requestId);
  }

  /** The payout's live state (its child workflow), once the booking has reached PAYOUT. */
  async payout(id: string, actor: Actor): Promise<PayoutState> {
    const collaboration = await this.findOne(id);
    await this.reach.require(actor, MONEY_READ, collaboration.talentManagerId, `The payout of collaboration ${id}`);
    try {
      return await this.temporal.client.workflow.getHandle(payoutWorkflowId(id)).query(payoutStateQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new NotFoundException(`Collaboration ${id} has no payout yet; it starts in the PAYOUT stage`);
      throw toHttpError(error, `Collaboration ${id}`);
    }
  }

  submitInvoice(id: string, actor: Actor, invoiceNumber: string, requestId?: string): Promise<PayoutState> {
    return this.decidePayout(id, submitInvoiceUpdate, { actor, invoiceNumber }, requestId);
  }

  /** Finance's approval; the workflow refuses the requester and whoever agreed the fee. */
  approvePayout(id: string, actor: Actor, requestId?: string): Promise<PayoutState> {
    return this.decidePayout(id, approvePayoutUpdate, { actor }, requestId);
  }

  private async decidePayout<Input extends { actor: Actor }>(
    id: string,
    update: UpdateDefinition<PayoutState, [Input]>,
    input: Input,
    requestId?: string,
  ): Promise<PayoutState> {
    await this.bookingInReach(id, input.actor);
    return this.send(id, payoutWorkflowId(id), update, input, requestId, `Collaboration ${id} has no payout yet; it starts in the PAYOUT stage`);
  }

  /** The creator leaves the booking; the workflow compensates and tells the manager. */
  dropOut(id: string, actor: Actor, reason: string, requestId?: string): Promise<CollaborationState> {
    return this.decide(id, dropOutUpdate, { actor, reason }, requestId);
  }

  /** A manager's decision on one of the booking's open escalations. */
  async resolveEscalation(
    id: string,
    escalationId: string,
    actor: Actor,
    decision: { resolution: EscalationResolution; reason: string; extendBy?: string },
    requestId?: string,
  ): Promise<CollaborationState> {
    const escalation = await this.db.getRepository(Escalation).findOneBy({ id: escalationId, collaborationId: id });
    if (!escalation) throw new NotFoundException(`Escalation ${escalationId} does not exist on collaboration ${id}`);
    return this.decide(id, resolveEscalationUpdate, { actor, escalationId, ...decision }, requestId);
  }

  /** The booking's escalations, newest first, open and resolved. */
  async escalations(id: string): Promise<Escalation[]> {
    await this.findOne(id);
    return this.db.getRepository(Escalation).find({ where: { collaborationId: id }, order: { raisedAt: 'DESC' } });
  }

  /**
   * Every human decision goes through here: one Temporal update whose id is derived from the
   * client's request id, so a retried request is the same decision, answered the same way.
   */
  private async decide<Input extends { actor: Actor }>(
    id: string,
    update: UpdateDefinition<CollaborationState, [Input]>,
    input: Input,
    requestId?: string,
  ): Promise<CollaborationState> {
    const collaboration = await this.bookingInReach(id, input.actor);
    return this.send(id, collaboration.workflowId!, update, input, requestId);
  }

  /**
   * The booking, when the actor may decide on it: a talent manager on their own, a manager on
   * their team's (docs/access.md). Checked before the workflow is asked, so a refusal changes nothing.
   */
  private async bookingInReach(id: string, actor: Actor): Promise<Collaboration> {
    const collaboration = await this.findOne(id);
    await this.reach.require(actor, BOOKING_ACT, collaboration.talentManagerId, `Collaboration ${id}`);
    return collaboration;
  }

  /** One Temporal update; the request id makes a retried request the same decision. */
  private async send<State, Input>(
    id: string,
    workflowId: string,
    update: UpdateDefinition<State, [Input]>,
    input: Input,
    requestId: string = randomUUID(),
    notStarted?: string,
  ): Promise<State> {
    try {
      return await this.temporal.client.workflow.getHandle(workflowId).executeUpdate(update, { args: [input], updateId: `${update.name}:${requestId}` });
    } catch (error) {
      if (notStarted && error instanceof WorkflowNotFoundError) throw new ConflictException(notStarted);
      throw toHttpError(error, `Collaboration ${id}`);
    }
  }

  private async insertBooking(dto: CreateCollaborationDto, actor: Actor, requestKey?: string): Promise<{ campaign: Campaign; collaboration: Collaboration }> {
    try {
      return await this.db.transaction(async (tx) => {
        const campaign = await requireReference(tx, Campaign, 'campaignId', dto.campaignId);
        const creator = await requireReference(tx, Creator, 'creatorId', dto.creatorId);
        if (creator.status !== CreatorStatus.Active) {
          throw new UnprocessableEntityException(`Creator ${creator.id} is ${creator.status}; only active creators can be booked`);
        }
        const talentManagerId = dto.talentManagerId ?? creator.ownerId;
        await requireActiveUserWithRole(tx, 'talentManagerId', talentManagerId, [Role.TalentManager, Role.Manager]);
        const sla = resolveSlaPolicy(this.config.sla, campaign.slaOverrides);
        const margin =
          dto.brandPriceMinor !== undefined && dto.creatorFeeMinor !== undefined ? marginBps(dto.brandPriceMinor, dto.creatorFeeMinor) : null;

        const id = randomUUID();
        const collaboration = await tx.save(
          tx.create(Collaboration, {
            id,
            campaignId: campaign.id,
            creatorId: creator.id,
            talentManagerId,
            currency: campaign.currency,
            brandPriceMinor: dto.brandPriceMinor ?? null,
            creatorFeeMinor: dto.creatorFeeMinor ?? null,
            marginBps: margin,
            workflowId: collaborationWorkflowId(id),
            requestKey: requestKey ?? null,
          }),
        );
        collaboration.requestKey = undefined; // internal: not part of the answer
        await appendAudit(tx, {
          actor,
          action: 'collaboration.created',
          entity: 'Collaboration',
          entityId: id,
          after: { campaignId: campaign.id, creatorId: creator.id, talentManagerId, sla },
        });
        return { campaign, collaboration };
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        // The same request racing itself: the other attempt made the booking.
        const earlier = requestKey ? await this.bookingMadeWith(requestKey, dto) : null;
        if (earlier) return earlier;
        throw new ConflictException('This creator is already booked on this campaign');
      }
      throw error;
    }
  }
}
