import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Contract } from '../../../libs/domain/entities';
import type { Actor } from '../../../libs/domain/rules/roles';
import { recordSignatureUpdate, type CollaborationState } from '../../../workflows/messages';
import { CollaborationDecisions } from '../collaborations/collaboration-decisions';

/** A collaboration's contracts and the signatures on them (the REST API and the panel). */
@Injectable()
export class ContractsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly decisions: CollaborationDecisions,
  ) {}

  async contracts(id: string): Promise<Contract[]> {
    await this.decisions.findOne(id);
    return this.db.getRepository(Contract).find({ where: { collaborationId: id }, order: { createdAt: 'ASC' } });
  }

  /** A signature on one of the collaboration's contracts (the creator's first, then the agency's). */
  async recordSignature(
    id: string,
    contractId: string,
    actor: Actor,
    signature: { party: 'creator' | 'agency'; documentHash: string },
    requestId?: string,
  ): Promise<CollaborationState> {
    const contract = await this.db.getRepository(Contract).findOneBy({ id: contractId, collaborationId: id });
    if (!contract) throw new NotFoundException(`Contract ${contractId} does not exist on collaboration ${id}`);
    return this.decisions.decide(id, recordSignatureUpdate, { actor, contractId, ...signature }, requestId);
  }
}
