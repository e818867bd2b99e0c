import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Escalation } from '../../../libs/domain/entities';
import type { EscalationResolution } from '../../../libs/domain/rules/escalations';
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
}
