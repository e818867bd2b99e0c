import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource, EntityManager } from 'typeorm';
import { appendAudit } from '../libs/db/audit';
import { Campaign, Collaboration, Escalation, Notification, User } from '../libs/domain/entities';
import { EscalationKind, EscalationResolution, EscalationSeverity, EscalationStatus } from '../libs/domain/rules/escalations';
import { Party, Role, type Actor } from '../libs/domain/rules/roles';
import type { Terms } from '../libs/domain/rules/terms';
import { CollaborationStage, TERMINAL_STAGES } from '../libs/domain/rules/stages';
import { requireCollaboration } from './booking-record';
import { NotificationChannels, type NotificationSender } from './notification-channels';
import { PortalInvitations } from './portal-invitations';
import { BRAND_CONTACT_REMINDERS, BrandContactMail } from './brand-contact-mail';
import { approvalAuthority, reescalateUp, type ApprovalAuthorityInput, type ReescalateInput } from './team-tree';

export type { ApprovalAuthorityInput, ReescalateInput } from './team-tree';

export interface RecordStageInput {
  collaborationId: string;
  from: CollaborationStage | null;
  to: CollaborationStage;
  /** Deadline name → ISO time, for the panel. */
  deadlines: Record<string, string>;
  at: string;
  eventKey: string;
  /** Who caused the move, when a person did (a dropout), and why. */
  actor?: Actor;
  reason?: string;
}

export interface RecordDeadlinesInput {
  collaborationId: string;
  deadlines: Record<string, string>;
  eventKey: string;
}

export interface RecordTermsInput {
  collaborationId: string;
  terms: Terms;
  marginBps: number;
  actor: Actor;
  at: string;
  eventKey: string;
}

export interface RecordCommercialsApprovalInput {
  collaborationId: string;
  marginBps: number;
  floorBps: number;
  actor: Actor;
  reason: string;
  at: string;
  eventKey: string;
}

export interface CloseEscalationInput {
  escalationId: string;
  collaborationId: string;
  resolution: EscalationResolution;
  reason: string;
  actor?: Actor;
  at: string;
  eventKey: string;
}

export interface RecordBriefAcknowledgementInput {
  collaborationId: string;
  actor: Actor;
  at: string;
  eventKey: string;
}

export interface RemindInput {
  collaborationId: string;
  kind: string;
  message: string;
  eventKey: string;
  /** Who is nudged; the talent manager when absent (every reminder before this existed). */
  recipient?: 'talent_manager' | 'approver' | 'finance';
}

export interface EscalateInput {
  collaborationId: string;
  kind: EscalationKind;
  severity: EscalationSeverity;
  summary: string;
  at: string;
  eventKey: string;
}

/**
 * The collaboration workflow's side effects on the database. Every method is idempotent by
 * its eventKey (workflow id + step), so Temporal may retry any of them after a crash.
 */
@Injectable()
export class CollaborationActivities {
  private readonly logger = new Logger(CollaborationActivities.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    /** Sends each notification written here by e-mail too, in the same activity (no new workflow step). */
    // Every channel beside the inbox (e-mail, team webhooks); the name predates webhooks and other activities call it.
    @Optional() @Inject(NotificationChannels) private readonly email?: NotificationSender,
    /** The creator's portal link when the booking is briefed; links end with the booking (docs/portal.md). */
    @Optional() private readonly invitations?: PortalInvitations,
    /** The brand contact's copy of a licence or exclusivity reminder. */
    @Optional() private readonly brandContact?: BrandContactMail,
  ) {}

  /** Projects the workflow's stage and deadlines onto the row the panel lists. */
  async recordStage(input: RecordStageInput): Promise<void> {
    await this.db.transaction(async (tx) => {
      await requireCollaboration(tx, input.collaborationId);
      await tx.update(Collaboration, { id: input.collaborationId }, { stage: input.to, deadlines: input.deadlines });
      await appendAudit(tx, {
        actor: input.actor,
        action: 'collaboration.stage_changed',
        entity: 'Collaboration',
        entityId: input.collaborationId,
        before: input.from ? { stage: input.from } : null,
        after: { stage: input.to, deadlines: input.deadlines, ...(input.reason ? { reason: input.reason } : {}) },
        at: new Date(input.at),
        eventKey: input.eventKey,
      });
    });
    if (input.to === CollaborationStage.Briefed) await this.invitations?.invite(input.collaborationId, Party.Creator);
    if (TERMINAL_STAGES.includes(input.to)) await this.invitations?.bookingEnded(input.collaborationId, input.to);
  }

  /** Shows moved deadlines (an extension) on the row, and audits the move. */
  async recordDeadlines(input: RecordDeadlinesInput): Promise<void> {
    await this.db.transaction(async (tx) => {
      const before = await requireCollaboration(tx, input.collaborationId);
      await tx.update(Collaboration, { id: input.collaborationId }, { deadlines: input.deadlines });
      await appendAudit(tx, {
        action: 'collaboration.deadlines_moved',
        entity: 'Collaboration',
        entityId: input.collaborationId,
        before: { deadlines: before.deadlines },
        after: { deadlines: input.deadlines },
        eventKey: input.eventKey,
      });
    });
  }

