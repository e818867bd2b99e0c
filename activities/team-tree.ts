import type { Logger } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { appendAudit } from '../libs/db/audit';
import { Escalation, Notification, User } from '../libs/domain/entities';
import { EscalationStatus } from '../libs/domain/rules/escalations';
import { withinApprovalLimit } from '../libs/domain/rules/margin';
import { Role, type Actor } from '../libs/domain/rules/roles';
import { requireCollaboration } from './booking-record';

/** Who is above whom (users.managerId): where an unresolved escalation, or an approval above a limit, goes next. */

export interface ApprovalAuthorityInput {
  collaborationId: string;
  approver: Actor;
  /** The margin given up below the floor, in minor units of the deal's currency. */
  exceptionMinor: number;
  currency: string;
  reason: string;
  at: string;
  eventKey: string;
}

export interface ReescalateInput {
  escalationId: string;
  collaborationId: string;
  at: string;
  eventKey: string;
}

/**
 * Whether the approver may approve this margin exception alone (docs/domain.md#approval-limits):
 * admins always; a manager within their own limit (none set: any). Above it, their endorsement
 * is audited and the approval goes to their own manager (null: nobody above, an admin must).
 */
export async function approvalAuthority(db: DataSource, input: ApprovalAuthorityInput): Promise<{ withinLimit: boolean; nextApproverId: string | null }> {
  if (input.approver.role === Role.Admin) return { withinLimit: true, nextApproverId: null };
  return db.transaction(async (tx) => {
    await requireCollaboration(tx, input.collaborationId);
    const approver = await tx.findOneBy(User, { id: input.approver.userId });
    const limit = { amountMinor: approver?.approvalLimitMinor ?? null, currency: approver?.approvalLimitCurrency ?? null };
    if (approver && withinApprovalLimit({ amountMinor: input.exceptionMinor, currency: input.currency }, limit)) return { withinLimit: true, nextApproverId: null };
    const next = approver?.managerId ? await tx.findOneBy(User, { id: approver.managerId, active: true }) : null;
    await appendAudit(tx, {
      actor: input.approver,
      action: 'collaboration.margin_exception_endorsed',
      entity: 'Collaboration',
      entityId: input.collaborationId,
      after: { exceptionMinor: input.exceptionMinor, currency: input.currency, limit, reason: input.reason, awaitedFrom: next?.id ?? 'admin' },
      at: new Date(input.at),
      eventKey: input.eventKey,
    });
    return { withinLimit: false, nextApproverId: next?.id ?? null };
  });
}

/**
 * An escalation left unresolved past its own deadline goes to its assignee's manager: the
 * row is reassigned (open again, for the new assignee to acknowledge), audited, and the new
 * assignee notified and e-mailed. Returns the new assignee, or null when nobody is above (or
 * it is already resolved). A retry finds its own notification and changes nothing more.
 */
export async function reescalateUp(db: DataSource, input: ReescalateInput, logger: Pick<Logger, 'warn'>): Promise<string | null> {
  const notifyKey = `${input.eventKey}:notify`;
  const assigneeId = await db.transaction(async (tx) => {
    const done = await tx.findOneBy(Notification, { eventKey: notifyKey });
    if (done) return done.recipientId;
    const escalation = await tx.findOneBy(Escalation, { id: input.escalationId, collaborationId: input.collaborationId });
    if (!escalation) {
      throw ApplicationFailure.nonRetryable(`Escalation ${input.escalationId} does not belong to collaboration ${input.collaborationId}`, 'CollaborationNotFound');
    }
    if (escalation.status === EscalationStatus.Resolved || !escalation.assigneeId) return null;
    const current = await tx.findOneBy(User, { id: escalation.assigneeId });
    const next = current?.managerId ? await tx.findOneBy(User, { id: current.managerId, active: true }) : null;
    if (!next || next.id === escalation.assigneeId) return null;
    await tx.update(Escalation, { id: escalation.id }, { assigneeId: next.id, status: EscalationStatus.Open });
    await appendAudit(tx, {
      action: 'escalation.reescalated',
      entity: 'Escalation',
      entityId: escalation.id,
      before: { assigneeId: escalation.assigneeId, status: escalation.status },
      after: { assigneeId: next.id, status: EscalationStatus.Open },
      at: new Date(input.at),
      eventKey: input.eventKey,
    });
    await tx
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values({
        recipientId: next.id,
        collaborationId: input.collaborationId,
        kind: `escalation.${escalation.kind}`,
        message: `Unresolved since ${escalation.raisedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, so it comes to you now: ${escalation.summary}`,
        eventKey: notifyKey,
      })
      .orIgnore()
      .execute();
    logger.warn(`escalation ${escalation.kind} of collaboration ${input.collaborationId} re-escalated up the team tree`);
    return next.id;
  });
  return assigneeId;
}

