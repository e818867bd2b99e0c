import { ConflictException, HttpException, Inject, Injectable, Logger, NotFoundException, ServiceUnavailableException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../../libs/config/config';
import { appendAudit } from '../../../libs/db/audit';
import { BookingRiskFlag, Campaign, Collaboration, Creator } from '../../../libs/domain/entities';
import { marginBps } from '../../../libs/domain/rules/margin';
import { payoutWithoutMoney } from '../../../libs/domain/rules/money-visibility';
import { Actor, Party, Role } from '../../../libs/domain/rules/roles';
import { DraftReviewer } from '../../../libs/domain/rules/portal-links';
import { isTerminal } from '../../../libs/domain/rules/stages';
import { PortalLinks } from '../../../libs/portal/portal-links';
import { LocalDiskUploadStore } from '../../../libs/storage/upload-store';
import { BOOKING_ACT } from '../../../libs/domain/rules/reach';
import { EmailDelivery } from '../../../activities/email-delivery';
import { PortalInvitations } from '../../../activities/portal-invitations';
import { resolveSlaPolicy } from '../../../libs/domain/rules/sla';
import { CreatorStatus } from '../../../libs/domain/rules/statuses';
import type { TermsParty, Terms } from '../../../libs/domain/rules/terms';
import { TemporalClient } from '../../../libs/temporal/temporal.module';
import { collaborationWorkflowId } from '../../../libs/temporal/workflow-ids';
import {
  acceptTermsUpdate,
  acknowledgeBriefUpdate,
  approveCommercialsUpdate,
  CollaborationInput,
  CollaborationState,
  counterOfferUpdate,
  dropOutUpdate,
  proposeTermsUpdate,
  stateQuery,
} from '../../../workflows/messages';
import { CampaignsService } from '../campaigns/campaigns.service';
import { isUniqueViolation } from '../common/postgres-errors';
import { requireActiveUserWithRole, requireReference } from '../common/references';
import { isUnavailable } from '../common/workflow-errors';
import { CreateCollaborationDto } from './collaboration.dto';
import { collaborationMissing, CollaborationDecisions } from './collaboration-decisions';
import { ProjectedState, readBookingWithProjection } from './collaboration-projection';

/** Open risks on the booking, kept beside the workflow (e.g. UNDERPERFORMING while its creator carries an underperformer flag). */
type RiskFlags = Array<Pick<BookingRiskFlag, 'kind' | 'detail' | 'raisedAt' | 'sourceFlagId'>>;

/**
 * GET /collaborations/:id by default: the row and the state the workflow projected onto the
 * database (docs/projections.md). No Temporal query: reads never wake the workflow.
 */
export interface CollaborationProjectedView {
  collaboration: Collaboration;
  state: ProjectedState;
  /** When the newest row the state was read from was written. */
  stateAsOf: string;
  riskFlags: RiskFlags;
}

/** GET /collaborations/:id?live=true and the panel's live view: the workflow's own answer to its `state` query. */
export interface CollaborationView {
  collaboration: Collaboration;
  /** The workflow's own view (query); null when Temporal could not be asked. */
  live: CollaborationState | null;
  liveError?: string;
  riskFlags: RiskFlags;
}

/**
 * Collaborations (one creator booked on one campaign) and the decisions taken on the
 * collaboration itself. The REST API and the back office both go through here, so a decision is
 * validated and recorded the same way wherever it is made. Decisions on its contracts,
 * deliverables, payout and escalations live in those folders' services.
 */
@Injectable()
export class CollaborationsService {
  private readonly logger = new Logger(CollaborationsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly temporal: TemporalClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly campaigns: CampaignsService,
    private readonly decisions: CollaborationDecisions,
  ) {}

  /**
   * Books a creator on a campaign: the row first, then the campaign's workflow starts the
   * collaboration's workflow (update id `bookCreator:<collaborationId>`, so sending it again is the
   * same decision). With an Idempotency-Key, a retried request finds the collaboration it made.
   */
  async create(dto: CreateCollaborationDto, actor: Actor, requestKey?: string): Promise<Collaboration> {
    const earlier = requestKey ? await this.collaborationMadeWith(requestKey, dto) : null;
    const { campaign, collaboration } = earlier ?? (await this.insertCollaboration(dto, actor, requestKey));
    try {
      await this.campaigns.book(campaign, this.workflowInput(campaign, collaboration), actor);
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() < 500) {
        // Refused for good: without its workflow a collaboration would silently miss every deadline.
        await this.db.query('DELETE FROM "collaborations" WHERE "id" = $1', [collaboration.id]).catch(() => undefined);
      }
      // Otherwise the decision may still apply (Temporal or the worker is slow or down): the row
      // stays, and a retry with the same Idempotency-Key completes the collaboration.
      this.logger.warn(`booking ${collaboration.id} was not started: ${(error as Error).message}`);
      throw error;
    }
    return collaboration;
  }

  private async collaborationMadeWith(requestKey: string, dto: CreateCollaborationDto): Promise<{ campaign: Campaign; collaboration: Collaboration } | null> {
    const collaboration = await this.db.getRepository(Collaboration).findOneBy({ requestKey });
    if (!collaboration) return null;
    if (collaboration.campaignId !== dto.campaignId || collaboration.creatorId !== dto.creatorId) {
      throw new UnprocessableEntityException('This Idempotency-Key was already used for another booking');
    }
    const campaign = await this.db.getRepository(Campaign).findOneByOrFail({ id: collaboration.campaignId });
    return { campaign, collaboration };
  }

  /** What the collaboration's workflow starts from: ids, SLAs and the campaign's money rules, never personal data. */
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

  findOne(id: string): Promise<Collaboration> {
    return this.decisions.findOne(id);
  }

  /**
   * A collaboration as the actor may read it over the API: within the same reach as its
   * decisions (403 otherwise), its state as projected onto the database, and its payout's
   * details only with money reach.
   */
  async projectedViewFor(id: string, actor: Actor): Promise<CollaborationProjectedView> {
    const found = await readBookingWithProjection(this.db, id);
    if (!found) throw collaborationMissing(id);
    const collaboration = await this.decisions.requireReach(found.collaboration, actor);
    const { state, stateAsOf, riskFlags } = found.projection;
    const reachesMoney = !state.payout || (await this.decisions.reachesMoney(actor, collaboration));
    return { collaboration, state: reachesMoney ? state : payoutWithoutMoney(state), stateAsOf, riskFlags };
  }

  /** The same reach and redaction, with the workflow's live state from a Temporal query (`?live=true`). */
  async viewFor(id: string, actor: Actor): Promise<CollaborationView> {
    const collaboration = await this.decisions.inReach(id, actor);
    const view = await this.liveView(collaboration);
    if (view.live && !(await this.decisions.reachesMoney(actor, collaboration))) return { ...view, live: payoutWithoutMoney(view.live) };
    return view;
  }

  /** The row plus the workflow's live state (for callers that checked reach themselves: the panel's actions). */
  async view(id: string): Promise<CollaborationView> {
    return this.liveView(await this.findOne(id));
  }

  private riskFlags(collaboration: Collaboration): Promise<RiskFlags> {
    return this.db.getRepository(BookingRiskFlag).find({
      select: { kind: true, detail: true, raisedAt: true, sourceFlagId: true },
      where: { collaborationId: collaboration.id, clearedAt: IsNull() },
      order: { raisedAt: 'ASC' },
    });
  }

  private async liveView(collaboration: Collaboration): Promise<CollaborationView> {
    const riskFlags = await this.riskFlags(collaboration);
    try {
      const live = await this.temporal.client.workflow.getHandle(collaboration.workflowId!).query(stateQuery);
      return { collaboration, live, riskFlags };
    } catch (error) {
      const reason = isUnavailable(error) ? 'Temporal is unreachable' : (error as Error).message;
      return { collaboration, live: null, liveError: reason, riskFlags };
    }
  }

  /**
   * Sends the brief acknowledgement into the workflow. The same `requestId` (the client's
   * Idempotency-Key) always yields the same single decision, so retries and double clicks are safe.
   */
  acknowledgeBrief(id: string, actor: Actor, requestId?: string): Promise<CollaborationState> {
    return this.decisions.decide(id, acknowledgeBriefUpdate, { actor }, requestId);
  }

  /** The agency's offer to the creator ('agency') or the creator's counter-offer ('creator'). */
  offerTerms(id: string, party: TermsParty, actor: Actor, terms: Terms, requestId?: string): Promise<CollaborationState> {
    return this.decisions.decide(id, party === 'agency' ? proposeTermsUpdate : counterOfferUpdate, { actor, terms }, requestId);
  }

  acceptTerms(id: string, actor: Actor, requestId?: string): Promise<CollaborationState> {
    return this.decisions.decide(id, acceptTermsUpdate, { actor }, requestId);
  }

  approveCommercials(id: string, actor: Actor, reason: string, requestId?: string): Promise<CollaborationState> {
    return this.decisions.decide(id, approveCommercialsUpdate, { actor, reason }, requestId);
  }

  /** The creator leaves the collaboration; the workflow compensates and tells the manager. */
  dropOut(id: string, actor: Actor, reason: string, requestId?: string): Promise<CollaborationState> {
    return this.decisions.decide(id, dropOutUpdate, { actor, reason }, requestId);
  }

  private async insertCollaboration(dto: CreateCollaborationDto, actor: Actor, requestKey?: string): Promise<{ campaign: Campaign; collaboration: Collaboration }> {
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
        // The same request racing itself: the other attempt made the collaboration.
        const earlier = requestKey ? await this.collaborationMadeWith(requestKey, dto) : null;
        if (earlier) return earlier;
        throw new ConflictException('This creator is already booked on this campaign');
      }
      throw error;
    }
  }

  /**
   * Sends the booking's creator (or brand contact) a new portal link by e-mail; the previous one
   * stops working (docs/portal.md). Staff within the booking's reach.
   */
  async sendPortalLink(id: string, party: Party, actor: Actor): Promise<{ party: Party; sent: true }> {
    const collaboration = await this.decisions.inReach(id, actor);
    if (isTerminal(collaboration.stage)) throw new ConflictException(`The booking is ${collaboration.stage}: its links have ended`);
    if (party === Party.Brand) {
      const campaign = await this.db.getRepository(Campaign).findOneByOrFail({ id: collaboration.campaignId });
      if (campaign.draftReviewer !== DraftReviewer.Brand) throw new ConflictException("This campaign's drafts are reviewed by a manager, not the brand: set the campaign's draft reviewer to brand first");
    }
    const outcome = await this.invitations.invite(id, party, { by: actor }).catch((error: unknown) => {
      // The mail server's answer is logged, never shown (it may name hosts); the new link was not delivered.
      this.logger.warn(`portal link for collaboration ${id} not sent: ${error instanceof Error ? error.message : String(error)}`);
      throw new ServiceUnavailableException('The mail server did not take the message; try again in a few minutes');
    });
    if (outcome === 'mail_off') throw new ConflictException('E-mail is off (SMTP_URL is not set): no link can be sent');
    if (outcome === 'no_address') throw new ConflictException(party === Party.Creator ? 'The creator has no contact e-mail' : 'The brand has no contact with an e-mail');
    return { party, sent: true };
  }

  /** Staff revoke the booking's portal links (one party's, or all): they stop working at once. */
  async revokePortalLinks(id: string, actor: Actor, party?: Party): Promise<{ revoked: number }> {
    await this.decisions.inReach(id, actor);
    const revoked = await new PortalLinks(this.db, this.config.portal.linkTtlMs).revoke(id, 'revoked by staff', actor, party);
    return { revoked };
  }

  /**
   * A draft file uploaded through the creator's portal, for staff within the booking's reach:
   * only a file that is one of this booking's drafts (docs/portal.md#uploads).
   */
  async draftFile(id: string, hash: string, actor: Actor): Promise<Buffer> {
    await this.decisions.inReach(id, actor, BOOKING_ACT);
    const owned = await this.db.query(
      `SELECT 1 FROM "draft_submissions" d JOIN "deliverables" del ON del."id" = d."deliverableId" WHERE del."collaborationId" = $1 AND d."assetUrl" = $2 LIMIT 1`,
      [id, `upload:${hash}`],
    );
    const bytes = owned.length ? await new LocalDiskUploadStore(this.config.portal.uploads.dir).get(hash) : null;
    if (!bytes) throw new NotFoundException(`Collaboration ${id} has no uploaded draft ${hash}`);
    return bytes;
  }

  private get invitations(): PortalInvitations {
    return new PortalInvitations(this.db, new EmailDelivery(this.db, this.config), this.config);
  }
}
