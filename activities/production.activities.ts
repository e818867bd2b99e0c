import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource, In } from 'typeorm';
import { appendAudit } from '../libs/db/audit';
import { Brand, Campaign, Collaboration, Deliverable, DraftSubmission } from '../libs/domain/entities';
import { deliverableDeadlineName } from '../libs/domain/rules/deadline-names';
import type { DisclosureFacts } from '../libs/domain/rules/disclosure-facts';
import { checkContent } from './content-check';
import { DeliverableStatus, DraftDecision } from '../libs/domain/rules/lifecycle';
import { isStaff, type Actor } from '../libs/domain/rules/roles';
import { PortalInvitations } from './portal-invitations';
import type { DeliverablePlan } from '../libs/domain/rules/terms';
import { requireCollaboration } from './booking-record';

export interface PlannedDeliverable {
  deliverableId: string;
  type: string;
  platform: string;
  draftDueAt: string;
  scheduledPostAt?: string;
  maxRevisions: number;
}

export interface RecordDraftInput {
  collaborationId: string;
  deliverableId: string;
  version: number;
  assetUrl: string;
  caption: string;
  paidPartnershipLabel?: boolean;
  /** Declared with the draft: format, on-screen label, spoken disclosure, language, length. */
  disclosure?: DisclosureFacts;
  actor: Actor;
  at: string;
}

export interface DraftCheck {
  compliant: boolean;
  violations: { rule: string; message: string; guideline: string }[];
}

export interface RecordReviewInput {
  deliverableId: string;
  version: number;
  decision: DraftDecision;
  feedback?: string;
  /** The deliverable as the workflow now sees it. */
  status: DeliverableStatus;
  revisionCount: number;
  maxRevisions: number;
  actor?: Actor;
  at: string;
  eventKey: string;
}

