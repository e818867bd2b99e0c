import { Injectable, NotFoundException } from '@nestjs/common';
import { UpdateDefinition } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { MONEY_READ } from '../../../libs/domain/rules/reach';
import type { Actor } from '../../../libs/domain/rules/roles';
import { TemporalClient } from '../../../libs/temporal/temporal.module';
import { approvePayoutUpdate, PayoutState, payoutStateQuery, payoutWorkflowId, submitInvoiceUpdate } from '../../../workflows/payout-messages';
import { CollaborationDecisions } from '../collaborations/collaboration-decisions';
import { toHttpError } from '../common/workflow-errors';

/** A collaboration's payout (its child workflow): invoice and finance's approval (the REST API and the panel). */
@Injectable()
export class PayoutsService {
  constructor(
    private readonly temporal: TemporalClient,
    private readonly decisions: CollaborationDecisions,
  ) {}

  /** The payout's live state, once the collaboration has reached PAYOUT. */
  async payout(id: string, actor: Actor): Promise<PayoutState> {
    await this.decisions.inReach(id, actor, MONEY_READ, `The payout of collaboration ${id}`);
    try {
      return await this.temporal.client.workflow.getHandle(payoutWorkflowId(id)).query(payoutStateQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new NotFoundException(`Collaboration ${id} has no payout yet; it starts in the PAYOUT stage`);
      throw toHttpError(error, `Collaboration ${id}`);
    }
  }

  submitInvoice(id: string, actor: Actor, invoiceNumber: string, requestId?: string): Promise<PayoutState> {
    return this.decide(id, submitInvoiceUpdate, { actor, invoiceNumber }, requestId);
  }

  /** Finance's approval; the workflow refuses the requester and whoever agreed the fee. */
  approvePayout(id: string, actor: Actor, requestId?: string): Promise<PayoutState> {
    return this.decide(id, approvePayoutUpdate, { actor }, requestId);
  }

  private async decide<Input extends { actor: Actor }>(
    id: string,
    update: UpdateDefinition<PayoutState, [Input]>,
    input: Input,
    requestId?: string,
  ): Promise<PayoutState> {
    await this.decisions.inReach(id, input.actor);
    return this.decisions.send(id, payoutWorkflowId(id), update, input, requestId, `Collaboration ${id} has no payout yet; it starts in the PAYOUT stage`);
  }
}
