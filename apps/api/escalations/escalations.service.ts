import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Escalation } from '../../../libs/domain/entities';
import { appendAudit } from '../../../libs/db/audit';
import { EscalationStatus, type EscalationResolution } from '../../../libs/domain/rules/escalations';
import type { Actor } from '../../../libs/domain/rules/roles';
import { resolveEscalationUpdate, type CollaborationState } from '../../../workflows/messages';
import { CollaborationDecisions } from '../collaborations/collaboration-decisions';

/** A collaboration's escalations and the manager's decisions on them (the REST API and the panel). */
@Injectable()
export class EscalationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly decisions: CollaborationDecisions,
  ) {}

  /** The collaboration's escalations, newest first, open and resolved. */
  async escalations(id: string): Promise<Escalation[]> {
    await this.decisions.findOne(id);
    return this.db.getRepository(Escalation).find({ where: { collaborationId: id }, order: { raisedAt: 'DESC' } });
  }

  /** A manager's decision on one of the collaboration's open escalations. */
  async resolveEscalation(
    id: string,
    escalationId: string,
    actor: Actor,
    decision: { resolution: EscalationResolution; reason: string; extendBy?: string },
    requestId?: string,
  ): Promise<CollaborationState> {
    const escalation = await this.db.getRepository(Escalation).findOneBy({ id: escalationId, collaborationId: id });
    if (!escalation) throw new NotFoundException(`Escalation ${escalationId} does not exist on collaboration ${id}`);
    return this.decisions.decide(id, resolveEscalationUpdate, { actor, escalationId, ...decision }, requestId);
  }

  /**
   * The assignee has seen the escalation (opened it in the panel, or said so through the API): it
   * becomes `acknowledged` until resolved or re-escalated to someone else. Only the assignee may;
   * saying it again changes nothing.
   */
  async acknowledge(id: string, escalationId: string, actor: Actor): Promise<Escalation> {
    await this.decisions.findOne(id);
    const outcome = await this.acknowledgeIfAssignee(escalationId, actor, id);
    if (outcome === 'missing') throw new NotFoundException(`Escalation ${escalationId} does not exist on collaboration ${id}`);
    if (outcome === 'not-assignee') throw new ForbiddenException('Only the escalation\'s assignee can acknowledge it');
    if (outcome === 'resolved') throw new ConflictException(`Escalation ${escalationId} is already resolved`);
    return this.db.getRepository(Escalation).findOneByOrFail({ id: escalationId });
  }

  /** Opening an escalation in the panel acknowledges it, when the one opening it is its assignee. */
  async openedInPanel(escalationId: string, actor: Actor): Promise<void> {
    await this.acknowledgeIfAssignee(escalationId, actor);
  }

  private acknowledgeIfAssignee(escalationId: string, actor: Actor, collaborationId?: string): Promise<'acknowledged' | 'missing' | 'not-assignee' | 'resolved'> {
    return this.db.transaction(async (tx) => {
      const escalation = await tx.findOne(Escalation, { where: { id: escalationId, ...(collaborationId ? { collaborationId } : {}) }, lock: { mode: 'pessimistic_write' } });
      if (!escalation) return 'missing';
      if (escalation.assigneeId !== actor.userId) return 'not-assignee';
      if (escalation.status === EscalationStatus.Resolved) return 'resolved';
      if (escalation.status === EscalationStatus.Acknowledged) return 'acknowledged';
      await tx.update(Escalation, { id: escalation.id }, { status: EscalationStatus.Acknowledged });
      await appendAudit(tx, {
        actor,
        action: 'escalation.acknowledged',
        entity: 'Escalation',
        entityId: escalation.id,
        before: { status: escalation.status },
        after: { status: EscalationStatus.Acknowledged },
      });
      return 'acknowledged';
    });
  }
}