  /** Resolves an escalation with who decided what and why; a retry changes nothing more. */
  async closeEscalation(input: CloseEscalationInput): Promise<void> {
    await this.db.transaction(async (tx) => {
      const escalation = await tx.findOneBy(Escalation, { id: input.escalationId, collaborationId: input.collaborationId });
      if (!escalation) {
        throw ApplicationFailure.nonRetryable(`Escalation ${input.escalationId} does not belong to collaboration ${input.collaborationId}`, 'CollaborationNotFound');
      }
      if (escalation.status !== EscalationStatus.Resolved) {
        await tx.update(Escalation, { id: escalation.id }, {
          status: EscalationStatus.Resolved,
          resolution: `${input.resolution}: ${input.reason}`,
          resolvedById: input.actor?.userId ?? null,
          resolvedAt: new Date(input.at),
        });
      }
      await appendAudit(tx, {
        actor: input.actor,
        action: 'escalation.resolved',
        entity: 'Escalation',
        entityId: escalation.id,
        before: { status: escalation.status },
        after: { status: EscalationStatus.Resolved, resolution: input.resolution, reason: input.reason },
        at: new Date(input.at),
        eventKey: input.eventKey,
      });
    });
  }

  /** Writes the agreed commercials onto the collaboration: prices, margin, rights, exclusivity, payment terms. */
  async recordTerms(input: RecordTermsInput): Promise<void> {
    await this.db.transaction(async (tx) => {
      const before = await requireCollaboration(tx, input.collaborationId);
      const { terms } = input;
      await tx.update(Collaboration, { id: input.collaborationId }, {
        brandPriceMinor: terms.brandPriceMinor,
        creatorFeeMinor: terms.creatorFeeMinor,
        currency: terms.currency,
        marginBps: input.marginBps,
        usageRights: terms.usageRights ?? {},
        exclusivity: terms.exclusivity ?? null,
        paymentTerms: { netDays: terms.paymentNetDays, killFeeBps: terms.killFeeBps },
      });
      await appendAudit(tx, {
        actor: input.actor,
        action: 'collaboration.terms_agreed',
        entity: 'Collaboration',
        entityId: input.collaborationId,
        before: { brandPriceMinor: before.brandPriceMinor, creatorFeeMinor: before.creatorFeeMinor, marginBps: before.marginBps },
        after: { ...terms, marginBps: input.marginBps },
        at: new Date(input.at),
        eventKey: input.eventKey,
      });
    });
  }

  async recordCommercialsApproval(input: RecordCommercialsApprovalInput): Promise<void> {
    await this.db.transaction(async (tx) => {
      await requireCollaboration(tx, input.collaborationId);
      await appendAudit(tx, {
        actor: input.actor,
        action: 'collaboration.margin_exception_approved',
        entity: 'Collaboration',
        entityId: input.collaborationId,
        after: { marginBps: input.marginBps, floorBps: input.floorBps, reason: input.reason },
        at: new Date(input.at),
        eventKey: input.eventKey,
      });
    });
  }

  /** The end of what the contract granted: the usage licence lapsed, or the exclusivity ended. */
  async recordLicenceEnd(input: { collaborationId: string; what: 'usage_rights' | 'exclusivity'; at: string; eventKey: string }): Promise<void> {
    await this.db.transaction(async (tx) => {
      const collaboration = await requireCollaboration(tx, input.collaborationId);
      if (input.what === 'usage_rights') {
        await tx.update(Collaboration, { id: collaboration.id }, { usageRights: { ...collaboration.usageRights, expiredAt: input.at } });
      }
      await appendAudit(tx, {
        action: input.what === 'usage_rights' ? 'usage_rights.expired' : 'exclusivity.ended',
        entity: 'Collaboration',
        entityId: collaboration.id,
        after: input.what === 'usage_rights' ? { usageRights: collaboration.usageRights } : { exclusivity: collaboration.exclusivity },
        at: new Date(input.at),
        eventKey: input.eventKey,
      });
    });
  }

  async recordBriefAcknowledgement(input: RecordBriefAcknowledgementInput): Promise<void> {
    await this.db.transaction(async (tx) => {
      await requireCollaboration(tx, input.collaborationId);
      await tx.update(Collaboration, { id: input.collaborationId }, { briefAcknowledgedAt: new Date(input.at), briefChangedAt: null });
      await appendAudit(tx, {
        actor: input.actor,
        action: 'collaboration.brief_acknowledged',
        entity: 'Collaboration',
        entityId: input.collaborationId,
        after: { briefAcknowledgedAt: input.at },
        at: new Date(input.at),
        eventKey: input.eventKey,
      });
    });
  }