/** IN_PRODUCTION's records: deliverables, draft versions with their compliance result, reviews. */
@Injectable()
export class ProductionActivities {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    /** The brand contact's review link, when the campaign routes reviews to the brand (docs/portal.md). */
    @Optional() private readonly invitations?: PortalInvitations,
  ) {}

  /** The deliverables the agreed terms list, created once (a retry returns the same rows). */
  async createDeliverables(input: { collaborationId: string; deliverables: DeliverablePlan[]; at: string }): Promise<PlannedDeliverable[]> {
    return this.db.transaction(async (tx) => {
      const collaboration = await requireCollaboration(tx, input.collaborationId);
      let rows = await tx.find(Deliverable, { where: { collaborationId: collaboration.id }, order: { createdAt: 'ASC', id: 'ASC' } });
      if (rows.length === 0) {
        rows = [];
        for (const plan of input.deliverables) {
          rows.push(
            await tx.save(
              tx.create(Deliverable, {
                collaborationId: collaboration.id,
                type: plan.type,
                platform: plan.platform,
                draftDueAt: new Date(plan.draftDueAt),
                scheduledPostAt: plan.scheduledPostAt ? new Date(plan.scheduledPostAt) : null,
                status: DeliverableStatus.Drafting,
              }),
            ),
          );
        }
        // The workflow's IN_PRODUCTION deadlines are these due dates; the row shows them too, so
        // readers need not ask the workflow (docs/projections.md).
        await tx.update(Collaboration, { id: collaboration.id }, {
          deadlines: Object.fromEntries(rows.map((d) => [deliverableDeadlineName('draftDue', d.id), d.draftDueAt!.toISOString()])),
        });
        await appendAudit(tx, {
          action: 'deliverables.planned',
          entity: 'Collaboration',
          entityId: collaboration.id,
          after: { deliverables: rows.map((d) => ({ id: d.id, type: d.type, platform: d.platform })) },
          at: new Date(input.at),
          eventKey: `${collaboration.workflowId}:deliverables-planned`,
        });
      }
      // In the order of the plan, also on a retry that reads the rows back.
      const unused = [...rows];
      const ordered = input.deliverables.map((plan) => {
        const index = unused.findIndex((d) => d.type === plan.type && d.platform === plan.platform && d.draftDueAt?.getTime() === Date.parse(plan.draftDueAt));
        return unused.splice(index === -1 ? 0 : index, 1)[0];
      });
      return ordered.map((d) => ({
        deliverableId: d.id,
        type: d.type,
        platform: d.platform,
        draftDueAt: d.draftDueAt!.toISOString(),
        ...(d.scheduledPostAt ? { scheduledPostAt: d.scheduledPostAt.toISOString() } : {}),
        maxRevisions: d.maxRevisions,
      }));
    });
  }

  /**
   * Stores a draft version and checks it against the market's disclosure rules and the brand's
   * guidelines (docs/domain.md#the-collaboration-lifecycle). A failing draft goes back to the creator with the reasons.
   */
  async recordDraft(input: RecordDraftInput): Promise<DraftCheck> {
    const check = await this.storeDraft(input);
    // The brand is told where to review, once, with the booking's first draft.
    await this.invitations?.inviteBrandReviewer(input.collaborationId);
    return check;
  }

  private storeDraft(input: RecordDraftInput): Promise<DraftCheck> {
    return this.db.transaction(async (tx) => {
      const collaboration = await requireCollaboration(tx, input.collaborationId);
      const deliverable = await tx.findOneByOrFail(Deliverable, { id: input.deliverableId, collaborationId: collaboration.id });
      const campaign = await tx.findOneByOrFail(Campaign, { id: collaboration.campaignId });
      const brand = await tx.findOneByOrFail(Brand, { id: campaign.brandId });
      const result = await checkContent(tx, {
        campaign,
        brand,
        creatorId: collaboration.creatorId,
        platform: deliverable.platform,
        caption: input.caption,
        paidPartnershipLabel: input.paidPartnershipLabel,
        disclosure: input.disclosure,
      });
      const existing = await tx.findOneBy(DraftSubmission, { deliverableId: deliverable.id, version: input.version });
      if (!existing) {
        const draft = await tx.save(
          tx.create(DraftSubmission, {
            deliverableId: deliverable.id,
            version: input.version,
            assetUrl: input.assetUrl,
            caption: input.caption,
            complianceResult: input.disclosure ? { ...result, declared: input.disclosure } : result,
            submittedAt: new Date(input.at),
          }),
        );
        await tx.update(Deliverable, { id: deliverable.id }, {
          status: result.compliant ? DeliverableStatus.InReview : DeliverableStatus.ChangesRequested,
          caption: input.caption,
        });
        await appendAudit(tx, {
          actor: input.actor,
          action: result.compliant ? 'draft.submitted' : 'draft.failed_compliance',
          entity: 'DraftSubmission',
          entityId: draft.id,
          after: { deliverableId: deliverable.id, version: input.version, violations: result.violations.map((v) => v.rule) },
          at: new Date(input.at),
          eventKey: `${collaboration.workflowId}:draft:${deliverable.id}:${input.version}`,
        });
      }
      return { compliant: result.compliant, violations: result.violations.map(({ rule, message, guideline }) => ({ rule, message, guideline })) };
    });
  }

  /** Dropout: deliverables not yet approved will not be made. */
  async cancelDeliverables(input: { collaborationId: string; reason: string; actor?: Actor; at: string }): Promise<number> {
    return this.db.transaction(async (tx) => {
      const collaboration = await requireCollaboration(tx, input.collaborationId);
      const open = await tx.findBy(Deliverable, { collaborationId: collaboration.id, status: In([DeliverableStatus.Planned, DeliverableStatus.Drafting, DeliverableStatus.InReview, DeliverableStatus.ChangesRequested]) });
      for (const deliverable of open) {
        await tx.update(Deliverable, { id: deliverable.id }, { status: DeliverableStatus.Cancelled });
        await appendAudit(tx, {
          actor: input.actor,
          action: 'deliverable.cancelled',
          entity: 'Deliverable',
          entityId: deliverable.id,
          before: { status: deliverable.status },
          after: { status: DeliverableStatus.Cancelled, reason: input.reason },
          at: new Date(input.at),
          eventKey: `${collaboration.workflowId}:deliverable-cancelled:${deliverable.id}`,
        });
      }
      return open.length;
    });
  }

  /** A review (or the system accepting a draft) on the stored version, and the deliverable's new status. */
  async recordReview(input: RecordReviewInput): Promise<void> {
    await this.db.transaction(async (tx) => {
      const draft = await tx.findOneBy(DraftSubmission, { deliverableId: input.deliverableId, version: input.version });
      if (!draft) throw ApplicationFailure.nonRetryable(`Draft ${input.version} of deliverable ${input.deliverableId} does not exist`, 'CollaborationNotFound');
      if (!draft.decision) {
        await tx.update(DraftSubmission, { id: draft.id }, {
          decision: input.decision,
          feedback: input.feedback ?? null,
          // A brand contact reviewing through their link has no user row; the audit entry names them.
          reviewerId: input.actor && isStaff(input.actor) ? input.actor.userId : null,
          reviewedAt: new Date(input.at),
        });
      }
      await tx.update(Deliverable, { id: input.deliverableId }, { status: input.status, revisionCount: input.revisionCount, maxRevisions: input.maxRevisions });
      await appendAudit(tx, {
        actor: input.actor,
        action: input.decision === DraftDecision.Approved ? 'draft.approved' : 'draft.changes_requested',
        entity: 'DraftSubmission',
        entityId: draft.id,
        after: { decision: input.decision, feedback: input.feedback, revisionCount: input.revisionCount },
        at: new Date(input.at),
        eventKey: input.eventKey,
      });
    });
  }
}