  /** Queues a reminder for the collaboration's talent manager (or its approver, or finance) and e-mails it, once per eventKey. */
  async remind(input: RemindInput): Promise<void> {
    const collaboration = await requireCollaboration(this.db.manager, input.collaborationId);
    const recipientId =
      input.recipient === 'approver' ? await this.escalationAssignee(this.db.manager, collaboration, EscalationKind.CommercialsApprovalOverdue)
      : input.recipient === 'finance' ? await this.escalationAssignee(this.db.manager, collaboration, EscalationKind.PayoutDetailsMissing)
      : collaboration.talentManagerId;
    if (!recipientId) {
      this.logger.warn(`reminder ${input.kind} for collaboration ${collaboration.id} has nobody to go to`);
      return;
    }
    await this.db
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values({
        recipientId,
        collaborationId: collaboration.id,
        kind: input.kind,
        message: input.message,
        eventKey: input.eventKey,
      })
      .orIgnore()
      .execute();
    this.logger.log(`reminder ${input.kind} queued for collaboration ${collaboration.id}`);
    await this.email?.deliverByEventKey(input.eventKey);
    if (BRAND_CONTACT_REMINDERS.includes(input.kind)) await this.brandContact?.copyReminder(input.eventKey);
  }

  /**
   * Records an escalation assigned to the talent manager's manager (the campaign owner when
   * the talent manager has none; finance for missing payout details) and tells the assignee. Returns the escalation's id, the same
   * one on every retry.
   */
  async escalate(input: EscalateInput): Promise<string> {
    const escalationId = await this.db.transaction(async (tx) => {
      const collaboration = await requireCollaboration(tx, input.collaborationId);
      const assigneeId = await this.escalationAssignee(tx, collaboration, input.kind);
      await tx
        .createQueryBuilder()
        .insert()
        .into(Escalation)
        .values({
          collaborationId: collaboration.id,
          campaignId: collaboration.campaignId,
          kind: input.kind,
          severity: input.severity,
          raisedAt: new Date(input.at),
          assigneeId,
          status: EscalationStatus.Open,
          summary: input.summary,
          eventKey: input.eventKey,
        })
        .orIgnore()
        .execute();
      const escalation = await tx.findOneByOrFail(Escalation, { eventKey: input.eventKey });
      await appendAudit(tx, {
        action: 'escalation.raised',
        entity: 'Escalation',
        entityId: escalation.id,
        after: { kind: input.kind, severity: input.severity, collaborationId: collaboration.id, assigneeId },
        at: new Date(input.at),
        eventKey: input.eventKey,
      });
      if (assigneeId) {
        await tx
          .createQueryBuilder()
          .insert()
          .into(Notification)
          .values({
            recipientId: assigneeId,
            collaborationId: collaboration.id,
            kind: `escalation.${input.kind}`,
            message: input.summary,
            eventKey: `${input.eventKey}:notify`,
          })
          .orIgnore()
          .execute();
      }
      this.logger.warn(`escalation ${input.kind} raised for collaboration ${collaboration.id}`);
      return escalation.id;
    });
    // After the commit: the e-mail reads the notification the transaction wrote.
    await this.email?.deliverByEventKey(`${input.eventKey}:notify`);
    return escalationId;
  }

  /** See approvalAuthority (activities/team-tree.ts). */
  commercialsApprovalAuthority(input: ApprovalAuthorityInput): Promise<{ withinLimit: boolean; nextApproverId: string | null }> {
    return approvalAuthority(this.db, input);
  }

  /** See reescalate (activities/team-tree.ts): up to the assignee's manager, notified and e-mailed. */
  async reescalate(input: ReescalateInput): Promise<string | null> {
    const assigneeId = await reescalateUp(this.db, input, this.logger);
    if (assigneeId) await this.email?.deliverByEventKey(`${input.eventKey}:notify`);
    return assigneeId;
  }

  private async escalationAssignee(manager: EntityManager, collaboration: Collaboration, kind: EscalationKind): Promise<string | null> {
    // Payout details are finance's to add: the officer who approved this booking's payout, else the longest-serving one.
    if (kind === EscalationKind.PayoutDetailsMissing) {
      const [finance] = (await manager.query(
        `SELECT u."id" FROM "users" u
          WHERE u."active" AND u."role" = $2
          ORDER BY EXISTS (SELECT 1 FROM "payouts" p WHERE p."collaborationId" = $1 AND p."approvedById" = u."id") DESC, u."createdAt", u."id"
          LIMIT 1`,
        [collaboration.id, Role.Finance],
      )) as Array<{ id: string }>;
      if (finance) return finance.id;
    }
    const talentManager = await manager.findOneBy(User, { id: collaboration.talentManagerId });
    if (talentManager?.managerId) return talentManager.managerId;
    const campaign = await manager.findOneBy(Campaign, { id: collaboration.campaignId });
    return campaign?.ownerId ?? null;
  }
}
